#!/usr/bin/env bash
# Fuzz smoke test for CI: builds the fuzz targets and runs each for N seconds.
#
#   scripts/fuzz-smoke.sh [SECONDS] [TARGET...]     # default: 30 s, all targets
#
# Idempotent: installs cargo-fuzz only when it is absent, seeds the corpus only when empty.
# Works on stable Rust: cargo-fuzz needs nightly flags (-Zsanitizer, ...), which
# RUSTC_BOOTSTRAP=1 unlocks. Set FUZZ_SANITIZER=none if the AddressSanitizer runtime is
# missing. Exits non-zero on the first crash; the reproducer is in fuzz/artifacts/<target>/.
set -euo pipefail

secs="${1:-${FUZZ_SECONDS:-30}}"
shift || true
root="$(cd "$(dirname "$0")/.." && pwd)"
targets="${*:-package_open check_bytes document_xml doc_reader html_reader narrative}"
sanitizer="${FUZZ_SANITIZER:-address}"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz-smoke: installing cargo-fuzz"
    cargo install cargo-fuzz --version =0.13.2
fi

cd "$root/fuzz"
for t in $targets; do
    if [ -z "$(ls -A "corpus/$t" 2>/dev/null)" ]; then
        ./seed-corpus.sh "$t"
    fi
done

for t in $targets; do cargo fuzz build -s "$sanitizer" "$t"; done

for t in $targets; do
    echo "fuzz-smoke: $t for ${secs}s"
    log="$(mktemp)"
    set +e
    cargo fuzz run -s "$sanitizer" "$t" "corpus/$t" -- \
        -max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
    status=$?
    set -e
    grep -E '(DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|panicked|Test unit written|Finished)' "$log" || true
    if [ "$status" -ne 0 ]; then tail -40 "$log" >&2; fi
    rm -f "$log"
    if [ "$status" -ne 0 ]; then
        echo "fuzz-smoke: $t FAILED (exit $status); reproducer in fuzz/artifacts/$t/" >&2
        exit "$status"
    fi
done
echo "fuzz-smoke: all targets ran ${secs}s without a crash"
