//! Statements from sentences: each number with a unit is given a subject from the words around
//! it (收到…申请 N 件, 予以公开 N 件, 行政复议 N 件 …), and sentences without a number that state
//! a zero (未收到政府信息公开申请, 均已办结, 均获维持, 未收取信息处理费) become claims too.
//!
//! Matching works on a compact copy of each sentence (blanks dropped, full-width folded) that
//! keeps the original character index of every character, so offsets point into the paragraph.

use super::numerals::{self, Mention, Unit};
use super::{
    Active, Applicant, CaseKind, CasePart, Claim, Outcome, Para, Subject, MAX_CLAIMS,
    MAX_PARAGRAPH_CHARS,
};
use crate::report::normalize::{fold_width, is_blank};

/// Every claim of the paragraphs, in document order. `year` is the report year (numbers under
/// another year are marked `this_year = false`).
pub fn extract(paras: &[Para], year: Option<i32>) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut previous_mentions_applications = false;
    for p in paras {
        if out.len() >= MAX_CLAIMS {
            break;
        }
        let chars: Vec<char> = p.text.chars().take(MAX_PARAGRAPH_CHARS).collect();
        // Result rows (予以公开 N 件 …) are about applications only when the paragraph or the one
        // before it speaks of applications, or the paragraph is in section 三.
        let mentions_applications = p.text.contains("申请");
        let about_applications = mentions_applications
            || previous_mentions_applications
            || p.part == super::Part::Section(2);
        previous_mentions_applications = mentions_applications;
        for (s, e) in sentences(&chars) {
            let sentence = Sentence::new(&chars, s, e);
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
                continue;
            }
            let mut found = sentence.claims(year);
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
                            let full = full_sentence(&chars, s, e);
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
        }
    }
    out.truncate(MAX_CLAIMS);
    out
}

/// The text (blanks dropped) of the sentence around `[s, e)` up to full stops (。！？ or a line
/// break), joining the parts that 、；split.
fn full_sentence(chars: &[char], s: usize, e: usize) -> String {
    let (from, to) = full_sentence_range(chars, s, e);
    chars[from..to].iter().filter(|c| !is_blank(**c)).collect()
}

/// Whether the full sentence around `[s, e)` (blanks dropped) contains 申请, without building it.
fn full_sentence_mentions_applications(chars: &[char], s: usize, e: usize) -> bool {
    let (from, to) = full_sentence_range(chars, s, e);
    let mut previous = None;
    chars[from..to]
        .iter()
        .filter(|c| !is_blank(**c))
        .any(|&c| previous.replace(c) == Some('申') && c == '请')
}

/// The character range of `full_sentence`.
fn full_sentence_range(chars: &[char], s: usize, e: usize) -> (usize, usize) {
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
fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        let end = match c {
            '。' | '！' | '？' | '；' | '!' | '?' | ';' => i + 1,
            '\n' | '\r' => i,
            _ => continue,
        };
        if end > start {
            out.push((start, end));
        }
        start = i + 1;
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    // Very long "sentences" (text without full stops) are cut at a comma, so that the work per
    // sentence stays bounded.
    let mut bounded = Vec::with_capacity(out.len());
    for (mut s, e) in out {
        while e - s > MAX_SENTENCE_CHARS {
            let limit = s + MAX_SENTENCE_CHARS;
            let cut = (s + MAX_SENTENCE_CHARS / 2..limit)
                .rev()
                .find(|&k| matches!(chars[k], '，' | ','))
                .map(|k| k + 1)
                .unwrap_or(limit);
            bounded.push((s, cut));
            s = cut;
        }
        bounded.push((s, e));
    }
    let out = bounded;
    // Drop blank-only ranges; keep offsets of the others, trimmed of leading blanks.
    out.into_iter()
        .filter_map(|(s, e)| {
            let s2 = (s..e).find(|&k| !is_blank(chars[k]))?;
            Some((s2, e))
        })
        .collect()
}

/// Longest sentence read as one; longer runs are cut at a comma.
const MAX_SENTENCE_CHARS: usize = 400;

#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    this_year: bool,
    approx: bool,
    subset: bool,
    /// A part by channel, part of the reporting body or sub-period.
    qualified: bool,
    includes_carry_in: bool,
}

type Found = (Subject, Option<i64>, Option<Unit>, (usize, usize), Flags);

/// A sentence in compact form.
struct Sentence {
    /// Folded, non-blank characters.
    c: Vec<char>,
    /// Paragraph character index of each compact character.
    map: Vec<usize>,
    /// Every cue of the sentence, computed once.
    all_hits: Vec<Hit>,
    /// The full sentence (up to its 。, across ；) speaks of applications (申请): needed before
    /// 答复/办结/办理 N 件 is read as processed applications.
    about_applications: bool,
    /// Which characters occur in `c`, as a 1,024-bit filter on the low bits of the code point
    /// (no false negatives): most phrases asked for do not occur, and this answers that without
    /// a search.
    seen: CharSet,
}

/// A set of characters by the low 10 bits of their code point: `may_contain` is true for every
/// inserted character and for few others.
#[derive(Default)]
struct CharSet([u64; 16]);

impl CharSet {
    fn insert(&mut self, c: char) {
        let b = c as usize & 1023;
        self.0[b >> 6] |= 1 << (b & 63);
    }

    fn may_contain(&self, c: char) -> bool {
        let b = c as usize & 1023;
        self.0[b >> 6] & (1 << (b & 63)) != 0
    }
}

/// Words that point at a subject, matched on the compact sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cue {
    Break(Outcome),
    CarryIn,
    CarryOut,
    Processed,
    App,
    Receive,
    Review,
    Litigation,
    Part(CasePart),
    Noun(Noun),
    /// 自然人, 法人或其他组织 …: an applicant column of 表三.
    Applicant(Applicant),
    Made,
    Repealed,
    Valid,
    FeeWord,
    Notice,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Noun {
    Rules,
    Docs,
    License,
    Penalty,
    Enforcement,
}

