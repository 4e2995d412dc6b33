//! Rules across reports: the previous-year report of the same agency (carry-over of table 三,
//! roll-forward of table 二, text copied from last year) and the batch (the same agency and year
//! twice, an explicitly named previous file that cannot be compared).
//!
//! A finding is listed on the later report: its cells are the later report's, and the previous
//! report's cell or text follows in `locations` with `doc: 1`.

use super::t2::t2_get_int;
use super::*;
use crate::report::pairing::{agency_key, compare, Likeness};

/// Where a finding points in the previous-year document.
fn prev_cell(p: &Previous<'_>, cell: CellRef) -> Location {
    Location::cell(1, p.report.index, cell)
}

/// "上一年度（2021 年）报告".
fn prev_name(p: &Previous<'_>) -> String {
    messages::previous_report(p.report.year)
}

rule! {
    /// 上一年度报告配对
    ///
    /// 用户指定的上一年度报告无法对比（文件无法读取，或不是本报告的上一年度），或两份报告的机关名称不同。
    ///
    /// 依据：跨年度核对只对同一机关相邻两个年度的报告有意义；自动配对要求机关名称和年度都相符，用户指定时也应核对，以免把别的机关或别的年度的数字当作上一年度。
    MPair: "M.PAIR", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::PreviousYear { format: Format::F2019, edits: &[Edit::Agency("某某县卫生健康委员会")] }], message: "指定的上一年度报告的机关是“某某县卫生健康委员会”，本报告是“某某县卫生健康局”，名称不同" },
    check: m_pair,
}

fn m_pair(cx: &RuleContext<'_>, sink: &mut Sink) {
    let id = RuleId::MPair;
    if let Some(reason) = cx.batch.previous_unusable {
        sink.push(finding(id, messages::pair_unusable(reason)));
        return;
    }
    if !cx.batch.previous_ambiguous.is_empty() && cx.previous.is_none() {
        sink.push(finding(
            id,
            messages::previous_ambiguous(cx.report.year, cx.batch.previous_ambiguous),
        ));
    }
    if !cx.batch.likely_previous.is_empty() && cx.previous.is_none() {
        sink.push(finding(
            id,
            messages::previous_likely(cx.batch.likely_previous),
        ));
    }
    let Some(p) = cx.previous.filter(|p| p.explicit) else {
        return;
    };
    if cx.previous_year().is_none() {
        sink.push(finding(
            id,
            messages::pair_not_consecutive(p.report.year, cx.report.year),
        ));
        return;
    }
    if let (Some(then), Some(now)) = (&p.report.agency, &cx.report.agency) {
        if compare(&agency_key(then), &agency_key(now)) != Likeness::Same {
            sink.push(finding(id, messages::pair_other_agency(then, now)));
        }
    }
}

rule! {
    /// 同一机关同一年度的报告重复
    ///
    /// 同一批文件中，同一机关、同一年度的报告不止一份。
    ///
    /// 依据：每个机关每年发布一份年度报告；两份同年度的报告通常是重复的文件，或其中一份的年度写错了（跨年度核对会因此无法确定上一年度）。
    MDupYear: "M.DUPYEAR", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::SameYearAgain], message: "同一批文件中还有另一份「某某县卫生健康局」2021 年度的报告" },
    check: m_dup_year,
}

fn m_dup_year(cx: &RuleContext<'_>, sink: &mut Sink) {
    if cx.batch.same_year.is_empty() {
        return;
    }
    let (Some(agency), Some(year)) = (&cx.report.agency, cx.report.year) else {
        return;
    };
    let mut f = finding(
        RuleId::MDupYear,
        messages::same_year_twice(agency, year, cx.batch.same_year),
    );
    f.locations
        .extend(cx.report.title_span.iter().map(text_location));
    sink.push(f);
}

rule! {
    /// 表三跨年度结转
    ///
    /// 本年表三“二、上年结转政府信息公开申请数量”每一列，等于上一年度报告表三“四、结转下年度继续办理”的同一列。
    ///
    /// 依据：上一年度结转下年度继续办理的申请，就是本年度的上年结转申请（由定义得出）；需要同时提供两个年度的报告。
    T3XYear: "T3.XYEAR", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T3Row { row: "carried_over", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [1, 0, 0, 0, 0, 0] }, Edit::PreviousYear { format: Format::F2019, edits: &[] }], message: "表三「二、上年结转政府信息公开申请数量」「自然人」列为 1，而上一年度（2020 年）报告表三「四、结转下年度继续办理」同列为 0" },
    check: t3_carry_over,
}

