//! Rules on the report's prose and dates: what sections 一, 五 and 六 must cover, the length of
//! 一, the order of the sections, the statistics period and the publication deadline
//! (spec §2.5).

use super::*;
use crate::model;
use crate::report::normalize::{fold_width, norm_into};
use crate::report::{ProseParagraph, ReportKind, Section};

/// The report year the format rules apply to: the recognised year, or 2021 for a report in the
/// 2021 format whose year is unknown.
fn is_2021_plus(report: &Report) -> bool {
    match report.year {
        Some(y) => y >= 2021,
        None => report.format == Some(Format::F2021),
    }
}

/// The normalised text of section `index` (0 = 一): what its heading says after a colon
/// (“五、存在的主要问题及改进情况：无”), its paragraphs, and the text of tables inside it that
/// are not report tables (some offices write a section as a table). Bounded: at most
/// [`MAX_SECTION_CHARS`] characters.
fn section_text(cx: &RuleContext<'_>, index: usize) -> String {
    let report = cx.report;
    let mut s = String::new();
    let Some(head) = report.section(index) else {
        return s;
    };
    if let Some((_, after)) = head.text.split_once(['：', ':']) {
        norm_into(after, &mut s);
    }
    for p in report.section_prose(index) {
        norm_into(&p.text, &mut s);
        if s.len() > MAX_SECTION_CHARS * 3 {
            return s;
        }
    }
    // Tables between the heading and the next heading.
    let next = report
        .headings()
        .filter(|h| h.block > head.block && report.is_firm(h))
        .map(|h| h.block)
        .min()
        .unwrap_or(usize::MAX)
        .min(report.blocks.end);
    let report_tables: Vec<usize> = report.physical_tables().iter().map(|(t, _)| *t).collect();
    for b in cx.doc.blocks.iter().take(next).skip(head.block + 1) {
        if let model::Block::Table(t) = b {
            if report_tables.contains(t) {
                continue;
            }
            if let Some(table) = cx.doc.tables.get(*t) {
                // norm(all_text()): the line breaks between cells are dropped by `norm`.
                for c in &table.cells {
                    norm_into(&c.text, &mut s);
                }
            }
            if s.len() > MAX_SECTION_CHARS * 3 {
                break;
            }
        }
    }
    s
}

/// The most text of one section the content rules read (characters; CJK are 3 bytes).
const MAX_SECTION_CHARS: usize = 200_000;

fn heading_location(report: &Report, index: usize) -> Vec<Location> {
    report
        .section(index)
        .map(|s| text_location(&s.span))
        .into_iter()
        .collect()
}

/// CJK ideographs (basic block, extension A, compatibility, and the supplementary planes).
fn is_hanzi(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

// ------------------------------------------------------------------ S.SEC1

/// The aspects section 一 must cover (30号/60号 一（一）), each with the words that count as
/// covering it: offices describe them in many ways, and a missed aspect is only a warning.
const SEC1_ASPECTS: &[(&str, &[&str])] = &[
    ("主动公开", &["主动公开"]),
    ("依申请公开", &["依申请", "公开申请", "申请公开"]),
    (
        "政府信息管理",
        &["信息管理", "管理", "制度", "审核", "审查", "目录"],
    ),
    (
        "政府信息公开平台建设",
        &[
            "平台",
            "网站",
            "公众号",
            "新媒体",
            "专栏",
            "公开栏",
            "渠道",
            "载体",
        ],
    ),
    (
        "监督保障",
        &[
            "监督",
            "保障",
            "考核",
            "督查",
            "督促",
            "培训",
            "评议",
            "追究",
            "问责",
            "领导小组",
        ],
    ),
];

rule! {
    /// 总体情况的内容
    ///
    /// “一、总体情况”写到主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面；各方面接受多种写法（如平台建设可写作网站、公众号、公开渠道，监督保障可写作考核、督查、培训），每缺一个方面提示一次。
    ///
    /// 依据：国办公开办函〔2021〕30号、〔2019〕60号：总体情况“主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障……等方面”。
    SSec1: "S.SEC1", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Text { section: 0, text: "2021年，本机关主动公开政府信息，依法办理依申请公开，完善政府信息管理制度，建设政府网站专栏。" }], message: "“一、总体情况”没有写到“监督保障”方面" },
    check: s_sec1,
}

