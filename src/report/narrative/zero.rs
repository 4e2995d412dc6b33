//! Statements without a number that state a zero (未收到政府信息公开申请, 均已办结, 无结转,
//! 均获维持, 未发生行政复议, 未收取信息处理费, 未发出缴费通知): one function per family.

use super::claims::{Flags, Found};
use super::lexicon::*;
use super::numerals::Mention;
use super::sentences::Sentence;
use super::{CaseKind, Subject};

impl Sentence {
    /// Every zero statement of the sentence, family by family.
    pub(super) fn zero_statements(
        &self,
        mentions: &[Mention],
        clauses: &[(usize, usize)],
        year: Option<i32>,
        out: &mut Vec<Found>,
    ) {
        // Each family is asked only when the sentence may hold a character every one of its
        // statements needs (most sentences state no zero: the character filter answers that
        // without a search).
        let any = |cs: &[char]| cs.iter().any(|&c| self.seen.may_contain(c));
        // A negation: 没有, 暂无, 未, 无 (NEGATIONS).
        let negation = any(&['没', '无', '未']);
        if negation {
            self.none_received(mentions, clauses, year, out);
        }
        // 均, 全部, 都, 皆, 已 before a word of conclusion.
        if self.about_applications && any(&['均', '全', '都', '皆', '已']) {
            self.all_done(mentions, clauses, year, out);
        }
        // 没有, 无需, 不存在, 未有, 无 before 结转.
        if any(&['没', '无', '不', '未']) && self.may_hold("结转") {
            self.no_carry(mentions, clauses, year, out);
        }
        // Upheld phrases hold 维, 纠 or 败; 未发生 statements a negation (or 不存在) and 复议,
        // 诉讼 or 起诉.
        if any(&['维', '纠', '败']) || (negation || any(&['存'])) && any(&['复', '诉']) {
            self.cases(mentions, clauses, year, out);
        }
        // 处理费, 费用, 收费, 缴费通知, 收费通知.
        if self.seen.may_contain('费') {
            self.fee_none(mentions, clauses, year, out);
            self.fee_notices_none(mentions, clauses, year, out);
        }
        self.no_result(mentions, clauses, year, out);
    }

    /// 无不予公开情况, 没有不予处理的情形: none of the applications had that result (a zero in
    /// its row of table 三).
    fn no_result(
        &self,
        mentions: &[Mention],
        clauses: &[(usize, usize)],
        year: Option<i32>,
        out: &mut Vec<Found>,
    ) {
        if !self.about_applications {
            return;
        }
        for h in &self.all_hits {
            let Cue::Break(o) = h.cue else { continue };
            if !matches!(
                o,
                super::Outcome::Withheld | super::Outcome::NotProcessed | super::Outcome::Unable
            ) {
                continue;
            }
            let Some(neg) = ["没有", "无", "未有"].iter().find(|w| {
                h.start >= w.chars().count() && self.has_at(h.start - w.chars().count(), w)
            }) else {
                continue;
            };
            let p = h.start - neg.chars().count();
            // (没有不予公开政府信息情况.)
            let tail = [
                "情况",
                "情形",
                "的情况",
                "的情形",
                "政府信息情况",
                "政府信息的情况",
            ]
            .iter()
            .find(|w| self.has_at(h.end, w))
            .map(|w| h.end + w.chars().count());
            let Some(end) = tail else { continue };
            let clause = clauses.iter().find(|(s, e)| *s <= p && p < *e);
            let counted =
                clause.is_some_and(|&(s, e)| mentions.iter().any(|m| m.start >= s && m.start < e));
            if !counted {
                push(
                    out,
                    Subject::Break(o),
                    Some(0),
                    (p, end),
                    self.zero_flags(p, year),
                );
            }
        }
    }

    /// Flags of a zero statement at `at`: this year unless another year is named before it.
    fn zero_flags(&self, at: usize, year: Option<i32>) -> Flags {
        let this_year = match (self.last_year(at), year) {
            (Some(y), Some(ry)) => y == ry,
            _ => true,
        };
        Flags {
            this_year,
            ..Flags::default()
        }
    }

