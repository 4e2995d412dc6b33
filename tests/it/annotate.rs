//! The annotated report: comments on findings, corrections as tracked changes, and nothing
//! else changed in the file.

use crate::support;

use nianbao::inspect::check::{annotate_bytes, cell_targets};
use nianbao::present::annotate::{annotate, annotated_file_name, Anchor, AnnotateOptions, Target};
use nianbao::{check_bytes, RejectionCode};
use nianbao::{CellRef, Finding, Location, Quantity};
use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use support::report::ReportSpec;
use support::{read_part as part, with_part, Docx};

const DATE: &str = "2026-12-01T08:00:00Z";

fn options(tracked: bool) -> AnnotateOptions {
    AnnotateOptions {
        tracked_changes: tracked,
        date: Some(DATE.to_string()),
        ..AnnotateOptions::default()
    }
}

/// The zero report of 2021 with one wrong 总计 (新收 5 where the columns add up to 0).
fn wrong_total() -> Vec<u8> {
    let mut spec = ReportSpec::zeros_2021();
    spec.set_t3("new_received", 6, "5");
    spec.to_bytes()
}

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().map(|e| e == "docx").unwrap_or(false))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no seed .docx found");
    v
}

/// Every entry: name → (compression method, raw compressed bytes, CRC-32), in archive order.
type RawEntry = (String, (u16, Vec<u8>, u32));

fn raw_entries(bytes: &[u8]) -> Vec<RawEntry> {
    let mut a = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..a.len())
        .map(|i| {
            let f = a.by_index_raw(i).unwrap();
            let start = f.data_start().unwrap() as usize;
            let raw = bytes[start..start + f.compressed_size() as usize].to_vec();
            #[allow(deprecated)]
            let method = f.compression().to_u16();
            (f.name().unwrap().to_string(), (method, raw, f.crc32()))
        })
        .collect()
}

