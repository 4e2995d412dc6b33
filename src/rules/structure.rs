//! Rules on the report as a whole: format and year, tables, sections, date, several reports, ambiguous readings.

use super::*;

rule! {
    /// 格式与年度
    ///
    /// 2021 年及以后的年报使用 2021 年版格式，2019、2020 年度使用 2019 年版格式。表二、表三分属两种格式时见 S.HYBRID。
    ///
    /// 依据：国办公开办函〔2021〕30号自 2021 年度年报起施行；〔2019〕60号适用于 2019、2020 年度。
    SFmt: "S.FMT", Error,
    example: Example { format: Format::F2019, edits: &[Edit::Year(2021)], message: "2021 年度的年报应使用2021 年版格式（国办公开办函〔2021〕30号），本报告使用的是2019 年版格式（国办公开办函〔2019〕60号）" },
    check: s_format,
}

fn s_format(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::SFmt;
    if let (Some(a), Some(b), None) = (report.format_t3, report.format_t2, report.hybrid) {
        if a != b {
            sink.push(finding(id, messages::mixed_formats(a.label(), b.label())));
        }
    }
    let (Some(year), Some(format)) = (report.year, report.format) else {
        return;
    };
    match Format::required_for(year) {
        Some(required) if required != format => {
            let mut f = finding(
                id,
                messages::wrong_format(year, required.label(), format.label()),
            );
            f.expected = Some(Quantity::Text(required.as_str().to_string()));
            f.actual = Some(Quantity::Text(format.as_str().to_string()));
            sink.push(f);
        }
        None => sink.push(finding(id, messages::before_formats(year))),
        _ => {}
    }
}

rule! {
    /// 缺少报告年度
    ///
    /// 标题、正文开头和落款日期中都找不到报告年度。
    ///
    /// 依据：年度决定适用的格式和发布时限，无法确定年度时许多检查无从进行。
    SNoYear: "S.NOYEAR", Error,
    example: Example { format: Format::F2021, edits: &[Edit::NoYear], message: "未能确定报告年度：标题、正文开头和落款日期中都没有找到年份；请在标题中写明“XXXX年政府信息公开工作年度报告”" },
    check: s_no_year,
}

fn s_no_year(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if report.year.is_none() {
        sink.push(finding(RuleId::SNoYear, messages::NO_YEAR.to_string()));
    }
}

rule! {
    /// 报告年度
    ///
    /// 标题与正文开头的年份一致；落款在次年。
    ///
    /// 依据：年度决定适用的格式和发布时限；年份不一致常见于沿用往年文稿。
    SYear: "S.YEAR", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "2020年，本机关继续推进政务公开。" }], message: "标题写的是 2021 年度，正文开头却写 2020 年；请核对是否沿用了往年的文字" },
    check: s_year,
}

fn s_year(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::SYear;
    let Some(year) = report.year else {
        return;
    };
    if let (Some(t), Some(x)) = (report.title_year, report.text_year) {
        if t != x {
            let mut f = finding(id, messages::year_mismatch(t, x));
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
            let mut f = finding(id, messages::date_year(y, m, d, year));
            f.expected = Some(Quantity::Int(year as i64 + 1));
            f.actual = Some(Quantity::Int(y as i64));
            f.locations
                .extend(report.date_span.iter().map(text_location));
            sink.push(f);
        }
    }
}

rule! {
    /// 三张统计表
    ///
    /// 表二、表三、表四都能在文档中找到（作为 Word 表格）。
    ///
    /// 依据：统一格式要求年报包含这三张表。
    STables: "S.TABLES", Error,
    example: Example { format: Format::F2021, edits: &[Edit::OmitTable(4)], message: "未找到表四（四、政府信息公开行政复议、行政诉讼情况）；年报必须按统一格式列出该表（若是图片，请改为 Word 表格）" },
    check: s_tables,
}

fn s_tables(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::STables;
    let missing = [
        (report.t2.is_none(), 2u8),
        (report.t3.is_none(), 3),
        (report.t4.is_none(), 4),
    ];
    for (absent, t) in missing {
        if absent {
            let mut f = finding(id, messages::missing_table(t));
            f.table = Some(t);
            sink.push(f);
        }
    }
}