    /// 未收到政府信息公开申请 / 无依申请公开 / 没有接到政府信息公开申请.
    fn none_received(
        &self,
        _mentions: &[Mention],
        clauses: &[(usize, usize)],
        year: Option<i32>,
        out: &mut Vec<Found>,
    ) {
        let n = self.c.len();
        let flags = |at: usize| self.zero_flags(at, year);
        const VERBS: &[&str] = &[
            "实际发生",
            "实际收到",
            "收到过",
            "收到",
            "接到",
            "受理",
            "接收到",
            "接收",
            "涉及",
            "发生",
            "产生",
            "新收",
            "有",
        ];
        const APPS: &[&str] = &[
            "政府信息公开申请",
            "政府信息依申请公开",
            "信息公开申请",
            "公开信息申请",
            "依申请公开",
            "公开申请",
            "依法申请公开",
            "申请公开",
            "政府信息申请",
        ];
        let mut none_done = false;
        for neg in NEGATIONS {
            if none_done {
                break;
            }
            for p in self.find(neg, 0, n) {
                if *neg == "未" && self.has_at(p + 1, "经") {
                    continue;
                }
                let clause_end = clauses
                    .iter()
                    .find(|(s, e)| *s <= p && p < *e)
                    .map_or(n, |c| c.1);
                let mut k = p + neg.chars().count();
                let verb = VERBS.iter().find(|v| self.has_at(k, v));
                if let Some(v) = verb {
                    k += v.chars().count();
                }
                if self.has_at(k, "任何") {
                    k += 2;
                }
                let found = APPS
                    .iter()
                    .find(|a| self.has_at(k, a))
                    .map(|a| k + a.chars().count())
                    .or_else(|| {
                        // 未收到申请人提出的依申请公开申请, 未接到提出公开政府信息的申请: a
                        // receiving verb, a short qualifier, then the application.
                        let receiving = verb.is_some_and(|v| {
                            matches!(
                                *v,
                                "收到"
                                    | "接到"
                                    | "受理"
                                    | "接收"
                                    | "接收到"
                                    | "收到过"
                                    | "实际收到"
                            )
                        });
                        if !receiving {
                            return None;
                        }
                        // (未收到公民、法人或其他组织通过政府信息公开平台、传真、信函等形式的
                        // 政府信息公开申请.)
                        let limit = (k + 40).min(clause_end);
                        self.find("申请", k, limit)
                            .into_iter()
                            .filter(|&q| !self.has_at(q, "申请人"))
                            .find_map(|q| {
                                if self.has_at(q + 2, "公开") {
                                    Some(q + 4)
                                } else if self.contains("公开", k, q) {
                                    Some(q + 2)
                                } else {
                                    // 未收到公众申请要求公开的…信息, 未收到…申请除本机关主动
                                    // 公开以外的其他政府信息: what was asked for follows.
                                    let to = (q + 12).min(clause_end);
                                    self.find("公开", q + 2, to).first().map(|&x| x + 2)
                                }
                            })
                            // 未接到群众要求公开的信息: a request for disclosure without 申请.
                            .or_else(|| {
                                let q = *self.find("要求公开", k, limit).first()?;
                                (q - k <= 6).then_some(q + 4)
                            })
                    });
                if let Some(end) = found {
                    // 无政府信息公开申请结转, 未发生依申请公开超期答复, 未发生依申请公开政府信息
                    // 方面的行政复议: about something else.
                    if NOT_NONE_AFTER.iter().any(|w| self.has_at(end, w))
                        || ["复议", "诉讼", "起诉", "案例"].iter().any(|w| {
                            // 无政府信息公开申请、无信息公开行政复议: a second negation starts
                            // another statement.
                            self.find(w, end, clause_end).first().is_some_and(|&at| {
                                !NEGATIONS.iter().any(|x| self.contains(x, end, at))
                            })
                        })
                    {
                        continue;
                    }
                    push(out, Subject::NoneReceived, None, (p, end), flags(p));
                    none_done = true;
                    break;
                }
            }
        }
    }