fn s_sec1(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if report.section(0).is_none() {
        return;
    }
    let text = section_text(cx, 0);
    let id = RuleId::SSec1;
    for (aspect, words) in SEC1_ASPECTS {
        if words.iter().any(|w| text.contains(w)) {
            continue;
        }
        let mut f = finding(id, messages::sec1_missing(aspect, words));
        f.expected = Some(Quantity::Text((*aspect).to_string()));
        f.locations = heading_location(report, 0);
        sink.push(f);
    }
}

// ------------------------------------------------------------------ S.LEN1

/// The length limit of section 一 (30号: “篇幅原则上不超过一千字”), in Chinese characters.
pub(crate) const SEC1_MAX_CHARS: usize = 1000;

rule! {
    /// 总体情况的篇幅
    ///
    /// 2021 年及以后的年报，“一、总体情况”的正文不超过一千个汉字（只计汉字，不计标题、标点和数字）。
    ///
    /// 依据：国办公开办函〔2021〕30号：总体情况“重在聚焦主题、简明客观，篇幅原则上不超过一千字”。
    SLen1: "S.LEN1", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Filler { section: 0, chars: 1000 }], message: "超过一千字；国办公开办函〔2021〕30号要求总体情况“重在聚焦主题、简明客观，篇幅原则上不超过一千字”" },
    check: s_len1,
}

fn s_len1(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if report.section(0).is_none() || !is_2021_plus(report) {
        return;
    }
    let n: usize = report
        .section_prose(0)
        .map(|p| p.text.chars().filter(|c| is_hanzi(*c)).count())
        .sum();
    if n > SEC1_MAX_CHARS {
        let mut f = finding(RuleId::SLen1, messages::sec1_too_long(n));
        f.expected = Some(Quantity::Int(SEC1_MAX_CHARS as i64));
        f.actual = Some(Quantity::Int(n as i64));
        f.locations = heading_location(report, 0);
        sink.push(f);
    }
}

// ------------------------------------------------------------------ S.SEC5 / S.SEC5PART

const PROBLEM_WORDS: &[&str] = &[
    "问题",
    "不足",
    "差距",
    "短板",
    "薄弱",
    "欠缺",
    "不够",
    "有待",
    "亟待",
    "仍需",
    "尚需",
    "需进一步",
    "不到位",
    "不及时",
    "不高",
    "不强",
    "单一",
    "困难",
    "滞后",
];
/// Words of the remedy half. Generous on purpose (施策, 加强, 提升…): a missed half is only a
/// warning, and offices describe their measures in many ways.
const IMPROVEMENT_WORDS: &[&str] = &[
    "改进",
    "措施",
    "举措",
    "下一步",
    "今后",
    "下阶段",
    "将继续",
    "将进一步",
    "整改",
    "计划",
    "针对",
    "施策",
    "加强",
    "提升",
    "完善",
    "强化",
    "深化",
    "优化",
    "推进",
    "推动",
];

/// Section 五 shorter than this (normalised characters) says too little to name a problem and
/// a remedy.
const SEC5_MIN_CHARS: usize = 20;

rule! {
    /// 问题及改进情况为空
    ///
    /// “五、存在的主要问题及改进情况”有内容，不是空白或只写“无”。
    ///
    /// 依据：条例第五十条第（四）项要求年报包括政府信息公开工作存在的主要问题及改进情况。
    SSec5: "S.SEC5", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Text { section: 4, text: "无。" }], message: "“五、存在的主要问题及改进情况”只写了“无”" },
    check: s_sec5,
}

fn s_sec5(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if report.section(4).is_none() {
        return;
    }
    let text = section_text(cx, 4);
    if text.is_empty() || text == "无" {
        let mut f = finding(RuleId::SSec5, messages::sec5_empty(!text.is_empty()));
        f.locations = heading_location(report, 4);
        sink.push(f);
    }
}

rule! {
    /// 问题及改进情况不完整
    ///
    /// “五、存在的主要问题及改进情况”不少于 20 个字，并且既写问题（问题、不足、差距等）又写改进（改进、措施、下一步等）。
    ///
    /// 依据：国办通知：此项“重在实事求是、明确具体，避免笼统模糊、泛泛而谈。查找问题要有针对性，改进举措要有实效性”。
    SSec5Part: "S.SEC5PART", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Text { section: 4, text: "下一步，我们将丰富政策解读形式，提升政务公开的质量和实效。" }], message: "“五、存在的主要问题及改进情况”只写了改进措施，没有写存在的问题" },
    check: s_sec5_part,
}

