//! Heap used per report: a counting global allocator records the peak of live heap bytes while
//! one `check_bytes` runs (the input bytes, allocated before, are not counted), the bytes and
//! the number of allocations. Prints a table and one `BENCH-JSON` line per input.
//!
//!   cargo bench --bench memory
//!
//! Target: peak ≤ 3 × document.xml + 2 MiB.

mod common;

use nianbao::{Context, Options};

fn check_bytes_with(bytes: &[u8], options: &Options) -> Vec<nianbao::CheckResult> {
    nianbao::check(bytes, options, &Context::default())
}
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

fn grow(n: usize) {
    let live = LIVE.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(live, Relaxed);
    ALLOCATED.fetch_add(n, Relaxed);
    COUNT.fetch_add(1, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            grow(l.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(l) };
        if !p.is_null() {
            grow(l.size());
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            // Counted as a new block live next to the old one, as realloc may copy.
            grow(new);
            LIVE.fetch_sub(l.size(), Relaxed);
        }
        q
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

struct Usage {
    peak: usize,
    allocated: usize,
    count: usize,
}

fn measure(f: impl FnOnce()) -> Usage {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let a0 = ALLOCATED.load(Relaxed);
    let c0 = COUNT.load(Relaxed);
    f();
    Usage {
        peak: PEAK.load(Relaxed) - base,
        allocated: ALLOCATED.load(Relaxed) - a0,
        count: COUNT.load(Relaxed) - c0,
    }
}

fn main() {
    // Skip divan's/cargo's arguments (`--bench`): this harness takes none.
    println!(
        "{:<14} {:>10} {:>12} {:>12} {:>12} {:>10} {:>9} {:>8}",
        "input", "file KB", "doc.xml KB", "peak KB", "target KB", "peak/doc", "allocs", "MB alloc"
    );
    for name in common::ALL {
        let bytes = common::input(name);
        let doc_len = common::document_xml_len(bytes) as usize;
        // Warm up once (lazily initialised statics are not per-report costs).
        let _ = nianbao::check_bytes(bytes);
        let _ = check_bytes_with(
            bytes,
            &Options {
                with_tables: true,
                ..Options::default()
            },
        );
        let cli = measure(|| drop(std::hint::black_box(nianbao::check_bytes(bytes))));
        let web = measure(|| {
            drop(std::hint::black_box(check_bytes_with(
                bytes,
                &Options {
                    with_tables: true,
                    ..Options::default()
                },
            )))
        });
        let target = 3 * doc_len + 2 * 1024 * 1024;
        println!(
            "{:<14} {:>10} {:>12} {:>12} {:>12} {:>10.2} {:>9} {:>8.1}",
            name,
            bytes.len() / 1024,
            doc_len / 1024,
            cli.peak / 1024,
            target / 1024,
            cli.peak as f64 / doc_len as f64,
            cli.count,
            cli.allocated as f64 / 1e6
        );
        println!(
            "BENCH-JSON {{\"bench\":\"memory\",\"input\":\"{name}\",\"file_bytes\":{},\"document_xml_bytes\":{doc_len},\
\"peak_heap_bytes\":{},\"peak_heap_bytes_with_tables\":{},\"target_bytes\":{target},\"allocations\":{},\"allocated_bytes\":{}}}",
            bytes.len(),
            cli.peak,
            web.peak,
            cli.count,
            cli.allocated
        );
    }
}
