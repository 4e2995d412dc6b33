//! The command line: subcommands and options (clap derive), Chinese help text, and usage errors
//! rendered in Chinese with exit code 64.
//!
//! clap's own headings ("Usage:", "Options:") and flag descriptions are English, so every command
//! uses a help template with Chinese headings, its own `-h/--help` flag and a `help` subcommand.
//! Help text is given with `help = ...` rather than doc comments, which clap would show as well.

use crate::exit;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, CommandFactory, Parser, Subcommand};
use nianbao::ReportKind;
use std::path::PathBuf;

/// The most worker threads `--jobs` starts.
pub const MAX_JOBS: usize = 256;

const MAIN_TEMPLATE: &str = "\
{about-with-newline}
用法：{usage}

命令：
{subcommands}

选项：
{options}{after-help}
";

const CHECK_TEMPLATE: &str = "\
{about-with-newline}
用法：{usage}

参数：
{positionals}

选项：
{options}{after-help}
";

const RULES_TEMPLATE: &str = "\
{about-with-newline}
用法：{usage}

选项：
{options}";

const EXIT_CODES: &str =
    "退出码：0 未发现错误；1 发现错误；2 有文件无法读取或无法检查；64 用法错误";

#[derive(Parser, Debug)]
#[command(
    name = "nianbao",
    version,
    about = "nianbao —— 政府信息公开工作年度报告检查工具",
    override_usage = "nianbao <命令> [选项]",
    help_template = MAIN_TEMPLATE,
    after_help = EXIT_CODES,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    help: HelpFlag,
    #[arg(short = 'V', long = "version", action = ArgAction::Version, help = "显示版本号")]
    version: Option<bool>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    #[command(
        about = "检查 .docx 文件或文件夹（也读 .doc/.wps 和网页 .html/.htm/.mht；文件夹递归查找）",
        override_usage = "nianbao check [选项] <路径>...",
        help_template = CHECK_TEMPLATE,
        after_help = EXIT_CODES,
        disable_help_flag = true,
        args_override_self = true
    )]
    Check(CheckArgs),
    #[command(
        about = "输出检查规则目录（Markdown，或 JSON）",
        override_usage = "nianbao rules [--json]",
        help_template = RULES_TEMPLATE,
        disable_help_flag = true,
        args_override_self = true
    )]
    Rules(RulesArgs),
    #[command(
        about = "显示帮助（或某个命令的帮助）",
        override_usage = "nianbao help [命令]",
        help_template = CHECK_TEMPLATE,
        after_help = EXIT_CODES,
        disable_help_flag = true
    )]
    Help(HelpArgs),
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[arg(
        value_name = "路径",
        help = "要检查的文件或文件夹，可以有多个；文件夹中的 .docx/.docm/.doc/.wps/.html/.htm/.mht/.mhtml 文件按名称顺序逐个检查"
    )]
    pub paths: Vec<PathBuf>,
    #[arg(
        long,
        overrides_with = "csv",
        help = "每份年报输出一行 JSON（JSON Lines，格式见 docs/CONTRACT.md；一个文件含多份年报时每份一行）"
    )]
    pub json: bool,
    #[arg(
        long,
        overrides_with = "json",
        help = "每个问题输出一行 CSV（UTF-8 带 BOM，可直接用 Excel/WPS 打开）"
    )]
    pub csv: bool,
    #[arg(
        short,
        long,
        value_name = "N",
        value_parser = parse_jobs,
        help = "并行线程数（默认为 CPU 核数，最多 256）"
    )]
    pub jobs: Option<usize>,
    #[arg(short, long, help = "文本输出时只列出有问题的文件")]
    pub quiet: bool,
    #[arg(
        long,
        value_name = "类型",
        value_parser = parse_kind,
        help = "报告类型，决定发布时限：部门、乡镇、县级政府、地市级政府、省级政府（默认由机关名称和正文推断）"
    )]
    pub kind: Option<ReportKind>,
    #[arg(
        long,
        value_name = "文件",
        help = "上一年度的报告，与要检查的一个文件作跨年度对比（表三结转、表二现行有效件数等）；不指定时，同一批文件中同一机关相邻两个年度的报告自动配对"
    )]
    pub previous: Option<PathBuf>,
    #[arg(
        long,
        value_name = "文件夹",
        help = "把每个有问题的文件另存为“<原名>（检查意见）.docx”到该文件夹：每个问题一条 Word 批注，一个文件中的几份年报都写在同一个副本里（不改动原文件）"
    )]
    pub annotate: Option<PathBuf>,
    #[arg(
        long,
        requires = "annotate",
        help = "与 --annotate 同用：同时给出修改建议（修订模式），把算得出的正确数字写成 Word 修订，可逐条接受或拒绝"
    )]
    pub suggest: bool,
    #[arg(
        long,
        value_name = "文件",
        help = "另把全部结果写成一个 Excel 文件（.xlsx）：“问题清单”表（列同 --csv）和“汇总”表（每份报告一行）"
    )]
    pub xlsx: Option<PathBuf>,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    #[arg(long, help = "以 JSON 输出（默认为 Markdown）")]
    pub json: bool,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Args, Debug)]