fn s_sec5_part(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if report.section(4).is_none() {
        return;
    }
    let text = section_text(cx, 4);
    if text.is_empty() || text == "无" {
        return;
    }
    let id = RuleId::SSec5Part;
    let n = text.chars().count();
    let message = if n < SEC5_MIN_CHARS {
        Some(messages::sec5_short(n))
    } else {
        let problem = PROBLEM_WORDS.iter().any(|w| text.contains(w));
        let improvement = IMPROVEMENT_WORDS.iter().any(|w| text.contains(w));
        (!(problem && improvement)).then(|| messages::sec5_half(problem, improvement))
    };
    if let Some(message) = message {
        let mut f = finding(id, message);
        f.locations = heading_location(report, 4);
        sink.push(f);
    }
}

// ------------------------------------------------------------------ S.SEC6

const FEE_WORDS: &[&str] = &["处理费", "收费", "收取", "费用"];

rule! {
    /// 信息处理费情况
    ///
    /// 2021 年及以后的年报，“六、其他需要报告的事项”说明信息处理费的收取情况（收取金额，或未收取）。
    ///
    /// 依据：国办公开办函〔2021〕30号：“各行政机关依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，在此处专门报告”；表格模板注明“收取信息处理费情况在此处报告”。
    SSec6: "S.SEC6", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Text { section: 5, text: "无。" }], message: "“六、其他需要报告的事项”写的是“无。”，没有说明信息处理费的收取情况" },
    check: s_sec6,
}

fn s_sec6(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if report.section(5).is_none() || !is_2021_plus(report) {
        return;
    }
    let text = section_text(cx, 5);
    if FEE_WORDS.iter().any(|w| text.contains(w)) {
        return;
    }
    // The start of what section 六 says, to quote it.
    let written = report.section_prose(5).next().map(|_| {
        let all: String = report
            .section_prose(5)
            .map(|p| trim_blank(&p.text))
            .collect();
        let mut short: String = all.chars().take(30).collect();
        if all.chars().count() > 30 {
            short.push('…');
        }
        short
    });
    let mut f = finding(RuleId::SSec6, messages::sec6_no_fee(written.as_deref()));
    f.locations = heading_location(report, 5);
    sink.push(f);
}

// ------------------------------------------------------------------ S.GOVEXTRA

const GOV_EXTRA: &[(&str, &[&str])] = &[
    ("工作考核", &["考核"]),
    ("社会评议", &["评议"]),
    ("责任追究", &["责任追究", "追责", "问责", "追究"]),
];

/// A report of a 人民政府 as a whole: the consolidated report of a level of government
/// (本级政府年度报告), or a 乡镇人民政府's. A government office's own-office report (本政府机关)
/// is left out: the results of 工作考核、社会评议、责任追究 belong to the whole government's
/// report, and a missed warning costs less than a false one.
fn is_government(report: &Report) -> bool {
    if report.agency.as_deref().is_some_and(is_zone) {
        return false;
    }
    report.kind.as_ref().is_some_and(|k| match k.kind {
        ReportKind::County
        | ReportKind::Prefecture
        | ReportKind::Province
        | ReportKind::Government => true,
        ReportKind::Township => report
            .agency
            .as_deref()
            .is_some_and(|a| a.ends_with("人民政府")),
        ReportKind::Department => false,
    })
}

/// A development zone, pilot zone or new area (开发区, 综合实验区, 新区 …) or its 管委会: run by an
/// administrative committee, not a 人民政府, so 第五十条第（四）项 does not name it (平潭综合实验区's
/// published 2024 report, tests/fixtures/readers/pingtan_2024_portal.html, has no such results).
fn is_zone(agency: &str) -> bool {
    const ZONES: [&str; 9] = [
        "开发区",
        "实验区",
        "试验区",
        "新区",
        "高新区",
        "园区",
        "合作区",
        "示范区",
        "保税区",
    ];
    let name = agency
        .trim()
        .trim_end_matches("管理委员会")
        .trim_end_matches("管委会");
    name.len() < agency.trim().len() || ZONES.iter().any(|z| name.ends_with(z))
}

rule! {
    /// 人民政府年报的考核评议追责
    ///
    /// 本级政府年度报告（人民政府汇总全辖区的年报）和乡镇人民政府的年报写到工作考核、社会评议和责任追究结果情况；政府办公机构本机关的年报、开发区（实验区、新区等）及其管委会的年报不在此列。
    ///
    /// 依据：条例第五十条第（四）项：“各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况”。
    SGovExtra: "S.GOVEXTRA", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Agency("某某县人民政府"), Edit::Paragraph { section: 0, text: "全县各级行政机关共主动公开政府信息1200条。" }], message: "人民政府的年报没有写到“社会评议”、“责任追究”结果情况" },
    check: s_govextra,
}

