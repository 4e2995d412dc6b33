//! The Word reader's UTF-8: a part is checked once, whole, and the text of its events is taken
//! from the checked part without a second check.

/// The longest start of `bytes` that is valid UTF-8 (all of it when valid), checked with SIMD
/// natively (`tests::valid_utf8_start_is_what_core_says`).
pub(crate) fn valid_utf8_start(bytes: &[u8]) -> &str {
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return s;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => bytes
            .get(..e.valid_up_to())
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default(),
    }
}

/// `bytes` as text when they are a slice of `part` (as the slice reader's events borrow them):
/// the part was checked as UTF-8 whole, so its slices need no second check.
pub(super) fn text_in<'p>(part: &'p str, bytes: &[u8]) -> Option<&'p str> {
    let start = (bytes.as_ptr() as usize).checked_sub(part.as_ptr() as usize)?;
    part.get(start..start.checked_add(bytes.len())?)
}
