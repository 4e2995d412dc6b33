//! Web pages as text for the HTML reader: the character set of an .html/.htm (byte order mark,
//! `<meta charset>` or `http-equiv` Content-Type, else UTF-8 when valid, else GB18030, the
//! superset of GB2312/GBK), and the HTML part of an .mht/.mhtml (MIME multipart/related,
//! quoted-printable or base64). Decoding uses `encoding_rs`.

use crate::rejection::{ReaderProblem, Refusal, Rejection};
use encoding_rs::{Encoding, GB18030, UTF_8};

/// How far into a page its `<meta>` charset is looked for (the HTML standard says 1024 bytes;
/// Word-exported pages put it after long style blocks, so a little further).
const META_SCAN: usize = 8192;
/// Most MIME parts looked at in an .mht.
const MAX_PARTS: usize = 10_000;

/// The page decoded to text.
pub(super) fn decode_html(bytes: &[u8]) -> String {
    decode_with(bytes, None)
}

fn decode_with(bytes: &[u8], declared: Option<&'static Encoding>) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or(&[]);
        return enc.decode_without_bom_handling(body).0.into_owned();
    }
    let enc = declared.or_else(|| meta_charset(bytes)).unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            UTF_8
        } else {
            GB18030
        }
    });
    // A page declared as GB2312 is often GBK in fact: decode every GB label as GB18030.
    let enc = if enc.name() == "GBK" || enc.name() == "gb2312" {
        GB18030
    } else {
        enc
    };
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The charset a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
/// near the start names.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..META_SCAN.min(bytes.len())).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0usize;
    // Bounded: each step moves past one `<meta`.
    while let Some(i) = memchr::memmem::find(lower.get(from..)?, b"<meta") {
        let start = from + i;
        let end = lower
            .get(start..)
            .and_then(|t| memchr::memchr(b'>', t))
            .map_or(lower.len(), |e| start + e);
        let tag = lower.get(start..end)?;
        if let Some(enc) = charset_param(tag) {
            return Some(enc);
        }
        from = start + 5;
    }
    None
}

/// The encoding named by a `charset=` inside (lower-cased) header or tag text.
fn charset_param(text: &[u8]) -> Option<&'static Encoding> {
    let i = memchr::memmem::find(text, b"charset")?;
    let rest = text.get(i + 7..)?;
    let rest = rest
        .iter()
        .position(|&c| c != b' ' && c != b'=' && c != b'"' && c != b'\'')
        .and_then(|s| rest.get(s..))?;
    let label: Vec<u8> = rest
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b':')
        .copied()
        .collect();
    Encoding::for_label(&label)
}

/// A file the sniffer did not call HTML (a GBK page is not UTF-8; a saved fragment may begin
/// with `<table>` or `<div>`) that still looks like a web page with a table.
pub(super) fn sniff_html_loosely(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..4096.min(bytes.len())).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let trimmed = lower
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .and_then(|s| lower.get(s..))?;
    let htmlish = trimmed.starts_with(b"<")
        && (memchr::memmem::find(&lower, b"<html").is_some()
            || memchr::memmem::find(&lower, b"<table").is_some()
            || memchr::memmem::find(&lower, b"<body").is_some());
    htmlish.then(|| decode_html(bytes))
}

/// Splits MIME headers from the body at the first empty line.
fn split_headers(b: &[u8]) -> (&[u8], &[u8]) {
    if let Some(i) = memchr::memmem::find(b, b"\r\n\r\n") {
        let lf = memchr::memmem::find(b, b"\n\n");
        if lf.is_none_or(|j| j > i) {
            return (b.get(..i).unwrap_or(b), b.get(i + 4..).unwrap_or(&[]));
        }
    }
    match memchr::memmem::find(b, b"\n\n") {
        Some(i) => (b.get(..i).unwrap_or(b), b.get(i + 2..).unwrap_or(&[])),
        None => (b, &[]),
    }
}

/// A header's value (continuation lines joined), lower-cased, from headers text.
fn header(headers: &[u8], name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(headers);
    let mut value: Option<String> = None;
    for line in text.lines() {
        if let Some(v) = value.as_mut() {
            if line.starts_with([' ', '\t']) {
                v.push(' ');
                v.push_str(line.trim());
                continue;
            }
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.trim().eq_ignore_ascii_case(name) {
                value = Some(v.trim().to_string());
            }
        }
    }
    value
}

fn boundary(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let i = lower.find("boundary=")?;
    let rest = content_type.get(i + 9..)?;
    let b = if let Some(q) = rest.strip_prefix('"') {
        q.split('"').next()?
    } else {
        rest.split([';', ' ', '\t']).next()?
    };
    (!b.is_empty()).then(|| b.to_string())
}

