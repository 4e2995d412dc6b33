//! The Word reader's UTF-8: a part is checked once, whole (`opc::valid_utf8_start`), and the
//! text of its events is taken from the checked part without a second check.

/// `bytes` as text when they are a slice of `part` (as the slice reader's events borrow them):
/// the part was checked as UTF-8 whole, so its slices need no second check.
pub(super) fn text_in<'p>(part: &'p str, bytes: &[u8]) -> Option<&'p str> {
    let start = (bytes.as_ptr() as usize).checked_sub(part.as_ptr() as usize)?;
    part.get(start..start.checked_add(bytes.len())?)
}
