//! Tables copied from last year: with the previous year's report of the same agency, table 三
//! or table 四 whose non-zero numbers are all the very numbers of last year's (S.DUP compares
//! the prose; this compares the tables).

use super::t4::t4_cell;
use super::*;

/// Fewest non-zero numbers a table must hold to count as copied: one or two equal numbers
/// (one application a year) are a coincidence, not a copy.
const COPY_MIN_CELLS: usize = 3;

/// At most this many repeated numbers are named in the message.
const COPY_NAMED: usize = 3;

rule! {
    /// 表格沿用上一年度
    ///
    /// 表三或表四的非零数字（至少 3 个）与同一机关上一年度报告同一表格同一位置的数字全部相同，且上一年度该表没有其他非零数字（需要两个年度的报告）。
    ///
    /// 依据：国办公开办函〔2021〕30号：年度报告“不得出现敷衍了事甚至年年雷同现象”；申请和复议诉讼的数量逐年变化，整张表的数字与上一年一模一样，通常是沿用了上一年度的表格而未按本年度填报。
    SDupTab: "S.DUPTAB", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::T3Row { row: "new_received", values: [3, 1, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [3, 1, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [3, 1, 0, 0, 0, 0] }, Edit::PreviousYear { format: Format::F2019, edits: &[Edit::T3Row { row: "new_received", values: [3, 1, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [3, 1, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [3, 1, 0, 0, 0, 0] }] }], message: "表三的 9 个非零数字与上一年度（2020 年）报告表三完全相同" },
    check: s_dup_tables,
}

/// A number's name and its value and cell this year and last year (when integers).
type Pair = (String, Option<(i64, CellRef)>, Option<(i64, CellRef)>);

/// One number of a table, in both years: its name, the value and both cells.
struct Same {
    name: String,
    value: i64,
    now: CellRef,
    then: CellRef,
}

fn s_dup_tables(cx: &RuleContext<'_>, sink: &mut Sink) {
    let Some(p) = cx.previous_year() else { return };
    // Table 三: every row both formats have, every column.
    let mut t3: Vec<Pair> = Vec::new();
    for (row, _) in t3_rows_of(cx.report.format.unwrap_or(Format::F2021)) {
        for col in 0..T3_COLUMNS.len() {
            t3.push((
                format!("「{}」「{}」列", t3_row_name(row), t3_col_name(col)),
                t3_int(cx.report, row, col),
                t3_int(p.report, row, col),
            ));
        }
    }
    let t4 = (0..T4_COLUMNS.len()).map(|k| {
        let int = |r: &Report| t4_cell(r, k).and_then(|c| Some((c.int()?, c.cell)));
        (format!("「{}」", t4_name(k)), int(cx.report), int(p.report))
    });
    for (table, cells) in [(3u8, t3), (4u8, t4.collect())] {
        if let Some(same) = copied(&cells) {
            sink.push(copied_finding(table, &same, &p));
        }
    }
}

/// The repeated numbers of a table when it is copied: every non-zero number of this year equal
/// to last year's at the same place, none of last year's non-zero numbers gone, at least
/// [`COPY_MIN_CELLS`] of them.
fn copied(cells: &[Pair]) -> Option<Vec<Same>> {
    let mut same = Vec::new();
    for (name, now, then) in cells {
        let (now_v, then_v) = (now.map_or(0, |c| c.0), then.map_or(0, |c| c.0));
        if now_v == 0 && then_v == 0 {
            continue;
        }
        let (Some(now), Some(then)) = (now, then) else {
            return None;
        };
        if now_v != then_v {
            return None;
        }
        same.push(Same {
            name: name.clone(),
            value: now_v,
            now: now.1,
            then: then.1,
        });
    }
    (same.len() >= COPY_MIN_CELLS).then_some(same)
}

fn copied_finding(table: u8, same: &[Same], p: &Previous<'_>) -> Finding {
    let named: Vec<String> = same
        .iter()
        .take(COPY_NAMED)
        .map(|s| format!("{} {}", s.name, s.value))
        .collect();
    let mut f = finding(
        RuleId::SDupTab,
        messages::tables_copied(
            table,
            same.len(),
            &messages::previous_report(p.report.year),
            &named,
        ),
    );
    f.table = Some(table);
    f.cells = same.iter().map(|s| s.now).collect();
    f.locations = same
        .iter()
        .map(|s| Location::cell(0, 0, s.now))
        .chain(
            same.iter()
                .take(COPY_NAMED)
                .map(|s| Location::cell(1, p.report.index, s.then)),
        )
        .collect();
    f
}
