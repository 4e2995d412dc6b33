//! Sentences and their character index: a paragraph cut into sentences, each kept as a compact
//! copy (blanks dropped, full-width folded) that maps every character back to its place in the
//! paragraph, with the cue words found in it; and `extract`, which reads every paragraph.

use super::lexicon::*;
use super::numerals::Mention;
use super::{Claim, Outcome, Para, Subject, MAX_CLAIMS, MAX_PARAGRAPH_CHARS};
use crate::report::normalize::{fold_width, is_blank};

/// Every claim of the paragraphs, in document order. `year` is the report year (numbers under
/// another year are marked `this_year = false`).
pub fn extract(paras: &[Para], year: Option<i32>) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut previous_mentions_applications = false;
    // The paragraph's characters and the sentence's vectors (one set for all).
    let mut chars: Vec<char> = Vec::new();
    let mut buffers = Buffers::default();
    for p in paras {
        if out.len() >= MAX_CLAIMS {
            break;
        }
        decode_into(p.text, MAX_PARAGRAPH_CHARS, &mut chars);
        let chars = chars.as_slice();
        // Result rows (予以公开 N 件 …) are about applications only when the paragraph or the one
        // before it speaks of applications, or the paragraph is in section 三.
        // A list of results (予以公开…，部分公开…，无法提供…) or 办理结果 is about applications too.
        // (Counted at most once, and only when asked: a paragraph that says 申请 and whose
        // sentences all speak of applications never needs it.)
        let results = std::cell::OnceCell::new();
        let results_listed = || *results.get_or_init(|| result_words(p.text)) >= 2;
        let mentions_applications =
            p.text.contains("申请") || results_listed() || p.text.contains("办理结果");
        let about_applications = mentions_applications
            || previous_mentions_applications
            || p.part == super::Part::Section(2);
        previous_mentions_applications = mentions_applications;
        // The piece before ended at a ；with a channel part (通过信函提交申请的 171 件；当面提交
        // 13 件): a channel opening this piece is the next part of the same list.
        let mut channel_before = false;
        for (s, e) in sentences(chars) {
            let mut sentence =
                Sentence::new_in(chars, s, e, &results_listed, std::mem::take(&mut buffers));
            sentence.channel_before = channel_before;
            // The sentence as shown: without its closing punctuation and trailing blanks.
            let mut shown_end = e;
            while shown_end > s
                && (is_blank(chars[shown_end - 1])
                    || matches!(
                        chars[shown_end - 1],
                        '。' | '！' | '？' | '；' | '!' | '?' | ';'
                    ))
            {
                shown_end -= 1;
            }
            if sentence.c.is_empty() {
                buffers = sentence.into_buffers();
                continue;
            }
            let mut found = sentence.claims(year);
            channel_before = chars[shown_end..e].iter().any(|c| matches!(c, '；' | ';'))
                && found.last().is_some_and(|f| {
                    f.0 == Subject::NewApplications && f.4.qualified && !f.4.includes_carry_in
                });
            for (subject, quantity, unit, (cs, ce), flags) in found.drain(..) {
                if matches!(subject, Subject::Break(_))
                    && (!about_applications || sentence.contains("主动公开", 0, sentence.c.len()))
                {
                    continue;
                }
                let (start, end) = (sentence.orig(cs), sentence.orig_end(ce));
                // The statement and the few characters before it (结转2023年度继续办理 2 件).
                let window: String = sentence.c
                    [cs.saturating_sub(10).min(sentence.c.len())..ce.min(sentence.c.len())]
                    .iter()
                    .collect();
                let loose = match subject {
                    // Section 四 is about 政府信息公开 cases by its title; elsewhere the full
                    // sentence (up to its 。) must say so: a government also decides or faces
                    // other cases, whose count is another figure. (均获维持 and 未发生 are not
                    // loose: said of all cases they hold for the disclosure cases too.)
                    Subject::Review(_) | Subject::Litigation(_) => {
                        p.part != super::Part::Section(3) && {
                            let full = full_sentence(chars, s, e);
                            !CASE_ABOUT_DISCLOSURE
                                .iter()
                                .any(|w| full.contains(w) || p.text.contains(w))
                        }
                    }
                    // Said of all cases, 均获维持 and 未发生 hold for the disclosure cases too,
                    // but a paragraph that never names 政府信息公开 may speak of other cases.
                    Subject::NoCase(_) | Subject::Upheld { .. } => {
                        p.part != super::Part::Section(3)
                            && !CASE_ABOUT_DISCLOSURE.iter().any(|w| p.text.contains(w))
                    }
                    // 正在办理 / 继续办理 N 件 without naming the next year.
                    Subject::CarryOut => {
                        quantity.is_some_and(|q| q > 0)
                            && ![
                                "下年",
                                "下一年",
                                "次年",
                                "明年",
                                "结转",
                                "顺延",
                                "转入",
                                "转至",
                            ]
                            .iter()
                            .any(|w| window.contains(w))
                            && !year.is_some_and(|y| window.contains(&format!("{}年", y + 1)))
                    }
                    _ => false,
                };
                out.push(Claim {
                    subject,
                    quantity,
                    unit,
                    this_year: flags.this_year,
                    approx: flags.approx,
                    subset: flags.subset || flags.qualified,
                    qualified: flags.qualified,
                    includes_carry_in: flags.includes_carry_in,
                    loose,
                    part: p.part,
                    paragraph: p.source,
                    start,
                    end,
                    text: chars
                        .get(start..end)
                        .map(|c| c.iter().collect())
                        .unwrap_or_default(),
                    sentence: chars[s..shown_end].iter().collect(),
                    sentence_start: s,
                    sentence_end: shown_end,
                });
            }
            buffers = sentence.into_buffers();
        }
    }
    out.truncate(MAX_CLAIMS);
    out
}

