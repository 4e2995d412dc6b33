//! Sorting for every stage. Natively these are std's sorts, unchanged. In the browser build each
//! std sort call is a copy of std's sort code for its element type and comparison (quicksort,
//! drift sort, small sorts, heapsort: about 50 KB of the checker's wasm for some twenty call
//! sites), so there one stable merge sort over indices serves every caller and only a few lines
//! per call site stay generic.

use std::cmp::Ordering;

/// Sorts `v` stably by `compare` (std's `sort_by` natively).
pub fn sort_by<T>(v: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(compare);
    #[cfg(target_arch = "wasm32")]
    {
        let mut compare = compare;
        stable(v, &mut compare);
    }
}

/// Sorts `v` stably by `key` (std's `sort_by_key` natively).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by_key(key);
    #[cfg(target_arch = "wasm32")]
    {
        let mut key = key;
        stable(v, &mut |a: &T, b: &T| key(a).cmp(&key(b)));
    }
}

/// Sorts `v` in order (std's `sort` natively).
pub fn sort<T: Ord>(v: &mut [T]) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort();
    #[cfg(target_arch = "wasm32")]
    stable(v, &mut T::cmp);
}

/// Sorts `v` in order, equal elements in any order (std's `sort_unstable` natively).
pub fn sort_unstable<T: Ord>(v: &mut [T]) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable();
    #[cfg(target_arch = "wasm32")]
    stable(v, &mut T::cmp);
}

/// The browser's sort: the order of `v`'s indices by one merge sort that is not generic, then
/// the elements moved into that order along the permutation's cycles.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn stable<T>(v: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    merge_sort(&mut order, &mut |a, b| {
        compare(&v[a], &v[b]) == Ordering::Greater
    });
    permute(&mut order, &mut |a, b| v.swap(a, b));
}

/// Sorts `idx` stably: `after(a, b)` says that `a` goes after `b`. Runs of 8 by insertion,
/// then merged bottom-up through one buffer.
fn merge_sort(idx: &mut [usize], after: &mut dyn FnMut(usize, usize) -> bool) {
    const RUN: usize = 8;
    let n = idx.len();
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && after(idx[j - 1], idx[j]) {
                idx.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut buf = vec![0usize; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut l, mut r) = (start, mid);
            for slot in &mut buf[start..end] {
                // The left element first unless the right one must go before it (stable).
                if r >= end || (l < mid && !after(idx[l], idx[r])) {
                    *slot = idx[l];
                    l += 1;
                } else {
                    *slot = idx[r];
                    r += 1;
                }
            }
        }
        idx.copy_from_slice(&buf);
        width *= 2;
    }
}

/// Moves elements so that position `k` receives the element that was at `order[k]`, by
/// `swap(a, b)` along each cycle of the permutation. `order` is spent.
fn permute(order: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut k = start;
        while order[k] != start {
            let from = order[k];
            swap(k, from);
            order[k] = k;
            k = from;
        }
        order[k] = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed pseudo-random sequence (xorshift) with many equal keys.
    fn sample(n: usize, seed: u64) -> Vec<(u8, usize)> {
        let mut x = seed.max(1);
        (0..n)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                ((x % 7) as u8, i)
            })
            .collect()
    }

    #[test]
    fn the_browser_sort_is_std_stable_sort() {
        for n in [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 64, 100, 257, 1000] {
            for seed in 1..4 {
                let mut ours = sample(n, seed * 7919 + n as u64);
                let mut std_sorted = ours.clone();
                // Compares the key only: equal keys keep their positions' order (the index).
                stable(&mut ours, &mut |a, b| a.0.cmp(&b.0));
                std_sorted.sort_by_key(|e| e.0);
                assert_eq!(ours, std_sorted, "n = {n}, seed = {seed}");
            }
        }
    }

    #[test]
    fn the_browser_sort_orders_reversed_and_sorted_input() {
        let mut down: Vec<u32> = (0..300).rev().collect();
        stable(&mut down, &mut u32::cmp);
        assert_eq!(down, (0..300).collect::<Vec<u32>>());
        let mut up: Vec<String> = (0..50).map(|i| format!("{i:03}")).collect();
        let want = up.clone();
        stable(&mut up, &mut String::cmp);
        assert_eq!(up, want);
    }
}
