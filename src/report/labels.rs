//! Tolerant matching of a label as written in a real report (a row label, a column header, a
//! section heading) to the official labels it may stand for.
//!
//! Real reports retype the template: numbering in another style (`1、`, `（1）`), spaces, line
//! breaks or one character per line inside a word, a word dropped or added, a character
//! swapped or mistyped. Labels are compared on their *key* — normalised text
//! ([`super::normalize::norm`]) without the leading numbering — and accepted as a variant of
//! an official label on two kinds of evidence:
//!
//! * **typo distance**: the optimal-string-alignment edit distance (a swap of two neighbours
//!   counts once) is within a small allowance that grows with the label's length (none for
//!   labels of three characters or fewer, one up to nine, then one per five characters);
//! * **distinctive cores**: the written key contains one of the official label's key phrases
//!   (e.g. 国家秘密, 大量反复), and is not a whole sentence.
//!
//! Cores are what keeps near-misses apart: 本年新收…申请数量 and 上年结转…申请数量 share ten of
//! fourteen characters, but neither contains the other's core, and their edit distance (4) is
//! beyond the allowance (2). When two official labels both have evidence and neither is clearly
//! closer, the result is [`LabelMatch::Ambiguous`]: the caller must say so rather than pick.
//!
//! Hand-written because the crates for string similarity (strsim and the like) give the
//! distances but not the core/ambiguity logic, and two small dynamic programmes on labels
//! bounded to [`MAX_KEY`] characters are cheaper than a dependency in the wasm build.

mod keys;

#[cfg(test)]
pub use keys::split_number;
use keys::{key_into, osa_within, with_official_keys};
pub use keys::{lcs_len, osa_distance};

/// Longest key compared (characters); longer text is cut, and no label is this long.
pub const MAX_KEY: usize = 120;

/// An official label and its distinctive key phrases (normalised).
#[derive(Debug, Clone, Copy)]
pub struct Official<'a> {
    pub label: &'a str,
    pub cores: &'a [&'static str],
}

/// How a written label relates to a list of official labels (indices into that list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelMatch {
    /// Equal keys: the same label (numbering, spacing and punctuation may differ).
    Exact(usize),
    /// A variant of one official label (typo, dropped or extra words).
    Variant(usize),
    /// Two or more official labels fit about equally well.
    Ambiguous(Vec<usize>),
    NoMatch,
}

impl LabelMatch {
    /// The official label's index, when one was chosen.
    pub fn index(&self) -> Option<usize> {
        match self {
            LabelMatch::Exact(i) | LabelMatch::Variant(i) => Some(*i),
            _ => None,
        }
    }
}

/// Edit distance allowed for a typo in an official key of `len` characters.
fn typo_allowance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=9 => 1,
        n => n / 5,
    }
}

#[derive(Debug, Clone, Copy)]
struct Evidence {
    index: usize,
    typo: bool,
    distance: usize,
    /// 2·LCS / (|written| + |official|), in thousandths.
    dice: usize,
    /// The longest core of the official label found in the written one.
    core: Option<&'static str>,
}

/// Matches a written label against official labels.
///
/// Equal keys are looked for first (the usual case: an official label as written, numbering
/// and spacing aside), then the evidence of each official label; the edit distance is computed
/// in full only where it is used (a core was found), else only as far as the typo allowance.
pub fn match_label(written: &str, officials: &[Official]) -> LabelMatch {
    let mut wc = Vec::with_capacity(32);
    key_into(written, &mut wc);
    if wc.is_empty() {
        return LabelMatch::NoMatch;
    }
    with_official_keys(officials, |keys| evidence(&wc, officials, keys))
}

