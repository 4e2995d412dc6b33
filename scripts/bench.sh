#!/usr/bin/env bash
# Runs every benchmark of BENCHMARKS.md and writes the figures to target/bench/results.json, then
# regenerates the results table in BENCHMARKS.md (between its bench:begin / bench:end markers).
#
#   bash scripts/bench.sh            # everything (~6–8 min warm; installs what is missing first)
#   QUICK=1 bash scripts/bench.sh    # fewer runs (a smoke test of the whole chain, ~3 min)
#   NO_MD=1 bash scripts/bench.sh    # don't touch BENCHMARKS.md
#   BEFORE=68af0ce bash scripts/bench.sh   # also: that commit and this checkout side by side,
#                                          # interleaved (bench/side_by_side.sh; the 2026-12-06 section)
#   ONLY_SIDE_BY_SIDE=1 BEFORE=68af0ce bash scripts/bench.sh   # only that
#
# Installs (each skipped when already there): Debian `time` and `chromium`, the wasm32 target,
# wasm-bindgen-cli (the version pinned in Cargo.lock), `npm ci` in bench/ (docx-preview, mammoth,
# playwright-core, binaryen), python-docx in a venv under /tmp. Not part of the test command:
# benchmarks print figures, they assert nothing about time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/tmp/tgt-bench}"
OUT="$ROOT/target/bench"
LARGE_DIR="$OUT/large"
CORPUS="${CORPUS:-/tmp/nianbao-bench-corpus}"
CORPUS_N="${CORPUS_N:-1000}"
CORPUS_DISTINCT="${CORPUS_DISTINCT:-/tmp/nianbao-bench-distinct}"
VENV="${VENV:-/tmp/nianbao-bench-venv}"
PKG="$CARGO_TARGET_DIR/bench-pkg"
QUICK="${QUICK:-}"
mkdir -p "$OUT" "$LARGE_DIR"
log() { printf '\n== %s\n' "$*"; }

# ---------------------------------------------------------------------------------------------
log "installs (skipped when present)"
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
[ -x /usr/bin/time ] || apt_install time
[ -x /usr/bin/chromium ] || apt_install chromium
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  # --locked fails here (see /work/shared/toolchain.md): install without it.
  cargo install wasm-bindgen-cli --version "=$WB_VERSION"
