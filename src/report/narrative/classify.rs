//! The subject of a number: from the cue words before and right after it in its clause, by
//! priority (a fee notice, the carry-over, cases, 表二 nouns, results, receipts and replies).

use super::lexicon::*;
use super::numerals::{self, Mention, Unit};
use super::sentences::{Hit, Sentence};
use super::{Active, CaseKind, CasePart, Subject};

impl Sentence {
    /// The subject of the number `m` and the compact range of the statement.
    pub(super) fn classify(
        &self,
        m: &Mention,
        clause: (usize, usize),
        prev_end: usize,
        next_start: usize,
    ) -> Option<(Subject, (usize, usize))> {
        let (cs, ce) = clause;
        let clause_left = (cs, m.start);
        // Comparisons and cumulative figures are not this year's counts.
        if COMPARISON
            .iter()
            .any(|w| self.contains(w, clause_left.0, clause_left.1))
        {
            return None;
        }
        for k in clause_left.0..clause_left.1 {
            if matches!(self.c.get(k), Some('较' | '比'))
                && self.c.get(k + 1).is_some_and(|c| c.is_ascii_digit())
            {
                return None;
            }
        }
        // A clause opening with 其中 continues the clause before it (留言 77 条，其中答复 7 条).
        let request_from = if self.has_at(cs, "其中") && cs > 0 {
            self.c[..cs - 1]
                .iter()
                .rposition(|c| matches!(c, '，' | ',' | '：' | ':'))
                .map_or(0, |k| k + 1)
        } else {
            cs
        };
        // 信访办, 信访局: the agency reporting, not a kind of request.
        let other_request = OTHER_REQUESTS.iter().any(|w| {
            self.occurrences(w, request_from, clause_left.1).any(|k| {
                !(*w == "信访"
                    && matches!(self.c.get(k + 2), Some('办' | '局' | '委' | '处' | '科')))
            })
        });
        if m.unit.is_money() {
            let fee = self
                .hits(0, self.c.len())
                .iter()
                .any(|h| h.cue == Cue::FeeWord);
            return fee.then_some((Subject::Fee, (m.start, m.end)));
        }
        let left = self.hits(prev_end, m.start);
        // A subject word right after the unit (5件行政许可, 8份政府信息公开申请), after 的/已/均.
        // …, after 为/是 (其中 1 件为去年结转) or the reporting body (2 条本机关不掌握…).
        let mut r = m.end;
        while matches!(self.c.get(r), Some('的' | '已' | '均' | '为' | '是')) && r < next_start
        {
            r += 1;
        }
        if let Some(w) = ["本机关", "本单位", "我办", "我局", "我委", "我厅"]
            .iter()
            .find(|w| self.has_at(r, w))
        {
            r += w.chars().count();
        }
        // 其中 9 件为网上申请, 8 份是网络依申请公开: a channel, then the applications.
        let channel_lead = (r > m.end && matches!(self.c[r - 1], '为' | '是'))
            .then_some(())
            .and_then(|()| {
                SUBSET_WORDS
                    .iter()
                    .filter(|w| !PERIOD_WORDS.contains(w))
                    .chain(CHANNEL_WORDS)
                    .find(|w| self.has_at(r, w))
                    .map(|w| r + w.chars().count())
                    .filter(|&k| {
                        self.hits(k, next_start)
                            .first()
                            .is_some_and(|h| h.start == k && h.cue == Cue::App)
                    })
            });
        if let Some(k) = channel_lead {
            r = k;
        }
        let lead = self
            .hits(r, next_start)
            .into_iter()
            .next()
            .filter(|h| h.start == r);
        // A subject word right before the number (予以公开2件, 申请1条), allowing 共/为/了/计/达.
        let adjacent = left.last().filter(|h| {
            let gap: String = self.c[h.end..m.start].iter().collect();
            gap.chars().count() <= 2
                && gap.chars().all(|c| "共为了计达有".contains(c))
                && !matches!(h.cue, Cue::Receive | Cue::Made | Cue::Repealed)
        });
        let clause_hits = self.hits(cs, m.start);
        let sentence_hits = self.hits(0, m.start);
        let has = |hs: &[Hit], f: &dyn Fn(Cue) -> bool| hs.iter().any(|h| f(h.cue));
        let is_verb = |c: Cue| matches!(c, Cue::Made | Cue::Repealed | Cue::Valid);
        // 不予受理 / 不受理 is a result, not a receipt.
        let receive = clause_hits.iter().any(|h| {
            h.cue == Cue::Receive
                && !(h.start >= 1 && self.c[h.start - 1] == '不'
                    || h.start >= 2 && self.has_at(h.start - 2, "不予"))
        });
        // The statement starts at the cue, or at the first of a run of cues of the same kind
        // (结转下年 + 度 + 继续办理).
        let span_from = |h: &Hit| {
            let mut start = h.start;
            let first = h.start;
            for prev in self
                .all_hits
                .iter()
                .rev()
                .filter(|x| x.end <= first && x.start >= cs)
            {
                if prev.cue == h.cue && prev.end + 1 >= start {
                    start = prev.start;
                } else if prev.end + 1 < start {
                    break;
                }
            }
            (start, m.end)
        };

        // 1132 件已按规定在法定期限内予以答复, 其余 54 件全部按时答复: a clause opening with the
        // number, then what became of it.
        // 9 件申请均在法定期限内予以回复: the applications named right after the number.
        if left.is_empty() && self.about_applications {
            let named =
                self.hits(m.end, ce).into_iter().next().filter(|x| {
                    x.start == m.end && x.cue == Cue::App && self.has_at(x.start, "申请")
                });
            let base = named.map_or(m.end, |x| x.end);
            let mut r2 = base;
            while matches!(self.c.get(r2), Some('已' | '均' | '都')) || self.has_at(r2, "全部")
            {
                r2 += if self.has_at(r2, "全部") { 2 } else { 1 };
            }
            let later = self.hits(base, ce);
            // 其中 17 件在法定期限内完成答复: a short plain gap, no negation or delay.
            let plain = |x: &&Hit| {
                let gap = self.c.get(base..x.start).unwrap_or(&[]);
                // (其中 5 件按规定程序及时答复申请人.)
                gap.len() <= 10
                    && !gap.iter().any(|c| "未不没无逾超尚待正".contains(*c))
                    && (self.contains("在", m.end, x.start) || self.has_at(base, "按"))
            };
            let done = later
                .iter()
                .find(|x| x.cue == Cue::Processed)
                .filter(|x| r2 > base || plain(x))
                .filter(|x| {
                    !later
                        .iter()
                        .any(|y| y.start < x.start && !matches!(y.cue, Cue::Processed))
                });
            if let Some(x) = done {
                return Some((Subject::Processed, (m.start, x.end)));
            }
        }
        // 其中 8 件已公开；6 件部分公开: the count, then 已公开 alone.
        // 收到依申请公开 0 件，公开 0 件，不予公开 0 件 / 收到申请 1 件，由自然人提交，公开 1 件:
        // a clause that is 公开 and its count, listed with other results or after the
        // receipts, is the granted row.
        // (其中公开 3 件: the same after 其中.)
        let mut k = cs;
        if self.has_at(k, "其中") {
            k += 2;
            if matches!(self.c.get(k), Some('：' | ':' | '，' | ',')) {
                k += 1;
            }
        }
        if m.start == k + 2
            && self.has_at(k, "公开")
            && m.end == ce
            && self.all_hits.iter().any(|h| {
                matches!(h.cue, Cue::Break(_)) && (h.start >= ce || h.end <= cs)
                    || h.cue == Cue::Receive && h.end <= cs
            })
        {
            return Some((Subject::Break(super::Outcome::Granted), (cs, m.end)));
        }
        // 其中 2 件公开，1 件…不予公开: the count right after 其中, then 公开 alone.
        let after_of_which = r == m.end && self.has_at(cs, "其中") && m.start <= cs + 3;
        if self.has_at(r, "公开")
            && (r > m.end && self.c[r - 1] == '已' || after_of_which)
            && matches!(
                self.c.get(r + 2),
                None | Some('；' | ';' | '，' | ',' | '。')
            )
        {
            return Some((Subject::Break(super::Outcome::Granted), (m.start, r + 2)));
        }
        if adjacent.is_none() {
            if let Some(h) = lead {
                let verb = clause_hits.iter().rev().find(|x| {
                    matches!(
                        x.cue,
                        Cue::Receive | Cue::Processed | Cue::Made | Cue::Repealed
                    )
                });
                let span = (verb.map(|v| v.start).unwrap_or(m.start), h.end);
                // N 件申请…顺延到下年度答复: the carry-over named later in the clause.
                let carried = self
                    .hits(h.end, ce)
                    .into_iter()
                    .find(|x| x.cue == Cue::CarryOut);
                let subject = match h.cue {
                    Cue::App if other_request => None,
                    Cue::App if channel_lead.is_some() => Some(Subject::NewApplications),
                    Cue::App if carried.is_some() => {
                        let end = carried.map_or(h.end, |x| x.end);
                        return Some((Subject::CarryOut, (m.start, end)));
                    }
                    // 受理的 37 件申请件已…予以答复: the answered applications.
                    Cue::App
                        if receive
                            && self.hits(h.end, ce).iter().any(|x| {
                                x.cue == Cue::Processed && self.contains("已", h.end, x.start)
                            }) =>
                    {
                        Some(Subject::Processed)
                    }
                    Cue::App if receive => Some(Subject::NewApplications),
                    Cue::App if has(&clause_hits, &|c| c == Cue::Processed) => {
                        Some(Subject::Processed)
                    }
                    // 2025年度有 1 件依申请公开信息: the applications there were.
                    Cue::App
                        if m.start >= 1
                            && self.c[m.start - 1] == '有'
                            && clause_hits.is_empty()
                            && self.has_at(h.start, "依申请公开")
                            && self.c[h.end..ce]
                                .iter()
                                .all(|c| "信息申请事项。；;".contains(*c)) =>
                    {
                        Some(Subject::NewApplications)
                    }
                    Cue::Break(o) => Some(Subject::Break(o)),
                    Cue::CarryOut => Some(Subject::CarryOut),
                    Cue::CarryIn => Some(Subject::CarryIn),
                    Cue::Processed if !other_request && self.about_applications => {
                        Some(Subject::Processed)
                    }
                    // 1 件维持, 1 件尚未审结 under the 复议/诉讼 named before.
                    Cue::Part(p) => sentence_case(&sentence_hits).map(|kind| case_subject(kind, p)),
                    Cue::Review => Some(Subject::Review(CasePart::Total)),
                    Cue::Litigation => Some(Subject::Litigation(CasePart::Total)),
                    Cue::Noun(_) if self.category(&h) => return None,
                    // 2 项行政许可、6 项行政处罚: kinds of matter, not decisions; 190 条行政许可
                    // “双公示”数据: items published about them (not 条…决定).
                    Cue::Noun(Noun::License | Noun::Penalty | Noun::Enforcement)
                        if m.unit == Unit::Xiang
                            || m.unit == Unit::Tiao
                                && !self.has_at(h.end, "决定")
                                && !self.has_at(h.end, "处理决定") =>
                    {
                        return None
                    }
                    Cue::Noun(n) => self.active(n, &clause_hits),
                    Cue::Notice => Some(Subject::FeeNotices),
                    _ => None,
                };
                if let Some(s) = subject {
                    return Some((s, span));
                }
            }
        }

        if let Some(found) = self.applicant(&left, m) {
            return Some(found);
        }
        // From the words before the number, by priority.
        if let Some(h) = left.iter().rev().find(|h| h.cue == Cue::Notice) {
            return Some((Subject::FeeNotices, span_from(h)));
        }
        if left.iter().any(|h| h.cue == Cue::FeeWord) {
            return None;
        }
        if let Some(h) = left.iter().rev().find(|h| h.cue == Cue::CarryOut) {
            return Some((Subject::CarryOut, span_from(h)));
        }
        if let Some(h) = left.iter().rev().find(|h| h.cue == Cue::CarryIn) {
            return Some((Subject::CarryIn, span_from(h)));
        }
        // Cases: a part (维持 2 件) under the last 复议/诉讼 named in the sentence.
        let case_of = |hs: &[Hit]| {
            hs.iter().rev().find_map(|h| match h.cue {
                Cue::Review => Some((CaseKind::Review, *h)),
                Cue::Litigation => Some((CaseKind::Litigation, *h)),
                _ => None,
            })
        };
        let part = left.iter().rev().find_map(|h| match h.cue {
            Cue::Part(p) => Some((p, *h)),
            _ => None,
        });
        // Only case words between the cue and the number (行政复议案件 3 件, 被纠错的 0 件), not
        // another noun or an enumeration (…行政诉讼情况、…等六个部分).
        let case_gap = |h: &Hit| {
            let gap = self.c.get(h.end..m.start).unwrap_or(&[]);
            gap.len() <= 12 && gap.iter().all(|c| CASE_FILLER.contains(*c))
        };
        if let Some((p, ph)) = part {
            // 尚未审结行政复议 0 件: the part, then the kind of case it is of.
            let kind_after = left
                .iter()
                .find(|h| h.start == ph.end)
                .and_then(|h| match h.cue {
                    Cue::Review => Some((CaseKind::Review, *h)),
                    Cue::Litigation => Some((CaseKind::Litigation, *h)),
                    _ => None,
                });
            // 撤销复议申请 1 件: the applicant withdrew, not a correction.
            let withdrawn = self.has_at(ph.start, "撤销")
                && kind_after.is_some_and(|(_, kh)| self.has_at(kh.end, "申请"));
            if let (true, Some((kind, kh))) = (withdrawn, kind_after) {
                if case_gap(&kh) {
                    return Some((case_subject(kind, CasePart::Other), span_from(&ph)));
                }
            }
            if let Some((kind, kh)) = kind_after.filter(|_| !withdrawn) {
                if case_gap(&kh) {
                    return Some((case_subject(kind, p), span_from(&ph)));
                }
                return None;
            }
            if let Some((kind, _)) = case_of(&sentence_hits) {
                if case_gap(&ph) {
                    return Some((case_subject(kind, p), span_from(&ph)));
                }
                return None;
            }
        } else if let Some((kind, h)) = case_of(&left) {
            if case_gap(&h) {
                return Some((case_subject(kind, CasePart::Total), span_from(&h)));
            }
            return None;
        }
        if let Some(h) = left.iter().rev().find(|h| matches!(h.cue, Cue::Noun(_))) {
            let Cue::Noun(n) = h.cue else { return None };
            if self.category(h) {
                return None;
            }
            // 行政处罚信息 5 条, 通知公告（其中行政处罚 27 条）: published items, not decisions.
            let gap = self.c.get(h.end..m.start).unwrap_or(&[]);
            let gap: String = gap.iter().collect();
            // 行政许可…的依据、条件、程序 31 项, 行政处罚事项新增 10 项: matters, not decisions.
            // 处理并公开行政处罚事项 0 条，行政强制事项 0 条: matters decided (处理) are the
            // decisions, also in the clause right after.
            let from = if h.start == cs {
                self.c[..cs.saturating_sub(1)]
                    .iter()
                    .rposition(|c| matches!(c, '，' | ',' | '；' | ';' | '。'))
                    .map_or(0, |k| k + 1)
            } else {
                h.start.saturating_sub(6)
            };
            let decided = self.contains("处理", from, h.start);
            if matches!(n, Noun::License | Noun::Penalty | Noun::Enforcement)
                && (gap.contains("信息")
                    || m.unit == Unit::Xiang
                    || m.unit == Unit::Tiao && !gap.contains("决定") && !decided)
            {
                return None;
            }
            // 制定发布规章 6 部，行政规范性文件 181 件: a noun opening its clause after a count
            // of table 二 keeps the verb of the clause before.
            let verb_hits = if h.start == cs && !has(&clause_hits, &is_verb) {
                &sentence_hits
            } else {
                &clause_hits
            };
            return self.active(n, verb_hits).map(|s| (s, span_from(h)));
        }
        // 新制定 5 件, 废止 4 件 under the 规章/规范性文件 named earlier in the sentence.
        if let Some(h) = left
            .iter()
            .rev()
            .find(|h| matches!(h.cue, Cue::Made | Cue::Repealed | Cue::Valid))
        {
            let noun = sentence_hits.iter().rev().find_map(|x| match x.cue {
                Cue::Noun(n @ (Noun::Rules | Noun::Docs)) => Some(n),
                _ => None,
            });
            // 新制定 5 件, 废止了 4 件; not 制作发布推文 99 条 (another thing made).
            // 宣布废止失效文件 8 件: the documents named again.
            let gap = self.c.get(h.end..m.start).unwrap_or(&[]);
            let plain = gap.len() <= 6
                && gap
                    .iter()
                    .all(|c| COUNT_FILLER.contains(*c) || "失效文件".contains(*c));
            if let Some(n) = noun.filter(|_| plain) {
                return self.active(n, &left).map(|s| (s, span_from(h)));
            }
        }
        if let Some(h) = left.iter().rev().find(|h| matches!(h.cue, Cue::Break(_))) {
            let Cue::Break(o) = h.cue else { return None };
            return Some((Subject::Break(o), span_from(h)));
        }
        if other_request {
            return None;
        }
        // 收到/答复 counts: only filler words between the nearest cue and the number
        // (申请数量为 25 件, 依申请信息 56 条), not another noun (申请的渠道 3 个).
        // 收到申请公开政府信息的要求 0 条: the requests, counted right after the word.
        let plain_gap = left.last().is_some_and(|h| {
            let gap = self.c.get(h.end..m.start).unwrap_or(&[]);
            gap.len() <= 8 && gap.iter().all(|c| COUNT_FILLER.contains(*c))
                || h.cue == Cue::App
                    && matches!(gap, ['要', '求'] | ['的', '要', '求'] | ['办', '件'])
        });
        if !plain_gap {
            return None;
        }
        if let Some(h) = left.iter().rev().find(|h| h.cue == Cue::Processed) {
            // 收到政府信息依申请公开办理事项 1 件: what was received.
            let received_before = clause_hits
                .iter()
                .position(|x| x.cue == Cue::Receive)
                .is_some_and(|r| {
                    clause_hits[r..]
                        .iter()
                        .take_while(|x| x.start < h.start)
                        .any(|x| x.cue == Cue::App)
                });
            if received_before {
                return Some((Subject::NewApplications, span_from(h)));
            }
            if self.about_applications {
                return Some((Subject::Processed, span_from(h)));
            }
            return None;
        }
        if let Some(h) = left.iter().rev().find(|h| h.cue == Cue::App) {
            // 依申请公开申请数为 21 件: the number of applications.
            // 依申请公开请求 9 件 (the requests, counted right after the word).
            let count_of = self.contains("申请", h.start, h.end)
                && (self.has_at(h.end, "数") || self.has_at(h.end, "请求") && m.start == h.end + 2);
            // 依申请公开 3 次, 依申请公开事项 7 项, 依申请公开信息 30 条: the word alone before
            // its count, with no other cue in the clause, counts the applications.
            // (Not 依申请公开信息 0 条, which may count items disclosed; not 处理…依申请公开
            // 92 件, the processed ones.)
            let bare = self.has_at(h.start, "依申请公开")
                && h.end == h.start + 5
                && clause_hits.len() == 1
                && left.last().is_some_and(|x| x.start == h.start)
                && matches!(m.unit, Unit::Ci | Unit::Jian | Unit::Xiang)
                && self.c[h.end..m.start]
                    .iter()
                    .all(|c| "事项共计为".contains(*c))
                && !["处理", "办理", "答复", "回复", "公开"]
                    .iter()
                    .any(|w| self.contains(w, cs, h.start));
            if receive || (count_of || bare) && left.last().is_some_and(|x| x.start == h.start) {
                let from = clause_hits
                    .iter()
                    .rev()
                    .find(|x| x.cue == Cue::Receive)
                    .map(|x| x.start)
                    .unwrap_or(h.start);
                return Some((Subject::NewApplications, (from, m.end)));
            }
            // 网络申请 24 件, 其中信函申请 10 件: a channel's applications, read as a part.
            let channel = SUBSET_WORDS
                .iter()
                .chain(PERIOD_WORDS)
                .chain(CHANNEL_WORDS)
                .any(|w| self.contains(w, cs, m.start));
            // 通过网上提交的政府信息公开请求 9 件.
            let application = self.contains("申请", h.start, h.end) || self.has_at(h.end, "请求");
            if channel && application && left.last().is_some_and(|x| x.cue == Cue::App) {
                // 共办理并答复信息公开申请 3 件、纸质申请 36 件: an item listed after 、 shares
                // the verb of the list's head, here one of processing.
                let item = (cs..m.start).rev().find(|&k| self.c[k] == '、');
                let processed = item.is_some_and(|k| {
                    self.hits(cs, k)
                        .iter()
                        .rev()
                        .find(|x| matches!(x.cue, Cue::Receive | Cue::Processed))
                        .is_some_and(|x| x.cue == Cue::Processed)
                });
                let subject = if processed {
                    Subject::Processed
                } else {
                    Subject::NewApplications
                };
                return Some((subject, span_from(h)));
            }
        }
        // 本年新收 421 件, 区政府本级共受理 206 件: the receiving verb next to the number in a
        // sentence about applications.
        if let Some(h) = left.last().filter(|h| h.cue == Cue::Receive) {
            let negated = h.start >= 1 && matches!(self.c[h.start - 1], '不' | '未' | '无');
            if self.about_applications && !negated {
                return Some((Subject::NewApplications, span_from(h)));
            }
        }
        None
    }

