//! Reading the number in a table cell as people actually write it.

use crate::report::normalize::{fold_width, is_blank};

/// What a number cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// Nothing but blanks.
    Blank,
    /// A placeholder where a number belongs: `/`, `-`, `—`, `无`, …
    Placeholder,
    /// An integer (possibly negative).
    Int(i64),
    /// A number with a fractional part.
    Decimal(f64),
    /// Anything else.
    Invalid,
}

/// Extra text around a number that was read anyway (reported as a warning).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Extras {
    pub full_width: bool,
    pub unit: Option<&'static str>,
    pub thousands: bool,
    /// The sign was written in words (增/减).
    pub word_sign: bool,
    /// An amount written in 元 in a 万元 column, converted to 万元.
    pub yuan_to_wan: bool,
    /// A note in brackets after the number.
    pub note: bool,
}

impl Extras {
    pub fn any(&self) -> bool {
        self.full_width
            || self.unit.is_some()
            || self.thousands
            || self.word_sign
            || self.yuan_to_wan
            || self.note
    }
}

const PLACEHOLDERS: &[&str] = &[
    "/",
    "-",
    "--",
    "—",
    "——",
    "–",
    "―",
    "－",
    "无",
    "空",
    "null",
    "n/a",
    "na",
    "\\",
    "×",
    "x",
    "*",
    "…",
    "...",
    "——/——",
];
/// Most fraction digits accepted (beyond that it is no amount anyone wrote by hand).
pub const MAX_FRACTION: usize = 12;
/// Longest integer part accepted.
pub const MAX_DIGITS: usize = 12;

const UNITS: &[&str] = &[
    "万元", "元", "件", "条", "个", "份", "起", "项", "次", "宗", "人次",
];