fi
LOCK_SUM=$(sha256sum bench/package-lock.json | cut -c1-16)
if [ "$(cat bench/node_modules/.bench-stamp 2>/dev/null)" != "$LOCK_SUM" ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
  echo "$LOCK_SUM" >bench/node_modules/.bench-stamp
fi
if ! "$VENV/bin/python" -c 'import docx' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q python-docx==1.2.0
fi

if [ -n "${ONLY_SIDE_BY_SIDE:-}" ]; then
  CORPUS="$CORPUS_DISTINCT" bash bench/side_by_side.sh "${BEFORE:-68af0ce}"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
log "native: per stage, end to end, floor (divan; cargo bench --bench pipeline)"
# Colleagues' builds and browser tests share the 2 cores: the whole bench runs PIPELINE_RUNS times
# (default 3) and bench/report.py keeps, per figure, the fastest sample over all runs and the
# median of the runs' medians, so that one noisy burst does not decide a figure.
DIVAN_ARGS=()
[ -z "$QUICK" ] || DIVAN_ARGS=(--sample-count 20)
PIPELINE_RUNS="${PIPELINE_RUNS:-$([ -n "$QUICK" ] && echo 1 || echo 3)}"
rm -f "$OUT"/pipeline*.txt
for run in $(seq 1 "$PIPELINE_RUNS"); do
  NIANBAO_BENCH_WRITE_LARGE="$LARGE_DIR" cargo bench --locked --bench pipeline -- "${DIVAN_ARGS[@]}" | tee "$OUT/pipeline.$run.txt"
done

log "native: heap per report (cargo bench --bench memory)"
cargo bench --locked --bench memory | tee "$OUT/memory.txt"

# ---------------------------------------------------------------------------------------------
log "CLI: throughput over $CORPUS_N reports, max RSS"
cargo build --locked --release --bin nianbao
python3 bench/make_corpus.py "$CORPUS" "$CORPUS_N"
python3 bench/cli.py "$CARGO_TARGET_DIR/release/nianbao" "$CORPUS" "$([ -n "$QUICK" ] && echo 3 || echo 9)" \
  tests/fixtures/samples/seed_000.docx "$LARGE_DIR/large.docx" | tee "$OUT/cli.txt"
# The same over 1,000 reports of distinct agencies (nothing pairs or duplicates: the check
# itself, not M.DUPYEAR's lists of hundreds of names).
python3 bench/make_corpus.py --distinct "$CORPUS_DISTINCT" "$CORPUS_N"
python3 bench/cli.py "$CARGO_TARGET_DIR/release/nianbao" "$CORPUS_DISTINCT" "$([ -n "$QUICK" ] && echo 3 || echo 9)" \
  tests/fixtures/samples/seed_000.docx | tee "$OUT/cli-distinct.txt"

# ---------------------------------------------------------------------------------------------
log "wasm build (as scripts/build-web.sh, into $PKG; www/ is not touched)"
# The opt-level scripts/build-web.sh ships with.
WEB_OPT=$(sed -n 's/.*CARGO_PROFILE_RELEASE_OPT_LEVEL:-\([a-z0-9]*\)}.*/\1/p' scripts/build-web.sh | head -1)
CARGO_PROFILE_RELEASE_OPT_LEVEL="${CARGO_PROFILE_RELEASE_OPT_LEVEL:-${WEB_OPT:-z}}" \
  cargo build --locked --release -p nianbao --lib --target wasm32-unknown-unknown
rm -rf "$PKG"
wasm-bindgen --target web --no-typescript --out-dir "$PKG" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/nianbao.wasm"
bench/node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  -o "$PKG/nianbao_bg.wasm.opt" "$PKG/nianbao_bg.wasm"
mv "$PKG/nianbao_bg.wasm.opt" "$PKG/nianbao_bg.wasm"
{
  total_raw=0
  total_gz=0
  for f in www/index.html www/style.css www/app.js www/nianbao-check.js www/nianbao-check.css www/styles.js \
    www/nianbao.js www/render.js www/worker.js "$PKG/nianbao.js" "$PKG/nianbao_bg.wasm"; do
    [ -f "$f" ] || continue
    raw=$(wc -c <"$f")
    gz=$(gzip -9c "$f" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf 'BENCH-JSON {"bench":"page-size","file":"%s","bytes":%d,"gzip":%d}\n' "${f#"$CARGO_TARGET_DIR/bench-"}" "$raw" "$gz"
  done
  printf 'BENCH-JSON {"bench":"page-size","file":"total","bytes":%d,"gzip":%d}\n' "$total_raw" "$total_gz"
} | tee "$OUT/size.txt"

log "first-check download, writer module, twiggy top ten (bench/size.sh)"
bash bench/size.sh "$ROOT" "$OUT/size" | tee "$OUT/download.txt"

# ---------------------------------------------------------------------------------------------
log "browser: nianbao wasm vs docx-preview vs mammoth, drop → drawn (Chromium)"
node bench/browser.mjs --pkg "$PKG" --large "$LARGE_DIR" ${QUICK:+--quick} | tee "$OUT/browser.txt"

log "python-docx: open + all table cells' text"
"$VENV/bin/python" bench/python_docx.py "$([ -n "$QUICK" ] && echo 5 || echo 30)" \
  tests/fixtures/samples/seed_00{0,1,2,3,4}.docx "$LARGE_DIR"/large_images.docx "$LARGE_DIR"/large_text.docx "$LARGE_DIR"/large.docx \
  | tee "$OUT/python.txt"

# ---------------------------------------------------------------------------------------------
log "results"
"$VENV/bin/python" bench/report.py "$OUT" ${NO_MD:+--no-md}

if [ -n "${BEFORE:-}" ]; then
  log "side by side with $BEFORE (bench/side_by_side.sh)"
  CORPUS="$CORPUS_DISTINCT" bash bench/side_by_side.sh "$BEFORE"
fi