    /// 自然人申请 741 件, 法人或其他组织 3 件: an applicant word, then only application words and
    /// fillers up to the number.
    pub(super) fn applicant(&self, left: &[Hit], m: &Mention) -> Option<(Subject, (usize, usize))> {
        let k = left
            .iter()
            .rposition(|h| matches!(h.cue, Cue::Applicant(_)))?;
        let Cue::Applicant(a) = left[k].cue else {
            return None;
        };
        // 收到公民政府信息公开申请 35 件: who applied, said of the whole count.
        if left[..k].iter().any(|h| h.cue == Cue::Receive) && !self.contains("其中", 0, m.start) {
            return None;
        }
        if !left[k + 1..]
            .iter()
            .all(|h| matches!(h.cue, Cue::App | Cue::Receive))
        {
            return None;
        }
        // 公民和法人或其他组织…申请 32 件: applicants together, the whole count.
        let joined = |c: Option<&char>| matches!(c, Some('和' | '及' | '与' | '、' | '或'));
        // 自然人申请 32 件、企业申请 2 件: a 、 after a count separates items of a list.
        let after_count = left[k].start >= 2
            && self.c[left[k].start - 1] == '、'
            && numerals::mentions(&self.c[..left[k].start - 1])
                .last()
                .is_some_and(|x| x.end == left[k].start - 1);
        if left[k].start > 0 && joined(self.c.get(left[k].start - 1)) && !after_count
            || joined(self.c.get(left[k].end))
        {
            return None;
        }
        let gap = self.c.get(left[k].end..m.start)?;
        let in_hit = |at: usize| left[k + 1..].iter().any(|h| h.start <= at && at < h.end);
        let filler = gap
            .iter()
            .enumerate()
            .all(|(j, ch)| in_hit(left[k].end + j) || APPLICANT_FILLER.contains(*ch));
        (filler && gap.len() <= 12).then_some((Subject::Applicant(a), (left[k].start, m.end)))
    }