/// `chars` := the first `max` characters of `text` (`text.chars().take(max)`, decoded here:
/// this runs on every character of the prose).
pub(super) fn decode_into(text: &str, max: usize, chars: &mut Vec<char>) {
    // At most one character per byte: the buffer is sized once and filled in place (std's
    // decoder: a hand-written one measured slower).
    chars.clear();
    chars.resize(text.len().min(max), '\0');
    let mut n = 0;
    for (slot, c) in chars.iter_mut().zip(text.chars()) {
        *slot = c;
        n += 1;
    }
    chars.truncate(n);
}

/// How many kinds of results of table 三 a text names (予以公开, 部分公开, 不予公开, 无法提供 /
/// 不掌握, 不予处理, 其他处理): two or more make a list of results, about applications.
pub(super) fn result_words(text: &str) -> usize {
    // One pass over the text: the kinds seen, by the words starting at each character.
    const WORDS: [(&str, u8); 10] = [
        ("予以公开", 0),
        ("同意公开", 0),
        ("部分公开", 1),
        ("不予公开", 2),
        ("禁止公开", 2),
        ("国家秘密", 2),
        ("无法提供", 3),
        ("不掌握", 3),
        ("不予处理", 4),
        ("其他处理", 5),
    ];
    // Every word starts with a three-byte character: a word can start only two bytes before a
    // byte that ends one of those first characters. `ENDS[b]`: the words whose first character
    // ends with byte b (a table lookup per byte, no decoding).
    const ENDS: [u16; 256] = {
        let mut t = [0u16; 256];
        let mut k = 0;
        while k < WORDS.len() {
            let w = WORDS[k].0.as_bytes();
            assert!(w[0] >= 0xE0 && w[0] < 0xF0, "a three-byte first character");
            t[w[2] as usize] |= 1 << k;
            k += 1;
        }
        t
    };
    let mut kinds = 0u8;
    let b = text.as_bytes();
    for i in 2..b.len() {
        let mut words = ENDS[b[i] as usize];
        while words != 0 {
            let k = words.trailing_zeros() as usize;
            words &= words - 1;
            let (w, kind) = WORDS[k];
            let w = w.as_bytes();
            if b[i - 2] == w[0] && b[i - 1] == w[1] && b[i - 2..].starts_with(w) {
                kinds |= 1 << kind;
            }
        }
    }
    kinds.count_ones() as usize
}

