//! The lexicon: cue words that point at a subject, and the word lists that qualify a figure
//! (comparisons, parts, other kinds of requests, fillers).

use super::sentences::CharSet;
use super::{Applicant, CasePart, Outcome};

/// Words that point at a subject, matched on the compact sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Cue {
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
pub(super) enum Noun {
    Rules,
    Docs,
    License,
    Penalty,
    Enforcement,
}

/// Cue words; the longest match at a position wins.
pub(super) const CUES: &[(&str, Cue)] = &[
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
    // 不存在或不属我局的信息 9 件, 不属于本机关公开的 10 件 (表三 无法提供).
    ("不存在或不属", Cue::Break(Outcome::Unable)),
    ("不属于本机关公开", Cue::Break(Outcome::Unable)),
    // 没有现成信息需要另行制作 6 件 (表三 无法提供).
    ("没有现成信息", Cue::Break(Outcome::Unable)),
    ("属于国家秘密", Cue::Break(Outcome::Withheld)),
    ("过程性", Cue::Break(Outcome::Withheld)),
    ("内部事务信息", Cue::Break(Outcome::Withheld)),
    ("第三方合法权益", Cue::Break(Outcome::Withheld)),
    ("行政执法案卷", Cue::Break(Outcome::Withheld)),
    ("行政查询事项", Cue::Break(Outcome::Withheld)),
    ("行政执法案件", Cue::Break(Outcome::Withheld)),
    ("禁止公开", Cue::Break(Outcome::Withheld)),
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
    // 已答复申请人 1 条: the applicant answered, not an application.
    ("答复申请人", Cue::Processed),
    ("回复", Cue::Processed),
    ("办结", Cue::Processed),
    ("办理完毕", Cue::Processed),
    // 答复完毕 15 件.
    ("答复完毕", Cue::Processed),
    ("回复完毕", Cue::Processed),
    ("已处理", Cue::Processed),
    ("处理完毕", Cue::Processed),
    ("办理完成", Cue::Processed),
    ("完成办理", Cue::Processed),
    ("已完成", Cue::Processed),
    ("回复处理", Cue::Processed),
    ("答复处理", Cue::Processed),
    // 共办理 718 件 (only next to its number, in a sentence about applications).
    ("办理", Cue::Processed),
    ("政府信息公开申请", Cue::App),
    // 收到申请公开政府信息的要求 0 条.
    ("申请公开政府信息", Cue::App),
    ("信息公开申请", Cue::App),
    ("公开信息申请", Cue::App),
    ("依申请公开", Cue::App),
    ("依申请", Cue::App),
    ("公开申请", Cue::App),
    ("政府信息公开", Cue::App),
    ("申请", Cue::App),
    // 通过官方网站提交申请表的 862 件: the form is the application.
    ("申请表", Cue::App),
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
    // 清理失效文件 4 个.
    ("清理失效", Cue::Repealed),
    ("废除", Cue::Repealed),
    ("现行有效", Cue::Valid),
    // 确定继续有效的行政规范性文件 33 件 (after a review of the documents).
    ("继续有效", Cue::Valid),
    // 新发布的行政规范性文件 4 件 (发布 alone also says 发布信息 N 条).
    ("新发布", Cue::Made),
    // 表二 of the 2019 format: 对外公开总数量 is what is in force.
    ("对外公开总数量", Cue::Valid),
    ("制作", Cue::Made),
    ("自然人", Cue::Applicant(Applicant::Natural)),
    ("公民", Cue::Applicant(Applicant::Natural)),
    // 公民个人提出申请 1030 件.
    ("公民个人", Cue::Applicant(Applicant::Natural)),
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

/// The cues by their first character: `(first character, index in CUES)`, so that at each
/// position of a sentence only the cues starting with its character are compared. (A
/// hand-written index rather than an automaton crate such as `aho-corasick`: the cue table is
/// small, the callers ask for phrases over arbitrary ranges, and the page's wasm stays as it is.)
pub(super) fn cues_by_first_char() -> &'static CueIndex {
    static BY_FIRST: std::sync::OnceLock<CueIndex> = std::sync::OnceLock::new();
    BY_FIRST.get_or_init(|| {
        // Sorted by the low bits of the first character (the slot), then by character and
        // index: the cues of one character stay in CUES order.
        let mut v: Vec<(char, usize)> = CUES
            .iter()
            .enumerate()
            .filter_map(|(i, (w, _))| w.chars().next().map(|c| (c, i)))
            .collect();
        crate::order::sort_by_key(&mut v, |&(c, i)| (CharSet::slot(c), c, i));
        let mut firsts = CharSet::default();
        let mut slots = vec![(0u16, 0u16); CharSet::SLOTS];
        for (k, &(c, _)) in v.iter().enumerate() {
            firsts.insert(c);
            let slot = &mut slots[CharSet::slot(c)];
            if slot.0 == slot.1 {
                slot.0 = k as u16;
            }
            slot.1 = k as u16 + 1;
        }
        let chars = CUES.iter().map(|(w, _)| w.chars().collect()).collect();
        CueIndex {
            firsts,
            by_first: v,
            slots,
            chars,
        }
    })
}