fn t3_carry_over(cx: &RuleContext<'_>, sink: &mut Sink) {
    let Some(p) = cx.previous_year() else { return };
    let (carried_over, carried_forward) = (idx("carried_over"), idx("carried_forward"));
    for c in 0..T3_COLUMNS.len() {
        let (Some(now), Some(then)) = (
            t3_int(cx.report, carried_over, c),
            t3_int(p.report, carried_forward, c),
        ) else {
            continue;
        };
        if now.0 == then.0 {
            continue;
        }
        let mut f = finding(
            RuleId::T3XYear,
            messages::carry_over(
                &t3_row_name(carried_over),
                t3_col_name(c),
                now.0,
                &prev_name(&p),
                &t3_row_name(carried_forward),
                then.0,
            ),
        );
        f.table = Some(3);
        f.row = t3_row_path(carried_over);
        f.column = formats::t3_column_path(c);
        f.expected = Some(Quantity::Int(then.0));
        f.actual = Some(Quantity::Int(now.0));
        f.cells = vec![now.1];
        f.locations.push(prev_cell(&p, then.1));
        sink.push(f);
    }
}

/// Both reports' table 二 in the 2021 format: the previous year's report and this one.
fn t2_pair_2021<'a>(cx: &RuleContext<'a>) -> Option<Previous<'a>> {
    let p = cx.previous_year()?;
    (cx.report.t2.is_some()
        && p.report.t2.is_some()
        && cx.report.t2_format() == Format::F2021
        && p.report.t2_format() == Format::F2021)
        .then_some(p)
}

const T2_DOCUMENT_ROWS: [&str; 2] = ["规章", "行政规范性文件"];

rule! {
    /// 表二现行有效件数跨年度衔接
    ///
    /// 2021 年版表二：规章、行政规范性文件的现行有效件数，等于上一年度报告的现行有效件数加本年制发件数、减本年废止件数。
    ///
    /// 依据：国办公开办函〔2021〕30号：“各项数据核定时间点为报告年度的12月31日”，现行有效件数是年末存量；文件修订或自然失效也会改变存量，所以只作提示。
    T2Valid: "T2.VALID", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Year(2022), Edit::T2 { row: "规章", col: 2, text: "2" }, Edit::PreviousYear { format: Format::F2021, edits: &[Edit::T2 { row: "规章", col: 2, text: "3" }] }], message: "表二「规章」现行有效件数为 2，按上一年度（2021 年）报告的现行有效 3 件加本年制发 0 件、减本年废止 0 件应为 3" },
    check: t2_valid_roll_forward,
}

fn t2_valid_roll_forward(cx: &RuleContext<'_>, sink: &mut Sink) {
    let Some(p) = t2_pair_2021(cx) else { return };
    for row in T2_DOCUMENT_ROWS {
        let (Some(made), Some(repealed), Some(valid), Some(before)) = (
            t2_get_int(cx.report, row, "本年制发件数"),
            t2_get_int(cx.report, row, "本年废止件数"),
            t2_get_int(cx.report, row, "现行有效件数"),
            t2_get_int(p.report, row, "现行有效件数"),
        ) else {
            continue;
        };
        let expected = before.0 + made.0 - repealed.0;
        if valid.0 == expected {
            continue;
        }
        let mut f = finding(
            RuleId::T2Valid,
            messages::t2_valid(
                row,
                valid.0,
                &prev_name(&p),
                before.0,
                made.0,
                repealed.0,
                expected,
            ),
        );
        f.table = Some(2);
        f.row = label_path(&["第二十条第（一）项", row]);
        f.column = label_path(&["现行有效件数"]);
        f.expected = Some(Quantity::Int(expected));
        f.actual = Some(Quantity::Int(valid.0));
        f.cells = vec![valid.1, made.1, repealed.1];
        f.locations.push(prev_cell(&p, before.1));
        sink.push(f);
    }
}

