//! End-to-end tests of the `nianbao` command-line tool on real .docx files.

use crate::{common, support};

use common::{broken_total_docx, run, samples, tmpdir};
use support::{read_part, with_part};

#[test]
fn clean_seed_exits_zero_with_readable_text() {
    let out = run(&["check", samples().join("seed_004.docx").to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("宁海县卫生健康局"), "{text}");
    assert!(text.contains("2021 年度"), "{text}");
    assert!(text.contains("共检查 1 个文件"), "{text}");
}

#[test]
fn errors_exit_one_and_json_lines_follow_the_contract() {
    let dir = tmpdir("json");
    let file = dir.join("broken.docx");
    std::fs::write(&file, broken_total_docx()).unwrap();
    let out = run(&["check", "--json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON object per file");
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["file"], file.to_str().unwrap());
    assert_eq!(v["status"], "checked");
    assert!(v["rejection"].is_null());
    assert_eq!(v["report"]["agency"], "宁海县卫生健康局");
    assert_eq!(v["report"]["year"], 2021);
    assert_eq!(v["report"]["format"], "2021");
    let findings = v["findings"].as_array().unwrap();
    let row = findings
        .iter()
        .find(|f| f["rule"] == "T3.ROW")
        .expect("T3.ROW finding");
    assert_eq!(row["severity"], "error");
    assert_eq!(row["table"], 3);
    assert_eq!(
        row["row"],
        serde_json::json!(["一、本年新收政府信息公开申请数量"])
    );
    assert_eq!(row["column"], serde_json::json!(["申请人情况", "总计"]));
    assert_eq!(row["expected"], 0);
    assert_eq!(row["actual"], 5);
    assert!(row["message"]
        .as_str()
        .unwrap()
        .contains("总计应为 0（0+0+0+0+0+0），实为 5"));
    // The wrong total also breaks the 总计 column's balance: the total cell is the culprit.
    let bal = findings
        .iter()
        .find(|f| f["rule"] == "T3.BAL")
        .expect("T3.BAL finding");
    assert_eq!(bal["column"], serde_json::json!(["申请人情况", "总计"]));
    assert_eq!(row["culprit"], row["cells"][0]);
    assert_eq!(bal["culprit"], row["cells"][0]);
    // Every number cell is in `values`, keyed by official labels.
    let t3 = v["values"]["table3"].as_array().unwrap();
    assert_eq!(t3.len(), 25 * 7);
    assert_eq!(v["values"]["table4"].as_array().unwrap().len(), 15);
    assert_eq!(v["values"]["table2"].as_array().unwrap().len(), 10);
    let cell = t3
        .iter()
        .find(|e| {
            e["row"]
                == serde_json::json!(["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"])
                && e["column"] == serde_json::json!(["申请人情况", "法人或其他组织", "商业企业"])
        })
        .expect("labelled cell");
    assert_eq!(cell["value"], 0);
    assert!(
        v.get("tables").is_none(),
        "the CLI does not emit drawing grids"
    );
}

#[test]
fn folders_are_walked_recursively_in_order_and_rejections_exit_two() {
    let dir = tmpdir("walk");
    std::fs::create_dir_all(dir.join("a/b")).unwrap();
    std::fs::copy(samples().join("seed_000.docx"), dir.join("a/b/r1.docx")).unwrap();
    std::fs::copy(samples().join("seed_002.docx"), dir.join("a/r2.DOCX")).unwrap();
    std::fs::write(
        dir.join("a/old.doc"),
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
    )
    .unwrap();
    std::fs::write(dir.join("a/~$r2.docx"), b"lock").unwrap();
    std::fs::write(dir.join("a/notes.txt"), b"not a report").unwrap();
    let out = run(&["check", "--json", "--jobs", "2", dir.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a file that cannot be checked gives exit 2"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let recs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let files: Vec<String> = recs
        .iter()
        .map(|r| {
            r["file"]
                .as_str()
                .unwrap()
                .replace(dir.to_str().unwrap(), "")
        })
        .collect();
    assert_eq!(files, vec!["/a/b/r1.docx", "/a/old.doc", "/a/r2.DOCX"]);
    let old = &recs[1];
    assert_eq!(old["status"], "rejected");
    assert!(old["rejection"]["message"]
        .as_str()
        .unwrap()
        .contains(".docx"));
    assert_eq!(recs[0]["status"], "checked");
}

#[test]
fn many_files_in_parallel_keep_input_order() {
    let dir = tmpdir("many");
    let mut expected = Vec::new();
    for i in 0..40 {
        let seed = format!("seed_00{}.docx", i % 5);
        let name = format!("r{i:03}.docx");
        std::fs::copy(samples().join(&seed), dir.join(&name)).unwrap();
        expected.push((name, i % 5));
    }
    let out = run(&["check", "--json", "--jobs", "4", dir.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let recs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 40);
    let agencies = [
        "繁峙县卫生健康和体育局",
        "阿合奇县卫生健康委员会",
        "曲沃县卫生健康和体育局",
        "赵县卫生健康局",
        "宁海县卫生健康局",
    ];
    for (rec, (name, seed)) in recs.iter().zip(&expected) {
        assert!(rec["file"].as_str().unwrap().ends_with(name.as_str()));
        assert_eq!(rec["report"]["agency"], agencies[*seed]);
    }
    // Seed 003 has blank cells: errors, so exit 1.
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn csv_has_bom_header_and_one_row_per_finding() {
    let dir = tmpdir("csv");
    let file = dir.join("broken.docx");
    std::fs::write(&file, broken_total_docx()).unwrap();
    let clean = samples().join("seed_004.docx");
    let out = run(&[
        "check",
        "--csv",
        file.to_str().unwrap(),
        clean.to_str().unwrap(),
    ]);
    let bytes = out.stdout;
    assert!(
        bytes.starts_with("\u{FEFF}".as_bytes()),
        "UTF-8 BOM for Excel/WPS"
    );
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines[0], "文件,状态,规则,级别,表,行,列,应为,实为,说明");
    // The same batch as JSON (both files are 宁海县 2021: M.DUPYEAR on each).
    let json = run(&[
        "check",
        "--json",
        file.to_str().unwrap(),
        clean.to_str().unwrap(),
    ]);
    let first = String::from_utf8(json.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "M.DUPYEAR"));
    let n_findings = v["findings"].as_array().unwrap().len();
    let broken_rows = lines
        .iter()
        .filter(|l| l.starts_with(file.to_str().unwrap()))
        .count();
    assert_eq!(broken_rows, n_findings);
    assert!(lines
        .iter()
        .any(|l| l.contains(",T3.ROW,错误,表三,") && l.contains(",0,5,")));
    // The clean file appears too (with its warnings, or as 通过).
    assert!(lines.iter().any(|l| l.starts_with(clean.to_str().unwrap())));
}

#[test]
fn missing_path_and_bad_usage() {
    let out = run(&["check", "/nonexistent/nowhere.docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("找不到"));
    assert_eq!(run(&["check"]).status.code(), Some(64));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(64));
    assert_eq!(
        run(&["check", "--jobs", "zero", "x"]).status.code(),
        Some(64)
    );
}

#[test]
fn rules_json_lists_the_catalogue() {
    let out = run(&["rules", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in ["T3.ROW", "T3.BAL", "T3.RES", "T4.SUM", "S.FMT", "T3.BLANK"] {
        assert!(ids.contains(&id), "{id}");
    }
}

#[test]
fn help_is_chinese_and_exits_zero() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "用法：nianbao <命令> [选项]",
        "命令：",
        "选项：",
        "检查 .docx 文件或文件夹",
        "输出检查规则目录",
        "显示帮助",
        "显示版本号",
        "退出码：",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    for english in ["Usage", "Options", "Commands", "Print help"] {
        assert!(!text.contains(english), "{english}\n{text}");
    }
    let out = run(&["check", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let check = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "用法：nianbao check [选项] <路径>...",
        "参数：",
        "--json",
        "--csv",
        "-j, --jobs <N>",
        "并行线程数",
        "-q, --quiet",
        "显示帮助",
        "退出码：",
    ] {
        assert!(check.contains(expected), "{expected}\n{check}");
    }
    assert!(
        !check.contains("Usage") && !check.contains("Print help"),
        "{check}"
    );
    // `help check` and `check -h` say the same; `-V` prints the version.
    assert_eq!(
        String::from_utf8(run(&["help", "check"]).stdout).unwrap(),
        check
    );
    assert_eq!(
        String::from_utf8(run(&["check", "-h"]).stdout).unwrap(),
        check
    );
    let version = run(&["-V"]);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(version.stdout).unwrap().trim(),
        format!("nianbao {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn unknown_options_and_commands_exit_64_with_a_chinese_message() {
    let clean = samples().join("seed_004.docx");
    let out = run(&["check", "--frobnicate", clean.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(64));
    assert!(out.stdout.is_empty(), "nothing is checked");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("未知选项：--frobnicate"), "{err}");
    assert!(err.contains("nianbao check --help"), "{err}");
    let out = run(&["--frobnicate"]);
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8(out.stderr).unwrap().contains("未知选项"));
    let out = run(&["chekc"]);
    assert_eq!(out.status.code(), Some(64));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("未知命令：chekc") && err.contains("check"),
        "{err}"
    );
    let out = run(&["check", "--jobs", "0", clean.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("--jobs 需要一个正整数"));
    // No command at all: the help, on stderr.
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8(out.stderr).unwrap().contains("用法："));
}

#[test]
fn a_large_batch_keeps_input_order_across_paths_without_progress_output_when_not_a_terminal() {
    let dir = tmpdir("batch");
    // Two folders given in reverse name order, the second with a nested folder, and a file.
    let (first, second) = (dir.join("z"), dir.join("a"));
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(second.join("sub")).unwrap();
    let mut expected = Vec::new();
    for i in 0..14 {
        let path = first.join(format!("{i:02}.docx"));
        std::fs::copy(samples().join(format!("seed_00{}.docx", i % 5)), &path).unwrap();
        expected.push((path, i % 5));
    }
    for i in 0..12 {
        let path = if i < 6 {
            second.join(format!("m{i}.docx"))
        } else {
            second.join("sub").join(format!("{i}.docx"))
        };
        std::fs::copy(
            samples().join(format!("seed_00{}.docx", (i + 2) % 5)),
            &path,
        )
        .unwrap();
        expected.push((path, (i + 2) % 5));
    }
    // Sorted by name within a folder: "m0".."m5" come before "sub".
    expected[14..].sort_by(|a, b| a.0.cmp(&b.0));
    let single = samples().join("seed_001.docx");
    expected.push((single.clone(), 1));
    assert!(expected.len() >= 25);
    let out = run(&[
        "check",
        "--json",
        "--jobs",
        "3",
        first.to_str().unwrap(),
        second.to_str().unwrap(),
        single.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "seed 003 has errors");
    assert!(
        out.stderr.is_empty(),
        "no progress bar when stderr is not a terminal: {:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        !stdout.contains('\r') && !stdout.contains('\u{1b}'),
        "no terminal control bytes on stdout"
    );
    let recs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(recs.len(), expected.len());
    let agencies = [
        "繁峙县卫生健康和体育局",
        "阿合奇县卫生健康委员会",
        "曲沃县卫生健康和体育局",
        "赵县卫生健康局",
        "宁海县卫生健康局",
    ];
    for (rec, (path, seed)) in recs.iter().zip(&expected) {
        assert_eq!(rec["file"], path.to_str().unwrap());
        assert_eq!(rec["report"]["agency"], agencies[*seed]);
    }
    // The same batch as text ends with the summary line, again without progress output.
    let out = run(&[
        "check",
        "--quiet",
        first.to_str().unwrap(),
        second.to_str().unwrap(),
        single.to_str().unwrap(),
    ]);
    assert!(out.stderr.is_empty());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.trim_end().ends_with("个通过"), "{text}");
    assert!(
        text.contains(&format!("共检查 {} 个文件", expected.len())),
        "{text}"
    );
}

/// seed_004's body twice in one document: the first copy as published, the second with the
/// broken total of [`broken_total_docx`].
fn two_reports_docx() -> Vec<u8> {
    let part = |bytes: &[u8]| read_part(bytes, "word/document.xml").expect("part");
    let clean = std::fs::read(samples().join("seed_004.docx")).expect("seed");
    let first = part(&clean);
    let second = part(&broken_total_docx());
    let inner = |xml: &str| {
        let open = xml.find("<w:body>").expect("body") + "<w:body>".len();
        let close = xml.rfind("<w:sectPr").expect("sectPr");
        xml[open..close].to_string()
    };
    let at = first.rfind("<w:sectPr").expect("sectPr");
    let page_break = r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#;
    let xml = format!(
        "{}{page_break}{}{}",
        &first[..at],
        inner(&second),
        &first[at..]
    );
    with_part(&clean, "word/document.xml", xml)
}

#[test]
fn every_report_of_a_file_gets_its_own_line() {
    let dir = tmpdir("two-reports");
    let file = dir.join("two.docx");
    std::fs::write(&file, two_reports_docx()).unwrap();
    let out = run(&["check", "--json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "the second report has an error");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let recs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 2, "{stdout}");
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["file"], file.to_str().unwrap());
        assert_eq!(r["report"]["index"], i);
        assert_eq!(r["report"]["count"], 2);
        assert_eq!(r["report"]["agency"], "宁海县卫生健康局");
    }
    let errors = |r: &serde_json::Value| {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .count()
    };
    assert_eq!(errors(&recs[0]), 0, "{}", recs[0]);
    assert!(errors(&recs[1]) > 0, "{}", recs[1]);
    for f in recs[1]["findings"].as_array().unwrap() {
        for l in f["locations"].as_array().unwrap() {
            assert_eq!(l["report"], 1, "{f}");
        }
    }

    let out = run(&["check", file.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("（第 1/2 份年报）"), "{text}");
    assert!(text.contains("（第 2/2 份年报）"), "{text}");
    assert!(
        text.contains("共检查 1 个文件：1 个有错误，0 个有警告，0 个无法检查，0 个通过"),
        "{text}"
    );
}

#[test]
fn the_report_kind_can_be_set() {
    let seed = samples().join("seed_003.docx");
    let out = run(&[
        "check",
        "--json",
        "--kind",
        "省级政府",
        seed.to_str().unwrap(),
    ]);
    let r: serde_json::Value =
        serde_json::from_str(String::from_utf8(out.stdout).unwrap().trim()).unwrap();
    assert_eq!(r["report"]["kind"]["id"], "province");
    assert_eq!(r["report"]["kind"]["by_user"], true);

    let out = run(&["check", "--json", seed.to_str().unwrap()]);
    let r: serde_json::Value =
        serde_json::from_str(String::from_utf8(out.stdout).unwrap().trim()).unwrap();
    assert_eq!(r["report"]["kind"]["id"], "department");
    assert_eq!(r["report"]["kind"]["by_user"], false);

    let out = run(&["check", "--kind", "国家级", seed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(64));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("报告类型应为 部门、乡镇、县级政府、地市级政府 或 省级政府"),
        "{err}"
    );
}