/// [`match_label`] once the keys are known (`keys[i]` is the key of `officials[i]`).
fn evidence(wc: &[char], officials: &[Official], keys: &[Vec<char>]) -> LabelMatch {
    if let Some(index) = keys.iter().position(|k| k.as_slice() == wc) {
        return LabelMatch::Exact(index);
    }
    let w: String = wc.iter().collect();
    let mut found: Vec<Evidence> = Vec::new();
    for (index, (o, oc)) in officials.iter().zip(keys).enumerate() {
        if oc.is_empty() {
            continue;
        }
        let core = if wc.len() <= 3 * oc.len() + 4 {
            o.cores
                .iter()
                .copied()
                .filter(|c| !c.is_empty() && w.contains(c))
                .max_by_key(|c| c.len())
        } else {
            None
        };
        let allowance = typo_allowance(oc.len());
        let (distance, typo) = if core.is_some() {
            let d = osa_distance(wc, oc);
            (d, d <= allowance)
        } else {
            match osa_within(wc, oc, allowance) {
                Some(d) => (d, true),
                None => continue,
            }
        };
        let dice = 2000 * lcs_len(wc, oc) / (wc.len() + oc.len());
        found.push(Evidence {
            index,
            typo,
            distance,
            dice,
            core,
        });
    }
    // Typo-close first, then the closest by shared characters.
    crate::order::sort_by(&mut found, |a, b| {
        b.typo
            .cmp(&a.typo)
            .then(a.distance.cmp(&b.distance).then(b.dice.cmp(&a.dice)))
            .then(a.index.cmp(&b.index))
    });
    match found.as_slice() {
        [] => LabelMatch::NoMatch,
        [one] => LabelMatch::Variant(one.index),
        [best, second, ..] => {
            // Two different key phrases found: the label names two things.
            let distinct_cores = |a: &Evidence, b: &Evidence| match (a.core, b.core) {
                (Some(x), Some(y)) => !x.contains(y) && !y.contains(x),
                _ => false,
            };
            let clear = if best.typo && second.typo {
                best.distance < second.distance
            } else if best.typo {
                true
            } else {
                !found.iter().skip(1).any(|e| distinct_cores(best, e))
                    && best.dice >= second.dice + 150
            };
            if clear {
                LabelMatch::Variant(best.index)
            } else {
                let mut v: Vec<usize> = found
                    .iter()
                    .filter(|e| {
                        e.typo == best.typo && (e.dice + 150 > best.dice || distinct_cores(best, e))
                    })
                    .map(|e| e.index)
                    .collect();
                crate::order::sort_unstable(&mut v);
                LabelMatch::Ambiguous(v)
            }
        }
    }
}

// ------------------------------------------------------------------ official label sets

/// Section titles (without numbers) and their cores, in order 一 … 六.
pub const SECTIONS: [Official<'static>; 6] = [
    Official {
        label: "总体情况",
        cores: &["总体情况", "基本情况"],
    },
    Official {
        label: "主动公开政府信息情况",
        cores: &["主动公开"],
    },
    Official {
        label: "收到和处理政府信息公开申请情况",
        cores: &["公开申请", "依申请公开", "收到和处理"],
    },
    Official {
        label: "政府信息公开行政复议、行政诉讼情况",
        cores: &["行政复议", "行政诉讼"],
    },
    Official {
        label: "存在的主要问题及改进情况",
        cores: &[
            "主要问题",
            "存在的问题",
            "存在问题",
            "改进情况",
            "整改",
            "改进措施",
            "下一步",
        ],
    },
    Official {
        label: "其他需要报告的事项",
        cores: &["其他需要报告", "其他事项"],
    },
];

/// Matches a section heading's text (numbering included or not) to a section index 0..6.
pub fn match_section(text: &str) -> LabelMatch {
    match_label(text, &SECTIONS)
}