fn s_govextra(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if !is_government(report) {
        return;
    }
    let mut text = String::new();
    for p in &report.prose {
        norm_into(&p.text, &mut text);
    }
    let missing: Vec<&str> = GOV_EXTRA
        .iter()
        .filter(|(_, words)| !words.iter().any(|w| text.contains(w)))
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        return;
    }
    let mut f = finding(RuleId::SGovExtra, messages::govextra(&missing));
    f.expected = Some(Quantity::Text(missing.join("、")));
    f.locations = heading_location(report, 0);
    sink.push(f);
}

// ------------------------------------------------------------------ S.ORDER

rule! {
    /// 部分顺序
    ///
    /// 六个部分按一至六的顺序排列，每部分只出现一次；表二、表三、表四分别位于第二、三、四部分之内。只依据各部分最明确的标题判断（序号“二、”优先于无序号的统一格式标题，再优先于“2、”），读作部分标题的小标题不计。
    ///
    /// 依据：统一格式规定了六个部分的顺序和各表所在的部分。
    SOrder: "S.ORDER", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Heading { section: 3, text: "二、主动公开政府信息情况" }], message: "标题“二、主动公开政府信息情况”出现了两次" },
    check: s_order,
}

fn s_order(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::SOrder;
    // Only firm headings (numbering agreeing with the section) decide the order, so a
    // sub-heading of 一 that reads like a section title cannot make a false error.
    let mut firm: Vec<&Section> = report.headings().filter(|s| report.is_firm(s)).collect();
    crate::order::sort_by_key(&mut firm, |s| s.block);

    // Each section once.
    let mut seen: Vec<&Section> = Vec::new();
    for s in &firm {
        if let Some(first) = seen.iter().find(|x| x.index == s.index) {
            let mut f = finding(id, messages::section_twice(&s.text, &first.text));
            f.locations = vec![text_location(&s.span), text_location(&first.span)];
            sink.push(f);
        } else {
            seen.push(s);
        }
    }
    // In order 一 → 六.
    let mut highest: Option<&Section> = None;
    for s in &seen {
        match highest {
            Some(h) if s.index < h.index => {
                let mut f = finding(id, messages::section_order(&s.text, &h.text));
                f.expected = Some(Quantity::Text(
                    formats::SECTIONS
                        .get(s.index)
                        .copied()
                        .unwrap_or("")
                        .to_string(),
                ));
                f.locations = vec![text_location(&s.span), text_location(&h.span)];
                sink.push(f);
            }
            _ => highest = Some(s),
        }
    }
    // Tables 二/三/四 inside their sections.
    for &(kind, block) in &report.table_blocks {
        let own = kind as usize - 1;
        let Some(home) = seen.iter().find(|s| s.index == own) else {
            continue;
        };
        let within = firm.iter().rev().find(|s| s.block < block);
        if within.is_some_and(|w| w.index == own) {
            continue;
        }
        let message = messages::table_outside(kind, within.map(|w| w.text.as_str()), &home.text);
        let mut f = finding(id, message);
        f.table = Some(kind);
        // The misplaced table's first cell (marks the table), then the section it belongs in.
        let first_cell = report
            .physical_tables()
            .into_iter()
            .find(|(_, k)| *k == kind)
            .and_then(|(t, _)| cx.doc.tables.get(t))
            .and_then(|t| t.cells.first().map(|c| (t.index, c.row, c.col)));
        if let Some((table, row, col)) = first_cell {
            f.cells.push(CellRef { table, row, col });
        }
        f.locations.push(text_location(&home.span));
        sink.push(f);
    }
}

// ------------------------------------------------------------------ S.PERIOD

/// A span of dates written `YYYY年M月D日至（YYYY年）M月D日`: byte range, first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateRange {
    pub from: usize,
    pub to: usize,
    pub first: (i32, u32, u32),
    pub last: (i32, u32, u32),
}

/// Reads the digits at `chars[i..]` (ASCII or full-width), at most `max`: value and count.
fn digits(chars: &[(usize, char)], i: usize, max: usize) -> Option<(u32, usize)> {
    let mut v: u32 = 0;
    let mut n = 0;
    while n < max {
        match chars
            .get(i + n)
            .and_then(|(_, c)| fold_width(*c).to_digit(10))
        {
            Some(d) => v = v * 10 + d,
            None => break,
        }
        n += 1;
    }
    (n > 0).then_some((v, n))
}

