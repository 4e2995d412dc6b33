//! The words of the command-line tool: its plain-text report (`present::text`) and what the
//! batch run tells the person (cli/src/batch.rs). Text only: the tool decides where it goes.

// ---------------------------------------------------------------- the plain-text report

/// The line of a file that could not be checked (after its ✖ line).
pub fn text_unchecked(message: &str) -> String {
    format!("无法检查：{message}")
}

/// The report's agency, year and format, each with its fallback when not recognised.
pub fn text_report_line(agency: Option<&str>, year: Option<i32>, format: Option<&str>) -> String {
    let agency = agency.unwrap_or("（未识别机关）");
    let year = year
        .map(|y| format!("{y} 年度"))
        .unwrap_or_else(|| "（未识别年度）".into());
    let format = format
        .map(|f| format!("{f} 年版格式"))
        .unwrap_or_else(|| "（未识别格式）".into());
    format!("{agency} · {year} · {format}")
}

/// A group of findings shown as one line: where to see them one by one.
pub fn text_group(summary: &str) -> String {
    format!("{summary}（逐条见 --json 或 --csv）")
}

/// The label of a quoted sentence: of the report under check (`doc` 0) or of the previous
/// year's.
pub fn text_sentence_label(doc: u8) -> &'static str {
    if doc == 0 {
        "正文"
    } else {
        "上一年度正文"
    }
}

/// A checked file without findings.
pub const TEXT_PASSED: &str = "通过：未发现问题";

/// The outcome and the count of a file's findings.
pub fn text_totals(outcome: crate::findings::Outcome, errors: usize, warnings: usize) -> String {
    format!(
        "{}：共 {errors} 个错误，{warnings} 个警告",
        super::outcome_label(outcome)
    )
}

// ---------------------------------------------------------------- the batch run

/// How the output names a report of a file holding `count` reports.
pub fn report_in_file(file: &str, index: usize, count: usize) -> String {
    format!("{file}（第 {}/{count} 份年报）", index + 1)
}

/// `check` without a path.
pub fn no_paths(help: &str) -> String {
    format!("请指定要检查的文件或文件夹\n\n{help}")
}

/// `--previous` with a folder or several files.
pub const PREVIOUS_WITH_ONE_FILE: &str =
    "--previous 只能与一个要检查的文件一起使用（不能是文件夹或多个文件）";

/// Where to read how a command is used.
pub fn see_help(command: &str) -> String {
    format!("运行 nianbao{command} --help 查看用法。")
}

pub fn previous_not_found(path: &str) -> String {
    format!("找不到上一年度的报告：{path}")
}

pub fn cannot_create_folder(path: &str, error: &str) -> String {
    format!("无法创建批注文件夹 {path}：{error}")
}

pub fn cannot_start_threads(error: &str) -> String {
    format!("无法启动检查线程：{error}")
}

pub fn annotated_written(folder: &str, n: usize) -> String {
    format!("已在 {folder} 写入 {n} 个带批注的报告")
}

pub fn xlsx_written(path: &str) -> String {
    format!("已写入 Excel 文件 {path}")
}

pub fn xlsx_failed(path: &str, error: &str) -> String {
    format!("无法写入 Excel 文件 {path}：{error}")
}

pub const ANNOTATE_UNCHECKED: &str = "批注：文件无法检查，未生成批注文件";
pub const ANNOTATE_NOTHING: &str = "批注：未发现问题，未生成批注文件";

pub fn annotate_failed(message: &str) -> String {
    format!("批注：未能生成批注文件（{message}）")
}

pub fn annotate_write_failed(path: &str, error: &str) -> String {
    format!("批注：无法写入 {path}：{error}")
}

/// A name not used before in this run: 原名（2）.docx.
pub fn numbered_file_name(stem: &str, n: usize, ext: &str) -> String {
    format!("{stem}（{n}）.{ext}")
}

pub fn annotate_written(path: &str, comments: usize, revisions: usize) -> String {
    let revisions = if revisions > 0 {
        format!("，{revisions} 处修订")
    } else {
        String::new()
    };
    format!("批注：已写入 {path}（{comments} 条批注{revisions}）")
}

/// The progress bar's template (indicatif).
pub const PROGRESS_TEMPLATE: &str =
    "检查中 [{bar:40}] {pos}/{len} 个文件，已用 {elapsed}，约剩 {eta}";

pub fn unreadable_file(error: &str) -> String {
    format!("无法读取文件：{error}")
}

pub const INTERNAL_CHECK: &str = "nianbao 处理此文件时出现内部错误，请将文件反馈给开发者";
pub const INTERNAL_ANNOTATE: &str = "nianbao 写入批注时出现内部错误，请将文件反馈给开发者";

/// A path given on the command line that does not exist.
pub fn path_not_found(path: &str) -> String {
    format!("找不到文件或文件夹：{path}")
}

pub fn cannot_read_folder(path: &str) -> String {
    format!("无法读取文件夹：{path}")
}

pub fn cannot_write_catalogue(error: &str) -> String {
    format!("无法输出规则目录：{error}")
}