/// Reads a cell's text as a number.
///
/// ```
/// use nianbao::inspect::report::value::{read, Reading};
/// assert_eq!(read("\u{3000}\u{3000}0").0, Reading::Int(0));
/// assert_eq!(read("１２").0, Reading::Int(12));
/// assert!(read("１２").1.full_width);
/// assert_eq!(read("3件").0, Reading::Int(3));
/// assert_eq!(read("7730.28").0, Reading::Decimal(7730.28));
/// assert_eq!(read("—").0, Reading::Placeholder);
/// assert_eq!(read("，").0, Reading::Invalid);
/// assert_eq!(read("-1").0, Reading::Int(-1));
/// ```
pub fn read(raw: &str) -> (Reading, Extras) {
    let mut extras = Extras::default();
    // Fold widths and drop every blank (a number split over lines or padded with U+3000).
    // Built on the stack: anything longer than 160 bytes is no number.
    let mut buf = [0u8; 168];
    let mut len = 0;
    for c in raw.chars() {
        if is_blank(c) {
            continue;
        }
        let f = fold_width(c);
        if f != c && f.is_ascii_digit() {
            extras.full_width = true;
        }
        let f = match f {
            '−' | '﹣' => '-',
            '．' => '.',
            _ => f,
        };
        len += f.encode_utf8(&mut buf[len..]).len();
        if len > 160 {
            return (Reading::Invalid, extras);
        }
    }
    let s = std::str::from_utf8(&buf[..len]).unwrap_or_default();
    if s.is_empty() {
        return (Reading::Blank, extras);
    }
    // The placeholders have no upper-case letters: comparing without ASCII case is comparing
    // the lower-cased text.
    if PLACEHOLDERS.iter().any(|p| s.eq_ignore_ascii_case(p)) {
        return (Reading::Placeholder, extras);
    }
    let mut body: &str = s;
    // A number followed by a note in brackets: "22（其中修订16件）".
    if let Some(open) = body.find(['（', '(']) {
        if open > 0 && body.ends_with(['）', ')']) {
            body = &body[..open];
            extras.note = true;
        }
    }
    for u in UNITS {
        if let Some(stripped) = body.strip_suffix(u) {
            if !stripped.is_empty() {
                extras.unit = Some(u);
                body = stripped;
                break;
            }
        }
    }
    let mut negative = false;
    if let Some(rest) = body.strip_prefix('-') {
        negative = true;
        body = rest;
    } else if let Some(rest) = body.strip_prefix('+') {
        body = rest;
    } else if let Some(rest) = body.strip_prefix('减') {
        negative = true;
        extras.word_sign = true;
        body = rest;
    } else if let Some(rest) = body.strip_prefix('增') {
        extras.word_sign = true;
        body = rest;
    }
    let (int_part, frac_part) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits: std::borrow::Cow<str> = if int_part.contains(',') {
        // Thousands separators only in their proper places: 1,234,567.
        let groups: Vec<&str> = int_part.split(',').collect();
        let ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups.iter().skip(1).all(|g| g.len() == 3)
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
        if !ok {
            return (Reading::Invalid, extras);
        }
        extras.thousands = true;
        groups.concat().into()
    } else {
        int_part.into()
    };
    // More than 12 digits is no count of applications, and bounding the size keeps every sum
    // the rules compute far from overflow.
    if digits.is_empty() || digits.len() > MAX_DIGITS || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return (Reading::Invalid, extras);
    }
    match frac_part {
        None => match digits.parse::<i64>() {
            Ok(v) => (Reading::Int(if negative { -v } else { v }), extras),
            Err(_) => (Reading::Invalid, extras),
        },
        Some(f) => {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return (Reading::Invalid, extras);
            }
            // "3.0" is still an integer count.
            let int_value: i64 = digits.parse().unwrap_or(0);
            let signed = |v: i64| if negative { -v } else { v };
            if f.bytes().all(|b| b == b'0') {
                return (Reading::Int(signed(int_value)), extras);
            }
            // Exact integers divided once: the quotient is correctly rounded, as a parsed
            // literal would be (and no float parsing code is linked into the wasm build).
            // Long decimals (money to the fen of a 万元 amount, six places and more) are kept:
            // up to 18 significant digits exactly, further places dropped.
            let frac = f.trim_end_matches('0');
            if frac.len() > MAX_FRACTION {
                return (Reading::Invalid, extras);
            }
            let keep = frac.len().min(18usize.saturating_sub(digits.len()));
            let frac = frac.get(..keep).unwrap_or("");
            let scale = 10i64.pow(frac.len() as u32);
            let frac_value: i64 = frac.parse().unwrap_or(0);
            let mantissa = int_value * scale + frac_value;
            (
                Reading::Decimal(signed(mantissa) as f64 / scale as f64),
                extras,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_have_no_upper_case_letters() {
        for p in PLACEHOLDERS {
            assert_eq!(p.to_ascii_lowercase(), *p);
        }
        assert_eq!(read("N/A").0, Reading::Placeholder);
        assert_eq!(read(" Null ").0, Reading::Placeholder);
    }

    #[test]
    fn long_text_is_no_number() {
        let long = "1".repeat(161);
        assert_eq!(read(&long).0, Reading::Invalid);
        let wide = "１".repeat(54);
        assert_eq!(read(&wide).0, Reading::Invalid);
    }

    #[test]
    fn plain_and_padded_integers() {
        assert_eq!(read("0").0, Reading::Int(0));
        assert_eq!(read(" 0 ").0, Reading::Int(0));
        assert_eq!(read("\n0\n\n").0, Reading::Int(0));
        assert_eq!(read("\u{a0}17").0, Reading::Int(17));
        assert_eq!(read("3059").0, Reading::Int(3059));
        assert!(!read("3059").1.any());
    }

    #[test]
    fn tolerated_extras_are_flagged() {
        let (r, e) = read("1,234");
        assert_eq!(r, Reading::Int(1234));
        assert!(e.thousands);
        let (r, e) = read("251000元");
        assert_eq!(r, Reading::Int(251000));
        assert_eq!(e.unit, Some("元"));
        let (r, e) = read("减3");
        assert_eq!(r, Reading::Int(-3));
        assert!(e.word_sign);
        assert_eq!(read("5394432.52元").0, Reading::Decimal(5394432.52));
        assert_eq!(read("3.0").0, Reading::Int(3));
        let (r, e) = read("22\n（其中修订 16 件）");
        assert_eq!(r, Reading::Int(22));
        assert!(e.note);
        assert_eq!(read("(1)").0, Reading::Invalid);
        assert_eq!(read("（无）").0, Reading::Invalid);
        assert_eq!(read("7730.28").0, Reading::Decimal(7730.28));
        assert_eq!(read("96171.6").0, Reading::Decimal(96171.6));
        assert_eq!(read("0.005").0, Reading::Decimal(0.005));
        assert_eq!(read("-2.50").0, Reading::Decimal(-2.5));
        assert_eq!(read("1.1234567").0, Reading::Decimal(1.1234567));
        assert_eq!(read("3.12345678").0, Reading::Decimal(3.12345678));
        assert_eq!(read("1.1234567890123").0, Reading::Invalid);
    }

    #[test]
    fn non_numbers() {
        for s in [
            "，",
            "abc",
            "1,23",
            "1.2.3",
            ".5",
            "3-",
            "元",
            "一",
            "12a",
            "99999999999999999999",
            "9999999999999",
        ] {
            assert_eq!(read(s).0, Reading::Invalid, "{s:?}");
        }
        for s in ["/", "－", "—", "无", "——"] {
            assert_eq!(read(s).0, Reading::Placeholder, "{s:?}");
        }
        assert_eq!(read("").0, Reading::Blank);
        assert_eq!(read("\u{3000} \n").0, Reading::Blank);
        assert_eq!(read("1.5").0, Reading::Decimal(1.5));
    }
}
