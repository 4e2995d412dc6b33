//! The small parts: the comments part, the main part's relationships and the content types.
//! Existing parts are extended by splicing before their closing tag, found with quick-xml.

use super::main_part::{esc, esc_into, W_MAIN_NS, W_STRICT_NS};
use super::{Anchor, AUTHOR, INITIALS};
use crate::messages::AnnotateProblem;
use crate::rejection::Rejection;
use quick_xml::events::Event;
use quick_xml::Reader;

const RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const COMMENTS_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_REL_STRICT: &str =
    "http://purl.oclc.org/ooxml/officeDocument/relationships/comments";
const COMMENTS_CT: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

fn bad_part() -> Rejection {
    Rejection::from(AnnotateProblem::BadPart)
}

fn local(qname: &[u8]) -> &[u8] {
    match qname.iter().position(|&b| b == b':') {
        Some(i) => &qname[i + 1..],
        None => qname,
    }
}

/// Largest numeric `w:id`-like attribute (`*:id`) in a part.
pub(crate) fn max_w_id(xml: &[u8]) -> u64 {
    let mut reader = Reader::from_reader(crate::opc::valid_utf8_start(xml).as_bytes());
    let mut max = 0u64;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                for a in e.attributes().with_checks(false).flatten() {
                    if local(a.key.as_ref()) == b"id" {
                        if let Some(v) = std::str::from_utf8(&a.value)
                            .ok()
                            .and_then(|v| v.trim().parse::<u64>().ok())
                        {
                            max = max.max(v.min(u32::MAX as u64));
                        }
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return max,
            _ => {}
        }
    }
}

/// Finds the root element: its prefix, the offset where its closing tag starts and, for an
/// empty root (`<x/>`), the range of the tag.
struct Root {
    prefix: String,
    close_at: usize,
    empty_tag: Option<(usize, usize)>,
}

fn root(xml: &[u8]) -> Result<Root, Rejection> {
    let mut reader = Reader::from_reader(crate::opc::valid_utf8_start(xml).as_bytes());
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut prefix = None;
    loop {
        let before = reader.buffer_position() as usize;
        match reader.read_event().map_err(|_| bad_part())? {
            Event::Start(e) => {
                if depth == 0 {
                    prefix = Some(prefix_of(e.name().as_ref()));
                }
                depth += 1;
            }
            Event::Empty(e) if depth == 0 => {
                let after = reader.buffer_position() as usize;
                return Ok(Root {
                    prefix: prefix_of(e.name().as_ref()),
                    close_at: before,
                    empty_tag: Some((before, after)),
                });
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Ok(Root {
                        prefix: prefix.unwrap_or_default(),
                        close_at: before,
                        empty_tag: None,
                    });
                }
            }
            Event::Eof => return Err(bad_part()),
            _ => {}
        }
    }
}

fn prefix_of(qname: &[u8]) -> String {
    match qname.iter().position(|&b| b == b':') {
        Some(i) => String::from_utf8_lossy(&qname[..i]).into_owned(),
        None => String::new(),
    }
}

/// Splices `insert` as the last children of the root element of `xml`.
fn append_children(xml: &[u8], insert: &str) -> Result<String, Rejection> {
    let r = root(xml)?;
    let text = std::str::from_utf8(xml).map_err(|_| bad_part())?;
    Ok(match r.empty_tag {
        Some((s, e)) => {
            let tag = &text[s..e];
            let open = format!(
                "{}>",
                tag.trim_end_matches('>').trim_end().trim_end_matches('/')
            );
            let name = open
                .trim_start_matches('<')
                .split([' ', '>', '/', '\t', '\n', '\r'])
                .next()
                .unwrap_or("");
            format!("{}{open}{insert}</{name}>{}", &text[..s], &text[e..])
        }
        None => format!("{}{insert}{}", &text[..r.close_at], &text[r.close_at..]),
    })
}