rule! {
    /// 表二废止件数上限
    ///
    /// 2021 年版表二：本年废止件数不超过上一年度报告的现行有效件数加本年制发件数。
    ///
    /// 依据：能废止的只有年初现行有效的文件和本年新制发的文件（由定义得出）；需要同时提供两个年度的报告。
    T2Repeal: "T2.REPEAL", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Year(2022), Edit::T2 { row: "规章", col: 1, text: "2" }, Edit::PreviousYear { format: Format::F2021, edits: &[Edit::T2 { row: "规章", col: 2, text: "1" }] }], message: "表二「规章」本年废止 2 件，多于上一年度（2021 年）报告的现行有效 1 件与本年制发 0 件之和 1" },
    check: t2_repeal_bound,
}

fn t2_repeal_bound(cx: &RuleContext<'_>, sink: &mut Sink) {
    let Some(p) = t2_pair_2021(cx) else { return };
    for row in T2_DOCUMENT_ROWS {
        let (Some(made), Some(repealed), Some(before)) = (
            t2_get_int(cx.report, row, "本年制发件数"),
            t2_get_int(cx.report, row, "本年废止件数"),
            t2_get_int(p.report, row, "现行有效件数"),
        ) else {
            continue;
        };
        let bound = before.0 + made.0;
        if repealed.0 <= bound {
            continue;
        }
        let mut f = finding(
            RuleId::T2Repeal,
            messages::t2_repeal(row, repealed.0, &prev_name(&p), before.0, made.0, bound),
        );
        f.table = Some(2);
        f.row = label_path(&["第二十条第（一）项", row]);
        f.column = label_path(&["本年废止件数"]);
        f.expected = Some(Quantity::Int(bound));
        f.actual = Some(Quantity::Int(repealed.0));
        f.cells = vec![repealed.1, made.1];
        f.locations.push(prev_cell(&p, before.1));
        sink.push(f);
    }
}

rule! {
    /// 2019 年版表二跨年度衔接
    ///
    /// 2019 年版表二（2019→2020 两个年度）：本年的“上一年项目数量”等于上一年度报告的“上一年项目数量”加“本年增/减”；规章、规范性文件的对外公开总数量不少于上一年度。
    ///
    /// 依据：上一年度年末的项目数量就是本年的“上一年项目数量”（由定义得出）；已公开的文件一般不会减少，废止的文件不计入时可能减少，所以只作提示。
    T2Prev19: "T2.PREV19", Warning,
    example: Example { format: Format::F2019, edits: &[Edit::T2 { row: "行政许可", col: 0, text: "4" }, Edit::PreviousYear { format: Format::F2019, edits: &[Edit::T2 { row: "行政许可", col: 0, text: "3" }, Edit::T2 { row: "行政许可", col: 1, text: "2" }] }], message: "表二「行政许可」上一年项目数量为 4，按上一年度（2019 年）报告的上一年项目数量 3 加本年增/减 2 应为 5" },
    check: t2_roll_forward_2019,
}

fn t2_roll_forward_2019(cx: &RuleContext<'_>, sink: &mut Sink) {
    let Some(p) = cx.previous_year() else { return };
    if cx.report.t2.is_none()
        || p.report.t2.is_none()
        || cx.report.t2_format() != Format::F2019
        || p.report.t2_format() != Format::F2019
    {
        return;
    }
    let id = RuleId::T2Prev19;
    for row in formats::t2_rows(Format::F2019) {
        if !row.columns.iter().any(|(c, _)| *c == "上一年项目数量") {
            continue;
        }
        let label = row.label;
        let (Some(now), Some(base), Some(change)) = (
            t2_get_int(cx.report, label, "上一年项目数量"),
            t2_get_int(p.report, label, "上一年项目数量"),
            t2_get_int(p.report, label, "本年增/减"),
        ) else {
            continue;
        };
        let expected = base.0 + change.0;
        if now.0 == expected {
            continue;
        }
        let mut f = finding(
            id,
            messages::t2_prev19_items(label, now.0, &prev_name(&p), base.0, change.0, expected),
        );
        f.table = Some(2);
        f.row = label_path(&[row.caption, label]);
        f.column = label_path(&["上一年项目数量"]);
        f.expected = Some(Quantity::Int(expected));
        f.actual = Some(Quantity::Int(now.0));
        f.cells = vec![now.1];
        f.locations.push(prev_cell(&p, base.1));
        f.locations.push(prev_cell(&p, change.1));
        sink.push(f);
    }
    for label in ["规章", "规范性文件"] {
        let (Some(now), Some(then)) = (
            t2_get_int(cx.report, label, "对外公开总数量"),
            t2_get_int(p.report, label, "对外公开总数量"),
        ) else {
            continue;
        };
        if now.0 >= then.0 {
            continue;
        }
        let mut f = finding(
            id,
            messages::t2_prev19_total(label, now.0, &prev_name(&p), then.0),
        );
        f.table = Some(2);
        f.row = label_path(&["第二十条第（一）项", label]);
        f.column = label_path(&["对外公开总数量"]);
        f.expected = Some(Quantity::Int(then.0));
        f.actual = Some(Quantity::Int(now.0));
        f.cells = vec![now.1];
        f.locations.push(prev_cell(&p, then.1));
        sink.push(f);
    }
}

