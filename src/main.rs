//! `nianbao`: checks 政府信息公开工作年度报告 (.docx) from the command line, in parallel.
//! The binary is native only; on wasm32 (where only the library is used) it is empty.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