/// Cue words; the longest match at a position wins.
const CUES: &[(&str, Cue)] = &[
    ("予以公开及部分公开", Cue::Break(Outcome::GrantedOrPartial)),
    ("予以公开和部分公开", Cue::Break(Outcome::GrantedOrPartial)),
    ("予以公开与部分公开", Cue::Break(Outcome::GrantedOrPartial)),
    ("予以公开或部分公开", Cue::Break(Outcome::GrantedOrPartial)),
    ("同意公开或部分公开", Cue::Break(Outcome::GrantedOrPartial)),
    ("同意公开和部分公开", Cue::Break(Outcome::GrantedOrPartial)),
    ("同意公开及部分公开", Cue::Break(Outcome::GrantedOrPartial)),
    ("全部公开和部分公开", Cue::Break(Outcome::GrantedOrPartial)),
    ("全部或部分公开", Cue::Break(Outcome::GrantedOrPartial)),
    ("全部或部分予以公开", Cue::Break(Outcome::GrantedOrPartial)),
    ("公开或部分公开", Cue::Break(Outcome::GrantedOrPartial)),
    ("予以公开", Cue::Break(Outcome::Granted)),
    ("同意公开", Cue::Break(Outcome::Granted)),
    ("全部公开", Cue::Break(Outcome::Granted)),
    ("部分公开", Cue::Break(Outcome::Partial)),
    ("不予公开", Cue::Break(Outcome::Withheld)),
    ("无法提供", Cue::Break(Outcome::Unable)),
    ("不掌握", Cue::Break(Outcome::Unable)),
    ("信息不存在", Cue::Break(Outcome::Unable)),
    ("属于国家秘密", Cue::Break(Outcome::Withheld)),
    ("过程性", Cue::Break(Outcome::Withheld)),
    ("内部事务信息", Cue::Break(Outcome::Withheld)),
    ("第三方合法权益", Cue::Break(Outcome::Withheld)),
    ("行政执法案卷", Cue::Break(Outcome::Withheld)),
    ("行政查询事项", Cue::Break(Outcome::Withheld)),
    ("不予处理", Cue::Break(Outcome::NotProcessed)),
    ("其他处理", Cue::Break(Outcome::Other)),
    ("上年结转", Cue::CarryIn),
    ("上年度结转", Cue::CarryIn),
    ("上年度转结", Cue::CarryIn),
    ("上年转结", Cue::CarryIn),
    ("上一年度结转", Cue::CarryIn),
    ("上一年结转", Cue::CarryIn),
    ("去年结转", Cue::CarryIn),
    ("往年结转", Cue::CarryIn),
    ("结转上年", Cue::CarryIn),
    ("结转下年", Cue::CarryOut),
    ("结转至下年", Cue::CarryOut),
    ("结转到下年", Cue::CarryOut),
    ("结转下一年", Cue::CarryOut),
    ("结转至下一年", Cue::CarryOut),
    ("结转到下一年", Cue::CarryOut),
    ("结转至次年", Cue::CarryOut),
    ("结转到", Cue::CarryOut),
    ("结转至", Cue::CarryOut),
    ("结转次年", Cue::CarryOut),
    ("顺延至下年", Cue::CarryOut),
    ("顺延到下年", Cue::CarryOut),
    ("转入下年", Cue::CarryOut),
    ("转入下一年", Cue::CarryOut),
    ("转至下一年", Cue::CarryOut),
    ("转到下一年", Cue::CarryOut),
    ("转下年", Cue::CarryOut),
    ("转下一年", Cue::CarryOut),
    ("转次年", Cue::CarryOut),
    ("顺延至下一年", Cue::CarryOut),
    ("顺延到下一年", Cue::CarryOut),
    ("顺延下年", Cue::CarryOut),
    ("顺延至次年", Cue::CarryOut),
    ("结转至明年", Cue::CarryOut),
    ("转至下年", Cue::CarryOut),
    ("下年度继续办理", Cue::CarryOut),
    ("下一年度继续办理", Cue::CarryOut),
    ("继续办理", Cue::CarryOut),
    ("尚在办理", Cue::CarryOut),
    ("仍在办理", Cue::CarryOut),
    ("正在办理", Cue::CarryOut),
    ("答复", Cue::Processed),
    ("回复", Cue::Processed),
    ("办结", Cue::Processed),
    ("办理完毕", Cue::Processed),
    ("处理完毕", Cue::Processed),
    ("办理完成", Cue::Processed),
    ("完成办理", Cue::Processed),
    // 共办理 718 件 (only next to its number, in a sentence about applications).
    ("办理", Cue::Processed),
    ("政府信息公开申请", Cue::App),
    ("信息公开申请", Cue::App),
    ("公开信息申请", Cue::App),
    ("依申请公开", Cue::App),
    ("依申请", Cue::App),
    ("公开申请", Cue::App),
    ("政府信息公开", Cue::App),
    ("申请", Cue::App),
    ("收到", Cue::Receive),
    ("受理", Cue::Receive),
    ("接收", Cue::Receive),
    ("接到", Cue::Receive),
    ("新收", Cue::Receive),
    ("收悉", Cue::Receive),
    ("接受", Cue::Receive),
    ("未经复议直接起诉", Cue::Litigation),
    ("复议后起诉", Cue::Litigation),
    ("行政复议", Cue::Review),
    ("复议", Cue::Review),
    ("行政诉讼", Cue::Litigation),
    ("诉讼", Cue::Litigation),
    ("起诉", Cue::Litigation),
    ("应诉", Cue::Litigation),
    ("维持", Cue::Part(CasePart::Upheld)),
    ("纠正", Cue::Part(CasePart::Corrected)),
    ("纠错", Cue::Part(CasePart::Corrected)),
    ("撤销", Cue::Part(CasePart::Corrected)),
    ("确认违法", Cue::Part(CasePart::Corrected)),
    ("败诉", Cue::Part(CasePart::Corrected)),
    ("其他结果", Cue::Part(CasePart::Other)),
    ("尚未审结", Cue::Part(CasePart::Pending)),
    ("未审结", Cue::Part(CasePart::Pending)),
    ("正在审理", Cue::Part(CasePart::Pending)),
    ("审理中", Cue::Part(CasePart::Pending)),
    ("尚未结案", Cue::Part(CasePart::Pending)),
    ("行政规范性文件", Cue::Noun(Noun::Docs)),
    ("规范性文件", Cue::Noun(Noun::Docs)),
    ("规章", Cue::Noun(Noun::Rules)),
    ("行政许可", Cue::Noun(Noun::License)),
    ("行政处罚", Cue::Noun(Noun::Penalty)),
    ("行政强制", Cue::Noun(Noun::Enforcement)),
    ("制发", Cue::Made),
    ("出台", Cue::Made),
    ("印发", Cue::Made),
    ("制定", Cue::Made),
    ("废止", Cue::Repealed),
    ("废除", Cue::Repealed),
    ("现行有效", Cue::Valid),
    ("自然人", Cue::Applicant(Applicant::Natural)),
    ("公民", Cue::Applicant(Applicant::Natural)),
    ("法人或其他组织", Cue::Applicant(Applicant::Legal)),
    ("法人和其他组织", Cue::Applicant(Applicant::Legal)),
    ("法人及其他组织", Cue::Applicant(Applicant::Legal)),
    ("法人", Cue::Applicant(Applicant::Legal)),
    ("商业企业", Cue::Applicant(Applicant::Business)),
    ("企业", Cue::Applicant(Applicant::Business)),
    ("其他组织", Cue::Applicant(Applicant::Other)),
    ("科研机构", Cue::Applicant(Applicant::Research)),
    ("社会公益组织", Cue::Applicant(Applicant::Social)),
    ("法律服务机构", Cue::Applicant(Applicant::LawFirm)),
    ("信息处理费", Cue::FeeWord),
    ("处理费", Cue::FeeWord),
    ("缴费通知", Cue::Notice),
    ("收费通知", Cue::Notice),
];