    /// 行政许可类信息 N 条, 规范性文件类: a category of published items, not a 表二 count.
    pub(super) fn category(&self, h: &Hit) -> bool {
        // 行政许可类处理决定数 4 条: the decisions of that category are the 表二 count.
        self.has_at(h.end, "类") && !self.has_at(h.end + 1, "处理决定")
    }

    /// A table 二 subject: 规章/规范性文件 need a verb (制发, 废止, 现行有效) in the clause.
    pub(super) fn active(&self, noun: Noun, clause_hits: &[Hit]) -> Option<Subject> {
        let verb = clause_hits.iter().rev().find_map(|h| match h.cue {
            Cue::Made | Cue::Repealed | Cue::Valid => Some(h.cue),
            _ => None,
        });
        Some(Subject::Active(match (noun, verb) {
            (Noun::License, _) => Active::License,
            (Noun::Penalty, _) => Active::Penalty,
            (Noun::Enforcement, _) => Active::Enforcement,
            (Noun::Rules, Some(Cue::Made)) => Active::RulesMade,
            (Noun::Rules, Some(Cue::Repealed)) => Active::RulesRepealed,
            (Noun::Rules, Some(Cue::Valid)) => Active::RulesValid,
            (Noun::Docs, Some(Cue::Made)) => Active::DocsMade,
            (Noun::Docs, Some(Cue::Repealed)) => Active::DocsRepealed,
            (Noun::Docs, Some(Cue::Valid)) => Active::DocsValid,
            _ => return None,
        }))
    }
}

pub(super) fn sentence_case(hits: &[Hit]) -> Option<CaseKind> {
    hits.iter().rev().find_map(|h| match h.cue {
        Cue::Review => Some(CaseKind::Review),
        Cue::Litigation => Some(CaseKind::Litigation),
        _ => None,
    })
}

pub(super) fn case_subject(kind: CaseKind, part: CasePart) -> Subject {
    match kind {
        CaseKind::Litigation => Subject::Litigation(part),
        _ => Subject::Review(part),
    }
}