/// The comments part: the existing one with `comments` appended, or a new one.
pub(crate) fn comments_part(
    old: Option<&[u8]>,
    comments: &[(u64, &Anchor)],
    date: Option<&str>,
    strict: bool,
) -> Result<String, Rejection> {
    let prefix = match old {
        Some(xml) => root(xml)?.prefix,
        None => "w".to_string(),
    };
    if prefix.is_empty() {
        return Err(bad_part());
    }
    let p = &prefix;
    // Written straight into one buffer with push_str (no string per element, no formatting
    // machinery per piece): with 162 comments (seed_003) those were most of this part's cost.
    let mut body = String::with_capacity(
        comments
            .iter()
            .map(|(_, a)| a.text.len() + 200)
            .sum::<usize>(),
    );
    let date = date.map(esc);
    let mut id_digits = Vec::with_capacity(20);
    // `<p:name`, `</p:name>` and `<p:name/>` with the part's prefix.
    let open = |body: &mut String, name: &str| {
        body.push('<');
        body.push_str(p);
        body.push(':');
        body.push_str(name);
    };
    let close = |body: &mut String, name: &str| {
        body.push_str("</");
        body.push_str(p);
        body.push(':');
        body.push_str(name);
        body.push('>');
    };
    let attr = |body: &mut String, name: &str, value: &str| {
        body.push(' ');
        body.push_str(p);
        body.push(':');
        body.push_str(name);
        body.push_str("=\"");
        body.push_str(value);
        body.push('"');
    };
    for (id, a) in comments {
        id_digits.clear();
        super::main_part::push_u64(&mut id_digits, *id);
        open(&mut body, "comment");
        attr(
            &mut body,
            "id",
            std::str::from_utf8(&id_digits).unwrap_or("0"),
        );
        attr(&mut body, "author", AUTHOR);
        if let Some(d) = &date {
            attr(&mut body, "date", d);
        }
        attr(&mut body, "initials", INITIALS);
        body.push('>');
        for (k, line) in a.text.split('\n').enumerate() {
            open(&mut body, "p>");
            if k == 0 {
                open(&mut body, "r>");
                open(&mut body, "annotationRef/>");
                close(&mut body, "r");
            }
            open(&mut body, "r>");
            open(&mut body, "t xml:space=\"preserve\">");
            esc_into(&mut body, line);
            close(&mut body, "t");
            close(&mut body, "r");
            close(&mut body, "p");
        }
        close(&mut body, "comment");
    }
    match old {
        Some(xml) => append_children(xml, &body),
        None => {
            let ns = if strict { W_STRICT_NS } else { W_MAIN_NS };
            Ok(format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:comments xmlns:w=\"{ns}\">{body}</w:comments>"
            ))
        }
    }
}

/// The main part's relationships with a comments relationship added (a new part when `old` is
/// `None`).
pub(crate) fn add_relationship(
    old: Option<&[u8]>,
    target: &str,
    strict: bool,
) -> Result<String, Rejection> {
    let ty = if strict {
        COMMENTS_REL_STRICT
    } else {
        COMMENTS_REL
    };
    let text = old
        .map(|o| String::from_utf8_lossy(o).into_owned())
        .unwrap_or_default();
    let mut n = 1;
    let mut id = "rIdNianbao1".to_string();
    while text.contains(&format!("\"{id}\"")) {
        n += 1;
        id = format!("rIdNianbao{n}");
    }
    match old {
        Some(xml) => {
            let prefix = root(xml)?.prefix;
            let tag = if prefix.is_empty() { "Relationship".to_string() } else { format!("{prefix}:Relationship") };
            append_children(xml, &format!("<{tag} Id=\"{id}\" Type=\"{ty}\" Target=\"{}\"/>", esc(target)))
        }
        None => Ok(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"{RELS_NS}\"><Relationship Id=\"{id}\" Type=\"{ty}\" Target=\"{}\"/></Relationships>",
            esc(target)
        )),
    }
}

/// The content types with an override for `part` (`/word/comments.xml`), or `None` when it
/// already has one.
pub(crate) fn add_override(ct: &[u8], part: &str) -> Result<Option<String>, Rejection> {
    let valid = crate::opc::valid_utf8_start(ct).as_bytes();
    let mut reader = Reader::from_reader(valid);
    loop {
        match reader.read_event().map_err(|_| bad_part())? {
            Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == b"Override" => {
                for a in e.attributes().with_checks(false).flatten() {
                    if a.key.as_ref() == b"PartName"
                        && a.value.eq_ignore_ascii_case(part.as_bytes())
                    {
                        return Ok(None);
                    }
                }
            }
            Event::Eof if valid.len() < ct.len() => return Err(bad_part()),
            Event::Eof => break,
            _ => {}
        }
    }
    let prefix = root(ct)?.prefix;
    let tag = if prefix.is_empty() {
        "Override".to_string()
    } else {
        format!("{prefix}:Override")
    };
    append_children(
        ct,
        &format!(
            "<{tag} PartName=\"{}\" ContentType=\"{COMMENTS_CT}\"/>",
            esc(part)
        ),
    )
    .map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_to_an_empty_root() {
        let out = append_children(
            b"<?xml version=\"1.0\"?><Types xmlns=\"x\"/>",
            "<Override/>",
        )
        .unwrap();
        assert_eq!(
            out,
            "<?xml version=\"1.0\"?><Types xmlns=\"x\"><Override/></Types>"
        );
    }
}