pub struct HelpArgs {
    #[arg(value_name = "命令", help = "要查看帮助的命令（check 或 rules）")]
    pub command: Option<String>,
    #[command(flatten)]
    help: HelpFlag,
}

/// `-h/--help` with a Chinese description (replaces clap's own flag in every command).
#[derive(Args, Debug)]
struct HelpFlag {
    #[arg(short = 'h', long = "help", action = ArgAction::Help, help = "显示帮助")]
    help: Option<bool>,
}

fn parse_kind(s: &str) -> Result<ReportKind, String> {
    ReportKind::parse(s)
        .ok_or_else(|| "报告类型应为 部门、乡镇、县级政府、地市级政府 或 省级政府".to_string())
}

fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n.min(MAX_JOBS)),
        _ => Err("需要一个正整数".to_string()),
    }
}

/// `nianbao help [命令]`: the help of the tool or of one command, on stdout.
pub fn print_help(command: Option<&str>) -> i32 {
    let mut argv = vec!["nianbao"];
    argv.extend(command);
    argv.push("--help");
    match Cli::try_parse_from(argv) {
        Err(e) => report_usage_error(&e),
        Ok(_) => exit::USAGE,
    }
}

/// The help of one command (for messages on stderr).
pub fn command_help(name: &str) -> String {
    let mut cmd = Cli::command();
    match cmd.find_subcommand_mut(name) {
        Some(sub) => sub.render_help().to_string(),
        None => cmd.render_help().to_string(),
    }
}

/// Prints help/version (exit 0) or a usage error in Chinese (exit 64).
pub fn report_usage_error(e: &clap::Error) -> i32 {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            exit::OK
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            exit::USAGE
        }
        _ => {
            eprintln!("{}", usage_message(e));
            let command = std::env::args()
                .nth(1)
                .filter(|a| matches!(a.as_str(), "check" | "rules"))
                .map(|a| format!(" {a}"))
                .unwrap_or_default();
            eprintln!("{}", nianbao::words::see_help(&command));
            exit::USAGE
        }
    }
}

/// A usage error in Chinese (clap's English text only for kinds the tool's options cannot cause).
fn usage_message(e: &clap::Error) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        _ => String::new(),
    };
    let arg = text(ContextKind::InvalidArg);
    let mut message = match e.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!("未知选项：{arg}"),
        ErrorKind::UnknownArgument => format!("多余的参数：{arg}"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "未知命令：{}（可用的命令：check、rules、help）",
                text(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if arg.starts_with("--jobs") => {
            "--jobs 需要一个正整数".to_string()
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if arg.starts_with("--kind") => {
            format!(
                "选项 --kind 的值“{}”无效：报告类型应为 部门、乡镇、县级政府、地市级政府 或 省级政府",
                text(ContextKind::InvalidValue)
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("选项 {arg} 的值“{}”无效", text(ContextKind::InvalidValue))
        }
        ErrorKind::TooManyValues | ErrorKind::NoEquals => {
            format!("选项 {arg} 不接受值")
        }
        ErrorKind::MissingRequiredArgument if e.to_string().contains("--annotate") => {
            "--suggest 需要与 --annotate <文件夹> 一起使用".to_string()
        }
        ErrorKind::ArgumentConflict => {
            format!("选项 {arg} 不能与 {} 同时使用", text(ContextKind::PriorArg))
        }
        _ => {
            let rendered = e.render().to_string();
            let detail = rendered
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("error: ");
            format!("命令行有误：{detail}")
        }
    };
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        let suggestion = text(kind);
        if !suggestion.is_empty() {
            message.push_str(&format!("（是否想输入 {suggestion}？）"));
        }
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn jobs_must_be_a_positive_integer_and_is_capped() {
        assert_eq!(parse_jobs("4"), Ok(4));
        assert_eq!(parse_jobs("100000"), Ok(MAX_JOBS));
        assert!(parse_jobs("0").is_err());
        assert!(parse_jobs("zero").is_err());
    }

    #[test]
    fn the_last_of_json_and_csv_wins() {
        let parse = |argv: &[&str]| match Cli::try_parse_from(argv).expect("valid").command {
            Command::Check(c) => (c.json, c.csv),
            _ => unreachable!(),
        };
        assert_eq!(
            parse(&["nianbao", "check", "--json", "--csv", "x"]),
            (false, true)
        );
        assert_eq!(
            parse(&["nianbao", "check", "x", "--csv", "--json"]),
            (true, false)
        );
        assert_eq!(
            parse(&["nianbao", "check", "--json", "--json", "x"]),
            (true, false)
        );
    }
}