/// Table 三 data rows as official labels (the most specific label of each row) with their
/// cores, index-aligned with [`super::formats::T3_ROWS`] (the lengths are checked when
/// compiling, the labels by `official_label_sets_align_with_the_formats`).
pub const T3_ROWS: [Official<'static>; 26] = [
    Official {
        label: "一、本年新收政府信息公开申请数量",
        cores: &["本年新收", "新收政府"],
    },
    Official {
        label: "二、上年结转政府信息公开申请数量",
        cores: &["上年结转"],
    },
    Official {
        label: "（一）予以公开",
        cores: &["予以公开"],
    },
    Official {
        label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        cores: &["部分公开"],
    },
    Official {
        label: "1.属于国家秘密",
        cores: &["国家秘密"],
    },
    Official {
        label: "2.其他法律行政法规禁止公开",
        cores: &["禁止公开", "其他法律"],
    },
    Official {
        label: "3.危及“三安全一稳定”",
        cores: &["三安全", "一稳定"],
    },
    Official {
        label: "4.保护第三方合法权益",
        cores: &["第三方"],
    },
    Official {
        label: "5.属于三类内部事务信息",
        cores: &["内部事务"],
    },
    Official {
        label: "6.属于四类过程性信息",
        cores: &["过程性"],
    },
    Official {
        label: "7.属于行政执法案卷",
        cores: &["执法案卷"],
    },
    Official {
        label: "8.属于行政查询事项",
        cores: &["查询事项"],
    },
    Official {
        label: "1.本机关不掌握相关政府信息",
        cores: &["不掌握"],
    },
    Official {
        label: "2.没有现成信息需要另行制作",
        cores: &["另行制作", "现成信息"],
    },
    Official {
        label: "3.补正后申请内容仍不明确",
        cores: &["不明确", "补正后"],
    },
    Official {
        label: "1.信访举报投诉类申请",
        cores: &["信访", "举报投诉"],
    },
    Official {
        label: "2.重复申请",
        cores: &["重复申请"],
    },
    Official {
        label: "3.要求提供公开出版物",
        cores: &["出版物"],
    },
    Official {
        label: "4.无正当理由大量反复申请",
        cores: &["大量反复"],
    },
    Official {
        label: "5.要求行政机关确认或重新出具已获取信息",
        cores: &["重新出具"],
    },
    Official {
        label: "（六）其他处理",
        cores: &[],
    },
    Official {
        label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        cores: &["逾期不补正"],
    },
    Official {
        label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        cores: &["缴纳费用", "收费通知"],
    },
    Official {
        label: "3.其他",
        cores: &[],
    },
    Official {
        label: "（七）总计",
        cores: &[],
    },
    Official {
        label: "四、结转下年度继续办理",
        cores: &["结转下年", "下年度继续"],
    },
];

/// Table 三's seven number columns.
pub const T3_COLUMNS: [Official<'static>; 7] = [
    Official {
        label: "自然人",
        cores: &["自然人"],
    },
    Official {
        label: "商业企业",
        cores: &["商业"],
    },
    Official {
        label: "科研机构",
        cores: &["科研"],
    },
    Official {
        label: "社会公益组织",
        cores: &["公益"],
    },
    Official {
        label: "法律服务机构",
        cores: &["法律服务"],
    },
    Official {
        label: "其他",
        cores: &[],
    },
    Official {
        label: "总计",
        cores: &[],
    },
];

/// Table 二's column headers of both formats (canonical labels).
pub const T2_COLUMNS: [Official<'static>; 13] = [
    Official {
        label: "本年制发件数",
        cores: &["制发"],
    },
    Official {
        label: "本年废止件数",
        cores: &["废止"],
    },
    Official {
        label: "现行有效件数",
        cores: &["现行有效"],
    },
    Official {
        label: "本年处理决定数量",
        cores: &["本年处理决定"],
    },
    Official {
        label: "本年收费金额（单位：万元）",
        cores: &["收费金额"],
    },
    Official {
        label: "本年新制作数量",
        cores: &["新制作"],
    },
    Official {
        label: "本年新公开数量",
        cores: &["新公开"],
    },
    Official {
        label: "对外公开总数量",
        cores: &["公开总数"],
    },
    Official {
        label: "上一年项目数量",
        cores: &["上一年"],
    },
    Official {
        label: "本年增/减",
        cores: &[],
    },
    Official {
        label: "处理决定数量",
        cores: &[],
    },
    Official {
        label: "采购项目数量",
        cores: &["采购项目"],
    },
    Official {
        label: "采购总金额",
        cores: &["总金额", "采购金额"],
    },
];

/// Table 二's row labels of both formats (canonical: 规范性文件 stands for both variants).
pub const T2_ROWS: [Official<'static>; 8] = [
    Official {
        label: "规章",
        cores: &["规章"],
    },
    Official {
        label: "规范性文件",
        cores: &["规范性"],
    },
    Official {
        label: "行政许可",
        cores: &["许可"],
    },
    Official {
        label: "其他对外管理服务事项",
        cores: &["对外管理", "管理服务"],
    },
    Official {
        label: "行政处罚",
        cores: &["处罚"],
    },
    Official {
        label: "行政强制",
        cores: &["强制"],
    },
    Official {
        label: "行政事业性收费",
        cores: &["收费"],
    },
    Official {
        label: "政府集中采购",
        cores: &["采购"],
    },
];