/// The cues by their first character: `(first character, index in CUES)`, sorted, so that at
/// each position of a sentence only the cues starting with its character are compared. (A
/// hand-written index rather than an automaton crate such as `aho-corasick`: the cue table is
/// small, the callers ask for phrases over arbitrary ranges, and the page's wasm stays as it is.)
fn cues_by_first_char() -> &'static (CharSet, Vec<(char, usize)>) {
    static BY_FIRST: std::sync::OnceLock<(CharSet, Vec<(char, usize)>)> =
        std::sync::OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let mut v: Vec<(char, usize)> = CUES
            .iter()
            .enumerate()
            .filter_map(|(i, (w, _))| w.chars().next().map(|c| (c, i)))
            .collect();
        v.sort_unstable();
        let mut firsts = CharSet::default();
        for &(c, _) in &v {
            firsts.insert(c);
        }
        (firsts, v)
    })
}

/// The entries of a `(char, …)` table sorted by character whose character is `c`.
fn entries_of<T>(table: &[(char, T)], c: char) -> &[(char, T)] {
    let lo = table.partition_point(|(x, _)| *x < c);
    let hi = lo + table[lo..].partition_point(|(x, _)| *x <= c);
    &table[lo..hi]
}

/// Characters allowed between a case word (行政复议, 维持) and its number.
const CASE_FILLER: &str =
    "案件的共计为有数量起宗各达：:（）()政府信息公开类方面相关涉及被申请提起了均结果其中和及、";

/// Words before a number that make it a comparison or a cumulative figure.
const COMPARISON: &[&str] = &[
    "同比",
    "环比",
    "同期",
    "较上年",
    "较去年",
    "比上年",
    "比去年",
    "较上一年",
    "增长",
    "下降",
    "减少",
    "增加",
    "上升",
    "累计",
    "历年",
    "截至目前",
    "截止目前",
];

const NEGATIONS: &[&str] = &["没有", "暂无", "未", "无"];

/// Characters allowed between 收到…申请 / 答复 and the number: 共计, 数量为, 总数达, 的, 信息, 各.
const COUNT_FILLER: &str = "共计为了达有合总数量的政府信息公开件各：:（）()约近事项案书请求";

/// Words after 未收到…申请 that make the sentence about something else (carry-over, overdue
/// replies, cases).
const NOT_NONE_AFTER: &[&str] = &[
    "结转",
    "逾期",
    "超期",
    "被",
    "答复",
    "处理",
    "办理",
    "的行政",
    "引发",
    "引起",
    "行政复议",
    "行政诉讼",
    "复议",
    "诉讼",
    "费",
    "的投诉",
];

/// Words of a breakdown by channel, by applicant or by part of the year: the figure is a part
/// of the applications.
const SUBSET_WORDS: &[&str] = &[
    "季度",
    "上半年",
    "下半年",
    "月份",
    "个月",
    "网上",
    "网络",
    "在线",
    "信函",
    "邮寄",
    "来信",
    "当面",
    "现场",
    "传真",
    "电子邮件",
    "邮件",
    "门户网站",
    "纸质",
    "快递",
    "挂号",
    "政务服务",
    "政务网",
    "窗口",
];

/// Words of a part of the reporting body in a consolidated report (本级政府, 各部门, 乡镇街道):
/// a figure after them in the clause is a part of the table's.
const BODY_PART_WORDS: &[&str] = &[
    "本级",
    "各部门",
    "政府部门",
    "区直部门",
    "县直部门",
    "市直部门",
    "直属部门",
    "部门收到",
    "部门受理",
    "部门新收",
    "各乡镇",
    "各街道",
    "乡镇（街道）",
    "乡镇(街道)",
    "乡镇街道",
    "镇（街道）",
    "镇(街道)",
    "政府新收",
];

/// Characters allowed between an applicant word and its number (自然人申请 741 件, 涉及自然人
/// 的申请共 3 件, 法人或其他组织提出申请 2 件).
const APPLICANT_FILLER: &str = "提出的申请共计为有数量件占：:依政府信息公开";

/// Words of a sum (合计 122 件) after the parts.
const SUM_WORDS: &[&str] = &["合计", "共计", "总计", "共"];

/// Words of a part of the year: every figure after them in the sentence is a part.
const PERIOD_WORDS: &[&str] = &["季度", "上半年", "下半年", "月份"];

/// Words of other kinds of requests (咨询, 留言, 信访 …): a 收到/答复 count next to them is not
/// about information disclosure applications.
const OTHER_REQUESTS: &[&str] = &[
    "咨询", "留言", "信访", "投诉", "举报", "建议", "提案", "热线", "来电", "问政", "诉求", "信箱",
    "协助", "协查", "配合", "指导",
];

/// Words saying that 行政复议/行政诉讼 figures are about information disclosure.
const CASE_ABOUT_DISCLOSURE: &[&str] = &["信息公开"];

/// Words between 均/全部 and 答复/办结 that make the statement one of timeliness (均在法定期限内
/// 予以答复, 均已按时答复), not that every application was concluded.
const TIMELINESS: &[&str] = &[
    "期限",
    "时限",
    "期内",
    "按时",
    "按期",
    "及时",
    "限内",
    "规定时间",
    "工作日",
    "规定",
    "依法",
    "依规",
];

/// Words of a 未发生/无 statement that make it about corrected or lost cases (未发生被行政复议纠错
/// 或行政诉讼败诉情形), not about the number of cases.
const CORRECTION_WORDS: &[&str] = &["纠错", "纠正", "败诉", "撤销", "确认违法"];

#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    cue: Cue,
}

impl Sentence {
    fn new(chars: &[char], s: usize, e: usize) -> Self {
        let mut c = Vec::new();
        let mut map = Vec::new();
        for (k, &ch) in chars.iter().enumerate().take(e).skip(s) {
            if is_blank(ch) {
                continue;
            }
            c.push(fold_width(ch));
            map.push(k);
        }
        let about_applications = full_sentence_mentions_applications(chars, s, e);
        let mut seen = CharSet::default();
        for &ch in &c {
            seen.insert(ch);
        }
        let mut sentence = Sentence {
            c,
            map,
            all_hits: Vec::new(),
            about_applications,
            seen,
        };
        sentence.all_hits = sentence.scan_hits();
        sentence
    }

