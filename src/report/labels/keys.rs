//! Label keys and distances: the key of a label (its text without the leading number,
//! normalised, bounded) built in one pass without allocating, and the two dynamic programmes
//! that compare keys (edit distance with a bound, longest common subsequence) on rolling rows
//! kept on the stack.

use super::{Official, MAX_KEY};
use crate::report::normalize::{fold_width, is_blank, is_cjk_word_char};
use std::sync::OnceLock;

/// The leading number of a label (`1.`, `1、`, `（1）`, `(一)`, `三、`), read from the raw text
/// with blanks ignored (a label written one character per line keeps its number), and the
/// rest of the text.
#[cfg(test)]
pub fn split_number(raw: &str) -> (Option<u32>, String) {
    let chars: Vec<char> = raw
        .chars()
        .filter(|c| !is_blank(*c))
        .map(fold_width)
        .collect();
    match number_end(&chars, false) {
        Some((value, i)) => (Some(value), chars[i..].iter().collect()),
        None => (None, chars.into_iter().collect()),
    }
}

/// The leading number of `chars` (blanks dropped, width folded) and where the rest starts.
/// `truncated`: `chars` is only the head of the text (at least [`HEAD`] characters of it), so
/// that a label is known to go on after its number.
fn number_end(chars: &[char], truncated: bool) -> Option<(u32, usize)> {
    let mut i = 0;
    let open = matches!(chars.first(), Some('(' | '（' | '〔' | '['));
    if open {
        i += 1;
    }
    let (value, digits, arabic) = crate::report::numeral::leading_number(&chars[i..], 1000)
        .map_or((0, 0, false), |(v, n, chinese)| (v, n, !chinese));
    i += digits;
    if digits == 0 || digits > 3 {
        return None;
    }
    let separated = match chars.get(i) {
        Some(')' | '）' | '〕' | ']') if open => {
            i += 1;
            // "（一）、" happens too.
            if matches!(chars.get(i), Some('、' | '.' | '．')) {
                i += 1;
            }
            true
        }
        Some('、' | '.' | '．' | ',' | '，' | ':' | '：') if !open => {
            i += 1;
            true
        }
        // Arabic digits directly followed by the label: "1属于国家秘密".
        Some(_) if !open && arabic => true,
        _ => false,
    };
    if !separated || (i >= chars.len() && !truncated) {
        return None;
    }
    Some((value, i))
}

/// Characters [`number_end`] may look at: an opening bracket, four digits (a fourth ends the
/// number), a closing bracket and a separator, and one more to know the label goes on.
const HEAD: usize = 8;

/// The comparison key of a label: without its leading number, normalised, bounded.
#[cfg(test)]
pub fn key(raw: &str) -> String {
    let mut k = Vec::new();
    key_into(raw, &mut k);
    k.into_iter().collect()
}

/// [`key`] as characters, into `out` (cleared first): one pass over `raw`, no allocation once
/// `out` has grown. Same characters as `norm(split_number(raw).1)` cut at [`MAX_KEY`].
pub(super) fn key_into(raw: &str, out: &mut Vec<char>) {
    out.clear();
    let mut rest = raw.chars().filter(|c| !is_blank(*c)).map(fold_width);
    let mut head = ['\0'; HEAD];
    let mut n = 0;
    for c in rest.by_ref() {
        head[n] = c;
        n += 1;
        if n == HEAD {
            break;
        }
    }
    let skip = number_end(&head[..n], n == HEAD).map_or(0, |(_, i)| i);
    for c in head[skip..n].iter().copied().chain(rest) {
        // As `norm`: the characters are already width-folded and without blanks.
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if is_cjk_word_char(c) {
            out.push(c);
        } else {
            continue;
        }
        if out.len() == MAX_KEY {
            break;
        }
    }
}

