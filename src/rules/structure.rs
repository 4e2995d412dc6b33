//! Rules on the report as a whole: format and year, tables, sections, date, several reports, ambiguous readings.

use super::*;

pub(super) fn s_format(report: &Report, sink: &mut Sink) {
    let info = info("S.FMT");
    if let (Some(a), Some(b)) = (report.format_t3, report.format_t2) {
        if a != b {
            sink.push(finding(
                info,
                format!(
                    "表格格式前后不一致：表三是{}，表二却是{}；同一份年报应统一使用一种格式",
                    a.label(),
                    b.label()
                ),
            ));
        }
    }
    let (Some(year), Some(format)) = (report.year, report.format) else {
        return;
    };
    match Format::required_for(year) {
        Some(required) if required != format => {
            let mut f = finding(
                info,
                format!(
                    "{year} 年度的年报应使用{}，本报告使用的是{}",
                    required.label(),
                    format.label()
                ),
            );
            f.expected = Some(Quantity::Text(required.as_str().to_string()));
            f.actual = Some(Quantity::Text(format.as_str().to_string()));
            sink.push(f);
        }
        None => sink.push(finding(
            info,
            format!("{year} 年度的年报早于统一格式（2019 年起施行），不适用本工具的检查"),
        )),
        _ => {}
    }
}

pub(super) fn s_year(report: &Report, sink: &mut Sink) {
    let info = info("S.YEAR");
    let Some(year) = report.year else {
        let mut f = finding(info, "未能确定报告年度：标题、正文开头和落款日期中都没有找到年份；请在标题中写明“XXXX年政府信息公开工作年度报告”".to_string());
        f.severity = Severity::Error;
        sink.push(f);
        return;
    };
    if let (Some(t), Some(x)) = (report.title_year, report.text_year) {
        if t != x {
            let mut f = finding(
                info,
                format!("标题写的是 {t} 年度，正文开头却写 {x} 年；请核对是否沿用了往年的文字"),
            );
            f.expected = Some(Quantity::Int(t as i64));
            f.actual = Some(Quantity::Int(x as i64));
            f.locations.extend(
                report
                    .text_year_span
                    .iter()
                    .chain(&report.title_span)
                    .map(text_location),
            );
            sink.push(f);
        }
    }
    if let Some((y, m, d)) = report.date {
        if y != year + 1 {
            let mut f = finding(info, format!("落款日期 {y}年{m}月{d}日 与报告年度 {year} 不符：年报应在次年（{} 年）1 月 31 日前发布", year + 1));
            f.expected = Some(Quantity::Int(year as i64 + 1));
            f.actual = Some(Quantity::Int(y as i64));
            f.locations
                .extend(report.date_span.iter().map(text_location));
            sink.push(f);
        }
    }
}

pub(super) fn s_tables(report: &Report, sink: &mut Sink) {
    let info = info("S.TABLES");
    let missing = [
        (report.t2.is_none(), 2u8, "表二（二、主动公开政府信息情况）"),
        (
            report.t3.is_none(),
            3,
            "表三（三、收到和处理政府信息公开申请情况）",
        ),
        (
            report.t4.is_none(),
            4,
            "表四（四、政府信息公开行政复议、行政诉讼情况）",
        ),
    ];
    for (absent, t, name) in missing {
        if absent {
            let mut f = finding(
                info,
                format!("未找到{name}；年报必须按统一格式列出该表（若是图片，请改为 Word 表格）"),
            );
            f.table = Some(t);
            sink.push(f);
        }
    }
}

pub(super) fn s_sections(report: &Report, sink: &mut Sink) {
    let info = info("S.SECT");
    for (i, title) in formats::SECTIONS.iter().enumerate() {
        if !report.sections.iter().any(|s| s.index == i) {
            sink.push(finding(
                info,
                format!("未找到“{title}”部分；年报的六个部分缺一不可（条例第五十条）"),
            ));
        }
    }
}

pub(super) fn s_title_variants(report: &Report, sink: &mut Sink) {
    let info = info("S.TITLEVAR");
    const CN: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
    for s in &report.sections {
        let official = formats::SECTIONS.get(s.index).copied().unwrap_or("");
        let numeral = CN.get(s.index).copied().unwrap_or("");
        let mut problems = Vec::new();
        if !s.standard_title {
            problems.push("标题文字与统一格式不同".to_string());
        }
        match s.number {
            Some(HeadingNumber::Chinese(n)) if n as usize != s.index + 1 => {
                problems.push(format!("序号应为“{numeral}、”"))
            }
            Some(HeadingNumber::Arabic(_)) => {
                problems.push(format!("序号应为“{numeral}、”而不是阿拉伯数字"))
            }
            None if !s.auto_numbered => problems.push(format!("缺少序号“{numeral}、”")),
            _ => {}
        }
        if !problems.is_empty() {
            let mut f = finding(
                info,
                format!(
                    "标题“{}”{}；统一格式为“{official}”",
                    s.text,
                    problems.join("，")
                ),
            );
            f.expected = Some(Quantity::Text(official.to_string()));
            f.actual = Some(Quantity::Text(s.text.clone()));
            f.locations.push(text_location(&s.span));
            sink.push(f);
        }
    }
}

pub(super) fn s_date(report: &Report, sink: &mut Sink) {
    if report.date.is_none() {
        sink.push(finding(
            info("S.DATE"),
            "正文末尾没有找到落款日期（如“2022年1月20日”）；年报应注明发布单位和日期".to_string(),
        ));
    }
}

pub(super) fn s_multi(report: &Report, sink: &mut Sink) {
    if report.report_count > 1 {
        sink.push(finding(
            info("S.MULTI"),
            format!("文档中似乎有 {} 份年报（统计表重复出现），本次只检查了第 1 份；请把每份年报保存为单独的文件再分别检查", report.report_count),
        ));
    }
}

pub(super) fn s_ambiguous(report: &Report, sink: &mut Sink) {
    let info = info("S.AMBIG");
    for note in &report.ambiguities {
        sink.push(finding(
            info,
            format!("{note}；请核对表格是否有重复或多余的行列"),
        ));
    }
    if let Some(t3) = &report.t3 {
        for key in &t3.duplicate_rows {
            let i = idx(key);
            let mut f = finding(
                info,
                format!(
                    "表三「{}」行出现了不止一次，只读取了第一次出现的数字",
                    t3_row_name(i)
                ),
            );
            f.table = Some(3);
            f.row = t3_row_path(i);
            sink.push(f);
        }
    }
}