rule! {
    /// 六个部分
    ///
    /// 年报包含“一、总体情况”至“六、其他需要报告的事项”六个部分（标题可为通知中的等效表述，序号可为自动编号）。
    ///
    /// 依据：《政府信息公开条例》第五十条规定了年报内容；国办通知要求“不能遗漏”。
    SSect: "S.SECT", Error,
    example: Example { format: Format::F2021, edits: &[Edit::RemoveSection(4)], message: "未找到“五、存在的主要问题及改进情况”部分；年报的六个部分缺一不可（条例第五十条）" },
    check: s_sections,
}

fn s_sections(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::SSect;
    for (i, title) in formats::SECTIONS.iter().enumerate() {
        if !report.sections.iter().any(|s| s.index == i) {
            sink.push(finding(id, messages::missing_section(title)));
        }
    }
}

rule! {
    /// 部分标题写法
    ///
    /// 六个部分的标题文字和序号与统一格式一致（如“2、”应为“二、”，缺少“一、”）。
    ///
    /// 依据：统一格式规定了各部分标题；评估机构会检查格式规范。
    STitleVar: "S.TITLEVAR", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Heading { section: 1, text: "2、主动公开政府信息情况" }], message: "标题“2、主动公开政府信息情况”序号应为“二、”而不是阿拉伯数字；统一格式为“二、主动公开政府信息情况”" },
    check: s_title_variants,
}

fn s_title_variants(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::STitleVar;
    for s in &report.sections {
        let official = formats::SECTIONS.get(s.index).copied().unwrap_or("");
        let mut problems = Vec::new();
        if !s.standard_title {
            problems.push(HeadingProblem::Wording);
        }
        match s.number {
            Some(HeadingNumber::Chinese(n)) if n as usize != s.index + 1 => {
                problems.push(HeadingProblem::WrongNumber)
            }
            Some(HeadingNumber::Arabic(_)) => problems.push(HeadingProblem::ArabicNumber),
            None if !s.auto_numbered => problems.push(HeadingProblem::NoNumber),
            _ => {}
        }
        if !problems.is_empty() {
            let mut f = finding(id, messages::heading(&s.text, &problems, s.index, official));
            f.expected = Some(Quantity::Text(official.to_string()));
            f.actual = Some(Quantity::Text(s.text.clone()));
            f.locations.push(text_location(&s.span));
            sink.push(f);
        }
    }
}

rule! {
    /// 落款日期
    ///
    /// 正文末尾有落款日期（如“2022年1月20日”）。
    ///
    /// 依据：年报应在次年 1 月 31 日前发布，落款日期是判断是否按时的依据之一。
    SDate: "S.DATE", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::DateLine(None)], message: "正文末尾没有找到落款日期（如“2022年1月20日”）；年报应注明发布单位和日期" },
    check: s_date,
}

fn s_date(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if report.date.is_none() {
        sink.push(finding(RuleId::SDate, messages::NO_DATE.to_string()));
    }
}

rule! {
    /// 多份年报
    ///
    /// 一个文档中只有一份年报。
    ///
    /// 依据：多份年报放在一个文件里时容易混淆；本工具逐份检查，每份单独给出结果并注明是第几份。
    SMulti: "S.MULTI", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::SecondReport], message: "文档中有 2 份年报（统计表重复出现），这是第 1 份的检查结果，每份分别检查；建议把每份年报保存为单独的文件" },
    check: s_multi,
}

fn s_multi(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if report.report_count > 1 {
        sink.push(finding(
            RuleId::SMulti,
            messages::several_reports(report.report_count, report.index),
        ));
    }
}

rule! {
    /// 读取有歧义
    ///
    /// 表格中某行、某栏出现不止一次、数字找不到对应栏目，或一个标题与统一格式的两项都相近（如“予以公开和部分公开”）时，说明采用了哪种读法；两项相争的标题不予读取。
    ///
    /// 依据：有歧义时明确告知，而不是悄悄猜测。
    SAmbig: "S.AMBIG", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::T3Label { row: "withheld_2", text: "1.属于国家秘密" }], message: "表三「（三）不予公开1.属于国家秘密」行出现了不止一次，只读取了第一次出现的数字" },
    check: s_ambiguous,
}