/// The official label lists of this module, whose keys are computed once.
fn known_lists() -> [&'static [Official<'static>]; 6] {
    [
        &super::SECTIONS,
        &super::T3_ROWS,
        &super::T3_COLUMNS,
        &super::T2_COLUMNS,
        &super::T2_ROWS,
        &super::T4_LEAVES,
    ]
}

/// A list of official labels and their keys.
type KnownKeys = (&'static [Official<'static>], Vec<Vec<char>>);

/// Calls `f` with the keys of `officials`: computed once per process for the lists of this
/// module (recognised by their labels' addresses and lengths, so that a list with other text
/// can never take their keys), else computed for this call.
pub(super) fn with_official_keys<R>(
    officials: &[Official],
    f: impl FnOnce(&[Vec<char>]) -> R,
) -> R {
    static KEYS: OnceLock<Vec<KnownKeys>> = OnceLock::new();
    let known = KEYS.get_or_init(|| {
        known_lists()
            .into_iter()
            .map(|list| (list, list.iter().map(|o| key_chars(o.label)).collect()))
            .collect()
    });
    let same = |list: &[Official]| {
        list.len() == officials.len()
            && list
                .iter()
                .zip(officials)
                .all(|(a, b)| std::ptr::eq(a.label, b.label))
    };
    match known.iter().find(|(list, _)| same(list)) {
        Some((_, keys)) => f(keys),
        None => f(&officials
            .iter()
            .map(|o| key_chars(o.label))
            .collect::<Vec<_>>()),
    }
}

fn key_chars(raw: &str) -> Vec<char> {
    let mut k = Vec::new();
    key_into(raw, &mut k);
    k
}

/// Optimal string alignment distance (Levenshtein with adjacent transpositions).
pub fn osa_distance(a: &[char], b: &[char]) -> usize {
    osa_within(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// [`osa_distance`] when it is at most `k`, else `None` (known as soon as two consecutive rows
/// of the table exceed `k`, or from the lengths alone). Three rolling rows, on the stack for
/// keys of up to [`MAX_KEY`] characters.
pub(super) fn osa_within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > k {
        return None;
    }
    if n == 0 || m == 0 {
        return Some(n.max(m));
    }
    let mut stack = [[0usize; MAX_KEY + 1]; 3];
    let mut heap;
    let [r0, r1, r2]: [&mut [usize]; 3] = if m <= MAX_KEY {
        let [x, y, z] = &mut stack;
        [&mut x[..=m], &mut y[..=m], &mut z[..=m]]
    } else {
        heap = vec![0usize; 3 * (m + 1)];
        let (x, yz) = heap.split_at_mut(m + 1);
        let (y, z) = yz.split_at_mut(m + 1);
        [x, y, z]
    };
    // prev2: row i-2, prev: row i-1, cur: row i.
    let (mut prev2, mut prev, mut cur) = (r0, r1, r2);
    for (j, slot) in prev.iter_mut().enumerate() {
        *slot = j;
    }
    let mut prev_over = false;
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        let over = row_min > k;
        if over && prev_over {
            // Every later cell comes from one of these two rows plus at least nothing.
            return None;
        }
        prev_over = over;
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[m]).filter(|&d| d <= k)
}