/// The text (blanks dropped) of the sentence around `[s, e)` up to full stops (。！？ or a line
/// break), joining the parts that 、；split.
pub(super) fn full_sentence(chars: &[char], s: usize, e: usize) -> String {
    let (from, to) = full_sentence_range(chars, s, e);
    chars[from..to].iter().filter(|c| !is_blank(**c)).collect()
}

/// Whether the full sentence around `[s, e)` (blanks dropped) contains 申请, without building it.
pub(super) fn full_sentence_mentions_applications(chars: &[char], s: usize, e: usize) -> bool {
    let (from, to) = full_sentence_range(chars, s, e);
    let mut previous = None;
    chars[from..to]
        .iter()
        .filter(|c| !is_blank(**c))
        .any(|&c| previous.replace(c) == Some('申') && c == '请')
}

/// Whether the sentence ending right before `from` (in the same paragraph) names 依申请公开 or
/// 信息公开申请 and no other kind of request (OTHER_REQUESTS).
fn previous_sentence_about_applications(chars: &[char], from: usize) -> bool {
    if from < 2 {
        return false;
    }
    let (s, e) = full_sentence_range(chars, from - 1, from - 1);
    let text: String = chars[s..e].iter().filter(|c| !is_blank(**c)).collect();
    ["依申请公开", "信息公开申请"]
        .iter()
        .any(|w| text.contains(w))
        && !OTHER_REQUESTS.iter().any(|w| text.contains(w))
}

/// The character range of `full_sentence`.
pub(super) fn full_sentence_range(chars: &[char], s: usize, e: usize) -> (usize, usize) {
    let stop = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r');
    let from = chars[..s]
        .iter()
        .rposition(|&c| stop(c))
        .map_or(0, |k| k + 1);
    let to = (e.saturating_sub(1)..chars.len())
        .find(|&k| stop(chars[k]))
        .unwrap_or(chars.len());
    (from, to.max(from))
}

/// Sentence ranges (character offsets) of a paragraph: split after 。！？；and at line breaks.
pub(super) fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Very long "sentences" (text without full stops) are cut at a comma, so that the work per
    // sentence stays bounded; blank-only ranges are dropped, the others trimmed of leading
    // blanks.
    let mut push = |mut s: usize, e: usize| {
        while e - s > MAX_SENTENCE_CHARS {
            let limit = s + MAX_SENTENCE_CHARS;
            let cut = (s + MAX_SENTENCE_CHARS / 2..limit)
                .rev()
                .find(|&k| matches!(chars[k], '，' | ','))
                .map(|k| k + 1)
                .unwrap_or(limit);
            if let Some(s2) = (s..cut).find(|&k| !is_blank(chars[k])) {
                out.push((s2, cut));
            }
            s = cut;
        }
        if let Some(s2) = (s..e).find(|&k| !is_blank(chars[k])) {
            out.push((s2, e));
        }
    };
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        let end = match c {
            '。' | '！' | '？' | '；' | '!' | '?' | ';' => i + 1,
            '\n' | '\r' => i,
            _ => continue,
        };
        if end > start {
            push(start, end);
        }
        start = i + 1;
    }
    if start < chars.len() {
        push(start, chars.len());
    }
    out
}

/// Longest sentence read as one; longer runs are cut at a comma.
pub(super) const MAX_SENTENCE_CHARS: usize = 400;