/// The cues indexed by first character, and each cue's characters (decoded once).
pub(super) struct CueIndex {
    /// Every cue's first character.
    pub(super) firsts: CharSet,
    /// `(first character, index in CUES)`, by slot of the character, then character, then
    /// index.
    pub(super) by_first: Vec<(char, usize)>,
    /// The range of `by_first` whose characters have each slot (`CharSet::slot`).
    pub(super) slots: Vec<(u16, u16)>,
    /// The characters of `CUES[i]`.
    pub(super) chars: Vec<Vec<char>>,
}

impl CueIndex {
    /// The entries of `by_first` whose character is `c`, in CUES order.
    pub(super) fn starting_with(&self, c: char) -> impl Iterator<Item = usize> + '_ {
        let (from, to) = self.slots[CharSet::slot(c)];
        self.by_first[from as usize..to as usize]
            .iter()
            .filter(move |&&(x, _)| x == c)
            .map(|&(_, i)| i)
    }
}

/// Characters allowed between a case word (行政复议, 维持) and its number.
pub(super) const CASE_FILLER: &str =
    "案件事项的共计为有数量起宗各达：:（）()政府信息公开类方面相关涉及被申请提起了均结果其中和及、";

/// Words before a number that make it a comparison or a cumulative figure.
pub(super) const COMPARISON: &[&str] = &[
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
    "历年累计",
    "历年",
    "截至目前",
    "截止目前",
];

pub(super) const NEGATIONS: &[&str] = &["没有", "暂无", "未", "无"];

/// Characters allowed between 收到…申请 / 答复 and the number: 共计, 数量为, 总数达, 的, 信息, 各.
pub(super) const COUNT_FILLER: &str =
    "共计为了达有合总数量的政府信息公开件各：:（）()约近事项案书请求";

/// Words after 未收到…申请 that make the sentence about something else (carry-over, overdue
/// replies, cases).
pub(super) const NOT_NONE_AFTER: &[&str] = &[
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
pub(super) const SUBSET_WORDS: &[&str] = &[
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
    "政府网站",
    "官方网站",
    "纸质",
    "快递",
    "挂号",
    "政务服务",
    "政务网",
    "线上",
    "线下",
    "窗口",
];

/// Words of a part of the reporting body in a consolidated report (本级政府, 各部门, 乡镇街道):
/// a figure after them in the clause is a part of the table's.
pub(super) const BODY_PART_WORDS: &[&str] = &[
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
pub(super) const APPLICANT_FILLER: &str = "提出的申请共计为有数量件占：:依政府信息公开";

/// Words of a sum (合计 122 件) after the parts.
pub(super) const SUM_WORDS: &[&str] = &["合计", "共计", "总计", "共"];

/// Words of a part of the year: every figure after them in the sentence is a part.
pub(super) const PERIOD_WORDS: &[&str] = &["季度", "上半年", "下半年", "月份"];

/// Words of other kinds of requests (咨询, 留言, 信访 …): a 收到/答复 count next to them is not
/// about information disclosure applications.
pub(super) const OTHER_REQUESTS: &[&str] = &[
    "咨询", "留言", "信访", "投诉", "举报", "建议", "提案", "热线", "来电", "问政", "诉求", "信箱",
    "协助", "协查", "配合", "指导",
];

/// Channels of an application named before 申请 (书面申请 N 件, 通过平台申请 N 件, 网站申请 N 件): enough to
/// read 申请 N 件 as received applications, but unlike `SUBSET_WORDS` not a part by themselves
/// (收到书面申请 12 件 may be all of them).
pub(super) const CHANNEL_WORDS: &[&str] = &["书面", "平台", "网站"];

/// Words saying that 行政复议/行政诉讼 figures are about information disclosure.
pub(super) const CASE_ABOUT_DISCLOSURE: &[&str] = &["信息公开"];

/// Words between 均/全部 and 答复/办结 that make the statement one of timeliness (均在法定期限内
/// 予以答复, 均已按时答复), not that every application was concluded.
pub(super) const TIMELINESS: &[&str] = &[
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
    // 均规范予以答复, 均按要求答复: how, not that every application was concluded.
    "规范",
    "要求",
];

/// Words of a 未发生/无 statement that make it about corrected or lost cases (未发生被行政复议纠错
/// 或行政诉讼败诉情形), not about the number of cases.
pub(super) const CORRECTION_WORDS: &[&str] = &["纠错", "纠正", "败诉", "撤销", "确认违法"];
