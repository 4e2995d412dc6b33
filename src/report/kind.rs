//! The kind of report, which decides its publication deadline (条例第四十九条, 国办公开办函
//! 〔2021〕30号 / 〔2019〕60号 “二、报告方式及时间”): departments, townships and a government's
//! own-office report by January 31 of the following year; a government's consolidated report
//! (本级政府年度报告) by February 20 (county), March 10 (prefecture) or March 31 (province).
//!
//! The kind is inferred from the agency name and the text; the user can set it
//! ([`crate::report::Report::kind`] is then replaced by the pipeline run).

/// What kind of report a document is, as far as deadlines go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// 县级以上人民政府部门, or a government's own-office report (本政府机关): (Y+1)-01-31.
    Department,
    /// 乡镇人民政府 (街道办事处 likewise): (Y+1)-01-31.
    Township,
    /// A county-level government's consolidated report (本级政府, 县级): (Y+1)-02-20.
    County,
    /// A prefecture-level government's consolidated report (地市级): (Y+1)-03-10.
    Prefecture,
    /// A province-level government's consolidated report (省级), or a vertical system's
    /// whole-system report: (Y+1)-03-31.
    Province,
    /// A government's consolidated report whose level is not known: the law's limit,
    /// (Y+1)-03-31.
    Government,
}

impl ReportKind {
    /// The Chinese name, as the command line's `--kind` and the page take it.
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::Department => "部门",
            ReportKind::Township => "乡镇",
            ReportKind::County => "县级政府",
            ReportKind::Prefecture => "地市级政府",
            ReportKind::Province => "省级政府",
            ReportKind::Government => "本级政府（级别不明）",
        }
    }

    /// Stable ASCII id for the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Department => "department",
            ReportKind::Township => "township",
            ReportKind::County => "county",
            ReportKind::Prefecture => "prefecture",
            ReportKind::Province => "province",
            ReportKind::Government => "government",
        }
    }

    /// The kinds a user can choose, in the order a menu lists them.
    pub const CHOICES: [ReportKind; 5] = [
        ReportKind::Department,
        ReportKind::Township,
        ReportKind::County,
        ReportKind::Prefecture,
        ReportKind::Province,
    ];

    /// Reads a kind as a user writes it: the Chinese label (部门, 乡镇, 县级政府, 地市级政府,
    /// 省级政府, also 县级, 地市级, 市级, 省级, 本政府机关) or the ASCII id.
    pub fn parse(s: &str) -> Option<ReportKind> {
        let t = s.trim();
        Some(match t {
            "部门" | "本政府机关" | "department" => ReportKind::Department,
            "乡镇" | "街道" | "township" => ReportKind::Township,
            "县级政府" | "县级" | "county" => ReportKind::County,
            "地市级政府" | "地市级" | "市级" | "prefecture" => ReportKind::Prefecture,
            "省级政府" | "省级" | "province" => ReportKind::Province,
            "government" => ReportKind::Government,
            _ => return None,
        })
    }

    /// The last day (month, day) of the year after the report year by which the report is due.
    pub fn deadline(self) -> (u32, u32) {
        match self {
            ReportKind::Department | ReportKind::Township => (1, 31),
            ReportKind::County => (2, 20),
            ReportKind::Prefecture => (3, 10),
            ReportKind::Province | ReportKind::Government => (3, 31),
        }
    }

    /// Who must publish by that day, in the words of the notice (Chinese).
    pub fn rule_text(self) -> &'static str {
        match self {
            ReportKind::Department => {
                "县级以上人民政府部门和本政府机关的年度报告应在每年1月31日前公布"
            }
            ReportKind::Township => "乡镇人民政府参照部门的要求，应在每年1月31日前公布",
            ReportKind::County => "县级政府汇总的本级政府年度报告应在每年2月20日前公布",
            ReportKind::Prefecture => "地市级政府汇总的本级政府年度报告应在每年3月10日前公布",
            ReportKind::Province => "省级政府汇总的本级政府年度报告应在每年3月31日前公布",
            ReportKind::Government => {
                "县级以上地方人民政府的本级政府年度报告最迟应在每年3月31日前公布（条例第四十九条）"
            }
        }
    }
}

/// The kind used for a report and how it was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindReading {
    pub kind: ReportKind,
    /// Why (Chinese), e.g. “机关名称“某某县卫生健康局”不是人民政府”.
    pub reason: String,
    /// Set by the user rather than inferred.
    pub by_user: bool,
}

impl KindReading {
    /// The kind the user chose.
    pub fn chosen(kind: ReportKind) -> KindReading {
        KindReading {
            kind,
            reason: "由用户指定".to_string(),
            by_user: true,
        }
    }
}

/// Words saying the text covers the whole region (a consolidated report).
const WHOLE_REGION: &[&str] = &[
    "全县",
    "全区",
    "全市",
    "全省",
    "全州",
    "全旗",
    "全盟",
    "全自治区",
    "本级政府",
];

