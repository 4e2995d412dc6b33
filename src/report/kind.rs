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
}

/// Why a kind was chosen; `crate::messages` words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KindBasis {
    /// Set by the user.
    User,
    /// No agency name was found: a department is assumed.
    NoAgency,
    /// The agency is a 街道办事处 (treated as a township).
    Street { name: String },
    /// A government's office (人民政府办公室/办公厅): its own-office report.
    OwnOffice { name: String },
    /// A government's office whose text speaks of the whole region (`word`) and of 汇总.
    OfficeConsolidated { name: String, word: &'static str },
    /// A 乡镇人民政府.
    Township { name: String },
    /// A 人民政府 whose text speaks of the whole region (`word`): its consolidated report.
    Consolidated { name: String, word: &'static str },
    /// A 人民政府 whose text does not speak of the whole region: its own-office report.
    GovernmentOwn { name: String },
    /// A bare region name (“某某县”): the consolidated report of that region.
    Region { name: String },
    /// Any other agency: a department.
    Department { name: String },
}

/// The kind used for a report and how it was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindReading {
    pub kind: ReportKind,
    pub basis: KindBasis,
}

impl KindReading {
    /// The kind the user chose.
    pub fn chosen(kind: ReportKind) -> KindReading {
        KindReading {
            kind,
            basis: KindBasis::User,
        }
    }

    /// Inferred as a government's consolidated report of its whole region (全县/全区/全市 or
    /// 汇总, or a bare region name).
    pub fn consolidated(&self) -> bool {
        matches!(
            self.basis,
            KindBasis::Consolidated { .. }
                | KindBasis::OfficeConsolidated { .. }
                | KindBasis::Region { .. }
        )
    }

    /// Set by the user rather than inferred.
    pub fn by_user(&self) -> bool {
        self.basis == KindBasis::User
    }

    /// The agency name the inference read, if any.
    pub fn name(&self) -> Option<&str> {
        match &self.basis {
            KindBasis::User | KindBasis::NoAgency => None,
            KindBasis::Street { name }
            | KindBasis::OwnOffice { name }
            | KindBasis::OfficeConsolidated { name, .. }
            | KindBasis::Township { name }
            | KindBasis::Consolidated { name, .. }
            | KindBasis::GovernmentOwn { name }
            | KindBasis::Region { name }
            | KindBasis::Department { name } => Some(name),
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
            basis: KindBasis::NoAgency,
        };
    };
    // Looked for only where the name leaves the kind open (it scans the whole prose).
    let whole = || {
        WHOLE_REGION
            .iter()
            .copied()
            .find(|w| prose.iter().any(|p| p.contains(*w)))
    };
    let reading = |kind, basis| KindReading { kind, basis };
    let name_s = name.to_string();
    if name.ends_with("街道办事处") {
        return reading(ReportKind::Township, KindBasis::Street { name: name_s });
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
            if let (true, Some(word)) = (prose.iter().any(|p| p.contains("汇总")), whole()) {
                return reading(
                    level_of(region),
                    KindBasis::OfficeConsolidated { name: name_s, word },
                );
            }
            return reading(
                ReportKind::Department,
                KindBasis::OwnOffice { name: name_s },
            );
        }
    }
    for gov in ["人民政府", "管理委员会", "管委会"] {
        if let Some(region) = name.strip_suffix(gov) {
            let kind = level_of(region);
            if kind == ReportKind::Township {
                return reading(kind, KindBasis::Township { name: name_s });
            }
            return match whole() {
                Some(word) => reading(kind, KindBasis::Consolidated { name: name_s, word }),
                None => reading(
                    ReportKind::Department,
                    KindBasis::GovernmentOwn { name: name_s },
                ),
            };
        }
    }
    // A bare region name (“某某县2021年政府信息公开工作年度报告”): the consolidated report.
    if name.chars().count() <= 16 && !has_department_word(name) {
        let kind = level_of(name);
        if kind == ReportKind::Township {
            return reading(kind, KindBasis::Township { name: name_s });
        }
        if kind != ReportKind::Government {
            return reading(kind, KindBasis::Region { name: name_s });
        }
    }
    reading(
        ReportKind::Department,
        KindBasis::Department { name: name_s },
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

/// The level of a region name. A 市 may be prefecture-level or county-level: the later
/// deadline (prefecture) is assumed, and the message says so.
fn level_of(region: &str) -> ReportKind {
    let r = region.trim();
    const MUNICIPALITIES: [&str; 4] = ["北京市", "天津市", "上海市", "重庆市"];
    if MUNICIPALITIES.contains(&r) || r.ends_with('省') || r.ends_with("自治区") {
        ReportKind::Province
    } else if ["乡", "镇", "街道", "苏木"].iter().any(|s| r.ends_with(s)) {
        ReportKind::Township
    } else if ["县", "旗", "区", "特区", "林区"]
        .iter()
        .any(|s| r.ends_with(s))
    {
        ReportKind::County
    } else if ["州", "盟", "地区", "市"].iter().any(|s| r.ends_with(s)) {
        ReportKind::Prefecture
    } else {
        ReportKind::Government
    }
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