/// The comments of a comments part: (id, author, text), parsed with quick-xml.
fn comments(xml: &str) -> Vec<(String, String, String)> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut cur: Option<(String, String, String)> = None;
    let mut in_t = false;
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"w:comment" => {
                let get = |k: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k.as_bytes())
                        .map(|a| String::from_utf8(a.value.to_vec()).unwrap())
                        .unwrap_or_default()
                };
                cur = Some((get("w:id"), get("w:author"), String::new()));
            }
            Event::End(e) if e.name().as_ref() == b"w:comment" => out.extend(cur.take()),
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_t = false,
            Event::End(e) if e.name().as_ref() == b"w:p" => {
                if let Some(c) = cur.as_mut() {
                    c.2.push('\n');
                }
            }
            Event::Text(t) if in_t => {
                if let Some(c) = cur.as_mut() {
                    c.2.push_str(&t.xml10_content().unwrap());
                }
            }
            Event::GeneralRef(g) if in_t => {
                if let (Some(c), Some(s)) = (
                    cur.as_mut(),
                    quick_xml::escape::resolve_predefined_entity(&g.decode().unwrap()),
                ) {
                    c.2.push_str(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The text of every `w:t` of a part, in order; fails on XML that is not well-formed.
fn plain_text(xml: &str) -> String {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xml);
    r.config_mut().check_end_names = true;
    let (mut in_t, mut out) = (false, String::new());
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_t = false,
            Event::Text(t) if in_t => out.push_str(&t.xml10_content().unwrap()),
            Event::GeneralRef(g) if in_t => out.push_str(
                quick_xml::escape::resolve_predefined_entity(&g.decode().unwrap()).unwrap_or("?"),
            ),
            Event::Eof => return out,
            _ => {}
        }
    }
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// The findings as compared across files: rule, cells, culprit, message.
fn key(f: &[Finding]) -> Vec<String> {
    f.iter()
        .map(|f| format!("{} {:?} {:?} {}", f.rule, f.cells, f.culprit, f.message))
        .collect()
}

/// Accepts every tracked change of a main part the way Word does: deletions dropped, insertions
/// kept (their content unwrapped).
fn accept_all(xml: &str) -> String {
    let mut s = xml.to_string();
    // Deletions: `<w:del .../>` markers and `<w:del ...>...</w:del>` (never nested).
    while let Some(i) = find_tag(&s, "w:del") {
        let close = s[i..].find('>').unwrap() + i;
        if s.as_bytes()[close - 1] == b'/' {
            s.replace_range(i..=close, "");
        } else {
            let end = s[i..].find("</w:del>").unwrap() + i;
            s.replace_range(i..end + "</w:del>".len(), "");
        }
    }
    while let Some(i) = find_tag(&s, "w:ins") {
        let close = s[i..].find('>').unwrap() + i;
        s.replace_range(i..=close, "");
    }
    s.replace("</w:ins>", "")
}

/// Start of the first `<name` tag (followed by a space, `>` or `/`).
fn find_tag(s: &str, name: &str) -> Option<usize> {
    let pat = format!("<{name}");
    let mut from = 0;
    while let Some(i) = s[from..].find(&pat) {
        let at = from + i;
        match s.as_bytes().get(at + pat.len()) {
            Some(b' ') | Some(b'>') | Some(b'/') => return Some(at),
            _ => from = at + 1,
        }
    }
    None
}

/// The text of the runs between `commentRangeStart` and `commentRangeEnd` of comment `id`.
fn anchored_text(xml: &str, id: &str) -> String {
    let start = xml
        .find(&format!("<w:commentRangeStart w:id=\"{id}\"/>"))
        .expect("range start");
    let end = xml
        .find(&format!("<w:commentRangeEnd w:id=\"{id}\"/>"))
        .expect("range end");
    assert!(start < end, "range of comment {id} ends before it starts");
    let inner = &xml[start..end];
    let mut text = String::new();
    let mut rest = inner;
    while let Some(i) = find_tag(rest, "w:t") {
        let open_end = rest[i..].find('>').unwrap() + i;
        if rest.as_bytes()[open_end - 1] == b'/' {
            rest = &rest[open_end + 1..];
            continue;
        }
        let close = rest[open_end..].find("</w:t>").unwrap() + open_end;
        text.push_str(&rest[open_end + 1..close]);
        rest = &rest[close..];
    }
    text
}

// ---------------------------------------------------------------------------------------------

#[test]
fn wrong_total_gets_a_comment_per_finding_on_its_cells_and_the_same_findings_again() {
    let bytes = wrong_total();
    let (results, annotated) = annotate_bytes(&bytes, &options(false)).expect("annotate");
    let result = &results[0];
    let placed: Vec<&Finding> = result
        .findings
        .iter()
        .filter(|f| !f.cells.is_empty())
        .collect();
    assert!(
        placed.len() >= 2,
        "the wrong total breaks at least the row and the column balance: {:?}",
        key(&result.findings)
    );
    let culprits: std::collections::BTreeSet<_> = placed.iter().filter_map(|f| f.culprit).collect();
    assert_eq!(culprits.len(), 1, "the total cell is the culprit");
    assert_eq!(annotated.comments, placed.len() + culprits.len());
    assert!(annotated.unplaced.is_empty());
    assert_eq!(annotated.revisions, 0);

    // Re-read by nianbao: the same findings.
    let again = check_bytes(&annotated.bytes);
    assert_eq!(key(&again.findings), key(&result.findings));

    // One comment per placed finding, one per culprit, by nianbao, saying what is expected.
    let xml = part(&annotated.bytes, "word/comments.xml").expect("comments part");
    let cs = comments(&xml);
    assert_eq!(cs.len(), annotated.comments);
    assert!(cs.iter().all(|(_, author, _)| author == "nianbao"));
    for f in &placed {
        assert!(
            cs.iter().any(|(_, _, t)| t.contains(&f.message)),
            "no comment holds {}",
            f.message
        );
    }
    let row = placed.iter().find(|f| f.rule == "T3.ROW").expect("T3.ROW");
    assert!(cs
        .iter()
        .any(|(_, _, t)| t.contains(&f_msg(row)) && t.contains("应为：0；实为：5")));
    // The culprit's own comment.
    assert_eq!(
        cs.iter()
            .filter(|(_, _, t)| t.starts_with("【最可能出错】"))
            .count(),
        1
    );

    // Every comment is anchored in the main part, on the cell that holds the wrong number.
    let main = part(&annotated.bytes, "word/document.xml").unwrap();
    for (id, _, text) in &cs {
        assert_eq!(
            count(&main, &format!("<w:commentRangeStart w:id=\"{id}\"/>")),
            1
        );
        assert_eq!(
            count(&main, &format!("<w:commentReference w:id=\"{id}\"/>")),
            1
        );
        if text.contains("T3.ROW") || text.contains("【最可能出错】") {
            assert_eq!(
                anchored_text(&main, id),
                "5",
                "comment {id} is not on the 总计 cell"
            );
        }
    }
    // The relationship and the content type were added.
    let rels = part(&annotated.bytes, "word/_rels/document.xml.rels").unwrap();
    assert_eq!(count(&rels, "relationships/comments\""), 1);
    let ct = part(&annotated.bytes, "[Content_Types].xml").unwrap();
    assert_eq!(count(&ct, "PartName=\"/word/comments.xml\""), 1);
}

fn f_msg(f: &Finding) -> String {
    f.message.clone()
}

#[test]
fn seeds_reread_the_same_and_every_untouched_entry_is_byte_identical() {
    let changed = [
        "word/document.xml",
        "word/comments.xml",
        "word/_rels/document.xml.rels",
        "[Content_Types].xml",
    ];
    for path in seeds() {
        let bytes = std::fs::read(&path).unwrap();
        let (results, annotated) = annotate_bytes(&bytes, &options(false)).expect("annotate seed");
        let result = &results[0];
        if let Some(dir) = std::env::var_os("NIANBAO_ANNOTATE_DUMP") {
            let file = format!("findings_{}", path.file_name().unwrap().to_string_lossy());
            std::fs::write(Path::new(&dir).join(file), &annotated.bytes).unwrap();
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        // Every finding is placed: on its cell, its sentence, or the title paragraph.
        let placed = result.findings.len();
        let culprits: std::collections::BTreeSet<_> =
            result.findings.iter().filter_map(|f| f.culprit).collect();
        assert_eq!(annotated.comments, placed + culprits.len(), "{name}");
        assert!(
            annotated.unplaced.is_empty(),
            "{name}: unplaced {:?}",
            annotated.unplaced
        );

        // Same findings on re-reading.
        assert_eq!(
            key(&check_bytes(&annotated.bytes).findings),
            key(&result.findings),
            "{name}"
        );

        let before = raw_entries(&bytes);
        let after = raw_entries(&annotated.bytes);
        let after_map: BTreeMap<_, _> = after.iter().cloned().collect();
        // Same order of the original entries; new entries only at the end.
        let after_names: Vec<&String> = after.iter().map(|(n, _)| n).collect();
        let before_names: Vec<&String> = before.iter().map(|(n, _)| n).collect();
        assert_eq!(
            &after_names[..before_names.len()],
            &before_names[..],
            "{name}: entry order"
        );
        for (entry, data) in &before {
            if changed.contains(&entry.as_str()) && annotated.comments > 0 {
                continue;
            }
            assert_eq!(after_map.get(entry), Some(data), "{name}: {entry} changed");
        }
        if placed == 0 {
            assert_eq!(
                annotated.bytes, bytes,
                "{name}: nothing to say, nothing changed"
            );
            continue;
        }
        let cs = comments(&part(&annotated.bytes, "word/comments.xml").unwrap());
        assert_eq!(cs.len(), annotated.comments, "{name}");
        // Removing what was inserted gives the original main part back.
        let main = part(&annotated.bytes, "word/document.xml").unwrap();
        let original = part(&bytes, "word/document.xml").unwrap();
        assert!(main.len() > original.len());
        eprintln!(
            "{name}: {} findings, {} comments, {} revisions",
            result.findings.len(),
            annotated.comments,
            annotated.revisions
        );
    }
}

#[test]
fn only_the_inserted_anchors_change_the_main_part() {
    // Seeds and the wrong total, with and without tracked corrections.
    let mut files: Vec<Vec<u8>> = seeds().iter().map(|p| std::fs::read(p).unwrap()).collect();
    files.push(wrong_total());
    let mut checked = 0;
    for bytes in &files {
        for tracked in [false, true] {
            let (_, annotated) = annotate_bytes(bytes, &options(tracked)).unwrap();
            if annotated.comments == 0 {
                continue;
            }
            checked += 1;
            let original = part(bytes, "word/document.xml").unwrap();
            let main = part(&annotated.bytes, "word/document.xml").unwrap();
            // Strip every inserted element and reject the revisions: the original, byte for byte.
            // A comment on a sentence splits the run holding its edges into two runs with the
            // same properties: compared with adjacent equal runs merged on both sides.
            let restored = merge_runs(&strip_comments(&reject_all(&main)));
            let original = merge_runs(&original);
            if restored != original {
                let at = restored
                    .bytes()
                    .zip(original.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                let around = |s: &str| {
                    s[s.floor_char_boundary(at.saturating_sub(200))
                        ..s.ceil_char_boundary((at + 300).min(s.len()))]
                        .to_string()
                };
                panic!(
                    "tracked: {tracked}: differs at byte {at}:\n{}\n---- original:\n{}",
                    around(&restored),
                    around(&original)
                );
            }
        }
    }
    assert!(checked >= 4);
}

/// Removes the comment anchors nianbao inserts.
fn strip_comments(xml: &str) -> String {
    let mut main = xml.to_string();
    for pat in ["<w:commentRangeStart w:id=\"", "<w:commentRangeEnd w:id=\""] {
        while let Some(i) = main.find(pat) {
            let e = main[i..].find("/>").unwrap() + i + 2;
            main.replace_range(i..e, "");
        }
    }
    while let Some(i) = main.find("<w:r><w:commentReference w:id=\"") {
        let e = main[i..].find("</w:r>").unwrap() + i + "</w:r>".len();
        main.replace_range(i..e, "");
    }
    main
}

/// The part with every run that directly follows a run of the same properties merged into it
/// (a following run written as a plain `<w:r>`), and `xml:space` dropped from `w:t`: how a
/// split run compares equal to the run it was.
fn merge_runs(xml: &str) -> String {
    let xml = xml.replace("<w:t xml:space=\"preserve\">", "<w:t>");
    // Tokens: tags and the text between them.
    let mut tokens: Vec<&str> = Vec::new();
    let mut rest = xml.as_str();
    while !rest.is_empty() {
        let end = if rest.starts_with('<') {
            rest.find('>').map(|i| i + 1).unwrap_or(rest.len())
        } else {
            rest.find('<').unwrap_or(rest.len())
        };
        tokens.push(&rest[..end]);
        rest = &rest[end..];
    }
    // The run properties of the run starting at token `i` (a `<w:r...>` tag).
    let rpr_of = |toks: &[&str], i: usize| -> String {
        let mut out = String::new();
        if toks.get(i + 1).is_some_and(|t| t.starts_with("<w:rPr")) {
            if toks[i + 1].ends_with("/>") {
                return toks[i + 1].to_string();
            }
            for t in &toks[i + 1..] {
                out.push_str(t);
                if *t == "</w:rPr>" {
                    break;
                }
            }
        }
        out
    };
    let mut out: Vec<&str> = Vec::new();
    let mut run_rpr = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t == "<w:r>" || t.starts_with("<w:r ") {
            let rpr = rpr_of(&tokens, i);
            if t == "<w:r>" && out.last() == Some(&"</w:r>") && rpr == run_rpr {
                // Merge: drop the previous `</w:r>`, this `<w:r>` and its properties.
                out.pop();
                i += 1 + rpr_token_count(&tokens, i);
                // Adjacent texts join.
                if out.last() == Some(&"</w:t>") && tokens.get(i) == Some(&"<w:t>") {
                    out.pop();
                    i += 1;
                }
                continue;
            }
            run_rpr = rpr;
        }
        out.push(t);
        i += 1;
    }
    out.concat()
}

fn rpr_token_count(tokens: &[&str], i: usize) -> usize {
    match tokens.get(i + 1) {
        Some(t) if t.starts_with("<w:rPr") && t.ends_with("/>") => 1,
        Some(t) if t.starts_with("<w:rPr") => tokens[i + 1..]
            .iter()
            .position(|t| *t == "</w:rPr>")
            .map(|p| p + 1)
            .unwrap_or(0),
        _ => 0,
    }
}

#[test]
fn tracked_corrections_accepted_clear_the_arithmetic_errors() {
    let bytes = wrong_total();
    let (results, annotated) = annotate_bytes(&bytes, &options(true)).expect("annotate");
    let result = &results[0];
    assert!(result.errors() >= 2);
    // The total cell: one w:del for its run, one w:ins with the corrected number.
    assert_eq!(annotated.revisions, 2);
    let main = part(&annotated.bytes, "word/document.xml").unwrap();
    assert_eq!(count(&main, "<w:del w:id="), 1);
    assert_eq!(count(&main, "<w:ins w:id="), 1);
    assert!(main.contains("w:author=\"nianbao\" w:date=\"2026-12-01T08:00:00Z\""));
    assert!(
        main.contains("<w:delText>5</w:delText>")
            || main.contains("<w:delText xml:space=\"preserve\">5</w:delText>")
    );
    assert!(main.contains("<w:t xml:space=\"preserve\">0</w:t></w:r></w:ins>"));
    // nianbao itself reads a document as if its revisions were accepted (inserted text counts,
    // deleted text does not): the suggested file already checks clean.
    assert_eq!(check_bytes(&annotated.bytes).errors(), 0);

    // Accept all revisions (drop w:del, unwrap w:ins) and check again: the errors are gone.
    let accepted = with_part(&annotated.bytes, "word/document.xml", accept_all(&main));
    let again = check_bytes(&accepted);
    let culprit = result.findings.iter().find_map(|f| f.culprit).unwrap();
    assert!(
        again
            .findings
            .iter()
            .all(|f| !(f.is_error() && (f.cells.contains(&culprit) || f.culprit == Some(culprit)))),
        "errors left: {:?}",
        key(&again.findings)
    );
    assert_eq!(again.errors(), 0, "{:?}", key(&again.findings));
}

/// A seed whose 新收 总计 (table 三) is made wrong by `delta`, in the seed's own XML: written as
/// a tracked change by the writer and accepted. Returns the mutated file and the cell.
fn seed_with_wrong_total(bytes: &[u8], delta: i64) -> Option<(Vec<u8>, CellRef)> {
    let result = check_bytes(bytes);
    let entry = result.values.table3.iter().find(|v| {
        v.row
            .first()
            .map(|r| r.starts_with("一、本年新收"))
            .unwrap_or(false)
            && v.column.last().map(|c| *c == "总计").unwrap_or(false)
    })?;
    let (cell, Some(Quantity::Int(v))) = (entry.cell?, entry.value.clone()) else {
        return None;
    };
    let target = cell_targets(bytes, &[cell], &options(true))
        .unwrap()
        .pop()
        .flatten()?;
    let wrong = Anchor {
        target,
        text: "变更".into(),
        correction: Some((v + delta).to_string()),
    };
    let out = annotate(bytes, &[wrong], &options(true)).unwrap();
    assert_eq!(out.revisions, 2, "the total cell of a seed is plain text");
    let main = part(&out.bytes, "word/document.xml").unwrap();
    Some((
        with_part(&out.bytes, "word/document.xml", accept_all(&main)),
        cell,
    ))
}

#[test]
fn seed_corrections_accepted_leave_no_error_on_the_corrected_cells() {
    let mut tried = 0;
    for path in seeds() {
        let original = std::fs::read(&path).unwrap();
        let Some((bytes, cell)) = seed_with_wrong_total(&original, 7) else {
            continue;
        };
        // The mutation landed on the intended cell: nianbao's T3.ROW finding is about it.
        let (results, annotated) = annotate_bytes(&bytes, &options(true)).unwrap();
        let result = &results[0];
        let row = result
            .findings
            .iter()
            .find(|f| f.rule == "T3.ROW" && f.cells.first() == Some(&cell));
        assert!(
            row.is_some(),
            "{}: no T3.ROW on the changed cell",
            path.display()
        );
        if !result.findings.iter().any(|f| f.culprit == Some(cell)) {
            // A report too blank for a second identity names no culprit: nothing to correct.
            assert_eq!(annotated.revisions, 0);
            continue;
        }
        tried += 1;
        assert!(annotated.revisions >= 2);
        let main = part(&annotated.bytes, "word/document.xml").unwrap();
        let again = check_bytes(&with_part(
            &annotated.bytes,
            "word/document.xml",
            accept_all(&main),
        ));
        let culprits: Vec<_> = result.findings.iter().filter_map(|f| f.culprit).collect();
        for f in again.findings.iter().filter(|f| f.is_error()) {
            assert!(
                !culprits.iter().any(|c| f.cells.contains(c)),
                "{}: still wrong: {}",
                path.display(),
                f.message
            );
        }
        assert!(again.errors() < result.errors(), "{}", path.display());
        assert_eq!(
            again.errors(),
            check_bytes(&original).errors(),
            "{}: back to the seed's own errors",
            path.display()
        );
    }
    assert!(tried >= 3, "only {tried} seeds have a 新收 总计 cell");
}

const COMMENTS_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="审核人" w:date="2026-01-05T10:00:00Z" w:initials="SH"><w:p><w:r><w:t>请核对此段</w:t></w:r></w:p></w:comment></w:comments>"#;

/// The wrong-total report with an existing comment, a tracked insertion and a tracked deletion
/// in its first paragraph, and the comments part registered.
fn with_existing_annotations() -> Vec<u8> {
    let mut spec = ReportSpec::zeros_2021();
    spec.set_t3("new_received", 6, "5");
    let rendered = spec.render();
    let extra = concat!(
        r#"<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>说明：</w:t></w:r>"#,
        r#"<w:ins w:id="8" w:author="审核人" w:date="2026-01-05T10:00:00Z"><w:r><w:t>新增文字</w:t></w:r></w:ins>"#,
        r#"<w:del w:id="9" w:author="审核人" w:date="2026-01-05T10:00:00Z"><w:r><w:delText>删去文字</w:delText></w:r></w:del>"#,
        r#"<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>"#,
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#
    );
    let mut d = support::report::docx_from_body(&format!("{extra}{}", rendered.body));
    d.add("word/comments.xml", COMMENTS_XML);
    let rels = support::DOC_RELS.replace(
        "</Relationships>",
        r#"<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#,
    );
    d.add("word/_rels/document.xml.rels", rels);
    let ct = support::CONTENT_TYPES.replace(
        "</Types>",
        r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#,
    );
    d.add("[Content_Types].xml", ct);
    d.build()
}

#[test]
fn existing_comments_tracked_changes_and_fields_survive() {
    let bytes = with_existing_annotations();
    let (results, annotated) = annotate_bytes(&bytes, &options(false)).expect("annotate");
    let result = &results[0];
    assert!(annotated.comments >= 3);
    let xml = part(&annotated.bytes, "word/comments.xml").unwrap();
    let cs = comments(&xml);
    assert_eq!(cs.len(), 1 + annotated.comments);
    assert_eq!(
        cs[0],
        (
            "7".to_string(),
            "审核人".to_string(),
            "请核对此段\n".to_string()
        )
    );
    // Fresh ids: unique, and above every id the document already used (7, 8, 9).
    let mut ids: Vec<u64> = cs.iter().map(|c| c.0.parse().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), cs.len());
    assert!(ids[1..].iter().all(|&i| i > 9));
    let main = part(&annotated.bytes, "word/document.xml").unwrap();
    for kept in [
        r#"<w:commentRangeStart w:id="7"/>"#,
        r#"<w:commentReference w:id="7"/>"#,
        r#"<w:ins w:id="8" w:author="审核人""#,
        r#"<w:del w:id="9" w:author="审核人""#,
        "<w:delText>删去文字</w:delText>",
        r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#,
    ] {
        assert!(main.contains(kept), "lost: {kept}");
    }
    // No second relationship or content type for the comments part.
    let rels = part(&annotated.bytes, "word/_rels/document.xml.rels").unwrap();
    assert_eq!(count(&rels, "relationships/comments\""), 1);
    let ct = part(&annotated.bytes, "[Content_Types].xml").unwrap();
    assert_eq!(count(&ct, "/word/comments.xml"), 1);
    assert_eq!(
        key(&check_bytes(&annotated.bytes).findings),
        key(&result.findings)
    );
    // With corrections as tracked changes too: the old revisions and comment are still there.
    let (_, tracked) = annotate_bytes(&bytes, &options(true)).unwrap();
    assert_eq!(tracked.revisions, 2);
    let main = part(&tracked.bytes, "word/document.xml").unwrap();
    assert!(
        main.contains(r#"<w:ins w:id="8" w:author="审核人""#)
            && main.contains(r#"<w:commentReference w:id="7"/>"#)
    );
    assert_eq!(
        comments(&part(&tracked.bytes, "word/comments.xml").unwrap())[0].1,
        "审核人"
    );
}

#[test]
fn a_paragraph_span_is_anchored_on_its_characters_keeping_run_properties() {
    let body = concat!(
        r#"<w:p><w:r><w:t>标题</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>本年度共收到申请</w:t></w:r>"#,
        r#"<w:r><w:t xml:space="preserve">12 件，&amp;办结 10 件。</w:t></w:r><w:r><w:tab/><w:t>下一句。</w:t></w:r></w:p>"#
    );
    let bytes = Docx::with_body(body).build();
    // "收到申请12 件" = chars 3..12 of "本年度共收到申请12 件，&办结 10 件。\t下一句。"
    let text: Vec<char> = "本年度共收到申请12 件，&办结 10 件。\t下一句。"
        .chars()
        .collect();
    let anchors = vec![
        Anchor {
            target: Target::Paragraph {
                ordinal: 1,
                start: 4,
                end: 12,
            },
            text: "句中".into(),
            correction: None,
        },
        Anchor {
            target: Target::Paragraph {
                ordinal: 1,
                start: 13,
                end: 21,
            },
            text: "跨越".into(),
            correction: None,
        },
        // Exactly one whole run: no run is split.
        Anchor {
            target: Target::Paragraph {
                ordinal: 1,
                start: 8,
                end: 22,
            },
            text: "整段".into(),
            correction: None,
        },
        Anchor {
            target: Target::Paragraph {
                ordinal: 7,
                start: 0,
                end: 1,
            },
            text: "不存在".into(),
            correction: None,
        },
    ];
    let out = annotate(&bytes, &anchors, &options(false)).expect("annotate");
    assert_eq!(out.comments, 3);
    assert_eq!(out.unplaced, vec![3]);
    let main = part(&out.bytes, "word/document.xml").unwrap();
    let cs = comments(&part(&out.bytes, "word/comments.xml").unwrap());
    let expect = |s: usize, e: usize| {
        text[s..e]
            .iter()
            .collect::<String>()
            .replace('&', "&amp;")
            .replace('\t', "")
    };
    assert_eq!(anchored_text(&main, &cs[0].0), expect(4, 12));
    assert_eq!(anchored_text(&main, &cs[1].0), expect(13, 21));
    assert_eq!(anchored_text(&main, &cs[2].0), expect(8, 22));
    assert!(
        main.contains(r#"<w:commentRangeStart w:id="3"/><w:r><w:t xml:space="preserve">12 件"#)
            && main.contains(r#"。</w:t></w:r><w:commentRangeEnd w:id="3"/>"#),
        "{main}"
    );
    assert!(
        !main.contains("<w:t xml:space=\"preserve\"></w:t>"),
        "an empty run was left: {main}"
    );
    // The split run keeps its bold.
    assert!(
        main.contains(r#"<w:commentRangeStart w:id="1"/><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">收到申请"#),
        "{main}"
    );
    // Well-formed, and the text reads as before.
    // Well-formed, and the text reads as before.
    let before = plain_text(&part(&bytes, "word/document.xml").unwrap());
    assert_eq!(plain_text(&main), before);
    assert_eq!(
        plain_text(&main),
        "标题本年度共收到申请12 件，&办结 10 件。下一句。"
    );
}

#[test]
fn bad_input_is_refused_with_a_typed_rejection_never_a_panic() {
    let r = annotate_bytes(b"not a zip at all", &options(false)).unwrap_err();
    assert_ne!(r.code, RejectionCode::Internal);
    assert!(!r.message.is_empty());
    let mut small = options(false);
    small.limits.max_input_bytes = 100;
    let r = annotate(&wrong_total(), &[], &small).unwrap_err();
    assert_eq!(r.code, RejectionCode::TooLarge);
    assert!(r.message.contains("上限"));
    // A legacy .doc (an OLE compound file) is named as such.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let r = annotate(&ole, &[], &options(false)).unwrap_err();
    assert_ne!(r.code, RejectionCode::CorruptZip, "{r}");
    // A truncated file.
    let bytes = wrong_total();
    let r = annotate(&bytes[..bytes.len() / 2], &[], &options(false)).unwrap_err();
    assert_eq!(r.code, RejectionCode::CorruptZip);
    // A target that does not exist is reported, not written.
    let a = Anchor {
        target: Target::Cell {
            table: 99,
            tr: 0,
            tc: 0,
        },
        text: "x".into(),
        correction: Some("1".into()),
    };
    let out = annotate(&bytes, &[a], &options(true)).unwrap();
    assert_eq!((out.comments, out.unplaced.clone()), (0, vec![0]));
    assert_eq!(out.bytes, bytes);
}

#[test]
fn the_file_name_says_it_holds_the_check() {
    assert_eq!(
        annotated_file_name("2023年度报告.docx"),
        "2023年度报告（检查意见）.docx"
    );
    assert_eq!(
        annotated_file_name("/tmp/x/报告.DOCX"),
        "报告（检查意见）.docx"
    );
    assert_eq!(
        annotated_file_name("C:\\a\\b.c.docx"),
        "b.c（检查意见）.docx"
    );
    assert_eq!(annotated_file_name(".docx"), "报告（检查意见）.docx");
    assert_eq!(annotated_file_name("宏.DOCM"), "宏（检查意见）.docm");
}

// --------------------------------------------------------------------------- other readers

fn write_temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-annotate-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("report.docx");
    std::fs::write(&path, bytes).unwrap();
    path
}

fn have(cmd: &str, arg: &str) -> bool {
    std::process::Command::new(cmd)
        .arg(arg)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

#[test]
fn libreoffice_opens_it_and_keeps_the_annotations() {
    if !have("soffice", "--version") {
        support::tool_missing("soffice (LibreOffice)");
        return;
    }
    // A seed with findings.
    let bytes = seeds()
        .into_iter()
        .map(|p| std::fs::read(p).unwrap())
        .find(|b| check_bytes(b).findings.iter().any(|f| !f.cells.is_empty()))
        .expect("a seed with findings");
    let (_, annotated) = annotate_bytes(&wrong_total(), &options(true)).unwrap();
    for (tag, data, expected) in [
        ("wrong", annotated.bytes.clone(), annotated.comments),
        ("seed", bytes, 0),
    ] {
        let (data, expected) = if tag == "seed" {
            let (_, a) = annotate_bytes(&data, &options(true)).unwrap();
            (a.bytes, a.comments)
        } else {
            (data, expected)
        };
        let path = write_temp(tag, &data);
        let dir = path.parent().unwrap();
        for fmt in ["pdf", "odt"] {
            let out = std::process::Command::new("soffice")
                .args([
                    "--headless",
                    "--norestore",
                    &format!("-env:UserInstallation=file://{}/lo", dir.display()),
                ])
                .args(["--convert-to", fmt, "--outdir"])
                .arg(dir)
                .arg(&path)
                .output()
                .expect("run soffice");
            let produced = dir.join(format!("report.{fmt}"));
            assert!(
                produced.exists(),
                "soffice made no {fmt}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(std::fs::metadata(&produced).unwrap().len() > 1000);
        }
        let odt = std::fs::read(dir.join("report.odt")).unwrap();
        let content = part(&odt, "content.xml").unwrap();
        let n = count(&content, "<office:annotation ") + count(&content, "<office:annotation>");
        assert_eq!(n, expected, "{tag}: annotations in the ODT");
        assert!(content.contains("nianbao"));
        if tag == "wrong" {
            // The tracked change is read as one: "5" deleted and "0" inserted, both by nianbao.
            let by = "<office:change-info><dc:creator>nianbao</dc:creator>";
            let deletion = content
                .find(&format!("<text:deletion>{by}"))
                .expect("a deletion by nianbao");
            let deleted = &content
                [deletion..deletion + content[deletion..].find("</text:deletion>").unwrap()];
            assert!(
                deleted.contains(">5<"),
                "the deletion holds the old number: {deleted}"
            );
            assert!(
                content.contains(&format!("<text:insertion>{by}")),
                "no insertion by nianbao"
            );
            assert!(
                content.contains("0<text:change-end"),
                "the inserted number is not 0"
            );
        }
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn python_docx_opens_it() {
    let ok = std::process::Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        support::tool_missing("python3 with python-docx");
        return;
    }
    let (_, annotated) = annotate_bytes(&wrong_total(), &options(true)).unwrap();
    let path = write_temp("py", &annotated.bytes);
    let script = r#"
import sys, docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
d = docx.Document(sys.argv[1])
rels = [r for r in d.part.rels.values() if r.reltype == RT.COMMENTS]
assert len(rels) == 1, rels
# python-docx >= 1.2 reads the comments themselves.
comments = list(d.comments) if hasattr(d, "comments") else []
for c in comments:
    assert c.author == "nianbao" and c.initials == "NB", (c.author, c.initials)
print(len(d.tables), rels[0].target_part.blob.decode("utf-8").count("<w:comment "), len(comments), hasattr(d, "comments"))
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python-docx failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut it = stdout.split_whitespace();
    let tables: usize = it.next().unwrap().parse().unwrap();
    let comments: usize = it.next().unwrap().parse().unwrap();
    let read: usize = it.next().unwrap().parse().unwrap();
    let reads_comments = it.next() == Some("True");
    assert!(tables >= 3);
    assert_eq!(comments, annotated.comments);
    if reads_comments {
        assert_eq!(read, annotated.comments, "python-docx read the comments");
    } else {
        eprintln!("NOTICE: python-docx older than 1.2: comments counted in the part only");
    }
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

/// Well-formed XML (end names checked), read to the end.
fn assert_well_formed(xml: &str, what: &str) {
    let mut r = quick_xml::Reader::from_str(xml);
    r.config_mut().check_end_names = true;
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => return,
            Ok(_) => {}
            Err(e) => panic!("{what}: not well-formed at {}: {e}", r.buffer_position()),
        }
    }
}

#[test]
fn every_number_cell_and_paragraph_of_the_seeds_takes_a_comment_and_a_correction() {
    for path in seeds() {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.display().to_string();
        let result = check_bytes(&bytes);
        let entries: Vec<_> = result
            .values
            .table2
            .iter()
            .chain(&result.values.table3)
            .chain(&result.values.table4)
            .filter_map(|v| v.cell)
            .collect();
        let targets = cell_targets(&bytes, &entries, &options(true)).unwrap();
        let mut anchors: Vec<Anchor> = targets
            .iter()
            .enumerate()
            .map(|(k, t)| Anchor {
                target: t.clone().expect("every value cell has a source position"),
                text: format!("格 {k}"),
                correction: Some((k + 1).to_string()),
            })
            .collect();
        let original = part(&bytes, "word/document.xml").unwrap();
        let paragraphs =
            count(&original, "<w:p>") + count(&original, "<w:p ") + count(&original, "<w:p/>");
        for ordinal in 0..paragraphs {
            anchors.push(Anchor {
                target: Target::Paragraph {
                    ordinal,
                    start: 1,
                    end: 3,
                },
                text: format!("段 {ordinal}"),
                correction: None,
            });
        }
        let out = annotate(&bytes, &anchors, &options(true)).unwrap();
        if let Some(dir) = std::env::var_os("NIANBAO_ANNOTATE_DUMP") {
            // For looking at the result in Word, WPS or LibreOffice.
            std::fs::write(Path::new(&dir).join(path.file_name().unwrap()), &out.bytes).unwrap();
        }
        assert!(
            out.unplaced.is_empty(),
            "{name}: unplaced {:?}",
            out.unplaced
        );
        assert_eq!(out.comments, anchors.len());
        let main = part(&out.bytes, "word/document.xml").unwrap();
        assert_well_formed(&main, &name);
        let comments_xml = part(&out.bytes, "word/comments.xml").unwrap();
        assert_well_formed(&comments_xml, &name);
        assert_eq!(comments(&comments_xml).len(), anchors.len());

        // Accepted, every number cell holds its correction.
        let accepted = check_bytes(&with_part(
            &out.bytes,
            "word/document.xml",
            accept_all(&main),
        ));
        let values: BTreeMap<CellRef, Option<Quantity>> = accepted
            .values
            .table2
            .iter()
            .chain(&accepted.values.table3)
            .chain(&accepted.values.table4)
            .filter_map(|v| v.cell.map(|c| (c, v.value.clone())))
            .collect();
        let wrong: Vec<_> = entries
            .iter()
            .enumerate()
            .filter(|(k, c)| values.get(c) != Some(&Some(Quantity::Int(*k as i64 + 1))))
            .map(|(_, c)| (c, values.get(c)))
            .collect();
        assert!(
            wrong.is_empty(),
            "{name}: {} cells not corrected, e.g. {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(3)]
        );
        // Rejected (the original text kept), the document reads as before.
        let rejected = reject_all(&main);
        assert_eq!(plain_text(&rejected), plain_text(&original), "{name}");
    }
}

/// Rejects every tracked change made by nianbao: its insertions dropped, its deletions restored.
fn reject_all(xml: &str) -> String {
    let mut s = xml.to_string();
    while let Some(i) = s
        .find("<w:ins w:id=\"")
        .filter(|&i| s[i..].split('>').next().unwrap().contains("nianbao"))
    {
        let end = s[i..].find("</w:ins>").unwrap() + i + "</w:ins>".len();
        s.replace_range(i..end, "");
    }
    while let Some(i) = s
        .find("<w:del w:id=\"")
        .filter(|&i| s[i..].split('>').next().unwrap().contains("nianbao"))
    {
        let close = s[i..].find('>').unwrap() + i;
        s.replace_range(i..=close, "");
        let end = s[i..].find("</w:del>").unwrap() + i;
        s.replace_range(end..end + "</w:del>".len(), "");
    }
    s.replace("<w:delText", "<w:t")
        .replace("</w:delText>", "</w:t>")
}

#[test]
fn hostile_main_parts_are_refused_cleanly() {
    let cell = Anchor {
        target: Target::Cell {
            table: 0,
            tr: 0,
            tc: 0,
        },
        text: "x".into(),
        correction: Some("1".into()),
    };
    let para = Anchor {
        target: Target::Paragraph {
            ordinal: 0,
            start: 0,
            end: 2,
        },
        text: "y".into(),
        correction: None,
    };
    let anchors = [cell, para];
    // Not well-formed.
    let mut d = Docx::with_body("<w:p><w:r><w:t>a</w:t></w:r></w:p>");
    d.add(
        "word/document.xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p></w:body>",
    );
    let r = annotate(&d.build(), &anchors, &options(true)).unwrap_err();
    assert_eq!(r.code, RejectionCode::BadXml);
    // Nested deeper than the limit.
    let deep = format!(
        "{}{}",
        "<w:sdt><w:sdtContent>".repeat(200),
        "</w:sdtContent></w:sdt>".repeat(200)
    );
    let r = annotate(&Docx::with_body(&deep).build(), &anchors, &options(true)).unwrap_err();
    assert_eq!(r.code, RejectionCode::TooComplex);
    assert!(r.message.contains("嵌套过深"));
    // A main part larger than the part limit.
    let mut small = options(true);
    small.limits.max_part_bytes = 200;
    let r = annotate(
        &Docx::with_body(&support::p(&"字".repeat(300))).build(),
        &anchors,
        &small,
    )
    .unwrap_err();
    assert_eq!(r.code, RejectionCode::TooLargeInflated);
    // No WordprocessingML prefix.
    let mut d = Docx::with_body("");
    d.add(
        "word/document.xml",
        "<document><body><p/></body></document>",
    );
    assert!(annotate(&d.build(), &anchors, &options(true)).is_err());
}

#[test]
fn damaged_files_never_panic() {
    let original = wrong_total();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let anchors = [Anchor {
        target: Target::Cell {
            table: 1,
            tr: 3,
            tc: 7,
        },
        text: "x".into(),
        correction: Some("1".into()),
    }];
    for _ in 0..300 {
        let mut bytes = original.clone();
        for _ in 0..(1 + next() % 4) {
            let at = (next() as usize) % bytes.len();
            bytes[at] = next() as u8;
        }
        if next() % 5 == 0 {
            bytes.truncate((next() as usize) % bytes.len());
        }
        // Either a file or a rejection; never a panic.
        let _ = annotate(&bytes, &anchors, &options(true));
        let _ = annotate_bytes(&bytes, &options(true));
    }
    // Damaged XML inside an intact zip.
    let main = part(&original, "word/document.xml").unwrap();
    for cut in (0..main.len()).step_by(main.len() / 97 + 1) {
        let mut cut_at = cut;
        while !main.is_char_boundary(cut_at) {
            cut_at -= 1;
        }
        let bytes = with_part(&original, "word/document.xml", &main[..cut_at]);
        let r = annotate(&bytes, &anchors, &options(true)).unwrap_err();
        assert_eq!(r.code, RejectionCode::BadXml, "cut at {cut_at}");
    }
}

#[test]
fn tables_in_text_boxes_and_their_fallback_copies_are_numbered_like_the_model() {
    // A text box holding a table, written twice (DrawingML choice and VML fallback), before
    // the report: the model reads the choice only, so the writer must skip the fallback's table.
    let text_box = concat!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><a:graphic><a:graphicData>"#,
        r#"<wps:wsp><wps:txbx><w:txbxContent><w:tbl><w:tr><w:tc><w:p><w:r><w:t>框</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>"#,
        r#"</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"#,
        r#"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:tbl><w:tr><w:tc><w:p><w:r><w:t>框</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>"#,
        r#"</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#
    );
    let mut spec = ReportSpec::zeros_2021();
    spec.set_t3("new_received", 6, "5");
    let bytes =
        support::report::docx_from_body(&format!("{text_box}{}", spec.render().body)).build();
    let (results, annotated) = annotate_bytes(&bytes, &options(true)).unwrap();
    let result = &results[0];
    let row = result
        .findings
        .iter()
        .find(|f| f.rule == "T3.ROW")
        .expect("T3.ROW");
    assert_eq!(
        row.cells[0].table, 2,
        "the text box's table comes first in the model"
    );
    let main = part(&annotated.bytes, "word/document.xml").unwrap();
    let cs = comments(&part(&annotated.bytes, "word/comments.xml").unwrap());
    let id = &cs.iter().find(|c| c.2.contains("T3.ROW")).unwrap().0;
    // The total cell: its old number deleted, the new one inserted, inside the range.
    assert_eq!(anchored_text(&main, id), "0");
    assert!(main[main
        .find(&format!("<w:commentRangeStart w:id=\"{id}\"/>"))
        .unwrap()..]
        .contains(">5</w:delText>"));
    assert_eq!(check_bytes(&annotated.bytes).errors(), 0);
}

#[test]
fn a_comments_relationship_without_its_part_gets_the_part() {
    let mut spec = ReportSpec::zeros_2021();
    spec.set_t3("new_received", 6, "5");
    let mut d = support::report::docx_from_body(&spec.render().body);
    let rels = support::DOC_RELS.replace(
        "</Relationships>",
        r#"<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="notes/c.xml"/></Relationships>"#,
    );
    d.add("word/_rels/document.xml.rels", rels);
    let (_, annotated) = annotate_bytes(&d.build(), &options(false)).unwrap();
    let cs = comments(
        &part(&annotated.bytes, "word/notes/c.xml").expect("the part the relationship names"),
    );
    assert_eq!(cs.len(), annotated.comments);
    assert!(part(&annotated.bytes, "word/comments.xml").is_none());
    let rels = part(&annotated.bytes, "word/_rels/document.xml.rels").unwrap();
    assert_eq!(count(&rels, "relationships/comments\""), 1);
    let ct = part(&annotated.bytes, "[Content_Types].xml").unwrap();
    assert_eq!(count(&ct, "PartName=\"/word/notes/c.xml\""), 1);
}

#[test]
fn a_text_finding_is_anchored_on_its_sentence_and_a_culprit_carries_its_fix() {
    // An opening sentence with last year's year: a text finding; and a wrong 总计: a culprit
    // with its fix.
    let mut spec = ReportSpec::zeros_2021();
    spec.sections[0].before[0] = format!(
        "本报告依据条例编制。2020年，{}认真贯彻落实条例，扎实推进政务公开工作。",
        spec.agency
    );
    spec.set_t3("new_received", 6, "5");
    let bytes = spec.to_bytes();
    let (results, annotated) = annotate_bytes(&bytes, &options(true)).expect("annotate");
    let result = &results[0];
    let text_finding = result
        .findings
        .iter()
        .find(|f| matches!(f.locations.first(), Some(Location::Text { doc: 0, .. })))
        .unwrap_or_else(|| panic!("a finding on the date line: {:?}", key(&result.findings)));
    let Some(Location::Text { sentence, .. }) = text_finding.locations.first() else {
        unreachable!()
    };
    assert!(sentence.starts_with("2020年"), "{sentence}");
    assert!(
        !sentence.contains("编制"),
        "the sentence, not the paragraph: {sentence}"
    );

    let culprit = result
        .findings
        .iter()
        .find_map(|f| f.culprit)
        .expect("a culprit");
    let fix = result
        .findings
        .iter()
        .find_map(|f| f.fix.clone())
        .expect("a fix");
    assert_eq!(fix.cell, culprit);
    assert_eq!(fix.value, Quantity::Int(0));

    // Every finding has a comment; the text finding's is on its sentence, the correction is the fix.
    assert_eq!(annotated.comments, result.findings.len() + 1);
    let main = part(&annotated.bytes, "word/document.xml").unwrap();
    let cs = comments(&part(&annotated.bytes, "word/comments.xml").unwrap());
    let (id, _, _) = cs
        .iter()
        .find(|(_, _, t)| t.contains(&text_finding.message))
        .expect("its comment");
    assert_eq!(&anchored_text(&main, id), sentence);
    assert!(
        main.contains("<w:t>0</w:t></w:r></w:ins>") || main.contains(">0</w:t></w:r></w:ins>"),
        "the correction 0"
    );
    // The fix is part of the JSON result.
    let json = nianbao::present::json_line("x.docx", result);
    assert!(
        json.contains(&format!(
            "\"fix\":{{\"cell\":{{\"table\":{},\"row\":{},\"col\":{}}},\"value\":0}}",
            culprit.table, culprit.row, culprit.col
        )),
        "{json}"
    );
}

/// A file holding two reports, the second paired with last year's report in a batch: the
/// annotation carries the findings of both reports in one copy, each comment naming its report,
/// and a cross-year finding is anchored on its cell in this year's file, never on the cell of
/// last year's report it also names.
#[test]
fn every_report_of_a_file_in_one_copy_and_cross_year_cells_of_this_year_only() {
    use nianbao::inspect::check::{annotate_results, check_batch, document};
    use nianbao::present::annotate::{anchors_for, cell_target};
    use support::report::{multi_docx, Format};

    let agency = "某某县卫生健康局";
    let mut last = ReportSpec::zeros(Format::Format2021, 2021, agency).reworded();
    last.set_t3_row("new_received", [1, 0, 0, 0, 0, 0])
        .set_t3_row("carried_forward", [1, 0, 0, 0, 0, 0]);
    let this_year = |carried: i64| {
        let mut r = ReportSpec::zeros(Format::Format2021, 2022, agency);
        r.set_t3_row("carried_over", [carried, 0, 0, 0, 0, 0])
            .set_t3_row("granted", [carried, 0, 0, 0, 0, 0])
            .set_t3_row("results_total", [carried, 0, 0, 0, 0, 0]);
        r
    };
    let mut other = this_year(4);
    other.agency = "另一个县卫生健康局".into();
    other.signature = Some(other.agency.clone());
    // The second report carries over 2 where last year carried forward 1: T3.XYEAR.
    let both = multi_docx(&[other, this_year(2)]).build();
    let last = last.to_bytes();
    let batch = check_batch(
        &[("2021.docx", &last), ("2022.docx", &both)],
        &nianbao::Options::default(),
    );
    let results = &batch[1];
    assert_eq!(results.len(), 2);
    assert!(results[1].previous.is_some(), "the second report is paired");

    let doc = document(&both, &nianbao::Limits::default()).expect("document");
    let anchors = anchors_for(results, &doc);
    let findings: Vec<(usize, &Finding)> = results
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.findings.iter().map(move |f| (i, f)))
        .collect();
    let culprits: std::collections::BTreeSet<CellRef> =
        findings.iter().filter_map(|(_, f)| f.culprit).collect();
    assert_eq!(anchors.len(), findings.len() + culprits.len());
    let mut xyear = 0;
    for ((report, f), anchor) in findings.iter().zip(&anchors) {
        assert!(
            anchor
                .text
                .contains(&format!("（第 {}/2 份年报）", report + 1)),
            "{}",
            anchor.text
        );
        if f.rule != "T3.XYEAR" {
            continue;
        }
        xyear += 1;
        let cell = |want: u8| {
            f.locations.iter().find_map(|l| match l {
                Location::Cell {
                    doc,
                    table,
                    row,
                    col,
                    ..
                } if *doc == want => Some(CellRef {
                    table: *table,
                    row: *row,
                    col: *col,
                }),
                _ => None,
            })
        };
        let here = cell(0).expect("a cell of this year's report");
        let there = cell(1).expect("a cell of last year's report");
        assert_eq!(Some(&anchor.target), cell_target(&doc, &here).as_ref());
        assert_ne!(Some(&anchor.target), cell_target(&doc, &there).as_ref());
    }
    assert!(xyear > 0, "a cross-year finding: {findings:?}");

    let annotated = annotate_results(&both, results, &options(false)).expect("annotate");
    assert_eq!(annotated.comments, anchors.len());
    assert!(annotated.unplaced.is_empty(), "{:?}", annotated.unplaced);
}