    /// A statement starting right after 共 (共收到…) includes it.
    fn with_gong(&self, start: usize) -> usize {
        if start > 0 && self.c.get(start - 1) == Some(&'共') {
            start - 1
        } else {
            start
        }
    }

    fn orig(&self, compact: usize) -> usize {
        self.map
            .get(compact)
            .copied()
            .unwrap_or_else(|| self.map.last().map(|m| m + 1).unwrap_or(0))
    }

    fn orig_end(&self, compact_end: usize) -> usize {
        if compact_end == 0 {
            return self.orig(0);
        }
        self.map
            .get(compact_end - 1)
            .map(|m| m + 1)
            .unwrap_or_else(|| self.map.last().map(|m| m + 1).unwrap_or(0))
    }

    fn has_at(&self, at: usize, w: &str) -> bool {
        (at..)
            .zip(w.chars())
            .all(|(k, ch)| self.c.get(k) == Some(&ch))
    }

    /// Positions where `w` occurs within `[from, to)`, in order.
    fn find(&self, w: &str, from: usize, to: usize) -> Vec<usize> {
        self.occurrences(w, from, to).collect()
    }

    fn contains(&self, w: &str, from: usize, to: usize) -> bool {
        self.occurrences(w, from, to).next().is_some()
    }

    /// Positions where `w` occurs within `[from, to)`, in order. A phrase whose first character
    /// is not in the sentence (the common case: ~40 phrase lists are asked of every sentence) is
    /// answered by the character filter without a scan.
    fn occurrences<'a>(
        &'a self,
        w: &'a str,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let n = w.chars().count();
        let to = to.min(self.c.len());
        let first = w.chars().next();
        // An empty phrase occurs everywhere; a phrase longer than the range nowhere.
        let range = match first {
            _ if to < n => 0..0,
            Some(f) if !self.seen.may_contain(f) => 0..0,
            _ => from..to - n + 1,
        };
        // The first character compared directly: most positions differ there.
        range.filter(move |&k| first.is_none_or(|f| self.c[k] == f) && self.has_at(k, w))
    }

    /// Cue hits within `[from, to)`.
    fn hits(&self, from: usize, to: usize) -> Vec<Hit> {
        self.all_hits
            .iter()
            .filter(|h| h.start >= from && h.end <= to)
            .copied()
            .collect()
    }

    /// Cue hits of the sentence, longest match at each position, not overlapping.
    fn scan_hits(&self) -> Vec<Hit> {
        let (from, to) = (0, self.c.len());
        let mut out = Vec::new();
        let mut k = from;
        let (firsts, by_first) = cues_by_first_char();
        while k < to {
            if !firsts.may_contain(self.c[k]) {
                k += 1;
                continue;
            }
            let candidates = entries_of(by_first, self.c[k]);
            let best = candidates
                .iter()
                .map(|&(_, i)| &CUES[i])
                // has_at fails at the first differing character and past the end: count a cue's
                // characters only when it matched. Candidates are in CUES order, so that the
                // longest cue wins ties as before (the last of equal length).
                .filter(|(w, _)| self.has_at(k, w))
                .max_by_key(|(w, _)| w.chars().count());
            match best {
                Some((w, cue)) => {
                    let n = w.chars().count();
                    out.push(Hit {
                        start: k,
                        end: k + n,
                        cue: *cue,
                    });
                    k += n;
                }
                None => k += 1,
            }
        }
        out
    }

    /// Clause ranges: split at commas and colons that are not thousands separators.
    fn clauses(&self, mentions: &[Mention]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (k, &ch) in self.c.iter().enumerate() {
            if matches!(ch, '，' | ',' | '：' | ':')
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
    fn last_year(&self, to: usize) -> Option<i32> {
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
                    if (2000..=2100).contains(&y) && !after_to {
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

    fn claims(&self, year: Option<i32>) -> Vec<Found> {
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
            let Some((subject, (ss, se))) = classified else {
                continue;
            };
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
                if y != ry {
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
            let all_channels = ["等渠道", "等方式", "等途径"]
                .iter()
                .any(|w| self.contains(w, cs, m.start));
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
            out.push((
                subject,
                quantity,
                Some(m.unit),
                (self.with_gong(ss.min(m.start)), se.max(m.end)),
                flags,
            ));
        }
        self.zero_statements(&mentions, &clauses, year, &mut out);
        out.sort_by_key(|f| f.3 .0);
        out
    }

    /// The subject of the number `m` and the compact range of the statement.
    fn classify(
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
        let other_request = OTHER_REQUESTS
            .iter()
            .any(|w| self.contains(w, request_from, clause_left.1));
        if m.unit.is_money() {
            let fee = self
                .hits(0, self.c.len())
                .iter()
                .any(|h| h.cue == Cue::FeeWord);
            return fee.then_some((Subject::Fee, (m.start, m.end)));
        }
        let left = self.hits(prev_end, m.start);
        // A subject word right after the unit (5件行政许可, 8份政府信息公开申请), after 的/已/均.
        let mut r = m.end;
        while matches!(self.c.get(r), Some('的' | '已' | '均')) && r < next_start {
            r += 1;
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
            if matches!(n, Noun::License | Noun::Penalty | Noun::Enforcement)
                && (gap.contains("信息") || m.unit == Unit::Tiao && !gap.contains("决定"))
            {
                return None;
            }
            return self.active(n, &clause_hits).map(|s| (s, span_from(h)));
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
            if let Some(n) = noun {
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
        let plain_gap = left.last().is_some_and(|h| {
            let gap = self.c.get(h.end..m.start).unwrap_or(&[]);
            gap.len() <= 8 && gap.iter().all(|c| COUNT_FILLER.contains(*c))
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
            if receive {
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
                .any(|w| self.contains(w, cs, m.start));
            let application = self.contains("申请", h.start, h.end);
            if channel && application && left.last().is_some_and(|x| x.cue == Cue::App) {
                return Some((Subject::NewApplications, span_from(h)));
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

    /// Whether the figure at `at` (clause starting at `cs`, subject `subject`) is a part of a
    /// figure before it: after 其中 in its own clause, or in the clauses after 其中 while the
    /// figures stay of the same kind as the first one after 其中 (其中予以公开 2 件, 部分公开 2 件),
    /// within the parentheses of a 其中 (…14件（其中信件申请10件，网络申请4件），已办结12件),
    /// or inside parentheses right after a figure of the same kind (不予公开100件（过程性信息
    /// 19件…）).
    fn part_of_before(&self, out: &[Found], subject: Subject, cs: usize, at: usize) -> bool {
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
            if before.is_some_and(|f| family(f.0) == family(subject)) && !self.contains("另", q, at)
            {
                return true;
            }
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

    /// A part of the reporting body (本级, 各部门, 乡镇街道) named before `at` in the sentence,
    /// not as what the figure includes (含本级和各部门).
    fn body_part_before(&self, at: usize) -> bool {
        BODY_PART_WORDS.iter().any(|w| {
            self.occurrences(w, 0, at).any(|p| {
                let from = p.saturating_sub(4);
                !["含", "包括", "包含"]
                    .iter()
                    .any(|x| self.contains(x, from, p))
            })
        })
    }

    /// 自然人申请 741 件, 法人或其他组织 3 件: an applicant word, then only application words and
    /// fillers up to the number.
    fn applicant(&self, left: &[Hit], m: &Mention) -> Option<(Subject, (usize, usize))> {
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
        if left[k].start > 0 && joined(self.c.get(left[k].start - 1))
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
    fn category(&self, h: &Hit) -> bool {
        self.has_at(h.end, "类")
    }

    /// A table 二 subject: 规章/规范性文件 need a verb (制发, 废止, 现行有效) in the clause.
    fn active(&self, noun: Noun, clause_hits: &[Hit]) -> Option<Subject> {
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

    /// Statements without a number: 未收到政府信息公开申请, 均已办结, 无结转, 均获维持,
    /// 未发生行政复议、行政诉讼, 未收取信息处理费, 未发出缴费通知.
    fn zero_statements(
        &self,
        mentions: &[Mention],
        clauses: &[(usize, usize)],
        year: Option<i32>,
        out: &mut Vec<Found>,
    ) {
        let n = self.c.len();
        let this_year = |at: usize| match (self.last_year(at), year) {
            (Some(y), Some(ry)) => y == ry,
            _ => true,
        };
        let flags = |at: usize| Flags {
            this_year: this_year(at),
            ..Flags::default()
        };
        let push =
            |out: &mut Vec<Found>, s: Subject, q: Option<i64>, span: (usize, usize), f: Flags| {
                out.push((s, q, None, span, f))
            };

        // 未收到政府信息公开申请 / 无依申请公开 / 没有接到政府信息公开申请.
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
                                "收到" | "接到" | "受理" | "接收" | "收到过" | "实际收到"
                            )
                        });
                        if !receiving {
                            return None;
                        }
                        let limit = (k + 24).min(clause_end);
                        self.find("申请", k, limit)
                            .into_iter()
                            .filter(|&q| !self.has_at(q, "申请人"))
                            .find(|&q| self.contains("公开", k, q) || self.has_at(q + 2, "公开"))
                            .map(|q| {
                                if self.has_at(q + 2, "公开") {
                                    q + 4
                                } else {
                                    q + 2
                                }
                            })
                    });
                if let Some(end) = found {
                    // 无政府信息公开申请结转, 未发生依申请公开超期答复, 未发生依申请公开政府信息
                    // 方面的行政复议: about something else.
                    if NOT_NONE_AFTER.iter().any(|w| self.has_at(end, w))
                        || ["复议", "诉讼", "起诉", "案例"]
                            .iter()
                            .any(|w| self.contains(w, end, clause_end))
                    {
                        continue;
                    }
                    push(out, Subject::NoneReceived, None, (p, end), flags(p));
                    none_done = true;
                    break;
                }
            }
        }

        // 均已办结 / 都在法定期限内予以答复 / 全部办结.
        if self.about_applications {
            'all: for q in ["均", "全部", "都", "皆"] {
                for p in self.find(q, 0, n) {
                    let limit = (p + 12).min(n);
                    for done in ["办结", "答复", "办理完毕", "办理完成", "处理完毕"]
                    {
                        if let Some(&d) = self.find(done, p, limit).first() {
                            let between: String = self.c[p..d].iter().collect();
                            let end = d + done.chars().count();
                            // 均在答复时限内, 除 2 件结转下年办理外，均…答复.
                            // 全部按时办结, 均已按期答复: every application concluded, on time;
                            // 均在法定期限内予以答复 speaks of timeliness only.
                            let concluded = done != "答复";
                            if ["时限", "期限"].iter().any(|w| self.has_at(end, w))
                                || self.contains("除", 0, p)
                                || self.all_hits.iter().any(|h| {
                                    h.cue == Cue::CarryOut
                                        && !(h.start > 0
                                            && matches!(self.c[h.start - 1], '无' | '未'))
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

        // 无结转 / 无下年度结转 (carry-out 0); 无上年结转 (carry-in 0).
        for neg in ["没有", "无需", "不存在", "未有", "无"] {
            let mut done = false;
            for p in self.find(neg, 0, n) {
                let k = p + neg.chars().count();
                let Some(&z) = self.find("结转", k, (k + 6).min(n)).first() else {
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

        // 均获维持 / 未被纠错 / 零败诉.
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
        for (ph, strict) in upheld_phrases {
            if let Some(&p) = self.find(ph, 0, n).first() {
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

        // 未发生行政复议、行政诉讼 (a clause without a number).
        for &(cs, ce) in clauses {
            if mentions.iter().any(|m| m.start >= cs && m.start < ce)
                || upheld_at.iter().any(|&(s, _)| s >= cs && s < ce)
            {
                continue;
            }
            let Some(p) = NEGATIONS
                .iter()
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
            let review: Vec<usize> = self.find("复议", p, ce);
            let lit: Vec<usize> = ["诉讼", "起诉"]
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

        // 未收取信息处理费 / 无收取信息处理费 / 未对申请人收取信息处理费 / 免收.
        for fee in ["处理费", "费用"] {
            let mut done = false;
            for f in self.find(fee, 0, n) {
                if fee == "费用"
                    && !(self.contains("信息公开", 0, n) || self.contains("依申请", 0, n))
                {
                    continue;
                }
                let from = f.saturating_sub(16);
                let verbs: Vec<usize> = ["收取", "收费", "产生", "发生", "征收", "免收"]
                    .iter()
                    .flat_map(|v| self.find(v, from, f))
                    .collect();
                let Some(&v) = verbs.iter().max() else {
                    continue;
                };
                let negated = self.has_at(v, "免收")
                    || NEGATIONS
                        .iter()
                        .chain(["不"].iter())
                        .any(|w| self.contains(w, v.saturating_sub(6), v));
                if negated && !mentions.iter().any(|m| m.start > v && m.start < f + 3) {
                    let start = NEGATIONS
                        .iter()
                        .chain(["不"].iter())
                        .flat_map(|w| self.find(w, v.saturating_sub(6), v))
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

        // 未发出缴费通知（书）.
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

/// The last 复议/诉讼 named in `hits`.
/// Kinds of figures that are parts of one another (其中…): receipts and their applicants,
/// results, cases.
fn family(s: Subject) -> u8 {
    match s {
        Subject::NewApplications | Subject::Applicant(_) => 1,
        // 已办结 4 件，其中予以公开 0 件 … 结转下年度 0 件: the results and the carry-over.
        Subject::Processed | Subject::Break(_) | Subject::CarryOut => 2,
        Subject::CarryIn => 4,
        Subject::Review(_) | Subject::Litigation(_) => 6,
        Subject::Active(_) => 7,
        _ => 8,
    }
}

fn sentence_case(hits: &[Hit]) -> Option<CaseKind> {
    hits.iter().rev().find_map(|h| match h.cue {
        Cue::Review => Some(CaseKind::Review),
        Cue::Litigation => Some(CaseKind::Litigation),
        _ => None,
    })
}

fn case_subject(kind: CaseKind, part: CasePart) -> Subject {
    match kind {
        CaseKind::Litigation => Subject::Litigation(part),
        _ => Subject::Review(part),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Part;
    use super::*;

    fn claims(text: &str) -> Vec<Claim> {
        extract(
            &[Para {
                text,
                source: 7,
                part: Part::Section(0),
            }],
            Some(2022),
        )
    }

    /// (subject, quantity) of every claim.
    fn sq(text: &str) -> Vec<(Subject, Option<i64>)> {
        claims(text)
            .iter()
            .map(|c| (c.subject, c.quantity))
            .collect()
    }

    use Subject::*;

    #[test]
    fn seed_sentences() {
        // seed 001 (阿合奇县卫生健康委员会 2021)
        assert_eq!(sq("（二）依申请公开情况。自2021年1月1日起至2021年12月31日止，县卫健委收到公开信息申请1条，并及时进行了回复。")[0], (NewApplications, Some(1)));
        // seed 000 (繁峙县卫生健康和体育局 2021)
        assert_eq!(
            sq("财政预决算和“三公经费”情况以及部门项目等热点、焦点问题，均能做到第一时间发布。及时将5件行政许可办件和8件行政处罚信息公布。"),
            vec![(Active(super::Active::License), Some(5)), (Active(super::Active::Penalty), Some(8))]
        );
        // seed 002 (曲沃县卫生健康和体育局 2023)
        assert_eq!(
            sq("（二）依申请公开工作情况。2023年度我局无依申请公开内容。"),
            vec![(NoneReceived, None)]
        );
        // seed 003 (赵县卫生健康局 2020)
        assert_eq!(
            sq("1.依申请公开工作受理、答复情况。2020年，我局没有接到政府信息公开申请。"),
            vec![(NoneReceived, None)]
        );
        assert_eq!(sq("2020年，我局未实际发生依申请公开事项，未收取政府信息公开费用，因此也不存在减免费用。"), vec![(NoneReceived, None), (FeeNone, None)]);
        assert_eq!(
            sq("2020年，我局未接到对有关政府信息公开事务的行政复议案、行政诉讼案和申诉案(包括信访、举报)。"),
            vec![(NoCase(CaseKind::Both), None)]
        );
        // seed 004 (宁海县卫生健康局 2021)
        assert_eq!(
            sq("2021年，本单位未收到政府信息公开申请。"),
            vec![(NoneReceived, None)]
        );
        assert_eq!(
            sq("本机关2021年未发出依申请公开缴费通知书，也未对申请人收取信息处理费，特此说明。"),
            vec![(FeeNoticesNone, None), (FeeNone, None)]
        );
        // seed 001 六, seed 002 六
        assert_eq!(
            sq("本年度无收取信息处理费情况及其他需要报告事项。"),
            vec![(FeeNone, None)]
        );
        assert_eq!(
            sq("本机关2023年度未收取政府信息公开信息处理费。"),
            vec![(FeeNone, None)]
        );
    }

    #[test]
    fn seed_numbers_that_are_not_claims() {
        // seed 000, 003, 004: counts of published items are not table cells.
        assert!(sq("2021年，微信公众号共发布各类信息144条。").is_empty());
        assert!(sq("一年来，通过不同渠道和方式公开政务信息1277条。").is_empty());
        assert!(sq("一是政府网站公开信息情况，截至目前，2020年主动公开各类信息共62条，信息公开指南1条，信息公开目录1条，概况信息2条，公告公示5条").is_empty());
        assert!(
            sq("2020年1月1日起至2020年12月31日止,卫健局没有出现虚假、不完整信息的情况。")
                .is_empty()
        );
    }

    #[test]
    fn real_report_sentences() {
        // 武汉市汉阳区人民政府办公室 2022: number before the subject, breakdown after 其中.
        let c = claims("2022年,区政府办公室共收到8份政府信息公开申请,均为自然人申请。其中,予以公开2件,部分公开2件,属于四类过程性性信息1件,本办不掌握相关政府信息2件,其他1件(申请人自主撤销)。无下年度结转。");
        let got: Vec<(Subject, Option<i64>)> = c.iter().map(|c| (c.subject, c.quantity)).collect();
        assert_eq!(
            got,
            vec![
                (NewApplications, Some(8)),
                (Break(Outcome::Granted), Some(2)),
                (Break(Outcome::Partial), Some(2)),
                (Break(Outcome::Withheld), Some(1)),
                (Break(Outcome::Unable), Some(2)),
                (CarryOut, Some(0)),
            ]
        );
        assert!(!c[0].subset && c[1].subset);
        assert_eq!(c[0].text, "共收到8份政府信息公开申请");
        // 长春市体育局 2023: 受理 … 都在法定期限内予以答复 (timeliness, not "all concluded").
        assert_eq!(
            sq("本年度，共受理政府信息公开申请2件，都在法定期限内予以答复。"),
            vec![(NewApplications, Some(2))]
        );
        // 长春市二道区房屋征收办 2022
        assert_eq!(
            sq("2022年，我办受理依申请信息56条，现将有关情况汇报如下："),
            vec![(NewApplications, Some(56))]
        );
        // 上海市普陀区 2022 上半年
        assert_eq!(
            sq("2022年上半年，全区各行政机关共受理政府信息公开申请267件，答复263件，申请量比2021年同期上升1.52%。其中同意公开或部分公开共81件，公开率为30.80%。"),
            vec![(NewApplications, Some(267)), (Processed, Some(263)), (Break(Outcome::GrantedOrPartial), Some(81))]
        );
        assert_eq!(
            sq("2022年上半年，全区共发生涉及政府信息公开的行政诉讼案件2件，被纠错0件。"),
            vec![
                (Litigation(CasePart::Total), Some(2)),
                (Litigation(CasePart::Corrected), Some(0))
            ]
        );
        // A district's 2022 summary: 1499 received (the channels are parts), 1453 answered
        // incl. carry-over.
        let c = claims("2022年，全区各职能部门、镇街共收到政府信息依申请公开1499件。其中，通过网络申请1303件，占86.92%；通过信函申请172件，占11.47%。");
        let got: Vec<(Option<i64>, bool)> = c.iter().map(|c| (c.quantity, c.qualified)).collect();
        assert_eq!(
            got,
            vec![(Some(1499), false), (Some(1303), true), (Some(172), true)]
        );
        let c = claims("2022年，全区各职能部门、镇街共完成政府信息依申请公开答复1453件，包括上年结转信息公开申请30件。其中，予以公开答复966件，占66.48%；部分公开67，占4.61%；不予公开81件，占5.57%；无法提供的182件，占12.53%；不予处理的61件，占4.20%；其他处理96件，占6.61%。");
        let got: Vec<(Subject, Option<i64>)> = c.iter().map(|c| (c.subject, c.quantity)).collect();
        assert_eq!(
            got,
            vec![
                (Processed, Some(1453)),
                (CarryIn, Some(30)),
                (Break(Outcome::Granted), Some(966)),
                (Break(Outcome::Withheld), Some(81)),
                (Break(Outcome::Unable), Some(182)),
                (Break(Outcome::NotProcessed), Some(61)),
                (Break(Outcome::Other), Some(96)),
            ]
        );
        assert!(c[0].includes_carry_in);
        // 上海市 2022: 规章 with 新制定/废止 inside parentheses.
        assert_eq!(
            sq("2022年，在上海市人民政府网站主动公开市政府规章13件（含新制定5件，修改4件，废止4件），主动公开市政府和市政府办公厅行政规范性文件42件。"),
            vec![(Active(super::Active::RulesMade), Some(5)), (Active(super::Active::RulesRepealed), Some(4))]
        );
    }

    #[test]
    fn styles_of_the_spec() {
        // Spec §2.4 examples.
        assert_eq!(
            sq("2023年全区受理政府信息公开申请21件。"),
            vec![(NewApplications, Some(21))]
        );
        assert_eq!(sq("全年答复3050件。"), vec![]); // no 申请 in the sentence: not about applications
        assert_eq!(
            sq("全年收到政府信息公开申请3060件，答复3050件。"),
            vec![(NewApplications, Some(3060)), (Processed, Some(3050))]
        );
        assert_eq!(
            sq("收到的申请中，予以公开及部分公开258件。"),
            vec![(Break(Outcome::GrantedOrPartial), Some(258))]
        );
        assert_eq!(
            sq("共收到政府信息公开申请36件（含上年结转1件）。"),
            vec![(NewApplications, Some(36)), (CarryIn, Some(1))]
        );
        assert!(claims("共收到政府信息公开申请36件（含上年结转1件）。")[0].includes_carry_in);
        assert_eq!(
            sq("收到申请二十一件，办结二十件，一件结转下年度办理。"),
            vec![
                (NewApplications, Some(21)),
                (Processed, Some(20)),
                (CarryOut, Some(1))
            ]
        );
        assert_eq!(
            sq("共受理申请1,094件。"),
            vec![(NewApplications, Some(1094))]
        );
        assert_eq!(
            sq("共受理申请一千零九十四件。"),
            vec![(NewApplications, Some(1094))]
        );
        assert_eq!(sq("共受理申请两件。"), vec![(NewApplications, Some(2))]);
        assert_eq!(sq("结转至2023年继续办理3件。"), vec![(CarryOut, Some(3))]);
        assert!(claims("结转至2023年继续办理3件。")[0].this_year);
        assert_eq!(sq("所有申请均已按要求办理完成。"), vec![(AllDone, None)]);
        assert_eq!(
            sq("制发规范性文件3件，行政处罚12起。"),
            vec![
                (Active(super::Active::DocsMade), Some(3)),
                (Active(super::Active::Penalty), Some(12))
            ]
        );
        assert_eq!(sq("收取信息处理费200元。"), vec![(Fee, Some(200))]);
        assert_eq!(sq("发出缴费通知书2份。"), vec![(FeeNotices, Some(2))]);
    }

    #[test]
    fn guards_against_other_readings() {
        // Channel and applicant breakdowns are parts.
        let c = claims("通过网络收到政府信息公开申请5件，通过信函收到政府信息公开申请2件。");
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|c| c.subject == NewApplications && c.subset));
        // Part of the year.
        assert!(claims("第一季度收到政府信息公开申请5件。")[0].subset);
        assert!(claims("上半年共受理政府信息公开申请3件。")[0].subset);
        // Other requests (咨询, 留言) are not applications.
        assert_eq!(
            sq("受理政府信息公开申请3件，答复群众咨询200余次。"),
            vec![(NewApplications, Some(3))]
        );
        assert!(sq("共受理群众留言92条，均已答复。").is_empty());
        // 无…申请结转 is not "no application".
        assert!(sq("2021年度无政府信息公开申请结转。").is_empty());
        assert!(sq("本年度未发生依申请公开超期答复情况。").is_empty());
        // Result rows of 主动公开 are not table 三's.
        assert!(sq("本年度主动公开政府信息500条，依申请公开审查中不予公开3条。").is_empty());
        // Result rows need a paragraph about applications (or the one before it).
        let paras = [
            Para {
                text: "本年度共收到政府信息公开申请10件。",
                source: 1,
                part: Part::Section(0),
            },
            Para {
                text: "其中，予以公开8件，不予公开2件。",
                source: 2,
                part: Part::Section(0),
            },
            Para {
                text: "主动做好信息发布工作。",
                source: 3,
                part: Part::Section(0),
            },
            Para {
                text: "其中，予以公开5件。",
                source: 4,
                part: Part::Section(0),
            },
        ];
        let got: Vec<(Subject, Option<i64>, usize)> = extract(&paras, Some(2022))
            .iter()
            .map(|c| (c.subject, c.quantity, c.paragraph))
            .collect();
        assert_eq!(
            got,
            vec![
                (NewApplications, Some(10), 1),
                (Break(Outcome::Granted), Some(8), 2),
                (Break(Outcome::Withheld), Some(2), 2)
            ]
        );
        // A case part written number-first.
        assert_eq!(
            sq("本年度共有行政复议案件2件，其中1件维持，1件尚未审结。"),
            vec![
                (Review(CasePart::Total), Some(2)),
                (Review(CasePart::Upheld), Some(1)),
                (Review(CasePart::Pending), Some(1))
            ]
        );
    }

    #[test]
    fn sum_after_parts_and_carry_in_binding() {
        let c = claims("通过网络收到政府信息公开申请5件，信函2件，共7件。");
        let got: Vec<(Subject, Option<i64>, bool)> = c
            .iter()
            .map(|c| (c.subject, c.quantity, c.subset))
            .collect();
        assert_eq!(
            got,
            vec![
                (NewApplications, Some(5), true),
                (NewApplications, Some(7), false)
            ]
        );
        // 含上年结转 binds to the figure before it, not to every figure of the sentence.
        let c = claims("共受理政府信息公开申请1295件，办结1191件（含上年结转189件）。");
        assert!(!c[0].includes_carry_in && c[1].includes_carry_in);
        // … or, when it comes first, to the figure after its own.
        let c = claims("包括上年结转2件在内，共收到政府信息公开申请36件。");
        assert_eq!(c[1].quantity, Some(36));
        assert!(c[1].includes_carry_in);
    }

    #[test]
    fn another_noun_between_the_subject_and_the_number() {
        assert!(sq("公布受理政府信息公开申请的渠道3个。").is_empty());
        assert_eq!(
            sq("受理政府信息公开申请数量为25件。"),
            vec![(NewApplications, Some(25))]
        );
        assert_eq!(
            sq("全年收到政府信息公开申请共计36件。"),
            vec![(NewApplications, Some(36))]
        );
        assert!(sq("依申请公开答复的平均用时为5个工作日，答复模板3个。").is_empty());
    }

    #[test]
    fn cases() {
        assert_eq!(
            sq("本年度因政府信息公开被申请行政复议3件，其中维持2件、纠正1件；被提起行政诉讼2件，尚未审结2件。"),
            vec![
                (Review(CasePart::Total), Some(3)),
                (Review(CasePart::Upheld), Some(2)),
                (Review(CasePart::Corrected), Some(1)),
                (Litigation(CasePart::Total), Some(2)),
                (Litigation(CasePart::Pending), Some(2)),
            ]
        );
        assert_eq!(
            sq("行政复议结果均获维持。"),
            vec![(
                Upheld {
                    scope: CaseKind::Review,
                    strict: true
                },
                None
            )]
        );
        assert_eq!(
            sq("涉及政府信息公开的行政诉讼未被纠错。"),
            vec![(
                Upheld {
                    scope: CaseKind::Litigation,
                    strict: false
                },
                None
            )]
        );
        assert_eq!(
            sq("本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。"),
            vec![(NoCase(CaseKind::Both), None)]
        );
        assert_eq!(
            sq("无因政府信息公开被申请行政复议的情况。"),
            vec![(NoCase(CaseKind::Review), None)]
        );
        // The table label 未经复议直接起诉 is not a statement of no case.
        assert!(sq("未经复议直接起诉").is_empty());
    }

    #[test]
    fn negatives() {
        // Percentages, dates, money other than 信息处理费, comparisons, cumulative figures, other years.
        assert!(sq("依申请公开按时答复率为100%，2022年1月1日起施行。").is_empty());
        assert!(sq("行政事业性收费共计300万元，收取申请费用20元。").is_empty());
        assert!(sq("收到申请20件，较上年增加5件，同比增长10%。")
            .iter()
            .all(|(s, q)| *s == NewApplications && *q == Some(20)));
        assert!(sq("历年累计受理政府信息公开申请1200件。").is_empty());
        assert!(sq("截至目前累计收到申请300件。").is_empty());
        let c = claims("2021年收到政府信息公开申请20件，2022年收到政府信息公开申请25件。");
        assert_eq!(c.len(), 2);
        assert!(!c[0].this_year && c[1].this_year);
        assert!(!claims("去年收到政府信息公开申请20件。")[0].this_year);
        // Approximations are marked.
        assert!(claims("全年受理政府信息公开申请近300件。")[0].approx);
        assert!(claims("全年受理政府信息公开申请300余件。")[0].approx);
        // Not applications: 20 个工作日, 一次性告知, list markers.
        assert!(sq("收到申请后在20个工作日内答复，需补正的一次性告知。").is_empty());
        // A channel breakdown is a part of the received applications, never the whole.
        let c = claims("其中，通过网络申请1303件。");
        assert!(c.len() == 1 && c[0].subset && c[0].qualified);
        // A 主动公开 count is not a result row.
        assert!(sq("主动公开政府信息50条。").is_empty());
        // 规范性文件 without a verb of making is not claimed.
        assert!(sq("主动公开行政规范性文件42件。").is_empty());
    }

    #[test]
    fn offsets_are_characters_of_the_paragraph() {
        let text = "（二）依申请公开。 2022年，共收到政府信息公开申请 36 件。";
        let c = claims(text);
        assert_eq!(c.len(), 1);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(
            chars[c[0].start..c[0].end].iter().collect::<String>(),
            "共收到政府信息公开申请 36 件"
        );
        assert_eq!(c[0].sentence, "2022年，共收到政府信息公开申请 36 件");
        assert_eq!(
            chars[c[0].sentence_start..c[0].sentence_end]
                .iter()
                .collect::<String>(),
            c[0].sentence
        );
        assert_eq!(c[0].paragraph, 7);
    }

    #[test]
    fn arbitrary_text_never_panics() {
        // Pieces of real statements shuffled with a fixed linear congruential generator.
        let pieces = [
            "收到",
            "申请",
            "政府信息公开申请",
            "1",
            "２",
            "0",
            ",",
            "，",
            "。",
            "；",
            "件",
            "条",
            "个",
            "万",
            "元",
            "万元",
            "二十",
            "两",
            "一千零",
            "其中",
            "含",
            "上年结转",
            "结转下年度",
            "无",
            "未",
            "均已办结",
            "予以公开",
            "部分公开",
            "行政复议",
            "诉讼",
            "维持",
            "纠错",
            "信息处理费",
            "收取",
            "缴费通知",
            "近",
            "余",
            "左右",
            "2021年",
            "第",
            "%",
            ".",
            " ",
            "\n",
            "（",
            "）",
            "规范性文件",
            "制发",
            "废止",
            "行政许可",
            "共",
            "答复",
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut t = String::new();
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (x >> 59) as usize + 1;
            for _ in 0..len {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push_str(pieces[(x >> 33) as usize % pieces.len()]);
            }
            for c in claims(&t) {
                let chars: Vec<char> = t.chars().collect();
                assert!(c.start <= c.end && c.end <= chars.len(), "{t}");
                assert!(
                    c.sentence_start <= c.sentence_end && c.sentence_end <= chars.len(),
                    "{t}"
                );
            }
        }
    }

    #[test]
    fn bounded() {
        let long = "收到政府信息公开申请1件，".repeat(5000);
        let c = claims(&long);
        assert!(c.len() <= MAX_CLAIMS);
    }
}