/// A sentence in compact form.
pub(super) struct Sentence {
    /// Folded, non-blank characters.
    pub(super) c: Vec<char>,
    /// Paragraph character index of each compact character.
    pub(super) map: Vec<usize>,
    /// Every cue of the sentence, computed once.
    pub(super) all_hits: Vec<Hit>,
    /// The full sentence (up to its 。, across ；) speaks of applications (申请): needed before
    /// 答复/办结/办理 N 件 is read as processed applications.
    pub(super) about_applications: bool,
    /// An earlier piece of the same sentence (before a ；) says 其中.
    pub(super) qizhong_before: bool,
    /// An earlier piece of the same sentence (before a ；) counts received applications.
    pub(super) receipt_before: bool,
    /// The piece before (up to a ；) ended with a channel part of the applications.
    pub(super) channel_before: bool,
    /// Which characters occur in `c`, as a 4,096-bit filter on the low bits of the code point
    /// (no false negatives): most phrases asked for do not occur, and this answers that without
    /// a search.
    pub(super) seen: CharSet,
}

/// The vectors of a sentence, kept from one sentence to the next.
#[derive(Default)]
pub(super) struct Buffers {
    c: Vec<char>,
    map: Vec<usize>,
    hits: Vec<Hit>,
}

/// A set of characters by the low 12 bits of their code point: `may_contain` is true for every
/// inserted character and for few others (a sentence's hundred-odd distinct characters fill
/// about 3 % of it).
pub(super) struct CharSet([u64; CHARSET_WORDS]);

const CHARSET_WORDS: usize = 64;
const CHARSET_MASK: usize = CHARSET_WORDS * 64 - 1;

impl Default for CharSet {
    fn default() -> Self {
        CharSet([0; CHARSET_WORDS])
    }
}

impl CharSet {
    /// The set of `chars` (built at compile time).
    pub(super) const fn of(chars: &[char]) -> Self {
        let mut t = [0u64; CHARSET_WORDS];
        let mut k = 0;
        while k < chars.len() {
            let b = chars[k] as usize & CHARSET_MASK;
            t[b >> 6] |= 1 << (b & 63);
            k += 1;
        }
        CharSet(t)
    }

    /// How many slots (bits) the set has.
    pub(super) const SLOTS: usize = CHARSET_MASK + 1;

    /// The slot (bit) of `c`.
    pub(super) fn slot(c: char) -> usize {
        c as usize & CHARSET_MASK
    }

    pub(super) fn insert(&mut self, c: char) {
        let b = c as usize & CHARSET_MASK;
        self.0[b >> 6] |= 1 << (b & 63);
    }

    pub(super) fn may_contain(&self, c: char) -> bool {
        let b = c as usize & CHARSET_MASK;
        self.0[b >> 6] & (1 << (b & 63)) != 0
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) cue: Cue,
}

impl Sentence {
    /// `results_listed`: whether the paragraph names two or more kinds of results
    /// (`result_words`), asked only when needed.
    #[cfg(test)]
    pub(super) fn new(
        chars: &[char],
        s: usize,
        e: usize,
        results_listed: &dyn Fn() -> bool,
    ) -> Self {
        Self::new_in(chars, s, e, results_listed, Buffers::default())
    }