/// The HTML part of an .mht, decoded.
pub(super) fn mht_html(bytes: &[u8]) -> Result<String, Rejection> {
    let none = || Rejection::from(Refusal::Reader(ReaderProblem::MhtNoHtml));
    let (headers, body) = split_headers(bytes);
    let ct = header(headers, "Content-Type").unwrap_or_default();
    let Some(b) = boundary(&ct) else {
        // A single-part MHT: the body is the page.
        return part_text(headers, body).ok_or_else(none);
    };
    let delim = format!("--{b}");
    let mut parts = 0usize;
    let mut rest = body;
    while let Some(i) = memchr::memmem::find(rest, delim.as_bytes()) {
        parts += 1;
        if parts > MAX_PARTS {
            break;
        }
        rest = rest.get(i + delim.len()..).unwrap_or(&[]);
        if rest.starts_with(b"--") {
            break;
        }
        let end = memchr::memmem::find(rest, delim.as_bytes()).unwrap_or(rest.len());
        let part = rest.get(..end).unwrap_or(&[]);
        let part = part
            .strip_prefix(b"\r\n")
            .or_else(|| part.strip_prefix(b"\n"))
            .unwrap_or(part);
        let (ph, pb) = split_headers(part);
        let pct = header(ph, "Content-Type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        if pct.starts_with("text/html") {
            if let Some(t) = part_text(ph, pb) {
                return Ok(t);
            }
        }
        if pct.starts_with("multipart/") {
            if let Ok(t) = mht_html(part) {
                return Ok(t);
            }
        }
    }
    Err(none())
}

/// A text part's body, transfer-decoded and charset-decoded.
fn part_text(headers: &[u8], body: &[u8]) -> Option<String> {
    let cte = header(headers, "Content-Transfer-Encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let raw = if cte.contains("quoted-printable") {
        quoted_printable(body)
    } else if cte.contains("base64") {
        base64(body)?
    } else {
        body.to_vec()
    };
    let ct = header(headers, "Content-Type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let declared = charset_param(ct.as_bytes());
    Some(decode_with(&raw, declared))
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes quoted-printable: `=XX` bytes, soft line breaks `=\r\n`/`=\n`.
fn quoted_printable(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0usize;
    while let Some(&c) = b.get(i) {
        if c == b'=' {
            match (b.get(i + 1).copied(), b.get(i + 2).copied()) {
                (Some(b'\r'), Some(b'\n')) => i += 3,
                (Some(b'\n'), _) => i += 2,
                (Some(h), Some(l)) => match (hex(h), hex(l)) {
                    (Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        i += 3;
                    }
                    _ => {
                        out.push(c);
                        i += 1;
                    }
                },
                _ => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Decodes base64 (whitespace skipped; stops at the first `=` or invalid byte).
fn base64(b: &[u8]) -> Option<Vec<u8>> {
    fn val(c: u8) -> Option<u32> {
        Some(u32::from(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        }))
    }
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    let mut acc = 0u32;
    let mut n = 0u32;
    for &c in b {
        if c.is_ascii_whitespace() {
            continue;
        }
        let Some(v) = val(c) else { break };
        acc = (acc << 6) | v;
        n += 1;
        if n == 4 {
            out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8, acc as u8]);
            acc = 0;
            n = 0;
        }
    }
    match n {
        2 => out.push((acc >> 4) as u8),
        3 => out.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]),
        _ => {}
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets() {
        let gbk = GB18030
            .encode("<html><head><meta charset=\"gb2312\"></head><body>表二</body></html>")
            .0;
        assert!(decode_html(&gbk).contains("表二"));
        let undeclared = GB18030.encode("<html><body>政府信息公开</body></html>").0;
        assert!(decode_html(&undeclared).contains("政府信息公开"));
        let http = GB18030
            .encode("<meta http-equiv=Content-Type content=\"text/html; charset=gbk\"><p>申请</p>")
            .0;
        assert!(decode_html(&http).contains("申请"));
    }

    #[test]
    fn transfer_encodings() {
        assert_eq!(quoted_printable(b"a=3Db=\r\nc=E4"), b"a=bc\xE4");
        assert_eq!(base64(b"5pS/5bqc").unwrap(), "政府".as_bytes());
        assert_eq!(base64(b"YQ==").unwrap(), b"a");
    }

    #[test]
    fn mht_parts() {
        let mht = b"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary=\"XX\"\r\n\r\n--XX\r\nContent-Type: text/css\r\n\r\nx\r\n--XX\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=E6=94=BF=E5=BA=9C</p>\r\n--XX--\r\n";
        assert_eq!(mht_html(mht).unwrap().trim(), "<p>政府</p>");
        assert!(mht_html(
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=Y\r\n\r\n--Y--"
        )
        .is_err());
    }
}
