//! Statements from sentences: each number with a unit is given a subject from the words around
//! it (收到…申请 N 件, 予以公开 N 件, 行政复议 N 件 …), and sentences without a number that state
//! a zero (未收到政府信息公开申请, 均已办结, 均获维持, 未收取信息处理费) become claims too.
//!
//! Matching works on a compact copy of each sentence (blanks dropped, full-width folded) that
//! keeps the original character index of every character, so offsets point into the paragraph.

use super::lexicon::*;
use super::numerals::{self, Mention, Unit};
use super::sentences::{Hit, Sentence};
use super::{Active, Applicant, Outcome, Subject};

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Flags {
    pub(super) this_year: bool,
    pub(super) approx: bool,
    pub(super) subset: bool,
    /// A part by channel, part of the reporting body or sub-period.
    pub(super) qualified: bool,
    pub(super) includes_carry_in: bool,
}

pub(super) type Found = (Subject, Option<i64>, Option<Unit>, (usize, usize), Flags);

impl Sentence {
    pub(super) fn claims(&self, year: Option<i32>) -> Vec<Found> {
        // Every number read ends in a unit (件, 条, 元 …) right after it: a sentence without one
        // (条例, 一部分 …) has none.
        let mentions = if numerals::may_hold_mention(&self.c, |u| self.seen.may_contain(u)) {
            numerals::mentions(&self.c)
        } else {
            Vec::new()
        };
        let clauses = self.clauses(&mentions);
        let mut out: Vec<Found> = Vec::new();
        // 含上年结转 N 件 belongs to the figure it follows (办结 1191 件（含上年结转 189 件）), or,
        // when it comes first (含上年结转在内共收到 N 件), to the figure after its own.
        let mut carry_targets: Vec<usize> = Vec::new();
        for h in self.all_hits.iter().filter(|h| h.cue == Cue::CarryIn) {
            // （其中 1 件为去年结转）right after a figure: that figure includes the carry-over.
            let before_paren = mentions.iter().rposition(|m| {
                let from = m.end;
                from <= h.start
                    && matches!(self.c.get(from), Some('（' | '('))
                    && self.contains("其中", from, h.start)
                    && !self.contains("）", from, h.start)
                    && !self.contains(")", from, h.start)
            });
            if let Some(k) = before_paren {
                carry_targets.push(k);
                continue;
            }
            let Some(w) = ["含", "包括", "包含", "其中"].iter().find(|w| {
                h.start >= w.chars().count() && self.has_at(h.start - w.chars().count(), w)
            }) else {
                continue;
            };
            let at = h.start - w.chars().count();
            let before = mentions.iter().rposition(|m| m.end <= at);
            let target = before.or_else(|| {
                let own = mentions.iter().position(|m| m.start >= h.end)?;
                (own + 1 < mentions.len()).then_some(own + 1)
            });
            carry_targets.extend(target);
        }
        // （含2022年结转67件）: the year names the carry-over.
        for k in self.occurrences("含", 0, self.c.len()) {
            // （含2024年转入2025年办结2件）: carried in from that year.
            let dated = (1..5).all(|d| self.c.get(k + d).is_some_and(|c| c.is_ascii_digit()))
                && ["年结转", "年度结转", "年转入"]
                    .iter()
                    .any(|w| self.has_at(k + 5, w));
            if dated {
                carry_targets.extend(mentions.iter().rposition(|m| m.end <= k));
            }
        }
        for (i, m) in mentions.iter().enumerate() {
            let Some(&(cs, ce)) = clauses.iter().find(|(s, e)| *s <= m.start && m.start < *e)
            else {
                continue;
            };
            let prev_end = mentions[..i]
                .iter()
                .rev()
                .map(|p| p.end)
                .find(|&e| e > cs && e <= m.start)
                .unwrap_or(cs);
            let next_start = mentions
                .get(i + 1)
                .map(|n| n.start)
                .filter(|&s| s < ce)
                .unwrap_or(ce);
            // 收到网上申请 105 件, 快递 17 件, 合计 122 件: a 合计/共计/总计 clause right after
            // partial receipts is their sum, the whole count.
            let after_parts = out.last().is_some_and(|f: &Found| {
                f.0 == Subject::NewApplications && (f.4.subset || f.4.qualified) && f.3 .1 <= cs
            });
            let sum_word = SUM_WORDS
                .iter()
                .find(|w| after_parts && self.has_at(cs, w))
                .map(|w| w.chars().count());
            let classified = self
                .classify(m, (cs, ce), prev_end, next_start)
                .or_else(|| {
                    let n = sum_word.filter(|n| cs + n == m.start)?;
                    Some((Subject::NewApplications, (m.start - n, m.end)))
                })
                .or_else(|| self.dated_carry(m, (cs, ce), prev_end, year))
                .or_else(|| self.cumulative(m, cs, prev_end, &out))
                .or_else(|| self.period_part(m, cs, prev_end, &out))
                .or_else(|| self.other_applicants(m, cs, &out))
                .or_else(|| self.channel_item(m, cs, prev_end, &out))
                .or_else(|| self.topic_item(m, cs, prev_end, &out));
            let Some((mut subject, (ss, se))) = classified else {
                continue;
            };
            // 2020年结转办理 1 件, 2021年转办依申请公开 2 件 in a 2021/2022 report: last year's
            // applications carried over.
            // 其中线上办理 26 件，线下办理 5 件: applications by channel.
            if subject == Subject::Processed
                && ["线上", "线下"]
                    .iter()
                    .any(|w| self.contains(w, cs, m.start))
            {
                subject = Subject::NewApplications;
            }
            // 办结 10 件（含2024年转入2025年办结 2 件）: carried in from last year.
            let last = year.map(|y| y - 1);
            if matches!(subject, Subject::NewApplications | Subject::Processed)
                && last.is_some_and(|y| {
                    ["年结转", "年度结转", "年转办", "年转入"]
                        .iter()
                        .any(|w| self.contains(&format!("{y}{w}"), cs, m.start))
                })
            {
                subject = Subject::CarryIn;
            }
            // 网站公开信箱收到留言 1380 件，除 11 件正在办理中: another kind of request, named
            // earlier in a sentence that names no application.
            if subject == Subject::CarryOut
                && OTHER_REQUESTS.iter().any(|w| self.contains(w, 0, m.start))
                && !self.hits(0, m.start).iter().any(|h| h.cue == Cue::App)
            {
                continue;
            }
            // 2022年结转至2023年 2 件 in a 2023 report: carried over into this year.
            if subject == Subject::CarryOut
                && year.is_some_and(|y| {
                    ["结转至", "结转到", "转至", "转入", "转到"]
                        .iter()
                        .any(|w| self.contains(&format!("{w}{y}年"), cs, m.start))
                })
            {
                subject = Subject::CarryIn;
            }
            // 其中，印发告知书 52 件，撤销申请 1 件，电话回复 2 件: the items of a breakdown
            // whose first item is no table quantity are parts of that item's kind.
            if let Some(p) = self
                .occurrences("其中", 0, cs)
                .last()
                .filter(|&p| !self.paren_closed_between(p, m.start))
            {
                let earlier_item = mentions[..i].iter().any(|x| x.start > p);
                let no_claim_after = !out.iter().any(|f| f.3 .1 > p);
                // 其中公文政府信息8条…，作出行政处罚决定8件: decisions of table 二 are no part of
                // published items.
                let decisions = matches!(
                    subject,
                    Subject::Active(Active::License | Active::Penalty | Active::Enforcement)
                ) && self.contains("决定", cs, ce);
                if earlier_item && no_claim_after && !decisions && !self.contains("。", p, m.start)
                {
                    continue;
                }
            }
            let sum_of_parts = sum_word.is_some() && subject == Subject::NewApplications;
            let carry_word = matches!(subject, Subject::CarryIn);
            let mut this_year = true;
            if let (Some(y), Some(ry)) = (self.last_year(m.start), year) {
                // The carry-over is last year's by nature.
                if y != ry && !(carry_word && y == ry - 1) {
                    this_year = false;
                }
            }
            // 结转上年后新收到 47 件: "after last year's carry-over", this year's receipts.
            let after_carry = |k: usize, w: &str| {
                k >= 2
                    && self.has_at(k - 2, "结转")
                    && self.c.get(k + w.chars().count()) == Some(&'后')
            };
            if !carry_word
                && ["上年", "去年", "上一年", "前年", "历年"]
                    .iter()
                    .any(|w| self.occurrences(w, cs, m.start).any(|k| !after_carry(k, w)))
            {
                this_year = false;
            }
            // A breakdown by channel or by applicant (通过网络申请 N 件, 自然人申请 N 件) is a part.
            // 通过线上、信函等渠道收到: every channel, not a part.
            // 线上、线下共收到 821 件: every channel named before one figure, the whole.
            let all_channels = ["等渠道", "等方式", "等途径"]
                .iter()
                .any(|w| self.contains(w, cs, m.start))
                || self.channel_words(prev_end, m.start) >= 2;
            let breakdown = !all_channels
                && SUBSET_WORDS.iter().any(|w| self.contains(w, cs, m.start))
                || PERIOD_WORDS.iter().any(|w| self.contains(w, 0, m.start))
                || self.body_part_before(m.start);
            // Table 二 figures named among published items (其中新制定规范性文件 15 件) are the
            // table's own figures, not parts.
            let active = matches!(subject, Subject::Active(_));
            let flags = Flags {
                this_year,
                approx: m.approx,
                subset: !sum_of_parts && !active && self.part_of_before(&out, subject, cs, m.start),
                qualified: !sum_of_parts && !active && breakdown,
                includes_carry_in: carry_targets.contains(&i)
                    && matches!(subject, Subject::NewApplications | Subject::Processed),
            };
            let quantity = Some(m.value);
            let span = (self.with_gong(ss.min(m.start)), se.max(m.end));
            // 收到和处理 / 受理并办结 N 件: one number for both.
            let both = matches!(subject, Subject::NewApplications | Subject::Processed)
                && self.received_and_processed(cs, m.start);
            if both {
                out.push((
                    Subject::NewApplications,
                    quantity,
                    Some(m.unit),
                    span,
                    flags,
                ));
                out.push((Subject::Processed, quantity, Some(m.unit), span, flags));
                continue;
            }
            out.push((subject, quantity, Some(m.unit), span, flags));
            // 行政复议、行政诉讼案件为 0 件: one zero for both kinds of case.
            if let Some(other) = self.both_cases_zero(subject, quantity, cs, m.start) {
                out.push((other, quantity, Some(m.unit), span, flags));
            }
            // 行政复议案件 1 件，为其他结果: the same number is the cases of that result.
            if let Some(part) = self.result_of_cases(subject, ce) {
                out.push((part, quantity, Some(m.unit), span, flags));
            }
            // 受理 36 件（均为自然人提交）: the same number counts the applicants.
            if subject == Subject::NewApplications && !flags.subset && !flags.qualified {
                if let Some((a, end)) = self.all_by_applicant(span.1.max(m.end), self.c.len()) {
                    out.push((
                        Subject::Applicant(a),
                        quantity,
                        Some(m.unit),
                        (span.0, end),
                        flags,
                    ));
                }
                // 收到申请 3 项全部予以公开: every application received was granted.
                if let Some(end) = self.all_granted(span.1.max(m.end)) {
                    out.push((
                        Subject::Break(Outcome::Granted),
                        quantity,
                        Some(m.unit),
                        (span.0, end),
                        flags,
                    ));
                }
            }
        }
        self.total_before_new(&mut out);
        self.zero_statements(&mentions, &clauses, year, &mut out);
        crate::order::sort_by_key(&mut out, |f| f.3 .0);
        out
    }