fn expect(chars: &[(usize, char)], i: usize, options: &[char]) -> Option<usize> {
    chars
        .get(i)
        .filter(|(_, c)| options.contains(c))
        .map(|_| i + 1)
}

/// `YYYY年M月D日` (year optional when `year` is given) at `chars[i..]`: the date and the index
/// after it.
fn date_at(
    chars: &[(usize, char)],
    i: usize,
    year: Option<i32>,
) -> Option<((i32, u32, u32), usize)> {
    let (y, i) = match digits(chars, i, 4) {
        Some((y, 4)) => (y as i32, expect(chars, i + 4, &['年'])?),
        _ => (year?, i),
    };
    let (m, n) = digits(chars, i, 2)?;
    let i = expect(chars, i + n, &['月'])?;
    let (d, n) = digits(chars, i, 2)?;
    let i = expect(chars, i + n, &['日', '号'])?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(((y, m, d), i))
}

/// Every date range of a text.
pub(crate) fn date_ranges(text: &str) -> Vec<DateRange> {
    // A range starts with a whole date (年, 月, then 日 or 号): most paragraphs have no 月.
    if !text.contains('月') {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() && out.len() < 16 {
        let starts_year = digits(&chars, i, 4).is_some_and(|(_, n)| n == 4)
            && (i == 0 || digits(&chars, i - 1, 1).is_none());
        if !starts_year {
            i += 1;
            continue;
        }
        let Some((first, mut j)) = date_at(&chars, i, None) else {
            i += 1;
            continue;
        };
        if let Some(k) = expect(&chars, j, &['起']) {
            j = k;
        }
        while chars
            .get(j)
            .is_some_and(|(_, c)| crate::report::normalize::is_blank(*c))
        {
            j += 1;
        }
        let Some(k) = expect(&chars, j, &['至', '到', '-', '—', '–', '~', '～', '－'])
        else {
            i = j;
            continue;
        };
        j = k;
        while chars
            .get(j)
            .is_some_and(|(_, c)| crate::report::normalize::is_blank(*c) || *c == '—')
        {
            j += 1;
        }
        let Some((last, mut k)) = date_at(&chars, j, Some(first.0)) else {
            i = j;
            continue;
        };
        if let Some(e) = expect(&chars, k, &['止']) {
            k = e;
        }
        out.push(DateRange {
            from: byte_at(i),
            to: byte_at(k),
            first,
            last,
        });
        i = k;
    }
    out
}

/// Words of a comparison with another period (“与2020年1月1日至12月31日相比”).
const COMPARISON_WORDS: &[&str] = &["同比", "相比", "比较", "对比", "环比", "较上年", "较去年"];

/// Words saying that a sentence states the statistics period.
const PERIOD_WORDS: &[&str] = &[
    "统计期限",
    "统计时限",
    "统计期间",
    "统计时间",
    "统计区间",
    "统计范围",
    "数据统计",
    "所列数据",
    "统计数据",
    "报告期",
];

rule! {
    /// 统计期限
    ///
    /// 前言或总体情况写明的统计期限（句中有“统计期限”等字样的日期区间，或 1 月 1 日至 12 月 31 日的区间）正好是报告年度的 1 月 1 日至 12 月 31 日。
    ///
    /// 依据：年报反映报告年度全年的情况；统计期限写错年份常见于沿用往年文稿。
    SPeriod: "S.PERIOD", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "本报告统计期限为2020年1月1日至2020年12月31日。" }], message: "统计期限写作“2020年1月1日至2020年12月31日”，与报告年度 2021 年不符" },
    check: s_period,
}

fn s_period(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let Some(year) = report.year else {
        return;
    };
    let id = RuleId::SPeriod;
    let mut found = 0;
    let prose = report
        .prose
        .iter()
        .filter(|p| matches!(p.section, None | Some(0)));
    for p in prose {
        for r in date_ranges(&p.text) {
            let span = p.span(r.from, r.to);
            let stated = PERIOD_WORDS.iter().any(|w| span.sentence.contains(w));
            let comparison = COMPARISON_WORDS.iter().any(|w| span.sentence.contains(w));
            if comparison && !stated {
                continue;
            }
            let whole_year = (r.first.1, r.first.2) == (1, 1) && (r.last.1, r.last.2) == (12, 31);
            if !stated && !whole_year {
                continue;
            }
            found += 1;
            let right = r.first == (year, 1, 1) && r.last == (year, 12, 31);
            if !right {
                period_finding(id, p, r, span, year, sink);
            }
            if found >= 3 {
                return;
            }
        }
    }
}