    /// 均已办结 / 都在法定期限内予以答复 / 全部办结.
    fn all_done(
        &self,
        mentions: &[Mention],
        clauses: &[(usize, usize)],
        _year: Option<i32>,
        out: &mut Vec<Found>,
    ) {
        let n = self.c.len();
        if self.about_applications {
            // 承办热线信访举报投诉类申请 38 件，按期全部回复: said of the sentence's first count
            // (the whole, before its parts), of another kind of request (asked once, when needed).
            let mut other_count_end: Option<Option<usize>> = None;
            'all: for q in ["均", "全部", "都", "皆", "已"] {
                for p in self.find(q, 0, n) {
                    let other = *other_count_end.get_or_insert_with(|| {
                        mentions
                            .first()
                            .filter(|m| self.counts_other_requests(m, clauses))
                            .map(|m| m.end)
                    });
                    if other.is_some_and(|e| e <= p) {
                        continue;
                    }
                    // 受理 10 件，已依法依规按时办结: 已 opening the clause after a count, with a
                    // verb of conclusion (not 答复, which may speak of timeliness only).
                    // 并已…完成回告: 并 joins the clause to the count's.
                    let comma_at = |k: usize| matches!(self.c.get(k), Some('，' | ','));
                    let clause_opening = p > 0
                        && (comma_at(p - 1) || p > 1 && self.c[p - 1] == '并' && comma_at(p - 2))
                        && mentions.iter().any(|m| m.end < p)
                        && !mentions
                            .iter()
                            .any(|m| m.start > p && m.start < (p + 14).min(n));
                    if q == "已" && !clause_opening {
                        continue;
                    }
                    // 已按照时间节点依法依规办理答复: the manner may be longer after 已.
                    // After 已, a title (《中华人民共和国政府信息公开条例》) is not counted.
                    let titles = q == "已";
                    let reach = |count: usize| {
                        if titles {
                            self.reach_outside_titles(p, count)
                        } else {
                            (p + count).min(n)
                        }
                    };
                    let limit = reach(if titles { 15 } else { 12 });
                    for done in [
                        "办结",
                        "答复",
                        "办理完毕",
                        "办理完成",
                        "处理完毕",
                        "完成回复",
                        "完成答复",
                        // 并已按相关程序完成回告.
                        "完成回告",
                        // 均已按要求及时回复 (not 回复率).
                        "回复",
                    ] {
                        // 均严格按照相关规定在法定期限内依法办结: a verb of conclusion concludes
                        // after a longer manner; a reply may speak of timeliness only.
                        let conclusion = matches!(done, "办结" | "办理完毕" | "处理完毕");
                        let limit = if conclusion { reach(20) } else { limit };
                        if let Some(&d) = self.find(done, p, limit).first() {
                            let between = if titles {
                                self.outside_titles(p, d)
                            } else {
                                self.c[p..d].iter().collect()
                            };
                            let end = d + done.chars().count();
                            if matches!(done, "回复" | "答复") && self.c.get(end) == Some(&'率')
                            {
                                continue;
                            }
                            // 均在答复时限内, 除 2 件结转下年办理外，均…答复.
                            // 全部按时办结, 均已按期答复: every application concluded, on time;
                            // 均在法定期限内予以答复 speaks of timeliness only.
                            // 均已按期答复: every application has been answered.
                            // 全部依规及时完成回复: 全部 with a completed reply concludes every one.
                            let reply = matches!(
                                done,
                                "答复" | "回复" | "完成回复" | "完成答复" | "完成回告"
                            );
                            let concluded = !reply
                                || between.contains('已')
                                || q == "全部" && done.starts_with('完');
                            // 通过政务网收到…1条，已按照办理流程进行答复: 已…答复 said after a part
                            // (a channel, 其中…) speaks of that part only.
                            // 收到…申请0件，全年受理各类咨询投诉0起，已…答复: said after a count of
                            // another kind of request.
                            let last_app = out
                                .iter()
                                .filter(|f| {
                                    f.3 .1 <= p
                                        && matches!(
                                            f.0,
                                            Subject::NewApplications | Subject::Processed
                                        )
                                })
                                .map(|f| f.3 .1)
                                .max();
                            let other_after = last_app.is_some_and(|from| {
                                mentions.iter().any(|m| {
                                    m.start >= from
                                        && m.end <= p
                                        && self.counts_other_requests(m, clauses)
                                })
                            });
                            // (No count of applications before it at all: `last_app` is none.)
                            let after_part = q == "已"
                                && reply
                                && (other_after
                                    || out
                                        .iter()
                                        .any(|f| f.3 .1 <= p && (f.4.subset || f.4.qualified))
                                    || last_app.is_none());
                            if after_part
                                || ["时限", "期限"].iter().any(|w| self.has_at(end, w))
                                || self.contains("除", 0, p)
                                || self.all_hits.iter().any(|h| {
                                    h.cue == Cue::CarryOut && !self.no_carry_out_at(h, mentions)
                                })
                                || between.contains(['，', ',', '未', '不'])
                                || between.contains("公开")
                                || !concluded && TIMELINESS.iter().any(|w| between.contains(w))
                            {
                                continue;
                            }
                            // Said of this year's applications, whatever year the sentence
                            // names in passing (同比下降，主要原因为2022年…).
                            let f = Flags {
                                this_year: true,
                                ..Flags::default()
                            };
                            push(out, Subject::AllDone, None, (p, end), f);
                            break 'all;
                        }
                    }
                }
            }
        }
    }

    /// Whether the clause holding `m` names another kind of request (OTHER_REQUESTS): then `m`
    /// counts those, not applications.
    fn counts_other_requests(&self, m: &Mention, clauses: &[(usize, usize)]) -> bool {
        clauses
            .iter()
            .find(|(s, e)| *s <= m.start && m.start < *e)
            .is_some_and(|&(s, e)| OTHER_REQUESTS.iter().any(|w| self.contains(w, s, e)))
    }

    /// The index `count` characters after `p`, the characters of titles (《…》) not counted.
    fn reach_outside_titles(&self, p: usize, count: usize) -> usize {
        let (n, mut k, mut left, mut depth) = (self.c.len(), p, count, 0usize);
        while k < n && left > 0 {
            match self.c[k] {
                '《' => depth += 1,
                '》' => depth = depth.saturating_sub(1),
                _ if depth == 0 => left -= 1,
                _ => {}
            }
            k += 1;
        }
        k
    }

    /// The characters of `[from, to)` outside titles (《…》).
    fn outside_titles(&self, from: usize, to: usize) -> String {
        let mut depth = 0usize;
        let mut out = String::new();
        for &ch in &self.c[from..to] {
            match ch {
                '《' => depth += 1,
                '》' => depth = depth.saturating_sub(1),
                _ if depth == 0 => out.push(ch),
                _ => {}
            }
        }
        out
    }

    /// 无结转 / 无下年度结转 (carry-out 0); 无上年结转 (carry-in 0).
    fn no_carry(
        &self,
        mentions: &[Mention],
        _clauses: &[(usize, usize)],
        year: Option<i32>,
        out: &mut Vec<Found>,
    ) {
        let n = self.c.len();
        let flags = |at: usize| self.zero_flags(at, year);
        for neg in ["没有", "无需", "不存在", "未有", "无"] {
            let mut done = false;
            for p in self.find(neg, 0, n) {
                let k = p + neg.chars().count();
                // 无转结下年度继续办理件: the two characters swapped, as often written.
                let Some(z) = ["结转", "转结"]
                    .iter()
                    .find_map(|w| self.find(w, k, (k + 6).min(n)).first().copied())
                else {
                    continue;
                };
                if mentions.iter().any(|m| m.start >= k && m.start < z + 6) {
                    continue;
                }
                let around: String = self.c[k..(z + 8).min(n)].iter().collect();
                let (subject, explicit) = if around.contains("上年") || around.contains("上一年")
                {
                    (Subject::CarryIn, true)
                } else {
                    (
                        Subject::CarryOut,
                        around.contains("下年")
                            || around.contains("下一年")
                            || around.contains("次年")
                            || year.is_some_and(|y| around.contains(&format!("{}年", y + 1))),
                    )
                };
                let end = (z + 2..(z + 6).min(n))
                    .find(|&e| matches!(self.c.get(e), Some('，' | ',' | '。' | '；')))
                    .unwrap_or(z + 2)
                    .max(z + 2);
                push(
                    out,
                    subject,
                    Some(0),
                    (p, end),
                    Flags {
                        approx: !explicit,
                        ..flags(p)
                    },
                );
                done = true;
                break;
            }
            if done {
                break;
            }
        }
    }

    /// 均获维持 / 未被纠错 / 零败诉, then 未发生行政复议、行政诉讼 (not where 均获维持 was read).
    fn cases(
        &self,
        mentions: &[Mention],
        clauses: &[(usize, usize)],
        year: Option<i32>,
        out: &mut Vec<Found>,
    ) {
        let n = self.c.len();
        let flags = |at: usize| self.zero_flags(at, year);
        let scope = {
            let review = self.contains("复议", 0, n);
            let lit = self.contains("诉讼", 0, n)
                || self.contains("起诉", 0, n)
                || self.contains("败诉", 0, n);
            match (review, lit) {
                (true, false) => CaseKind::Review,
                (false, true) => CaseKind::Litigation,
                _ => CaseKind::Both,
            }
        };
        let upheld_phrases: &[(&str, bool)] = &[
            ("均获维持", true),
            ("均被维持", true),
            ("均予以维持", true),
            ("均予维持", true),
            ("均为维持", true),
            ("均为结果维持", true),
            ("均维持", true),
            ("全部维持", true),
            ("全部获得维持", true),
            ("未被纠错", false),
            ("无被纠错", false),
            ("没有被纠错", false),
            ("未被纠正", false),
            ("零败诉", false),
            ("无败诉", false),
            ("未败诉", false),
            ("没有败诉", false),
        ];
        let mut upheld_at = Vec::new();
        // Every upheld phrase holds 维, 纠 or 败.
        let upheld = ['维', '纠', '败'].iter().any(|&c| self.seen.may_contain(c));
        // 行政复议 1 件，结果维持。: a clause saying only that, after the count.
        for p in self.find("结果维持", 0, n) {
            let alone = p > 0
                && matches!(self.c[p - 1], '，' | ',')
                && matches!(self.c.get(p + 4), None | Some('。' | '；' | ';'))
                && mentions.iter().any(|m| m.end < p);
            if alone {
                upheld_at.push((p, p + 4));
                let s = Subject::Upheld {
                    scope,
                    strict: true,
                };
                push(out, s, None, (p, p + 4), flags(p));
            }
        }
        for (ph, strict) in upheld_phrases.iter().filter(|_| upheld) {
            if let Some(p) = self.occurrences(ph, 0, n).next() {
                if upheld_at.iter().any(|&(s, e)| p >= s && p < e) {
                    continue;
                }
                let end = p + ph.chars().count();
                upheld_at.push((p, end));
                push(
                    out,
                    Subject::Upheld {
                        scope,
                        strict: *strict,
                    },
                    None,
                    (p, end),
                    flags(p),
                );
            }
        }

        // 未发生行政复议、行政诉讼 (a clause without a number): a negation, then 复议, 诉讼 or
        // 起诉.
        let any = |cs: &[char]| cs.iter().any(|&c| self.seen.may_contain(c));
        if !(any(&['没', '无', '未', '存']) && any(&['复', '诉'])) {
            return;
        }
        for &(cs, ce) in clauses {
            if upheld_at.iter().any(|&(s, _)| s >= cs && s < ce) {
                continue;
            }
            // 不存在有关政府信息公开行政复议和行政诉讼情况.
            let Some(p) = NEGATIONS
                .iter()
                .chain(&["不存在"])
                .flat_map(|w| self.find(w, cs, ce))
                .filter(|&p| {
                    !(self.has_at(p, "未经")
                        || self.has_at(p, "未审结")
                        || self.has_at(p, "未被")
                        || self.has_at(p, "未结")
                        || p > cs && self.has_at(p - 1, "尚"))
                })
                .min()
            else {
                continue;
            };
            // A number in the clause after the negation counts cases; before it (收到申请 2 件没有
            // 因…行政复议…的情况发生), it counts something else.
            if mentions.iter().any(|m| m.start >= p && m.start < ce) {
                continue;
            }
            // 无因政府信息产生行政复议，提起行政诉讼情况发生: the next clause, without a number or
            // a negation of its own, continues the list.
            let ce = clauses
                .iter()
                .find(|&&(s, _)| s == ce + 1)
                .filter(|&&(s, e)| {
                    !mentions.iter().any(|m| m.start >= s && m.start < e)
                        && !NEGATIONS.iter().any(|w| self.contains(w, s, e))
                        && ["复议", "诉讼", "起诉"]
                            .iter()
                            .any(|w| self.contains(w, s, e))
                })
                .map_or(ce, |&(_, e)| e);
            let review: Vec<usize> = self.find("复议", p, ce);
            // (未发生被行政复议纠错或败诉情况: 败诉 is of a lawsuit.)
            let lit: Vec<usize> = ["诉讼", "起诉", "败诉"]
                .iter()
                .flat_map(|w| self.find(w, p, ce))
                .collect();
            let kind = match (review.is_empty(), lit.is_empty()) {
                (false, false) => CaseKind::Both,
                (false, true) => CaseKind::Review,
                (true, false) => CaseKind::Litigation,
                (true, true) => continue,
            };
            let end = review
                .iter()
                .chain(lit.iter())
                .max()
                .map(|&e| e + 2)
                .unwrap_or(ce);
            // 未发生与诉讼（行政复议、行政诉讼及申诉）有关的费用: about costs, not cases.
            if ["费用", "支出"]
                .iter()
                .any(|w| self.contains(w, end, (end + 10).min(ce)))
            {
                continue;
            }
            // 未发生被行政复议纠错或行政诉讼败诉情形: no case was corrected or lost, which says
            // nothing about how many cases there were.
            let corrections: Vec<usize> = CORRECTION_WORDS
                .iter()
                .flat_map(|w| {
                    self.find(w, p, ce)
                        .into_iter()
                        .map(move |q| q + w.chars().count())
                })
                .collect();
            if let Some(&cend) = corrections.iter().max() {
                push(
                    out,
                    Subject::Upheld {
                        scope: kind,
                        strict: false,
                    },
                    None,
                    (p, cend.max(end)),
                    flags(p),
                );
                continue;
            }
            push(out, Subject::NoCase(kind), None, (p, end), flags(p));
        }
    }

    /// 未收取信息处理费 / 无收取信息处理费 / 未对申请人收取信息处理费 / 免收.
    fn fee_none(
        &self,
        mentions: &[Mention],
        _clauses: &[(usize, usize)],
        year: Option<i32>,
        out: &mut Vec<Found>,
    ) {
        let n = self.c.len();
        let flags = |at: usize| self.zero_flags(at, year);
        for fee in ["处理费", "费用", "收费"] {
            let mut done = false;
            for f in self.find(fee, 0, n) {
                if fee != "处理费"
                    && !(self.contains("信息公开", 0, n)
                        || self.contains("依申请", 0, n)
                        || self.contains("公开政府信息", 0, n))
                {
                    continue;
                }
                let from = f.saturating_sub(16);
                let verbs: Vec<usize> = ["收取", "收费", "产生", "发生", "征收", "免收"]
                    .iter()
                    .flat_map(|v| self.find(v, from, f))
                    .collect();
                let verb = if fee == "收费" {
                    Some(f)
                } else {
                    verbs.iter().max().copied()
                };
                let Some(v) = verb else {
                    continue;
                };
                // 未对公众依申请公开政府信息收取任何费用: the negation may stand a little before
                // the verb, within the clause.
                let clause_from = (0..v)
                    .rev()
                    .find(|&k| matches!(self.c[k], '，' | ',' | '；' | ';'))
                    .map_or(0, |k| k + 1)
                    .max(v.saturating_sub(20));
                let negated = self.has_at(v, "免收")
                    || NEGATIONS
                        .iter()
                        .chain(["不"].iter())
                        .any(|w| self.contains(w, clause_from, v));
                if negated && !mentions.iter().any(|m| m.start > v && m.start < f + 3) {
                    let start = NEGATIONS
                        .iter()
                        .chain(["不"].iter())
                        .flat_map(|w| self.find(w, clause_from, v))
                        .min()
                        .unwrap_or(v);
                    push(
                        out,
                        Subject::FeeNone,
                        None,
                        (start, f + fee.chars().count()),
                        flags(start),
                    );
                    done = true;
                    break;
                }
            }
            if done {
                break;
            }
        }
    }

    /// 未发出缴费通知（书）.
    fn fee_notices_none(
        &self,
        mentions: &[Mention],
        _clauses: &[(usize, usize)],
        year: Option<i32>,
        out: &mut Vec<Found>,
    ) {
        let n = self.c.len();
        let flags = |at: usize| self.zero_flags(at, year);
        for w in ["缴费通知", "收费通知"] {
            if let Some(&f) = self.find(w, 0, n).first() {
                let from = f.saturating_sub(12);
                if let Some(p) = NEGATIONS.iter().flat_map(|w| self.find(w, from, f)).min() {
                    if !mentions.iter().any(|m| m.start > p && m.start < f + 6) {
                        push(out, Subject::FeeNoticesNone, None, (p, f + 4), flags(p));
                        break;
                    }
                }
            }
        }
    }
}

impl Sentence {
    /// Whether the carry-out cue `h` says none was carried out: 无结转下年度继续办理件 (a
    /// negation before it in its clause), 结转下年度办理 0 件 (its count is zero).
    fn no_carry_out_at(&self, h: &super::sentences::Hit, mentions: &[Mention]) -> bool {
        let from = h.start.saturating_sub(8);
        let clause_from = (from..h.start)
            .rev()
            .find(|&k| matches!(self.c[k], '，' | ',' | '；'))
            .map_or(from, |k| k + 1);
        let negated = NEGATIONS
            .iter()
            .any(|w| self.contains(w, clause_from, h.start));
        let zero = mentions
            .iter()
            .find(|m| m.start >= h.end)
            .is_some_and(|m| m.value == 0 && m.start <= h.end + 6);
        negated || zero
    }
}

/// Records a zero statement (no unit): what every family below reports.
fn push(out: &mut Vec<Found>, s: Subject, q: Option<i64>, span: (usize, usize), f: Flags) {
    out.push((s, q, None, span, f))
}
