//! `nianbao`: checks 政府信息公开工作年度报告 (.docx) files and folders from the command line.
//!
//! * [`args`]: the command line (clap, Chinese help text) and how usage errors are reported.
//! * [`walk`]: which files a list of paths names (folders searched recursively).
//! * [`batch`]: checks the files in parallel and prints the results in input order.
//! * [`spill`]: where the pairing pass keeps the output of the files it checked alone.

// Native only. A wasm32 build of the workspace's default members would also overwrite the page's
// `nianbao.wasm` (the library's cdylib) with this binary: build the page with `-p nianbao`.
#[cfg(target_arch = "wasm32")]
compile_error!(
    "nianbao-cli is the native command-line tool; build the page's WebAssembly with \
     `cargo build -p nianbao --lib --target wasm32-unknown-unknown` (scripts/build-web.sh)"
);

mod args;
mod batch;
mod spill;
mod walk;

use args::{Cli, Command};
use clap::Parser;

/// Exit codes (shown in `nianbao --help`).
pub mod exit {
    /// Every file was checked and none has an error.
    pub const OK: i32 = 0;
    /// At least one file has an error.
    pub const ERRORS: i32 = 1;
    /// At least one file could not be read or checked, or a path does not exist.
    pub const UNCHECKED: i32 = 2;
    /// The command line is wrong.
    pub const USAGE: i32 = 64;
}

fn main() {
    let code = match Cli::try_parse() {
        Ok(cli) => match cli.command {
            Command::Check(check) => batch::run(&check),
            Command::Rules(rules) => run_rules(rules.json),
            Command::Help(help) => args::print_help(help.command.as_deref()),
        },
        Err(e) => args::report_usage_error(&e),
    };
    std::process::exit(code);
}

/// `nianbao rules`: the rule catalogue as Markdown, or as a JSON array.
fn run_rules(json: bool) -> i32 {
    if json {
        let infos: Vec<_> = nianbao::catalogue().iter().map(|r| r.info).collect();
        match serde_json::to_string_pretty(&infos) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("{}", nianbao::words::cannot_write_catalogue(&e.to_string()));
                return exit::UNCHECKED;
            }
        }
    } else {
        print!("{}", nianbao::catalogue_markdown());
    }
    exit::OK
}