fn period_finding(
    id: RuleId,
    p: &ProseParagraph,
    r: DateRange,
    span: TextSpan,
    year: i32,
    sink: &mut Sink,
) {
    let written = p.text.get(r.from..r.to).unwrap_or("").to_string();
    let mut f = finding(id, messages::period(&written, year));
    f.expected = Some(Quantity::Text(messages::period_expected(year)));
    f.actual = Some(Quantity::Text(written));
    f.locations.push(text_location(&span));
    sink.push(f);
}

// ------------------------------------------------------------------ S.DEADLINE / S.DATEEARLY

rule! {
    /// 发布时限
    ///
    /// 落款日期不晚于发布时限：部门、乡镇和本政府机关的年报为次年 1 月 31 日；本级政府汇总的年报县级 2 月 20 日、地市级 3 月 10 日、省级 3 月 31 日。报告类型由机关名称和正文推断，也可由用户指定，提示中写明按哪一类判断。
    ///
    /// 依据：条例第四十九条；国办公开办函〔2021〕30号、〔2019〕60号“二、报告方式及时间”。落款日期是成文日期，不一定是网上发布日期，所以只作警告。
    SDeadline: "S.DEADLINE", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::DateLine(Some("2022年2月1日"))], message: "落款日期 2022年2月1日 晚于发布时限 2022年1月31日" },
    check: s_deadline,
}

fn s_deadline(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let (Some(year), Some((y, m, d)), Some(kind)) =
        (report.year, report.date, report.kind.as_ref())
    else {
        return;
    };
    let (dm, dd) = kind.kind.deadline();
    let due = (year + 1, dm, dd);
    if (y, m, d) <= due {
        return;
    }
    let signed = messages::date(y, m, d);
    let due = messages::date(year + 1, dm, dd);
    let mut f = finding(RuleId::SDeadline, messages::deadline(&signed, &due, kind));
    f.expected = Some(Quantity::Text(due));
    f.actual = Some(Quantity::Text(signed));
    f.locations
        .extend(report.date_span.iter().map(text_location));
    sink.push(f);
}

rule! {
    /// 落款日期早于年度结束
    ///
    /// 落款日期在报告年度结束之后（不早于次年 1 月 1 日）。
    ///
    /// 依据：年报报告全年情况，报告年度结束前写成的年报不可能完整。
    SDateEarly: "S.DATEEARLY", Error,
    example: Example { format: Format::F2021, edits: &[Edit::DateLine(Some("2021年12月20日"))], message: "落款日期 2021年12月20日 不晚于报告年度 2021 年的最后一天" },
    check: s_date_early,
}

fn s_date_early(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let (Some(year), Some((y, m, d))) = (report.year, report.date) else {
        return;
    };
    if (y, m, d) > (year, 12, 31) {
        return;
    }
    let signed = messages::date(y, m, d);
    let mut f = finding(RuleId::SDateEarly, messages::date_early(&signed, year));
    f.expected = Some(Quantity::Text(messages::date(year + 1, 1, 1)));
    f.actual = Some(Quantity::Text(signed));
    f.locations
        .extend(report.date_span.iter().map(text_location));
    sink.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_read_the_usual_writings() {
        let r = date_ranges("本报告统计期限自2021年1月1日起至2021年12月31日止。");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].first, (2021, 1, 1));
        assert_eq!(r[0].last, (2021, 12, 31));
        let r = date_ranges("统计时限为2022年1月1日至12月31日");
        assert_eq!(r[0].last, (2022, 12, 31));
        let r = date_ranges("２０２１年１月１日—２０２１年１２月３１日");
        assert_eq!(r[0].last, (2021, 12, 31));
        assert!(date_ranges("2021年1月1日起施行").is_empty());
        assert!(date_ranges("12021年1月1日至2月1日").is_empty());
    }

    #[test]
    fn hanzi_count_ignores_punctuation_and_digits() {
        let n = "一、总体情况：2021年，共1件。"
            .chars()
            .filter(|c| is_hanzi(*c))
            .count();
        assert_eq!(n, 8);
    }
}