/// The leaves of table 四's header (the same five under each group).
pub const T4_LEAVES: [Official<'static>; 5] = [
    Official {
        label: "结果维持",
        cores: &["维持"],
    },
    Official {
        label: "结果纠正",
        cores: &["纠正"],
    },
    Official {
        label: "其他结果",
        cores: &[],
    },
    Official {
        label: "尚未审结",
        cores: &["审结"],
    },
    Official {
        label: "总计",
        cores: &[],
    },
];

/// What to do with a label, given the reading of the phrase tables (`phrase`, an index into
/// the same official list) and the tolerant matcher's (`fuzzy`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Read the label as official label `index`; `variant` when its wording differs.
    Take {
        index: usize,
        variant: bool,
    },
    /// Two or more official labels compete: do not assign.
    Ambiguous(Vec<usize>),
    Skip,
}

/// Combines the phrase tables' reading with the matcher's: an exact key wins; a phrase reading
/// the matcher confirms or has no opinion on is taken (as a variant unless exact); a conflict
/// between the two, or a label the matcher finds ambiguous, is ambiguous.
pub fn decide(phrase: Option<usize>, fuzzy: LabelMatch) -> Decision {
    match (phrase, fuzzy) {
        (_, LabelMatch::Exact(i)) => Decision::Take {
            index: i,
            variant: false,
        },
        (Some(p), LabelMatch::Variant(i)) if p != i => {
            let mut v = vec![p, i];
            crate::order::sort_unstable(&mut v);
            Decision::Ambiguous(v)
        }
        (_, LabelMatch::Variant(i)) => Decision::Take {
            index: i,
            variant: true,
        },
        (Some(p), LabelMatch::Ambiguous(mut v)) => {
            if !v.contains(&p) {
                v.push(p);
                crate::order::sort_unstable(&mut v);
            }
            Decision::Ambiguous(v)
        }
        (None, LabelMatch::Ambiguous(v)) => Decision::Ambiguous(v),
        (Some(p), LabelMatch::NoMatch) => Decision::Take {
            index: p,
            variant: true,
        },
        (None, LabelMatch::NoMatch) => Decision::Skip,
    }
}

// The label sets and the formats' tables are index-aligned: same lengths (here), same labels
// (the test `official_label_sets_align_with_the_formats`).
const _: () = assert!(T3_ROWS.len() == super::formats::T3_ROWS.len());
const _: () = assert!(T3_COLUMNS.len() == super::formats::T3_COLUMNS.len());
const _: () = assert!(SECTIONS.len() == super::formats::SECTIONS.len());
const _: () =
    assert!(T4_LEAVES.len() * super::formats::T4_GROUPS.len() == super::formats::T4_COLUMNS.len());

#[cfg(test)]
mod tests {
    use super::*;

    /// Some of table 三's rows (a subset of [`T3_ROWS`]): 一, 二, （一）, （二）, 1–5 of
    /// （三）不予公开, 4.无正当理由大量反复申请 and 四.
    const T3_LEAVES: &[Official] = &[
        T3_ROWS[0],
        T3_ROWS[1],
        T3_ROWS[2],
        T3_ROWS[3],
        T3_ROWS[4],
        T3_ROWS[5],
        T3_ROWS[6],
        T3_ROWS[7],
        T3_ROWS[8],
        T3_ROWS[18],
        T3_ROWS[25],
    ];

