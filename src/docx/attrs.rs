//! Attribute helpers of the Word reader: prefixed names, `w:val`-style attributes, numbers,
//! on/off values and vertical merges.

use super::*;

/// Splits `prefix:local`; `None` without a prefix.
pub(super) fn split_prefix(qname: &[u8]) -> Option<(&[u8], &[u8])> {
    let i = qname.iter().position(|&b| b == b':')?;
    Some((qname.get(..i)?, qname.get(i + 1..)?))
}

/// The value of attribute `w:<local>` (or unprefixed `<local>`), entity-decoded.
pub(super) fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    let local = local.as_bytes();
    for a in e.attributes().with_checks(false).flatten() {
        let key = a.key.as_ref();
        let matches = key == local || split_prefix(key).is_some_and(|(_, l)| l == local);
        if matches {
            return match a.normalized_value(XmlVersion::Implicit1_0) {
                Ok(v) => Some(v.into_owned()),
                // The part is valid UTF-8 (`parse` checked it whole).
                Err(_) => Some(String::from_utf8_lossy(&a.value).into_owned()),
            };
        }
    }
    None
}

/// A non-negative integer attribute; saturates instead of overflowing, `None` if not a number.
pub(super) fn attr_num(e: &BytesStart<'_>, local: &str) -> Option<u64> {
    let local = local.as_bytes();
    for a in e.attributes().with_checks(false).flatten() {
        let key = a.key.as_ref();
        if key == local || split_prefix(key).is_some_and(|(_, l)| l == local) {
            return parse_uint(&a.value);
        }
    }
    None
}

pub(super) fn parse_uint(s: &[u8]) -> Option<u64> {
    // The part is valid UTF-8 (`parse` checked it whole); trimmed as text (U+3000 too).
    let s = std::str::from_utf8(s).ok()?.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.bytes().fold(0u64, |acc, b| {
        acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    }))
}

/// An on/off property: on unless `w:val` is `0`, `false` or `off`.
pub(super) fn attr_on(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, "val").as_deref(),
        Some("0") | Some("false") | Some("off")
    )
}

/// `w:vMerge`/`w:hMerge`: `restart`, otherwise (absent value or `continue`) a continuation.
pub(super) fn merge_val(e: &BytesStart<'_>) -> Merge {
    match attr(e, "val").as_deref() {
        Some("restart") => Merge::Restart,
        _ => Merge::Continue,
    }
}