rule! {
    /// 两年表二格式不同
    ///
    /// 上一年度报告与本报告的表二格式不同（2020 年度用 2019 年版，2021 年度起用 2021 年版），表二不做跨年度核对（T2.VALID、T2.REPEAL、T2.PREV19），只作说明；表三的结转照常核对。
    ///
    /// 依据：2021 年版表二的栏目（本年制发件数、本年废止件数、现行有效件数）与 2019 年版（本年新制作数量、本年新公开数量、对外公开总数量）含义不同，不能互相推算；规则目录没有“提示”级别，用警告告诉使用者这一项需要人工核对。
    T2XFmt: "T2.XFMT", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::PreviousYear { format: Format::F2019, edits: &[] }], message: "两个年度的表二栏目不同，表二不做跨年度核对" },
    check: t2_cross_format,
}

fn t2_cross_format(cx: &RuleContext<'_>, sink: &mut Sink) {
    let Some(p) = cx.previous_year() else { return };
    if cx.report.t2.is_none() || p.report.t2.is_none() {
        return;
    }
    let (then, now) = (p.report.t2_format(), cx.report.t2_format());
    if then == now {
        return;
    }
    let mut f = finding(
        RuleId::T2XFmt,
        messages::t2_cross_format(&prev_name(&p), then.label(), now.label()),
    );
    f.table = Some(2);
    sink.push(f);
}

/// Shortest section text (characters kept by [`norm`]) compared by S.DUP: short sections
/// ("无。", one sentence) are alike every year without being copied.
const DUP_MIN_CHARS: usize = 80;

/// Similarity (Sørensen–Dice over character bigrams) from which a section counts as copied.
const DUP_SIMILARITY: f64 = 0.9;

rule! {
    /// 正文沿用上一年度
    ///
    /// 第一部分（总体情况）或第五部分（存在的主要问题及改进情况）的文字与同一机关上一年度报告的同一部分九成以上相同（需要两个年度的报告）；或正文把上一年写成报告年度（如 2023 年度报告写“2022年，我局……”“2022年政府信息公开工作年度报告”）。
    ///
    /// 依据：国办公开办函〔2021〕30号、〔2019〕60号：年度报告“不得出现敷衍了事甚至年年雷同现象”，对“内容雷同”的要通报；相似度按相邻两字（字符二元组）的 Dice 系数计算，只比较 80 字以上的部分。
    SDup: "S.DUP", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Text { section: 0, text: DUP_EXAMPLE_TEXT }, Edit::PreviousYear { format: Format::F2019, edits: &[Edit::Text { section: 0, text: DUP_EXAMPLE_TEXT }] }], message: "第一部分（总体情况）的文字与上一年度（2020 年）报告的同一部分相似度为 100%" },
    check: s_dup,
}

const DUP_EXAMPLE_TEXT: &str = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障等方面扎实推进政务公开工作，各项工作取得积极成效，公众满意度不断提升。";

/// Sørensen–Dice coefficient over character bigrams (multiset), 0.0 to 1.0. Hand-written:
/// strsim's `sorensen_dice` divides by byte lengths, which understates the similarity of
/// Chinese text threefold.
fn dice(a: &str, b: &str) -> f64 {
    use std::collections::HashMap;
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() < 2 || b.len() < 2 {
        return if a == b { 1.0 } else { 0.0 };
    }
    let mut counts: HashMap<(char, char), usize> = HashMap::new();
    for w in a.windows(2) {
        *counts.entry((w[0], w[1])).or_default() += 1;
    }
    let mut shared = 0usize;
    for w in b.windows(2) {
        if let Some(n) = counts.get_mut(&(w[0], w[1])) {
            if *n > 0 {
                *n -= 1;
                shared += 1;
            }
        }
    }
    (2 * shared) as f64 / (a.len() + b.len() - 2) as f64
}