    /// `new`, in the buffers of a sentence read before (`into_buffers`).
    pub(super) fn new_in(
        chars: &[char],
        s: usize,
        e: usize,
        results_listed: &dyn Fn() -> bool,
        buffers: Buffers,
    ) -> Self {
        let Buffers {
            c: mut cs,
            mut map,
            hits,
        } = buffers;
        let range = chars.get(s..e.min(chars.len())).unwrap_or(&[]);
        // At most one compact character per character of the range (a sentence is bounded):
        // both sized once, filled in place, cut to what was written.
        cs.clear();
        cs.resize(range.len(), '\0');
        map.clear();
        map.resize(range.len(), 0);
        let mut seen = CharSet::default();
        let mut n = 0;
        for (k, &ch) in (s..).zip(range) {
            // U+3001..U+FEFE (CJK, its punctuation) is neither blank nor folded.
            let ch = if ('\u{3001}'..'\u{FEFF}').contains(&ch) {
                ch
            } else if is_blank(ch) {
                continue;
            } else {
                fold_width(ch)
            };
            if let (Some(slot), Some(at)) = (cs.get_mut(n), map.get_mut(n)) {
                *slot = ch;
                *at = k;
            }
            n += 1;
            seen.insert(ch);
        }
        cs.truncate(n);
        map.truncate(n);
        let c = cs;
        // Whether the compact sentence holds 申请.
        let shen_qing = seen.may_contain('申')
            && seen.may_contain('请')
            && (1..c.len()).any(|k| c[k] == '请' && c[k - 1] == '申');
        let (from, to) = full_sentence_range(chars, s, e);
        // The full sentence is this one (up to its closing punctuation, which is no 申 or 请) when
        // nothing but blanks precedes it and it ends no later: then 申请 is in it when it is here.
        let within = to <= e && chars[from..s.max(from)].iter().all(|&ch| is_blank(ch));
        let about_applications =
            shen_qing || !within && full_sentence_mentions_applications(chars, s, e);
        // 其中 in an earlier piece of the same sentence (其中自然人…；予以公开…；无法提供…).
        // 受理…226 件…；历年累计 1525 件: an earlier piece of the sentence counts receipts.
        let (mut qizhong_before, mut receipt_before) = (false, false);
        let mut previous = None;
        for &c in chars[from..s].iter().filter(|c| !is_blank(**c)) {
            match (previous.replace(c), c) {
                (Some('其'), '中') => qizhong_before = true,
                (Some('收'), '到')
                | (Some('受'), '理')
                | (Some('接'), '收')
                | (Some('新'), '收') => receipt_before = true,
                _ => {}
            }
        }
        let mut sentence = Sentence {
            c,
            map,
            all_hits: hits,
            about_applications,
            qizhong_before,
            receipt_before,
            channel_before: false,
            seen,
        };
        let mut hits = std::mem::take(&mut sentence.all_hits);
        sentence.scan_hits_into(&mut hits);
        // 结转上年后新收到 47 件: "after last year's carry-over", a time, not a carry-over count.
        let c = &sentence.c;
        hits.retain(|h| !(h.cue == Cue::CarryIn && c.get(h.end) == Some(&'后')));
        // 其他（不属于本机关公开）的 7 件: the words of a result inside the parenthesis after 其他
        // explain an other result (表三 其他处理).
        for h in hits.iter_mut() {
            if matches!(h.cue, Cue::Break(_))
                && h.start >= 3
                && matches!(c[h.start - 1], '（' | '(')
                && c[h.start - 3..h.start - 1] == ['其', '他']
            {
                h.cue = Cue::Break(Outcome::Other);
            }
        }
        sentence.all_hits = hits;
        // 受理政府信息公开 1 件，办结 1 件 / 办结 59 件，其中予以公开 18 件，部分公开 2 件: a
        // receipt of disclosure, or a list of results, speaks of applications without 申请.
        if !sentence.about_applications {
            let received = sentence.all_hits.windows(2).any(|w| {
                w[0].cue == Cue::Receive && w[1].cue == Cue::App && w[1].start <= w[0].end + 2
            });
            // (Only a paragraph naming two kinds of results can hold such a sentence.)
            sentence.about_applications =
                received || results_listed() && result_words(&full_sentence(chars, s, e)) >= 2;
        }
        // 认真做好依申请公开工作…申请处理及时。2024年，我局共受理1件，已办结: a receipt counted
        // right after its verb, after a sentence about applications (neither naming another kind
        // of request), counts applications.
        // 依法办结35件，结转下年度办理7件: a carry-over (结转) is of applications too.
        if !sentence.about_applications {
            let hits = &sentence.all_hits;
            let c = &sentence.c;
            let carry = hits.iter().any(|h| {
                matches!(h.cue, Cue::CarryIn | Cue::CarryOut)
                    && c[h.start..h.end]
                        .windows(2)
                        .any(|w| w == ['结', '转'] || w == ['转', '结'])
            });
            let counted_receipt = || {
                hits.iter().any(|h| {
                    h.cue == Cue::Receive && c.get(h.end).is_some_and(|c| c.is_ascii_digit())
                })
            };
            // (The word search last: most sentences have neither.)
            sentence.about_applications = (carry
                || counted_receipt() && previous_sentence_about_applications(chars, from))
                && !OTHER_REQUESTS
                    .iter()
                    .any(|w| sentence.contains(w, 0, sentence.c.len()));
        }
        sentence
    }