/// Length of the longest common subsequence.
pub fn lcs_len(a: &[char], b: &[char]) -> usize {
    let mut stack = [[0usize; MAX_KEY + 1]; 2];
    let mut heap;
    let (mut prev, mut cur): (&mut [usize], &mut [usize]) = if b.len() <= MAX_KEY {
        let [x, y] = &mut stack;
        (&mut x[..=b.len()], &mut y[..=b.len()])
    } else {
        heap = vec![0usize; 2 * (b.len() + 1)];
        heap.split_at_mut(b.len() + 1)
    };
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::normalize::norm;

    /// The key as it was built before the one-pass form: split, collect, normalise, cut.
    fn key_reference(raw: &str) -> String {
        norm(&split_number(raw).1).chars().take(MAX_KEY).collect()
    }

    /// The full-matrix edit distance the rolling rows replace.
    fn osa_reference(a: &[char], b: &[char]) -> usize {
        let (n, m) = (a.len(), b.len());
        let w = m + 1;
        let mut d = vec![0usize; (n + 1) * w];
        for i in 0..=n {
            d[i * w] = i;
        }
        for (j, slot) in d.iter_mut().enumerate().take(m + 1) {
            *slot = j;
        }
        for i in 1..=n {
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (d[(i - 1) * w + j] + 1)
                    .min(d[i * w + j - 1] + 1)
                    .min(d[(i - 1) * w + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[(i - 2) * w + j - 2] + 1);
                }
                d[i * w + j] = v;
            }
        }
        d[n * w + m]
    }

    const SAMPLES: &[&str] = &[
        "",
        "1",
        "12",
        "1.",
        "1、",
        "（一）",
        "（一）、予以公开",
        "(1)予以公开",
        "（ 二 ）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "1属于国家秘密",
        "１．属于 国家\n秘密",
        "1234.属于国家秘密",
        "123.属于国家秘密",
        "十二、其他",
        "二十三、其他",
        "三 、 收到和处理政府信息公开申请情况",
        "〔三〕",
        "[3]其他",
        "(3",
        "一二三四五六七八九十",
        "2021年，本机关",
        "ＡＢｃ１　商业企业",
        "\u{3000}\u{3000}（一）\u{a0}予以公开\u{200b}",
        "本年新收政府信息公开申请数量本年新收政府信息公开申请数量本年新收政府信息公开申请数量本年新收政府信息公开申请数量本年新收政府信息公开申请数量本年新收政府信息公开申请数量本年新收政府信息公开申请数量本年新收政府信息公开申请数量",
        "1:a",
        "1，",
        "(1)",
        "(1)、",
    ];

    #[test]
    fn key_is_the_normalised_rest_after_the_number() {
        let mut buf = Vec::new();
        for raw in SAMPLES {
            key_into(raw, &mut buf);
            let one_pass: String = buf.iter().collect();
            assert_eq!(one_pass, key_reference(raw), "{raw:?}");
            assert_eq!(key(raw), key_reference(raw), "{raw:?}");
        }
        // Every official label of the tables and sections, with and without its numbering.
        for set in [
            &crate::report::labels::SECTIONS[..],
            &crate::report::labels::T3_ROWS[..],
            &crate::report::labels::T3_COLUMNS[..],
            &crate::report::labels::T4_LEAVES[..],
            &crate::report::labels::T2_ROWS[..],
            &crate::report::labels::T2_COLUMNS[..],
        ] {
            for o in set {
                for raw in [
                    o.label.to_string(),
                    format!("3、{}", o.label),
                    format!("（二）{}", o.label),
                ] {
                    assert_eq!(key(&raw), key_reference(&raw), "{raw:?}");
                }
            }
        }
    }

    #[test]
    fn bounded_distance_agrees_with_the_full_table() {
        let keys: Vec<Vec<char>> = SAMPLES.iter().map(|s| key(s).chars().collect()).collect();
        let extra: Vec<Vec<char>> = [
            "内部事务",
            "内务部事",
            "部事",
            "事部",
            "予以公开",
            "不予公开",
            "abc",
            "acb",
            "ab",
            "ba",
        ]
        .iter()
        .map(|s| s.chars().collect())
        .collect();
        for a in keys.iter().chain(&extra) {
            for b in keys.iter().chain(&extra) {
                let full = osa_reference(a, b);
                assert_eq!(osa_distance(a, b), full);
                for k in 0..6 {
                    assert_eq!(
                        osa_within(a, b, k),
                        Some(full).filter(|&d| d <= k),
                        "{a:?} {b:?} {k}"
                    );
                }
            }
        }
        assert_eq!(lcs_len(&extra[0], &extra[1]), 3);
    }
}
