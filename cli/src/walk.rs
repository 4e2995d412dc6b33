//! Which files a list of paths names: files as given, folders searched recursively (walkdir).

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Deepest folder nesting followed below a folder given on the command line.
const MAX_WALK_DEPTH: usize = 64;

/// The files to check, in order: each path in turn, a folder's report files sorted by name
/// (depth first). `missing` is set when a path does not exist (reported on stderr).
pub struct Files {
    pub files: Vec<PathBuf>,
    pub missing: bool,
}

pub fn collect(paths: &[PathBuf]) -> Files {
    let mut out = Files {
        files: Vec::new(),
        missing: false,
    };
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out.files);
        } else if p.exists() {
            out.files.push(p.clone());
        } else {
            eprintln!(
                "{}",
                nianbao::words::path_not_found(&p.display().to_string())
            );
            out.missing = true;
        }
    }
    out
}

/// Collects report files below `dir`. Symbolic links below it are not followed (the folder
/// itself may be one); unreadable folders are reported on stderr and skipped.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    // Files of a folder at depth MAX_WALK_DEPTH are one level deeper.
    let walker = WalkDir::new(dir)
        .max_depth(MAX_WALK_DEPTH + 1)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && is_report_file(e.path()) => {
                files.push(e.into_path())
            }
            Ok(_) => {}
            Err(err) => eprintln!(
                "{}",
                nianbao::words::cannot_read_folder(
                    &err.path().unwrap_or(dir).display().to_string()
                )
            ),
        }
    }
}

/// A Word/WPS document or a saved web page by its extension, except Word's and WPS's lock files.
fn is_report_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with("~$") || name.starts_with(".~") {
        return false;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "docx" | "docm" | "doc" | "wps" | "html" | "htm" | "mht" | "mhtml"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_files_by_extension_without_lock_files() {
        for yes in [
            "a.docx",
            "b.DOCX",
            "c.docm",
            "d.doc",
            "e.wps",
            "报告.Docx",
            "f.html",
            "g.HTM",
            "h.mht",
            "i.mhtml",
        ] {
            assert!(is_report_file(Path::new(yes)), "{yes}");
        }
        for no in [
            "~$a.docx",
            ".~b.docx",
            "c.txt",
            "d.pdf",
            "docx",
            "e.docx.bak",
        ] {
            assert!(!is_report_file(Path::new(no)), "{no}");
        }
    }

    #[test]
    fn nesting_deeper_than_the_bound_is_not_followed() {
        let root = std::env::temp_dir().join(format!("nianbao-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let mut dir = root.clone();
        for depth in 0..=MAX_WALK_DEPTH + 1 {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(format!("r{depth:03}.docx")), b"x").unwrap();
            dir = dir.join("d");
        }
        let mut files = Vec::new();
        walk(&root, &mut files);
        let _ = std::fs::remove_dir_all(&root);
        // Folders at depth 0..=MAX_WALK_DEPTH are read; the one below is not.
        assert_eq!(files.len(), MAX_WALK_DEPTH + 1);
        let deepest = format!("r{MAX_WALK_DEPTH:03}.docx");
        assert!(files.iter().any(|f| f.ends_with(&deepest)), "{files:?}");
    }
}