    /// A statement starting right after 共 (共收到…) includes it.
    pub(super) fn with_gong(&self, start: usize) -> usize {
        if start > 0 && self.c.get(start - 1) == Some(&'共') {
            start - 1
        } else {
            start
        }
    }

    pub(super) fn orig(&self, compact: usize) -> usize {
        self.map
            .get(compact)
            .copied()
            .unwrap_or_else(|| self.map.last().map(|m| m + 1).unwrap_or(0))
    }

    pub(super) fn orig_end(&self, compact_end: usize) -> usize {
        if compact_end == 0 {
            return self.orig(0);
        }
        self.map
            .get(compact_end - 1)
            .map(|m| m + 1)
            .unwrap_or_else(|| self.map.last().map(|m| m + 1).unwrap_or(0))
    }

    pub(super) fn has_at(&self, at: usize, w: &str) -> bool {
        (at..)
            .zip(w.chars())
            .all(|(k, ch)| self.c.get(k) == Some(&ch))
    }

    /// Positions where `w` occurs within `[from, to)`, in order.
    pub(super) fn find(&self, w: &str, from: usize, to: usize) -> Vec<usize> {
        // Most phrases asked do not occur: answered by the character filter alone.
        if !self.may_hold(w) {
            return Vec::new();
        }
        self.occurrences(w, from, to).collect()
    }

    pub(super) fn contains(&self, w: &str, from: usize, to: usize) -> bool {
        self.occurrences(w, from, to).next().is_some()
    }

    /// Whether every character of `w` may occur in the sentence (false: `w` does not occur).
    pub(super) fn may_hold(&self, w: &str) -> bool {
        w.chars().all(|ch| self.seen.may_contain(ch))
    }