    fn leaf(s: &str) -> LabelMatch {
        match_label(s, T3_LEAVES)
    }
    fn label_of(m: &LabelMatch) -> &'static str {
        m.index().map(|i| T3_LEAVES[i].label).unwrap_or("")
    }

    #[test]
    fn numbers_in_every_style() {
        assert_eq!(
            split_number("1.属于国家秘密"),
            (Some(1), "属于国家秘密".to_string())
        );
        assert_eq!(
            split_number("1、属于国家秘密"),
            (Some(1), "属于国家秘密".to_string())
        );
        assert_eq!(
            split_number("（1）属于国家秘密"),
            (Some(1), "属于国家秘密".to_string())
        );
        assert_eq!(
            split_number("(一)、予以公开"),
            (Some(1), "予以公开".to_string())
        );
        assert_eq!(
            split_number("三\n、\n本\n年\n度"),
            (Some(3), "本年度".to_string())
        );
        assert_eq!(
            split_number("１．重复申请"),
            (Some(1), "重复申请".to_string())
        );
        assert_eq!(
            split_number("1属于国家秘密"),
            (Some(1), "属于国家秘密".to_string())
        );
        assert_eq!(split_number("十二、其他"), (Some(12), "其他".to_string()));
        // A numeral that is part of the words is not a number.
        assert_eq!(split_number("三安全一稳定").0, None);
        assert_eq!(split_number("2021").0, None);
        assert_eq!(split_number("（本列数据的勾稽关系").0, None);
    }

    #[test]
    fn distances() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(osa_distance(&c("内部事务"), &c("内务部事")), 2);
        assert_eq!(osa_distance(&c("部事"), &c("事部")), 1);
        assert_eq!(osa_distance(&c(""), &c("abc")), 3);
        assert_eq!(osa_distance(&c("予以公开"), &c("不予公开")), 2);
        assert_eq!(
            lcs_len(&c("本年新收申请数量"), &c("本年新收政府信息公开申请数量")),
            8
        );
    }

    #[test]
    fn official_labels_match_exactly_in_any_numbering_and_spacing() {
        for (i, o) in T3_LEAVES.iter().enumerate() {
            assert_eq!(leaf(o.label), LabelMatch::Exact(i), "{}", o.label);
        }
        assert_eq!(label_of(&leaf("1、属于国家秘密")), "1.属于国家秘密");
        assert_eq!(leaf("（1）属于国家秘密"), LabelMatch::Exact(4));
        assert_eq!(leaf("4.无正当理由大量反复 申请"), LabelMatch::Exact(9));
        assert_eq!(
            leaf("一\n、\n本\n年\n新\n收\n政\n府\n信\n息\n公\n开\n申\n请\n数\n量"),
            LabelMatch::Exact(0)
        );
        assert_eq!(leaf("予 以 公 开"), LabelMatch::Exact(2));
        assert_eq!(
            leaf("（二）部分公开（区分处理的,只计这一情形,不计其他情形）"),
            LabelMatch::Exact(3)
        );
    }

    #[test]
    fn variants_are_matched_as_variants() {
        // A word dropped.
        assert_eq!(leaf("一、本年新收申请数量"), LabelMatch::Variant(0));
        assert_eq!(leaf("4.大量反复申请"), LabelMatch::Variant(9));
        assert_eq!(leaf("（二）部分公开"), LabelMatch::Variant(3));
        // Characters missing from the middle (seen: 2.其他法律行政止公开).
        assert_eq!(leaf("2.其他法律行政止公开"), LabelMatch::Variant(5));
        // A character mistyped, two swapped.
        assert_eq!(leaf("4.保护第三方合法全益"), LabelMatch::Variant(7));
        assert_eq!(leaf("5.属于三类内务部事信息"), LabelMatch::Variant(8));
        assert_eq!(leaf("1.属于国家密秘"), LabelMatch::Variant(4));
        assert_eq!(leaf("（一）予以公廾"), LabelMatch::Variant(2));
        // Extra words.
        assert_eq!(
            leaf("四、结转下年度继续办理的申请数量"),
            LabelMatch::Variant(10)
        );
        assert_eq!(
            leaf("3.危及\u{201c}三安全一稳定\u{201d}的"),
            LabelMatch::Variant(6)
        );
    }

    #[test]
    fn near_misses_do_not_match() {
        let only = |written: &str, official: Official| match_label(written, &[official]);
        let o = |label: &'static str, cores: &'static [&'static str]| Official { label, cores };
        assert_eq!(
            only("（三）不予公开", o("（一）予以公开", &["予以公开"])),
            LabelMatch::NoMatch
        );
        assert_eq!(
            only("（二）部分公开", o("（一）予以公开", &["予以公开"])),
            LabelMatch::NoMatch
        );
        assert_eq!(
            only(
                "二、上年结转政府信息公开申请数量",
                o(
                    "一、本年新收政府信息公开申请数量",
                    &["本年新收", "新收政府"]
                )
            ),
            LabelMatch::NoMatch
        );
        assert_eq!(
            only(
                "一、本年新收政府信息公开申请数量",
                o("二、上年结转政府信息公开申请数量", &["上年结转"])
            ),
            LabelMatch::NoMatch
        );
        assert_eq!(
            only("行政诉讼", o("行政复议", &["行政复议"])),
            LabelMatch::NoMatch
        );
        assert_eq!(
            only("结果纠正", o("结果维持", &["维持"])),
            LabelMatch::NoMatch
        );
        assert_eq!(
            only("行政处罚", o("行政许可", &["行政许可"])),
            LabelMatch::NoMatch
        );
        assert_eq!(
            only("商业企业", o("科研机构", &["科研"])),
            LabelMatch::NoMatch
        );
        assert_eq!(only("合计", o("总计", &[])), LabelMatch::NoMatch);
        assert_eq!(
            only(
                "四、结转下年度继续办理",
                o("二、上年结转政府信息公开申请数量", &["上年结转"])
            ),
            LabelMatch::NoMatch
        );
        // A sentence mentioning a core is not a label.
        let sentence = "本机关严格按照条例规定办理，对于属于国家秘密的申请依法不予公开并告知申请人理由和救济途径";
        assert_eq!(
            only(sentence, o("1.属于国家秘密", &["国家秘密"])),
            LabelMatch::NoMatch
        );
        // Among all rows, the group labels are no data row.
        assert_eq!(leaf("（三）不予公开"), LabelMatch::NoMatch);
        assert_eq!(leaf("三、本年度办理结果"), LabelMatch::NoMatch);
    }

    #[test]
    fn competing_labels_are_ambiguous() {
        assert_eq!(
            leaf("本年新收和上年结转申请数量"),
            LabelMatch::Ambiguous(vec![0, 1])
        );
        assert_eq!(
            leaf("予以公开和部分公开"),
            LabelMatch::Ambiguous(vec![2, 3])
        );
        let cols = [
            Official {
                label: "本年处理决定数量",
                cores: &["处理决定"],
            },
            Official {
                label: "处理决定数量",
                cores: &["处理决定"],
            },
        ];
        assert_eq!(match_label("本年处理决定数", &cols), LabelMatch::Variant(0));
        assert_eq!(
            match_label("处理决定", &cols),
            LabelMatch::Ambiguous(vec![0, 1])
        );
    }

    #[test]
    fn table_four_and_three_headers() {
        assert_eq!(match_label("结果纠正", &T4_LEAVES), LabelMatch::Exact(1));
        assert_eq!(match_label("结果\n维持", &T4_LEAVES), LabelMatch::Exact(0));
        assert_eq!(match_label("结果维特", &T4_LEAVES), LabelMatch::Variant(0));
        assert_eq!(match_label("其它结果", &T4_LEAVES), LabelMatch::Variant(2));
        assert_eq!(
            match_label("尚未审结的", &T4_LEAVES),
            LabelMatch::Variant(3)
        );
        assert_eq!(match_label("行政诉讼", &T4_LEAVES), LabelMatch::NoMatch);
        assert_eq!(match_label("行政复议", &T4_LEAVES), LabelMatch::NoMatch);
        assert_eq!(match_label("社会公益", &T3_COLUMNS), LabelMatch::Variant(3));
        assert_eq!(match_label("自  然  人", &T3_COLUMNS), LabelMatch::Exact(0));
        assert_eq!(
            match_label("法人或其他组织", &T3_COLUMNS),
            LabelMatch::NoMatch
        );
        assert_eq!(match_label("申请人情况", &T3_COLUMNS), LabelMatch::NoMatch);
        assert_eq!(match_label("规范性文件", &T2_ROWS), LabelMatch::Exact(1));
        assert_eq!(
            match_label("行政许可事项", &T2_ROWS),
            LabelMatch::Variant(2)
        );
        assert_eq!(match_label("行政处罚", &T2_ROWS), LabelMatch::Exact(4));
        assert_eq!(
            match_label("本年新公开数量", &T2_COLUMNS),
            LabelMatch::Exact(6)
        );
        assert_eq!(
            match_label("本年新制作数量", &T2_COLUMNS),
            LabelMatch::Exact(5)
        );
        assert_eq!(
            match_label("现行有效件", &T2_COLUMNS),
            LabelMatch::Variant(2)
        );
    }

    #[test]
    fn every_official_row_matches_itself_only() {
        for (i, o) in T3_ROWS.iter().enumerate() {
            assert_eq!(
                match_label(o.label, &T3_ROWS),
                LabelMatch::Exact(i),
                "{}",
                o.label
            );
        }
        for (i, o) in T2_COLUMNS.iter().enumerate() {
            assert_eq!(
                match_label(o.label, &T2_COLUMNS),
                LabelMatch::Exact(i),
                "{}",
                o.label
            );
        }
    }

    #[test]
    fn section_headings() {
        assert_eq!(match_section("一、总体情况"), LabelMatch::Exact(0));
        assert_eq!(
            match_section("三、收到和处理政府信息公开申情况"),
            LabelMatch::Variant(2)
        );
        assert_eq!(
            match_section("三、收到和处理政府信息公开申请的情况"),
            LabelMatch::Variant(2)
        );
        assert_eq!(
            match_section("四、政府信息公开行政复议、行政诉讼情况"),
            LabelMatch::Exact(3)
        );
        assert_eq!(
            match_section("四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况"),
            LabelMatch::Variant(3)
        );
        assert_eq!(
            match_section("五、存在的主要问题及整改情况"),
            LabelMatch::Variant(4)
        );
        assert_eq!(
            match_section("五、存在问题及改进措施"),
            LabelMatch::Variant(4)
        );
        assert_eq!(match_section("五、下一步工作打算"), LabelMatch::Variant(4));
        assert_eq!(
            match_section("五、存在的主要问题和改进情况"),
            LabelMatch::Variant(4)
        );
        assert_eq!(
            match_section("六、其它需要报告的事项"),
            LabelMatch::Variant(5)
        );
        assert_eq!(
            match_section("二、主动公开政府信息情况"),
            LabelMatch::Exact(1)
        );
        assert_eq!(
            match_section("二、主动公开政府信息的情况"),
            LabelMatch::Variant(1)
        );
        assert_eq!(match_section("（一）加强组织领导"), LabelMatch::NoMatch);
        assert_eq!(match_section("联系电话"), LabelMatch::NoMatch);
    }

    /// Each label set here names, index by index, the rows and columns of the formats' tables
    /// (`formats.rs`), which the rules and the contract use: a row added to one and not the
    /// other would shift every later row.
    #[test]
    fn official_label_sets_align_with_the_formats() {
        use crate::report::formats;
        for (i, (label, row)) in T3_ROWS.iter().zip(formats::T3_ROWS).enumerate() {
            assert_eq!(Some(&label.label), row.path.last(), "table 三 row {i}");
        }
        for (i, (label, col)) in T3_COLUMNS.iter().zip(formats::T3_COLUMNS).enumerate() {
            assert_eq!(label.label, col, "table 三 column {i}");
        }
        for (i, (label, title)) in SECTIONS.iter().zip(formats::SECTIONS).enumerate() {
            assert!(title.ends_with(label.label), "section {i}: {title}");
        }
        for (k, (_, path)) in formats::T4_COLUMNS.iter().enumerate() {
            let leaf = T4_LEAVES[k % T4_LEAVES.len()].label;
            assert_eq!(path.last(), Some(&leaf), "table 四 column {k}");
        }
        let t2_rows = formats::T2_ROWS_2021.iter().chain(formats::T2_ROWS_2019);
        for row in t2_rows {
            assert!(
                T2_ROWS
                    .iter()
                    .any(|o| o.label == row.label || row.label.ends_with(o.label)),
                "table 二 row {} has an official label",
                row.label
            );
        }
    }
}