    /// How many channel or part words (SUBSET_WORDS) `[from, to)` names, a word inside a longer
    /// one counted once (电子邮件 is one channel, not 电子邮件 and 邮件).
    fn channel_words(&self, from: usize, to: usize) -> usize {
        let mut found: Vec<(usize, usize)> = Vec::new();
        // (来信及平台依申请公开事项 23 件: 平台 a channel too, when counting them.)
        for w in SUBSET_WORDS.iter().chain(CHANNEL_WORDS) {
            let n = w.chars().count();
            found.extend(self.occurrences(w, from, to).map(|k| (k, k + n)));
        }
        found
            .iter()
            .filter(|&&(a, b)| {
                !found
                    .iter()
                    .any(|&(x, y)| x <= a && b <= y && (x, y) != (a, b))
            })
            .count()
    }

    /// 共受理 59 件，结转上年后新收到 47 件: a receipt figure followed, in the same sentence and
    /// not as its part, by a smaller figure of this year's new receipts (新收) is what was handled
    /// in all, last year's carry-over included.
    fn total_before_new(&self, out: &mut [Found]) {
        let whole = |f: &Found| {
            f.0 == Subject::NewApplications
                && f.4.this_year
                && !f.4.subset
                && !f.4.qualified
                && !f.4.includes_carry_in
        };
        for i in 0..out.len() {
            if !whole(&out[i]) {
                continue;
            }
            let (value, end) = (out[i].1, out[i].3 .1);
            let newer = out[i + 1..].iter().any(|g| {
                whole(g)
                    && g.3 .0 >= end
                    && g.1.zip(value).is_some_and(|(y, x)| y < x)
                    && self.contains("新收", end, g.3 .1)
            });
            if newer {
                out[i].4.includes_carry_in = true;
            }
        }
    }