    /// Positions where `w` occurs within `[from, to)`, in order. A phrase with a character that
    /// is not in the sentence (the common case: ~40 phrase lists are asked of every sentence) is
    /// answered by the character filter without a scan.
    pub(super) fn occurrences<'a>(
        &'a self,
        w: &'a str,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let to = to.min(self.c.len());
        let first = w.chars().next();
        // An empty phrase occurs everywhere; a phrase longer than the range nowhere. (Its
        // length is counted only when its first character may occur.)
        let range = match first {
            Some(_) if !self.may_hold(w) => 0..0,
            _ => {
                let n = w.chars().count();
                if to < n {
                    0..0
                } else {
                    from..to - n + 1
                }
            }
        };
        // The first character compared directly: most positions differ there.
        range.filter(move |&k| first.is_none_or(|f| self.c[k] == f) && self.has_at(k, w))
    }

    /// Cue hits within `[from, to)`.
    pub(super) fn hits(&self, from: usize, to: usize) -> Vec<Hit> {
        self.all_hits
            .iter()
            .filter(|h| h.start >= from && h.end <= to)
            .copied()
            .collect()
    }

    /// The buffers of the sentence, for the next one (`new_in`).
    pub(super) fn into_buffers(self) -> Buffers {
        Buffers {
            c: self.c,
            map: self.map,
            hits: self.all_hits,
        }
    }

    /// `out` := the cue hits of the sentence, longest match at each position, not overlapping.
    pub(super) fn scan_hits_into(&self, out: &mut Vec<Hit>) {
        out.clear();
        let (from, to) = (0, self.c.len());
        let mut k = from;
        let index = cues_by_first_char();
        while k < to {
            if !index.firsts.may_contain(self.c[k]) {
                k += 1;
                continue;
            }
            let best = index
                .starting_with(self.c[k])
                .map(|i| (i, index.chars[i].as_slice()))
                // Candidates are in CUES order, so that the longest cue wins ties as before (the
                // last of equal length).
                .filter(|(_, w)| self.c.get(k..k + w.len()) == Some(*w))
                .max_by_key(|(_, w)| w.len());
            match best {
                Some((i, w)) => {
                    let n = w.len();
                    out.push(Hit {
                        start: k,
                        end: k + n,
                        cue: CUES[i].1,
                    });
                    k += n;
                }
                None => k += 1,
            }
        }
    }

    /// Clause ranges: split at commas and colons that are not thousands separators.
    pub(super) fn clauses(&self, mentions: &[Mention]) -> Vec<(usize, usize)> {
        // (Room for the clauses of most sentences at once.)
        let mut out = Vec::with_capacity(16);
        let mut start = 0;
        for (k, &ch) in self.c.iter().enumerate() {
            // (Most characters are answered by the first comparison: CJK lies between.)
            if !(';'..'，').contains(&ch)
                && matches!(ch, '，' | ',' | '：' | ':')
                && !mentions.iter().any(|m| m.start <= k && k < m.end)
            {
                out.push((start, k));
                start = k + 1;
            }
        }
        out.push((start, self.c.len()));
        out
    }

    /// The last year (`YYYY年`) written in `[0, to)`, skipping years after 至/到 (结转至2024年).
    pub(super) fn last_year(&self, to: usize) -> Option<i32> {
        let mut found = None;
        let to = to.min(self.c.len());
        let mut k = 0;
        while k + 4 < to + 1 && k + 4 <= self.c.len() {
            let digits: Option<Vec<u32>> = (0..4)
                .map(|d| self.c.get(k + d).and_then(|c| c.to_digit(10)))
                .collect();
            let before_digit = k > 0 && self.c.get(k - 1).is_some_and(|c| c.is_ascii_digit());
            if let Some(ds) = digits {
                if !before_digit && self.c.get(k + 4) == Some(&'年') && k + 4 < to {
                    let y = ds.iter().fold(0i32, |a, d| a * 10 + *d as i32);
                    // 结转至2024年, 结转2023年度, 2022年结转 27 件, 因2023年度…申请: the year
                    // of the carry-over or of the cause, not of the figure.
                    let after_to = k > 0
                        && matches!(self.c.get(k - 1), Some('至' | '到' | '因' | '转'))
                        || k >= 2 && self.has_at(k - 2, "结转")
                        || self.has_at(k + 5, "结转")
                        || self.has_at(k + 5, "度结转");
                    // （其中 1 件为2023年信息公开件）: a year inside a parenthesis closed
                    // before `to` qualifies what is inside it.
                    let enclosed = self.c[..k]
                        .iter()
                        .rev()
                        .take_while(|c| !matches!(c, '）' | ')'))
                        .any(|c| matches!(c, '（' | '('))
                        && self.c[k..to].iter().any(|c| matches!(c, '）' | ')'));
                    // 比2022年（31起）下降29%，答复22起: the year compared with dates only
                    // its own clause.
                    let compared = k > 0
                        && matches!(self.c.get(k - 1), Some('比' | '较'))
                        && (k..to).any(|j| match self.c[j] {
                            '，' | '；' | ';' => true,
                            // (not a thousands separator)
                            ',' => !self.c.get(j + 1).is_some_and(|c| c.is_ascii_digit()),
                            _ => false,
                        });
                    if (2000..=2100).contains(&y) && !after_to && !enclosed && !compared {
                        found = Some(y);
                    }
                    k += 5;
                    continue;
                }
            }
            k += 1;
        }
        found
    }
}