/// Infers the kind from the agency name (from the title or the signature) and the text.
pub fn infer(agency: Option<&str>, prose: &[&str]) -> KindReading {
    let Some(name) = agency.map(str::trim).filter(|n| !n.is_empty()) else {
        return KindReading {
            kind: ReportKind::Department,
            reason: "未能识别机关名称，按部门年报的时限判断".to_string(),
            by_user: false,
        };
    };
    let whole = WHOLE_REGION
        .iter()
        .find(|w| prose.iter().any(|p| p.contains(*w)));
    let reading = |kind, reason: String| KindReading {
        kind,
        reason,
        by_user: false,
    };
    if name.ends_with("街道办事处") {
        return reading(
            ReportKind::Township,
            format!("机关名称“{name}”是街道办事处"),
        );
    }
    // A government's office (人民政府办公室/办公厅): its own-office report, unless the text
    // says it is the consolidated report of the whole region.
    for office in [
        "人民政府办公室",
        "人民政府办公厅",
        "政府办公室",
        "政府办公厅",
    ] {
        if let Some(region) = name.strip_suffix(office) {
            if let (Some(w), true) = (whole, prose.iter().any(|p| p.contains("汇总"))) {
                let (kind, level) = level_of(region);
                return reading(
                    kind,
                    format!("机关名称“{name}”是政府办公机构，正文写有“{w}”和“汇总”，按{level}汇总的本级政府年度报告判断"),
                );
            }
            return reading(
                ReportKind::Department,
                format!("机关名称“{name}”是政府办公机构，按本政府机关的年度报告判断"),
            );
        }
    }
    for gov in ["人民政府", "管理委员会", "管委会"] {
        if let Some(region) = name.strip_suffix(gov) {
            let (kind, level) = level_of(region);
            if kind == ReportKind::Township {
                return reading(kind, format!("机关名称“{name}”是乡镇人民政府"));
            }
            return match whole {
                Some(w) => reading(
                    kind,
                    format!("机关名称“{name}”是人民政府，正文写有“{w}”，按{level}汇总的本级政府年度报告判断"),
                ),
                None => reading(
                    ReportKind::Department,
                    format!("机关名称“{name}”是人民政府，正文未提及全辖区情况，按本政府机关的年度报告判断"),
                ),
            };
        }
    }
    // A bare region name (“某某县2021年政府信息公开工作年度报告”): the consolidated report.
    if name.chars().count() <= 16 && !has_department_word(name) {
        let (kind, level) = level_of(name);
        if kind == ReportKind::Township {
            return reading(kind, format!("机关名称“{name}”是乡镇"));
        }
        if kind != ReportKind::Government {
            return reading(
                kind,
                format!("报告以行政区“{name}”的名义发布，按{level}汇总的本级政府年度报告判断"),
            );
        }
    }
    reading(
        ReportKind::Department,
        format!("机关名称“{name}”不是人民政府，按部门年报判断"),
    )
}

fn has_department_word(name: &str) -> bool {
    [
        "局",
        "委员会",
        "委",
        "厅",
        "办",
        "署",
        "院",
        "中心",
        "所",
        "站",
        "队",
        "部",
        "会",
        "处",
        "室",
        "馆",
    ]
    .iter()
    .any(|w| name.ends_with(w))
}

/// The level of a region name, and its words for messages.
fn level_of(region: &str) -> (ReportKind, &'static str) {
    let r = region.trim();
    const MUNICIPALITIES: [&str; 4] = ["北京市", "天津市", "上海市", "重庆市"];
    if MUNICIPALITIES.contains(&r) || r.ends_with('省') || r.ends_with("自治区") {
        return (ReportKind::Province, "省级政府");
    }
    if ["乡", "镇", "街道", "苏木"].iter().any(|s| r.ends_with(s)) {
        return (ReportKind::Township, "乡镇");
    }
    if ["县", "旗", "区", "特区", "林区"]
        .iter()
        .any(|s| r.ends_with(s))
    {
        return (ReportKind::County, "县级政府");
    }
    if ["州", "盟", "地区"].iter().any(|s| r.ends_with(s)) {
        return (ReportKind::Prefecture, "地市级政府");
    }
    if r.ends_with('市') {
        // A 市 may be prefecture-level or county-level: assume the later deadline.
        return (
            ReportKind::Prefecture,
            "地市级政府（若为县级市，请设为县级政府）",
        );
    }
    (ReportKind::Government, "级别不明的本级政府")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(name: &str, text: &str) -> ReportKind {
        infer(Some(name), &[text]).kind
    }

    #[test]
    fn kinds_from_names() {
        assert_eq!(
            kind("繁峙县卫生健康和体育局", "全县"),
            ReportKind::Department
        );
        assert_eq!(kind("某某县人民政府", "全县共收到申请"), ReportKind::County);
        assert_eq!(kind("某某县人民政府", "本机关"), ReportKind::Department);
        assert_eq!(kind("某某市人民政府", "全市"), ReportKind::Prefecture);
        assert_eq!(kind("某某省人民政府", "全省"), ReportKind::Province);
        assert_eq!(kind("上海市人民政府", "全市"), ReportKind::Province);
        assert_eq!(kind("某某自治州人民政府", "全州"), ReportKind::Prefecture);
        assert_eq!(kind("某某县某某镇人民政府", "全镇"), ReportKind::Township);
        assert_eq!(kind("某某街道办事处", ""), ReportKind::Township);
        assert_eq!(kind("某某县人民政府办公室", "全县"), ReportKind::Department);
        assert_eq!(kind("某某县人民政府办公室", "全县汇总"), ReportKind::County);
        assert_eq!(kind("某某县", "全县"), ReportKind::County);
        assert_eq!(kind("赵县卫生健康局", ""), ReportKind::Department);
        assert_eq!(infer(None, &[]).kind, ReportKind::Department);
    }

    #[test]
    fn labels_parse_back() {
        for k in ReportKind::CHOICES {
            assert_eq!(ReportKind::parse(k.label()), Some(k));
            assert_eq!(ReportKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ReportKind::parse("国家级"), None);
    }
}