fn section_text(report: &Report, section: usize) -> (String, Option<&report::ProseParagraph>) {
    let mut text = String::new();
    let mut first = None;
    for p in report.section_prose(section) {
        first.get_or_insert(p);
        text.push_str(&norm(&p.text));
    }
    (text, first)
}

/// The first sentence of a prose paragraph, as a location in document `doc`.
fn first_sentence(doc: u8, report: usize, p: &report::ProseParagraph) -> Location {
    let text = p.text.as_str();
    let end = text.find('。').map_or(text.len(), |i| i + '。'.len_utf8());
    let span = p.span(0, end);
    match text_location(&span) {
        Location::Text {
            paragraph,
            start,
            end,
            sentence,
            ..
        } => Location::Text {
            doc,
            report,
            paragraph,
            start,
            end,
            sentence,
        },
        other => other,
    }
}

fn s_dup(cx: &RuleContext<'_>, sink: &mut Sink) {
    let id = RuleId::SDup;
    if let Some(p) = cx.previous_year() {
        for section in [0, 4] {
            let name = messages::dup_section(section);
            let (now, now_first) = section_text(cx.report, section);
            let (then, then_first) = section_text(p.report, section);
            if now.chars().count() < DUP_MIN_CHARS || then.chars().count() < DUP_MIN_CHARS {
                continue;
            }
            let similarity = dice(&now, &then);
            if similarity < DUP_SIMILARITY {
                continue;
            }
            let percent = (similarity * 100.0).floor() as i64;
            let mut f = finding(id, messages::dup_similar(name, &prev_name(&p), percent));
            f.expected = Some(Quantity::Text(messages::percent_below(
                (DUP_SIMILARITY * 100.0).round() as i64,
            )));
            f.actual = Some(Quantity::Text(messages::percent(percent)));
            f.locations
                .extend(now_first.map(|q| first_sentence(0, 0, q)));
            f.locations
                .extend(then_first.map(|q| first_sentence(1, p.report.index, q)));
            sink.push(f);
        }
    }
    // The previous year written as the reporting year.
    let Some(year) = cx.report.year else { return };
    let last = year.saturating_sub(1);
    // S.YEAR already reports the year opening section 一 when it differs from the title's.
    let reported = cx
        .report
        .title_year
        .filter(|&t| Some(t) != cx.report.text_year)
        .and(cx.report.text_year_span.as_ref());
    let openers = [
        format!("{last}年，"),
        format!("{last}年,"),
        format!("{last}年度，"),
    ];
    let titles = [
        format!("{last}年度政府信息公开工作年度报告"),
        format!("{last}年政府信息公开工作年度报告"),
    ];
    // Searchers built once for all paragraphs (a paragraph rarely names a report title at all).
    let title_finders = titles
        .each_ref()
        .map(|t| memchr::memmem::Finder::new(t.as_bytes()));
    for p in &cx.report.prose {
        if matches!(p.section, Some(s) if s != 0 && s != 4) {
            continue;
        }
        let text = trim_blank(&p.text);
        let lead = p.text.len() - p.text.trim_start_matches(report::normalize::is_blank).len();
        let at = if openers.iter().any(|o| text.starts_with(o.as_str())) {
            Some(lead)
        } else {
            title_finders.iter().find_map(|f| f.find(p.text.as_bytes()))
        };
        let Some(at) = at else { continue };
        let span = p.span(at, at + format!("{last}").len() + "年".len());
        if reported.is_some_and(|r| r.paragraph == span.paragraph) {
            continue;
        }
        let mut f = finding(id, messages::dup_last_year(&span.sentence, last, year));
        f.locations.push(text_location(&span));
        sink.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::dice;

    #[test]
    fn dice_counts_characters_not_bytes() {
        assert_eq!(dice("政府信息公开", "政府信息公开"), 1.0);
        assert_eq!(dice("政府信息", "工作报告"), 0.0);
        // 4 bigrams each, 3 shared.
        assert!((dice("政府信息公", "政府信息开") - 0.75).abs() < 1e-9);
        assert_eq!(dice("", ""), 1.0);
        assert_eq!(dice("政", "府"), 0.0);
    }
}
