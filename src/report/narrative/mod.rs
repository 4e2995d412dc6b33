//! The narrative stage: every numeric statement of the report's prose (the preface and the
//! sections' paragraphs) as a typed [`Claim`] with its location, for the rules that compare
//! the text with the tables (TX.*).
//!
//! Pure functions from paragraphs to claims: no document model, no tables. The report stage
//! decides which paragraphs are prose and which section each belongs to.

mod claims;
mod classify;
mod lexicon;
pub mod numerals;
mod sentences;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fresh;
#[cfg(test)]
mod tests_prose6;
#[cfg(test)]
mod tests_recall;
#[cfg(test)]
mod tests_support;
mod zero;

pub use numerals::Unit;
pub use sentences::extract;

use serde::Serialize;

/// Where a paragraph sits in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Part {
    /// Before section 一 (title page, preface: 统计期限, download address).
    Preface,
    /// Inside section 一 … 六 (0 = 一 … 5 = 六).
    Section(u8),
}

/// One paragraph of prose.
#[derive(Debug, Clone, Copy)]
pub struct Para<'a> {
    pub text: &'a str,
    /// The paragraph's source ordinal (index of its `w:p` among all `w:p` of the main part).
    pub source: usize,
    pub part: Part,
}

/// The result rows of table 三 a sentence may name (予以公开 N 件 …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Outcome {
    /// （一）予以公开 (also 同意公开, 全部公开).
    Granted,
    /// （二）部分公开.
    Partial,
    /// （一）+（二）: 予以公开及部分公开, 同意公开或部分公开.
    GrantedOrPartial,
    /// （三）不予公开, all eight rows.
    Withheld,
    /// （四）无法提供 (不掌握, 信息不存在).
    Unable,
    /// （五）不予处理.
    NotProcessed,
    /// （六）其他处理.
    Other,
}

/// A column of table 四 within a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CasePart {
    Total,
    /// 结果维持.
    Upheld,
    /// 结果纠正 (纠错, 撤销, 确认违法, 败诉).
    Corrected,
    /// 其他结果.
    Other,
    /// 尚未审结.
    Pending,
}

/// 行政复议, 行政诉讼, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CaseKind {
    Review,
    Litigation,
    Both,
}

/// Table 二 quantities a sentence may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Active {
    /// 规章 本年制发件数 / 本年废止件数 / 现行有效件数.
    RulesMade,
    RulesRepealed,
    RulesValid,
    /// （行政）规范性文件, same three columns.
    DocsMade,
    DocsRepealed,
    DocsValid,
    /// 行政许可 / 行政处罚 / 行政强制 本年处理决定数量.
    License,
    Penalty,
    Enforcement,
}

/// The applicant columns of table 三 a sentence may name (自然人申请 N 件).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Applicant {
    /// 自然人.
    Natural,
    /// 法人或其他组织 as a whole.
    Legal,
    /// 商业企业.
    Business,
    /// 科研机构.
    Research,
    /// 社会公益组织.
    Social,
    /// 法律服务机构.
    LawFirm,
    /// 其他.
    Other,
}

/// What a statement is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Subject {
    /// 收到/受理/接收（政府信息公开）申请 N 件 — 表三 一.
    NewApplications,
    /// 答复/办结 N 件 — 表三 （七）总计.
    Processed,
    /// 上年结转 N 件 — 表三 二.
    CarryIn,
    /// 结转下年度 N 件 (or 无结转: N = 0) — 表三 四.
    CarryOut,
    /// 未收到政府信息公开申请 / 无依申请公开 (no number).
    NoneReceived,
    /// 均已办结 (no number).
    AllDone,
    /// 予以公开 N 件 … — a result row or group of 表三.
    Break(Outcome),
    /// 行政复议 N 件 (+ breakdown) — 表四 行政复议.
    Review(CasePart),
    /// 行政诉讼 N 件 (+ breakdown) — 表四 both 行政诉讼 groups.
    Litigation(CasePart),
    /// 均获维持 (`strict`) / 未被纠错, 零败诉 (no number).
    Upheld { scope: CaseKind, strict: bool },
    /// 未发生行政复议、行政诉讼 (no number).
    NoCase(CaseKind),
    /// 制发规范性文件 N 件, 行政许可 N 件, 行政处罚 N 起 — a 表二 cell.
    Active(Active),
    /// 收取信息处理费 N 元.
    Fee,
    /// 未收取信息处理费 (no number).
    FeeNone,
    /// 发出缴费通知（书） N 件/份.
    FeeNotices,
    /// 未发出缴费通知 (no number).
    FeeNoticesNone,
    /// 自然人申请 N 件, 法人或其他组织 N 件 — an applicant column of 表三 一.
    Applicant(Applicant),
}

