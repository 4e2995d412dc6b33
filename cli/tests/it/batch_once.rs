//! The batch reads a file nothing pairs with once (its output from the pairing pass, kept in a
//! spill file): what it prints must be what checking that file alone prints, in every output
//! form, next to files that do pair (checked again with their links) and one that is not a
//! report at all.

use crate::common::{broken_total_docx, run, samples, tmpdir};

fn stdout(args: &[&str]) -> String {
    String::from_utf8(run(args).stdout).expect("utf-8")
}

#[test]
fn a_file_nothing_pairs_with_prints_as_when_checked_alone() {
    let dir = tmpdir("batch-once");
    // Two copies of one seed pair (same agency and year: M.DUPYEAR); the others stand alone.
    let seed = samples().join("seed_000.docx");
    std::fs::copy(&seed, dir.join("a_seed0.docx")).unwrap();
    std::fs::copy(&seed, dir.join("b_seed0_again.docx")).unwrap();
    std::fs::copy(samples().join("seed_003.docx"), dir.join("c_seed3.docx")).unwrap();
    std::fs::write(dir.join("d_broken.docx"), broken_total_docx()).unwrap();
    std::fs::write(dir.join("e_not_a_report.docx"), b"not a zip").unwrap();
    let d = dir.to_str().unwrap();
    for form in [&["--json"][..], &["--csv"][..], &[][..], &["--quiet"][..]] {
        let batch = stdout(&[&["check"], form, &[d]].concat());
        for alone in ["c_seed3.docx", "d_broken.docx", "e_not_a_report.docx"] {
            let path = dir.join(alone);
            let single = stdout(&[&["check"], form, &[path.to_str().unwrap()]].concat());
            // The single run's own lines (the text form ends with its summary line).
            let body = match form {
                [] | ["--quiet"] => single.rsplit_once("共检查").map_or(&single[..], |(b, _)| b),
                ["--csv"] => single.split_once("\r\n").map_or("", |(_, rest)| rest),
                _ => &single[..],
            };
            assert!(
                body.is_empty() || batch.contains(body),
                "{form:?} {alone}: the batch prints it differently"
            );
        }
        if form == ["--json"] {
            // The pair is still a pair: checked again with its links.
            assert_eq!(batch.matches("M.DUPYEAR").count(), 2, "{batch}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
