//! Statements from sentences: each number with a unit is given a subject from the words around
//! it (收到…申请 N 件, 予以公开 N 件, 行政复议 N 件 …), and sentences without a number that state
//! a zero (未收到政府信息公开申请, 均已办结, 均获维持, 未收取信息处理费) become claims too.
//!
//! Matching works on a compact copy of each sentence (blanks dropped, full-width folded) that
//! keeps the original character index of every character, so offsets point into the paragraph.

use super::lexicon::*;
use super::numerals::{self, Unit};
use super::sentences::Sentence;
use super::Subject;

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
        let mentions = numerals::mentions(&self.c);
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
            let dated = (1..5).all(|d| self.c.get(k + d).is_some_and(|c| c.is_ascii_digit()))
                && (self.has_at(k + 5, "年结转") || self.has_at(k + 5, "年度结转"));
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
                });
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
            let last = year.map(|y| y - 1);
            if matches!(subject, Subject::NewApplications | Subject::Processed)
                && last.is_some_and(|y| {
                    ["年结转", "年度结转", "年转办"]
                        .iter()
                        .any(|w| self.contains(&format!("{y}{w}"), cs, m.start))
                })
            {
                subject = Subject::CarryIn;
            }
            // 其中，印发告知书 52 件，撤销申请 1 件，电话回复 2 件: the items of a breakdown
            // whose first item is no table quantity are parts of that item's kind.
            if let Some(p) = self.occurrences("其中", 0, cs).last() {
                let earlier_item = mentions[..i].iter().any(|x| x.start > p);
                let no_claim_after = !out.iter().any(|f| f.3 .1 > p);
                if earlier_item && no_claim_after && !self.contains("。", p, m.start) {
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
            if !carry_word
                && ["上年", "去年", "上一年", "前年"]
                    .iter()
                    .any(|w| self.contains(w, cs, m.start))
            {
                this_year = false;
            }
            // A breakdown by channel or by applicant (通过网络申请 N 件, 自然人申请 N 件) is a part.
            // 通过线上、信函等渠道收到: every channel, not a part.
            // 线上、线下共收到 821 件: every channel named before one figure, the whole.
            let all_channels = ["等渠道", "等方式", "等途径"]
                .iter()
                .any(|w| self.contains(w, cs, m.start))
                || SUBSET_WORDS
                    .iter()
                    .filter(|w| self.contains(w, prev_end, m.start))
                    .count()
                    >= 2;
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
        }
        self.zero_statements(&mentions, &clauses, year, &mut out);
        crate::order::sort_by_key(&mut out, |f| f.3 .0);
        out
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
        if p >= cs {
            return true;
        }
        match out.iter().find(|f| f.3 .1 > p) {
            Some(f) => family(f.0) == family(subject),
            // The first figure after 其中 (其中：予以公开 4 条).
            None => true,
        }
    }

    /// 收到和处理, 受理并办结, 受理和办结: a receiving verb joined to a verb of processing in
    /// `[from, to)`.
    pub(super) fn received_and_processed(&self, from: usize, to: usize) -> bool {
        let hits = self.hits(from, to);
        hits.iter().enumerate().any(|(k, h)| {
            h.cue == Cue::Receive
                && matches!(self.c.get(h.end), Some('和' | '并' | '及'))
                && (self.has_at(h.end + 1, "处理")
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