/// One numeric (or zero-stating) statement of the prose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub subject: Subject,
    /// The number stated; `None` for statements without one (未收到…, 均已办结, 均获维持).
    /// Money (信息处理费) in 元, integer part.
    pub quantity: Option<i64>,
    pub unit: Option<Unit>,
    /// The statement is about the report year (no other year named before it in the sentence,
    /// no 上年/去年).
    pub this_year: bool,
    /// 近/约/余/多/左右 next to the number.
    pub approx: bool,
    /// A part of a larger figure: "其中…" before it in the sentence, or one of `qualified`.
    pub subset: bool,
    /// A part by channel (网上申请 N 件), by part of the reporting body (本级, 各部门, 乡镇街道)
    /// or by sub-period (上半年): never the table's figure, compared only with a cell holding
    /// exactly that part, and never an error (spec §2.4 "Scope"). Implies `subset`.
    pub qualified: bool,
    /// The sentence says the figure includes last year's carry-over (含上年结转…, bound to the
    /// figure it follows, or to the next one when it comes first).
    pub includes_carry_in: bool,
    /// The subject word may name something else: 行政复议/行政诉讼 in a sentence that does not
    /// say 政府信息公开 (a government also handles other cases), or 正在办理 without 下年度. The
    /// figure is compared, but a mismatch is only a warning that says what was assumed.
    pub loose: bool,
    pub part: Part,
    /// Source ordinal of the paragraph.
    pub paragraph: usize,
    /// Character range (Unicode scalar values) of the statement within the paragraph text.
    pub start: usize,
    pub end: usize,
    /// The statement's text (`text[start..end]`).
    pub text: String,
    /// The sentence holding the statement, and its character range in the paragraph.
    pub sentence: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
}

/// Limits on the prose read, so a huge document cannot make the stage slow.
pub const MAX_PARAGRAPH_CHARS: usize = 20_000;
pub const MAX_CLAIMS: usize = 2_000;

impl Subject {
    /// The subject in the corpus notation (tests/fixtures/narrative/corpus.tsv): `New`,
    /// `Break.Granted`, `Upheld.Both!`, `Applicant.Natural`, … (the JSON `claims[].subject`).
    pub fn notation(&self) -> String {
        match self {
            Subject::NewApplications => "New".into(),
            Subject::Processed => "Processed".into(),
            Subject::CarryIn => "CarryIn".into(),
            Subject::CarryOut => "CarryOut".into(),
            Subject::NoneReceived => "None".into(),
            Subject::AllDone => "AllDone".into(),
            Subject::Break(o) => format!("Break.{o:?}"),
            Subject::Review(p) => format!("Review.{p:?}"),
            Subject::Litigation(p) => format!("Litigation.{p:?}"),
            Subject::Upheld { scope, strict } => {
                format!("Upheld.{scope:?}{}", if *strict { "!" } else { "" })
            }
            Subject::NoCase(k) => format!("NoCase.{k:?}"),
            Subject::Active(a) => format!("Active.{a:?}"),
            Subject::Fee => "Fee".into(),
            Subject::FeeNone => "FeeNone".into(),
            Subject::FeeNotices => "FeeNotices".into(),
            Subject::FeeNoticesNone => "FeeNoticesNone".into(),
            Subject::Applicant(a) => format!("Applicant.{a:?}"),
        }
    }
}

impl Claim {
    /// The claim in the corpus notation: `Subject[=N][/flags]`, flags in the order s (a part),
    /// a (approximate), c (includes the carry-over), p (not this year's), l (loose wording).
    pub fn notation(&self) -> String {
        let mut s = self.subject.notation();
        if let Some(q) = self.quantity {
            s.push('=');
            s.push_str(&q.to_string());
        }
        let flags: String = [
            (self.subset || self.qualified, 's'),
            (self.approx, 'a'),
            (self.includes_carry_in, 'c'),
            (!self.this_year, 'p'),
            (self.loose, 'l'),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, f)| *f)
        .collect();
        if !flags.is_empty() {
            s.push('/');
            s.push_str(&flags);
        }
        s
    }
}
