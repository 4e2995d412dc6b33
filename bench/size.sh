#!/usr/bin/env bash
# The download a first check costs and the writer modules (annotate; the .xlsx export), built exactly as scripts/build-web.sh
# builds them (opt-level z, wasm-bindgen --target web, wasm-opt with the script's passes), into OUT instead of www/,
# plus the top ten size contributors of the checker wasm (twiggy top on the same -Oz build with
# its names kept: `wasm-opt -Oz -g`; the shipped file is that minus the name section).
#
#   bash bench/size.sh [SRC=.] [OUT=target/bench/size]
#
# SRC may be another checkout (e.g. `git archive COMMIT | tar -x -C /tmp/before`) to measure a
# commit side by side; it is built with CARGO_TARGET_DIR=$SRC/target unless set. Needs the wasm32
# target, wasm-bindgen-cli at Cargo.lock's version, wasm-opt (tools/ or bench/ node_modules) and
# twiggy (`cargo install twiggy`; the top ten is skipped without it).
# Prints `BENCH-JSON {"bench":"download",...}` lines (groups first-check, first-check-minified,
# writer) and writes OUT/twiggy-top.txt.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
SRC="$(cd "${1:-$HERE}" && pwd)"
OUT="${2:-$HERE/target/bench/size}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
WASM_OPT=""
for c in "$HERE/tools/node_modules/.bin/wasm-opt" "$HERE/bench/node_modules/.bin/wasm-opt"; do
  [ -x "$c" ] && { WASM_OPT=$c; break; }
done
[ -n "$WASM_OPT" ] || { echo "size: no wasm-opt (npm ci --prefix tools)" >&2; exit 1; }
FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
cd "$SRC"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$SRC/target}"
WEB_OPT=$(sed -n 's/.*CARGO_PROFILE_RELEASE_OPT_LEVEL:-\([a-z0-9]*\)}.*/\1/p' scripts/build-web.sh | head -1)
export CARGO_PROFILE_RELEASE_OPT_LEVEL="${WEB_OPT:-z}"
# The checker's wasm-opt passes as SRC's build-web.sh names them (`checker_opt=(…)`; -Oz before).
checker_opt=(-Oz)
eval "$(grep -E '^checker_opt=\(' scripts/build-web.sh || true)"
build() { # crate-package wasm-name out-dir wasm-opt-passes...
  local pkg=$1 name=$2 dir=$3
  shift 3
  cargo build --locked --release -p "$pkg" --lib --target wasm32-unknown-unknown
  rm -rf "$dir"
  wasm-bindgen --target web --no-typescript --out-dir "$dir" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/$name.wasm"
  "$WASM_OPT" "$@" -g "${FEATURES[@]}" -o "$dir/${name}_bg.named.wasm" "$dir/${name}_bg.wasm"
  "$WASM_OPT" "$@" --strip-debug --strip-producers "${FEATURES[@]}" -o "$dir/${name}_bg.wasm.opt" "$dir/${name}_bg.wasm"
  mv "$dir/${name}_bg.wasm.opt" "$dir/${name}_bg.wasm"
}
build nianbao nianbao "$OUT/pkg" "${checker_opt[@]}"
build nianbao-writer nianbao_writer "$OUT/pkg-writer" -Oz
# The .xlsx/CSV export, a module of its own since 2026-12-06 (absent from older checkouts).
rm -rf "$OUT/pkg-xlsx"
if [ -d xlsx ]; then build nianbao-xlsx nianbao_xlsx "$OUT/pkg-xlsx" -Oz; fi

gz() { gzip -9c "$1" | wc -c; }
emit_group() { # group files...
  local group=$1 raw=0 gzt=0 f r g
  shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    r=$(wc -c <"$f"); g=$(gz "$f")
    raw=$((raw + r)); gzt=$((gzt + g))
    printf 'BENCH-JSON {"bench":"download","group":"%s","file":"%s","bytes":%d,"gzip":%d}\n' "$group" "${f#"$OUT/"}" "$r" "$g"
  done
  printf 'BENCH-JSON {"bench":"download","group":"%s","file":"total","bytes":%d,"gzip":%d}\n' "$group" "$raw" "$gzt"
}
# The first check: what SRC's scripts/build-web.sh counts as the page total (the page, its CSS
# and JS, the worker, the checker's glue and wasm), read from that script so that each commit is
# measured with its own file list; the writer (writer.js + its module) loads only on demand.
eval "$(awk '/^(element_js|element_files|page_files)=\(/ {on = 1} on {print} on && /\)$/ {on = 0}' scripts/build-web.sh)"
first=()
for f in "${page_files[@]}"; do
  case "$f" in
    www/pkg/*) first+=("$OUT/pkg/${f#www/pkg/}") ;;
    *) first+=("$f") ;;
  esac
done
emit_group first-check "${first[@]}"
# The same files from dist/ (tools/minify.mjs: each .js minified, each .css without comments), when
# SRC has it and its tools are installed; the checker's glue and wasm as built above (not minified).
if [ -f tools/minify.mjs ] && node tools/minify.mjs "$OUT/dist" >/dev/null 2>&1; then
  mini=()
  for f in "${page_files[@]}"; do
    case "$f" in
      www/pkg/*) mini+=("$OUT/pkg/${f#www/pkg/}") ;;
      *) mini+=("$OUT/dist/${f#www/}") ;;
    esac
  done
  emit_group first-check-minified "${mini[@]}"
fi
emit_group writer www/writer.js "$OUT/pkg-writer/nianbao_writer.js" "$OUT/pkg-writer/nianbao_writer_bg.wasm"
if [ -d "$OUT/pkg-xlsx" ]; then
  emit_group xlsx www/writer.js "$OUT/pkg-xlsx/nianbao_xlsx.js" "$OUT/pkg-xlsx/nianbao_xlsx_bg.wasm"
fi
if command -v twiggy >/dev/null; then
  twiggy top -n 10 "$OUT/pkg/nianbao_bg.named.wasm" | tee "$OUT/twiggy-top.txt"
  twiggy top -n 25 "$OUT/pkg-writer/nianbao_writer_bg.named.wasm" >"$OUT/twiggy-top-writer.txt"
  if [ -d "$OUT/pkg-xlsx" ]; then twiggy top -n 25 "$OUT/pkg-xlsx/nianbao_xlsx_bg.named.wasm" >"$OUT/twiggy-top-xlsx.txt"; fi
  twiggy garbage "$OUT/pkg/nianbao_bg.named.wasm" | head -5 >"$OUT/twiggy-garbage.txt" || true
fi