    /// Whether the figure at `at` (clause starting at `cs`, subject `subject`) is a part of a
    /// figure before it: after 其中 in its own clause, or in the clauses after 其中 while the
    /// figures stay of the same kind as the first one after 其中 (其中予以公开 2 件, 部分公开 2 件),
    /// within the parentheses of a 其中 (…14件（其中信件申请10件，网络申请4件），已办结12件),
    /// or inside parentheses right after a figure of the same kind (不予公开100件（过程性信息
    /// 19件…）).
    pub(super) fn part_of_before(
        &self,
        out: &[Found],
        subject: Subject,
        cs: usize,
        at: usize,
    ) -> bool {
        let open = |c: char| matches!(c, '（' | '(');
        let close = |c: char| matches!(c, '）' | ')');
        // The parenthesis `at` is in, if any: its opening position.
        let mut depth = 0usize;
        let mut opened_at = None;
        for k in (0..at).rev() {
            let c = self.c[k];
            if close(c) {
                depth += 1;
            } else if open(c) {
                if depth == 0 {
                    opened_at = Some(k);
                    break;
                }
                depth -= 1;
            }
        }
        if let Some(q) = opened_at {
            let before = out.iter().rev().find(|f| f.3 .1 <= q && q - f.3 .1 <= 1);
            // （另有 12 件申请顺延到下年度答复）: another figure, not a part.
            // （含上年结转 30 件）: what the figure includes, not a part of it.
            let aside = ["另", "含", "包括"].iter().any(|w| self.contains(w, q, at));
            if before.is_some_and(|f| family(f.0) == family(subject)) && !aside {
                return true;
            }
        }
        if self.qizhong_before
            && matches!(subject, Subject::Break(_))
            && !self.contains("其中", 0, at)
        {
            return true;
        }
        let Some(p) = self
            .occurrences("其中", 0, at)
            .chain(
                self.occurrences("包括", 0, at)
                    .filter(|&k| !self.has_at(k + 2, "上") && !self.has_at(k + 2, "结转")),
            )
            .chain(self.occurrences("具体为", 0, at))
            .max()
        else {
            return false;
        };
        // A parenthesis opened before 其中 and closed before the figure ends its scope.
        let mut depth = 0i32;
        for k in p..at {
            let c = self.c[k];
            if open(c) {
                depth += 1;
            } else if close(c) {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
        }
        // 其中结转 7 件，其余 54 件全部按时答复: what remains is not one of the parts.
        if self.contains("其余", p, at) {
            return false;
        }
        if p >= cs {
            return true;
        }
        match out.iter().find(|f| f.3 .1 > p) {
            Some(f) => family(f.0) == family(subject),
            // The first figure after 其中 (其中：予以公开 4 条).
            None => true,
        }
    }

    /// Whether a parenthesis opened before `from` closes in `[from, to)`: a 其中 inside
    /// （其中 1 件为…） does not reach past it.
    pub(super) fn paren_closed_between(&self, from: usize, to: usize) -> bool {
        let mut depth = 0i32;
        for k in from..to.min(self.c.len()) {
            match self.c[k] {
                '（' | '(' => depth += 1,
                '）' | ')' => {
                    depth -= 1;
                    if depth < 0 {
                        return true;
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// The carry-over named by its year: 2022年结转 27 件 / 2021年结转政府信息公开申请 2 件 in a
    /// 2023 / 2022 report (last year's applications carried in); 结转2024年度 7 件, 4 件转结2022年
    /// 办理, 剩余 4 件转2023年办理 (carried out to the next year).
    pub(super) fn dated_carry(
        &self,
        m: &Mention,
        clause: (usize, usize),
        prev_end: usize,
        year: Option<i32>,
    ) -> Option<(Subject, (usize, usize))> {
        let y = year?;
        // Every form below has 转 (结转, 转结, 转至): most sentences have none.
        if !self.seen.may_contain('转') {
            return None;
        }
        let (cs, ce) = clause;
        let near_before = |w: &str| {
            self.occurrences(w, prev_end.max(cs), m.start)
                .last()
                .filter(|&p| {
                    let from = p + w.chars().count();
                    let gap = self.c.get(from..m.start).unwrap_or(&[]);
                    gap.len() <= 12
                        && gap
                            .iter()
                            .all(|c| COUNT_FILLER.contains(*c) || "申请依办理继续度".contains(*c))
                })
        };
        for w in [format!("{}年结转", y - 1), format!("{}年度结转", y - 1)] {
            if let Some(p) = near_before(&w) {
                return Some((Subject::CarryIn, (p, m.end)));
            }
        }
        for w in [
            format!("结转{}年", y + 1),
            format!("结转至{}年", y + 1),
            format!("转至{}年", y + 1),
            format!("转入{}年", y + 1),
        ] {
            if let Some(p) = near_before(&w) {
                return Some((Subject::CarryOut, (p, m.end)));
            }
        }
        let mut r = m.end;
        while matches!(self.c.get(r), Some('的' | '已' | '均' | '将')) {
            r += 1;
        }
        for w in ["转结", "结转至", "结转", "转至", "转入", "转到", "转"] {
            let at = r + w.chars().count();
            if self.has_at(r, w) && self.has_at(at, &format!("{}年", y + 1)) && at + 5 <= ce {
                return Some((Subject::CarryOut, (m.start, at + 5)));
            }
        }
        None
    }

    /// 受理依申请公开 5 件，历年累计 130 件: a cumulative count right after a count of
    /// applications is of the same subject, not this year's (the caller marks it so).
    pub(super) fn cumulative(
        &self,
        m: &Mention,
        cs: usize,
        prev_end: usize,
        out: &[Found],
    ) -> Option<(Subject, (usize, usize))> {
        if !self.seen.may_contain('历') {
            return None;
        }
        let p = ["历年累计", "历年共计"]
            .iter()
            .filter_map(|w| self.occurrences(w, prev_end.max(cs), m.start).last())
            .max()?;
        let gap = self.c.get(p + 4..m.start).unwrap_or(&[]);
        let plain = gap.iter().all(|c| COUNT_FILLER.contains(*c));
        let after_receipt = match out.last() {
            Some(previous) => previous.0 == Subject::NewApplications && previous.3 .1 <= cs,
            None => self.receipt_before && p == 0,
        };
        // 收到申请 0 条，答复 0 条，历年共计收到依申请公开信息申请 0 条: its own 收到…申请
        // before the number, after this year's receipts in the sentence.
        let hits = self.hits(p + 4, m.start);
        let own_receipt = out.iter().any(|f| f.0 == Subject::NewApplications)
            && hits.first().is_some_and(|h| h.cue == Cue::Receive)
            && hits.last().is_some_and(|h| {
                h.cue == Cue::App
                    && self.c[h.end..m.start]
                        .iter()
                        .all(|c| COUNT_FILLER.contains(*c))
            });
        (plain && after_receipt || own_receipt).then_some((Subject::NewApplications, (p, m.end)))
    }

    /// 收到依申请公开共 2 件（其中：第一季度 1 件，第二季度 0 件…）: the figures of the parts
    /// of the year after 其中, right after a count of applications.
    pub(super) fn period_part(
        &self,
        m: &Mention,
        cs: usize,
        prev_end: usize,
        out: &[Found],
    ) -> Option<(Subject, (usize, usize))> {
        let q = self.occurrences("其中", 0, m.start).last()?;
        // A count of applications before 其中, and only parts of it after.
        out.iter()
            .rev()
            .find(|f| f.3 .1 <= q)
            .filter(|f| f.0 == Subject::NewApplications)?;
        if out
            .iter()
            .any(|f| f.3 .0 > q && f.0 != Subject::NewApplications)
        {
            return None;
        }
        let from = prev_end.max(cs).max(q);
        let (p, w) = PERIOD_WORDS
            .iter()
            .filter_map(|w| self.occurrences(w, from, m.start).last().map(|p| (p, w)))
            .max()?;
        let gap = self.c.get(p + w.chars().count()..m.start).unwrap_or(&[]);
        gap.iter()
            .all(|c| COUNT_FILLER.contains(*c))
            .then_some((Subject::NewApplications, (p, m.end)))
    }

    /// 自然人申请 219 件，…，其他申请 34 件: the 其他 column closing a list of applicants.
    pub(super) fn other_applicants(
        &self,
        m: &Mention,
        cs: usize,
        out: &[Found],
    ) -> Option<(Subject, (usize, usize))> {
        let listed = out
            .last()
            .is_some_and(|f| matches!(f.0, Subject::Applicant(_)) && f.3 .1 < cs);
        let w = ["其他申请", "其他申请人申请"]
            .iter()
            .find(|w| self.has_at(cs, w) && cs + w.chars().count() == m.start)?;
        listed.then_some((
            Subject::Applicant(Applicant::Other),
            (cs, cs + w.chars().count() + (m.end - m.start)),
        ))
    }

    /// 网上申请 42 件，现场申请 0 件，邮寄 2 件 / …；当面提交 13 件: a channel named alone, right
    /// after a channel's part of the applications, is one more channel's part.
    pub(super) fn channel_item(
        &self,
        m: &Mention,
        cs: usize,
        prev_end: usize,
        out: &[Found],
    ) -> Option<(Subject, (usize, usize))> {
        // (收到申请 3 件，其中在线提交 2 件: the first channel right after 其中.)
        let listed = out.last().map_or(self.channel_before, |f| {
            f.0 == Subject::NewApplications
                && !f.4.includes_carry_in
                && f.3 .1 <= cs
                && (f.4.qualified || !f.4.subset && self.has_at(cs, "其中") && f.3 .1 + 1 >= cs)
        });
        if !listed {
            return None;
        }
        // The item starts after the last separator before the number (…，占比16.3%；当面…).
        let from = prev_end.max(cs);
        let start = (from..m.start)
            .rev()
            .find(|&k| matches!(self.c[k], '，' | ',' | '；' | ';' | '、'))
            .map_or(from, |k| k + 1);
        if start == from && from != cs {
            return None;
        }
        let mut start = start;
        if self.has_at(start, "其中") {
            start += 2;
            if matches!(self.c.get(start), Some('：' | ':')) {
                start += 1;
            }
        }
        let w = SUBSET_WORDS
            .iter()
            .filter(|w| !PERIOD_WORDS.contains(w))
            .find(|w| self.has_at(start, w))?;
        let end = start + w.chars().count();
        let gap = self.c.get(end..m.start)?;
        let filler = |c: &char| COUNT_FILLER.contains(*c) || "提交方式渠道".contains(*c);
        (gap.len() <= 4 && gap.iter().all(filler))
            .then_some((Subject::NewApplications, (cs, m.end)))
    }

    /// 共受理依申请公开 9 件，具体为土地征收类 6 件，土地出让类 1 件，矿业权规划 1 件: the
    /// applications by topic after 具体为/其中, the first topic named with 类; a part each.
    pub(super) fn topic_item(
        &self,
        m: &Mention,
        cs: usize,
        prev_end: usize,
        out: &[Found],
    ) -> Option<(Subject, (usize, usize))> {
        if !self.seen.may_contain('类') {
            return None;
        }
        let q = ["具体为", "其中"]
            .iter()
            .filter_map(|w| {
                self.occurrences(w, 0, m.start)
                    .last()
                    .map(|p| (p, p + w.chars().count()))
            })
            .max()?;
        let last = out.last()?;
        if last.0 != Subject::NewApplications || last.3 .1 > cs {
            return None;
        }
        // The first topic right after the whole count, or one more after a topic.
        let first = last.3 .1 <= q.0 && !last.4.subset && !last.4.qualified;
        let more = last.3 .0 >= q.1 && last.4.subset;
        if !(first || more) {
            return None;
        }
        let from = prev_end.max(cs).max(q.1);
        let start = (from..m.start)
            .rev()
            .find(|&k| matches!(self.c[k], '，' | ',' | '；' | ';' | '、' | '：' | ':'))
            .map_or(from, |k| k + 1);
        let name = self.c.get(start..m.start)?;
        let plain = !name.is_empty()
            && name.len() <= 10
            && !name.iter().any(|c| c.is_ascii_digit())
            && self.hits(start, m.start).is_empty();
        let topic = !first || name.last() == Some(&'类');
        (plain && topic && matches!(m.unit, Unit::Jian | Unit::Tiao | Unit::Xiang))
            .then_some((Subject::NewApplications, (start, m.end)))
    }

    /// A clause 为其他结果 / 为结果纠正 / 为结果维持 right after a count of cases (行政复议案件
    /// 1 件，为其他结果): the part of the same cases, if so.
    pub(super) fn result_of_cases(&self, subject: Subject, ce: usize) -> Option<Subject> {
        use super::CasePart;
        let total = match subject {
            Subject::Review(CasePart::Total) => Subject::Review,
            Subject::Litigation(CasePart::Total) => Subject::Litigation,
            _ => return None,
        };
        let k = ce + 1;
        let part = [
            ("为其他结果", CasePart::Other),
            ("为结果纠正", CasePart::Corrected),
            ("为结果维持", CasePart::Upheld),
            ("正在办理中", CasePart::Pending),
            ("目前尚未审结", CasePart::Pending),
            ("尚未审结", CasePart::Pending),
            // 诉讼 1 件，未审结.
            ("未审结", CasePart::Pending),
            ("正在审理中", CasePart::Pending),
        ]
        .iter()
        .find(|(w, _)| self.has_at(k, w))?;
        let end = k + part.0.chars().count();
        let closes = matches!(self.c.get(end), None | Some('，' | ',' | '。' | '；' | ';'));
        closes.then_some(total(part.1))
    }

    /// 行政复议、行政诉讼案件为 0 件 / 提起行政复议、诉讼 0 件: a zero after both kinds of case
    /// joined by 、/和/及 states both; the other kind's subject, if so.
    pub(super) fn both_cases_zero(
        &self,
        subject: Subject,
        quantity: Option<i64>,
        cs: usize,
        at: usize,
    ) -> Option<Subject> {
        use super::CasePart;
        if quantity != Some(0) {
            return None;
        }
        let hits = self.hits(cs, at);
        let case = |h: &Hit| matches!(h.cue, Cue::Review | Cue::Litigation);
        let k = hits.iter().rposition(case)?;
        let j = hits[..k].iter().rposition(case)?;
        let (a, b) = (hits[j], hits[k]);
        let joined = b.start == a.end + 1 && matches!(self.c[a.end], '、' | '和' | '及' | '与');
        let other = match (a.cue, b.cue, subject) {
            (Cue::Review, Cue::Litigation, Subject::Litigation(CasePart::Total)) => {
                Subject::Review(CasePart::Total)
            }
            (Cue::Litigation, Cue::Review, Subject::Review(CasePart::Total)) => {
                Subject::Litigation(CasePart::Total)
            }
            _ => return None,
        };
        joined.then_some(other)
    }

    /// （均为自然人提交）, 均为自然人申请件, 全部属自然人申请件 right after a count of
    /// applications: every application was of that applicant; the applicant and the end of the
    /// phrase.
    pub(super) fn all_by_applicant(&self, from: usize, to: usize) -> Option<(Applicant, usize)> {
        let mut k = from;
        while matches!(self.c.get(k), Some('（' | '(' | '，' | ',')) && k < from + 2 {
            k += 1;
        }
        // 收到 3 件…，申请人均为自然人，: the applicant named as the clause's subject.
        // 收到 3 件政府信息依申请公开件，申请人均为: also after the rest of the count's clause.
        let clause_end = (k..(k + 14).min(self.c.len()))
            .take_while(|&j| !self.c[j].is_ascii_digit())
            .find(|&j| matches!(self.c[j], '，' | ','));
        let subject_first = if self.has_at(k, "申请人") {
            true
        } else if let Some(j) = clause_end.filter(|&j| self.has_at(j + 1, "申请人")) {
            k = j + 1;
            true
        } else {
            false
        };
        if subject_first {
            k += 3;
        }
        let w = [
            "均为",
            "均系",
            "均属",
            "全部为",
            "全部属",
            "全部是",
            "全为",
            "皆为",
        ]
        .iter()
        .find(|w| self.has_at(k, w))?;
        let at = k + w.chars().count();
        let h = self
            .all_hits
            .iter()
            .find(|h| h.start == at && h.end <= to)?;
        let Cue::Applicant(a) = h.cue else {
            return None;
        };
        // 均为自然人和法人…: more than one kind.
        if matches!(self.c.get(h.end), Some('和' | '及' | '与' | '、' | '或')) {
            return None;
        }
        if subject_first
            && matches!(
                self.c.get(h.end),
                None | Some('，' | ',' | '。' | '；' | ';')
            )
        {
            return Some((a, h.end));
        }
        let rest: String = self.c[h.end..to.min(self.c.len())].iter().take(6).collect();
        // 均为自然人网上申请: the channel between the applicant and the verb.
        let rest = ["网上", "在线", "线上", "网络", "书面", "当面", "信函"]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
            .unwrap_or(&rest);
        ["提交", "申请", "提出"]
            .iter()
            .any(|w| rest.starts_with(w))
            .then_some((a, h.end))
    }

    /// 全部予以公开 / 均已公开 right after a count of applications (after at most a comma), the
    /// phrase ending its clause: the end of the phrase.
    pub(super) fn all_granted(&self, from: usize) -> Option<usize> {
        let mut k = from;
        if matches!(self.c.get(k), Some('，' | ',')) {
            k += 1;
        }
        let w = [
            "全部予以公开",
            "均予以公开",
            "均已予以公开",
            "全部公开",
            "均已公开",
            "全部已公开",
        ]
        .iter()
        .find(|w| self.has_at(k, w));
        let end = match w {
            Some(w) => k + w.chars().count(),
            // 均已按规定及时予以公开: how, between 均 and 予以公开 (no negation, no part).
            None => {
                if !self.has_at(k, "均") {
                    return None;
                }
                let to = (k + 14).min(self.c.len());
                let at = *self.find("予以公开", k + 1, to).first()?;
                let gap = &self.c[k + 1..at];
                if gap.iter().any(|c| "不未没无部，,；;".contains(*c)) {
                    return None;
                }
                at + 4
            }
        };
        matches!(self.c.get(end), None | Some('。' | '，' | ',' | '；' | ';')).then_some(end)
    }

    /// 收到和处理, 受理并办结, 受理和办结: a receiving verb joined to a verb of processing in
    /// `[from, to)`.
    pub(super) fn received_and_processed(&self, from: usize, to: usize) -> bool {
        let hits = self.hits(from, to);
        hits.iter().enumerate().any(|(k, h)| {
            h.cue == Cue::Receive
                && matches!(self.c.get(h.end), Some('和' | '并' | '及'))
                // (收到并妥善处理 N 件.)
                && (self.has_at(h.end + 1, "处理")
                    || ["妥善", "及时", "依法"].iter().any(|w| self.has_at(h.end + 1, w))
                        && self.has_at(h.end + 3, "处理")
                    || hits.get(k + 1).is_some_and(|x| {
                        x.cue == Cue::Processed && x.start > h.end && x.start - h.end <= 8
                    }))
        })
    }

    /// A part of the reporting body (本级, 各部门, 乡镇街道) named before `at` in the sentence,
    /// not as what the figure includes (含本级和各部门).
    pub(super) fn body_part_before(&self, at: usize) -> bool {
        BODY_PART_WORDS.iter().any(|w| {
            self.occurrences(w, 0, at).any(|p| {
                let from = p.saturating_sub(4);
                !["含", "包括", "包含"]
                    .iter()
                    .any(|x| self.contains(x, from, p))
            })
        })
    }
}

/// The last 复议/诉讼 named in `hits`.
/// Kinds of figures that are parts of one another (其中…): receipts and their applicants,
/// results, cases.
pub(super) fn family(s: Subject) -> u8 {
    match s {
        // 受理 33 件，其中本年新收 33 件，上年结转 0 件: the two parts of what was handled.
        Subject::NewApplications | Subject::CarryIn => 1,
        Subject::Applicant(_) => 9,
        // 已办结 4 件，其中予以公开 0 件 … 结转下年度 0 件: the results and the carry-over.
        Subject::Processed | Subject::Break(_) | Subject::CarryOut => 2,
        Subject::Review(_) | Subject::Litigation(_) => 6,
        Subject::Active(_) => 7,
        _ => 8,
    }
}
