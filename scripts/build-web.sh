#!/usr/bin/env bash
# Builds the browser page's WebAssembly into www/pkg/ and prints the page's download size.
#   cargo (wasm32, release) → wasm-bindgen (--target web) → wasm-opt -Oz (npm binaryen)
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli matching Cargo.lock, npm ci --prefix tools.
set -euo pipefail
cd "$(dirname "$0")/.."

# Opt-level "z" gives the smallest gzipped .wasm after wasm-opt (measured on this crate, gzip -9 of
# the optimised .wasm: opt-level 3 + fat LTO 224 KB, "s" 211 KB, "s" + fat LTO 215 KB, "z" 204 KB,
# "z" + fat LTO 203.6 KB). Fat LTO saves under 1 KB for a much slower build, so it stays off.
export CARGO_PROFILE_RELEASE_OPT_LEVEL="${CARGO_PROFILE_RELEASE_OPT_LEVEL:-z}"

WASM_OPT=tools/node_modules/.bin/wasm-opt
if [ ! -x "$WASM_OPT" ]; then
  echo "build-web: $WASM_OPT missing; run: npm ci --prefix tools" >&2
  exit 1
fi

cargo build --locked --release -p nianbao --lib --target wasm32-unknown-unknown
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  target/wasm32-unknown-unknown/release/nianbao.wasm
# Features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept and keep them.
"$WASM_OPT" -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  -o www/pkg/nianbao_bg.wasm.opt www/pkg/nianbao_bg.wasm
mv www/pkg/nianbao_bg.wasm.opt www/pkg/nianbao_bg.wasm

# Size report: everything the page downloads (the sample report is fetched only on demand).
total_raw=0
total_gz=0
printf '%-28s %10s %10s\n' file bytes gzip-9
for f in www/index.html www/style.css www/app.js www/render.js www/pkg/nianbao.js www/pkg/nianbao_bg.wasm; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-28s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-28s %10d %10d\n' total "$total_raw" "$total_gz"
budget=$((150 * 1024))
if [ "$total_gz" -gt "$budget" ]; then
  echo "build-web: WARNING: the page is ${total_gz} bytes gzipped, over the ${budget}-byte budget" >&2
  # NIANBAO_SIZE_STRICT=1 makes the budget a hard limit.
  if [ "${NIANBAO_SIZE_STRICT:-0}" = 1 ]; then exit 1; fi
fi