fn s_ambiguous(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::SAmbig;
    for a in &report.ambiguities {
        let mut f = finding(id, messages::ambiguity_finding(a));
        f.cells = a.cells();
        sink.push(f);
    }
    for c in &report.label_conflicts {
        let mut f = finding(
            id,
            messages::label_conflict(c.table, &c.written, &c.candidates),
        );
        f.table = Some(c.table);
        f.actual = Some(Quantity::Text(c.written.clone()));
        f.cells = c.cells.clone();
        sink.push(f);
    }
    if let Some(t3) = &report.t3 {
        for key in &t3.duplicate_rows {
            let i = idx(key);
            let mut f = finding(id, messages::t3_duplicate_row(&t3_row_name(i)));
            f.table = Some(3);
            f.row = t3_row_path(i);
            sink.push(f);
        }
    }
}

rule! {
    /// 标题与统一格式不一致
    ///
    /// 表格的行标题、栏标题与统一格式有出入（错字、漏字、多字、字序颠倒），但仍能唯一对应到统一格式的某一项；数字按该项读取并参与检查。序号写法（1.、1、、（1））、空格和换行的差异不算。
    ///
    /// 依据：统一格式规定了表格各项的名称；标题改动后容易让读者和汇总统计对错行。把读法说出来，而不是悄悄猜测。
    SLabel: "S.LABEL", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::T3Label { row: "withheld_2", text: "2.其他法律行政止公开" }], message: "表三中的标题写作「2.其他法律行政止公开」，与统一格式的「2.其他法律行政法规禁止公开」不完全一致，已按「2.其他法律行政法规禁止公开」读取；请核对并改用统一格式的标题" },
    check: s_label,
}

fn s_label(cx: &RuleContext<'_>, sink: &mut Sink) {
    for v in &cx.report.label_variants {
        let mut f = finding(
            RuleId::SLabel,
            messages::label_variant(v.table, &v.written, &v.official),
        );
        f.table = Some(v.table);
        f.expected = Some(Quantity::Text(v.official.clone()));
        f.actual = Some(Quantity::Text(v.written.clone()));
        f.cells = v.cells.clone();
        sink.push(f);
    }
}

rule! {
    /// 两种格式混用
    ///
    /// 表二与表三分属 2019 年版和 2021 年版格式（如 2021 年版表二配 2019 年版表三的单行“（六）其他处理”）。按年度应使用的格式认定报告格式，各表仍按其实有的行列读取和核对，并指出混用的部分。
    ///
    /// 依据：两种格式的差别只在表二的栏目和表三“（六）其他处理”的分项；数字仍能核对，混用是格式问题而不是数字错误，因此给出一条警告而不是让检查失效。
    SHybrid: "S.HYBRID", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::T3In2019Format], message: "表三「（六）其他处理」是 2019 年版格式的单行（2021 年版格式（国办公开办函〔2021〕30号）将其分为 3 个子项），其余部分为2021 年版格式（国办公开办函〔2021〕30号）；已按表中实有的行核对各项数字" },
    check: s_hybrid,
}

fn s_hybrid(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let (Some(piece), Some(format)) = (report.hybrid, report.format) else {
        return;
    };
    let piece_format = if piece == 3 {
        report.format_t3
    } else {
        report.format_t2
    };
    let message = messages::hybrid(
        piece,
        piece_format == Some(Format::F2019),
        piece_format.map(|f| f.label()).unwrap_or(""),
        format.label(),
    );
    let mut f = finding(RuleId::SHybrid, message);
    f.table = Some(piece);
    f.expected = Some(Quantity::Text(format.as_str().to_string()));
    f.actual = Some(Quantity::Text(
        piece_format
            .map(|f| f.as_str().to_string())
            .unwrap_or_default(),
    ));
    sink.push(f);
}
