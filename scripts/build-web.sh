#!/usr/bin/env bash
# Builds the browser page's WebAssembly into www/pkg/ (the checker, loaded at start), the single
# offline file www/nianbao.html, dist/ (www/ minified, to serve), www/pkg-writer/ (the writer of
# the annotated .docx) and www/pkg-xlsx/ (the .xlsx/CSV export), both loaded on demand by
# www/writer.js, and www/pkg-readers/ (the .doc/.wps/HTML/MHT/paste
# readers, loaded on demand by www/readers.js), and prints the download sizes.
#   cargo (wasm32, release) → wasm-bindgen (--target web) → wasm-opt -Oz (npm binaryen)
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli matching Cargo.lock, npm ci --prefix tools.
set -euo pipefail
cd "$(dirname "$0")/.."

# Opt-level "z" gives the smallest gzipped .wasm after wasm-opt (measured on this crate, gzip -9 of
# the optimised .wasm: opt-level 3 + fat LTO 224 KB, "s" 211 KB, "s" + fat LTO 215 KB, "z" 204 KB,
# "z" + fat LTO 203.6 KB). Fat LTO saves under 1 KB for a much slower build, so it stays off
# (measured again 2026-12-06 with a `web` profile, opt-level "z" + fat LTO + panic = "abort":
# 306,417 B gzipped against 306,285 B, and 1 min 40 s instead of 18 s; no separate profile).
export CARGO_PROFILE_RELEASE_OPT_LEVEL="${CARGO_PROFILE_RELEASE_OPT_LEVEL:-z}"

# wasm-opt's passes for the checker (what a first check downloads): -Oz run to a fixed point
# (--converge) saves ≈ 1.5 KB gzipped over a single -Oz for ≈ 20 s more build.
checker_opt=(-Oz --converge)

WASM_OPT=tools/node_modules/.bin/wasm-opt
if [ ! -x "$WASM_OPT" ]; then
  echo "build-web: $WASM_OPT missing; run: npm ci --prefix tools" >&2
  exit 1
fi

# One wasm module: cargo build → wasm-bindgen → wasm-opt. wasm-opt -Oz is most of the build's time
# (tens of seconds a module) and its output depends only on its input and its flags, so it is cached
# under target/wasm-opt-cache/, keyed by the SHA-256 of the wasm-bindgen output and of the flags: an
# unchanged module is not optimised again (NIANBAO_NO_WASM_OPT_CACHE=1 turns the cache off).
# The passes are given per module (the checker's in `checker_opt` above, -Oz for the others).
WASM_OPT_FLAGS=(--strip-debug --strip-producers
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
OPT_CACHE=target/wasm-opt-cache
#
# Each module has a target directory of its own: the three build the core crate with different
# features (none, `xlsx`, `readers`), and since the core is also a cdylib, one shared directory
# rebuilt it on every build of the next module.
module() { # package crate-file out-dir target-dir wasm-opt-passes...
  local package=$1 name=$2 out=$3 target=$4
  shift 4
  local passes=("$@")
  cargo build --locked --release -p "$package" --lib --target wasm32-unknown-unknown --target-dir "$target"
  rm -rf "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" \
    "$target/wasm32-unknown-unknown/release/$name.wasm"
  local wasm="$out/${name}_bg.wasm" key
  key=$( { sha256sum <"$wasm"; echo "${passes[*]} ${WASM_OPT_FLAGS[*]}"; "$WASM_OPT" --version; } | sha256sum | cut -c1-32)
  if [ "${NIANBAO_NO_WASM_OPT_CACHE:-0}" != 1 ] && [ -f "$OPT_CACHE/$key.wasm" ]; then
    echo "build-web: $name: wasm-opt output reused (unchanged input, $OPT_CACHE/$key.wasm)"
    cp "$OPT_CACHE/$key.wasm" "$wasm"
  else
    "$WASM_OPT" "${passes[@]}" "${WASM_OPT_FLAGS[@]}" -o "$wasm.opt" "$wasm"
    mkdir -p "$OPT_CACHE"
    # Outputs not written for a week are dropped below, so the cache stays small.
    cp "$wasm.opt" "$OPT_CACHE/$key.wasm.tmp" && mv "$OPT_CACHE/$key.wasm.tmp" "$OPT_CACHE/$key.wasm"
    mv "$wasm.opt" "$wasm"
    find "$OPT_CACHE" -name '*.wasm' -mtime +7 -delete 2>/dev/null || true
  fi
}

# The checker, loaded by the page at start (when idle).
module nianbao nianbao www/pkg target "${checker_opt[@]}"
# The on-demand writers, modules of their own so that the start download does not grow: the
# annotated .docx (writer/: the checker's reader and the annotator) and the .xlsx/CSV export
# (xlsx/: rust_xlsxwriter, no checker), each loaded only by the download that needs it.
module nianbao-writer nianbao_writer www/pkg-writer target/web-writer -Oz
module nianbao-xlsx nianbao_xlsx www/pkg-xlsx target/web-xlsx -Oz
# The on-demand readers (readers/): the checker with the .doc/.wps, HTML/MHT and paste readers,
# loaded by www/readers.js only when such a file or a paste arrives.
module nianbao-readers nianbao_readers www/pkg-readers target/web-readers -Oz

# The single offline file (www/nianbao.html): everything inline, for file:// use.
node tools/build-offline.mjs
# dist/: www/ as it is put on a server, each .js minified (terser, a source map beside it) and each
# .css without comments and blank runs; www/ stays the readable source the tests serve.
if [ -d tools/node_modules/terser ]; then
  node tools/minify.mjs dist
else
  rm -rf dist
  echo "build-web: tools/node_modules/terser missing (run bash tools/install.sh): dist/ not written" >&2
fi

# Size report: everything the page downloads (the sample report is fetched only on demand), then
# what a portal embedding the element downloads, then the offline file.
size_of() { # prints "raw gz" of the files given
  local raw=0 gz=0 f
  for f in "$@"; do
    [ -f "$f" ] || continue
    raw=$((raw + $(wc -c <"$f")))
    gz=$((gz + $(gzip -9c "$f" | wc -c)))
  done
  echo "$raw $gz"
}
# What a first check of one report downloads, file by file: tests/e2e/download.test.mjs drops one
# report on the page and fails unless the page and its workers fetched exactly `page_files`.
# The element's modules for one report (the batch summary's table, batch.js, and the exports,
# exports.js, load on demand: `element_later`).
element_js=(www/nianbao-check.js www/dom.js www/intake.js www/runner.js www/records.js www/form.js www/popover.js
  www/print.js www/styles.js www/nianbao.js www/jobs.js www/render.js www/summary.js www/actions.js www/pairing.js
  www/narrative.js www/claims.js www/outcome.js)
element_files=("${element_js[@]}" www/nianbao-check.css www/print.css www/worker.js www/pkg/nianbao.js www/pkg/nianbao_bg.wasm)
element_later=(www/batch.js www/exports.js)
# What the standalone page loads before it is idle (the paste box included): the worker, the glue
# and the .wasm load after that (or on first use), writer.js (and the module it needs) only when an
# .xlsx or annotated copy is asked for.
start_files=(www/index.html www/style.css www/app.js www/paste.js www/paste.css "${element_js[@]}" www/nianbao-check.css www/print.css)
page_files=(www/index.html www/style.css www/app.js www/paste.js www/paste.css "${element_files[@]}")
printf '%-28s %10s %10s\n' file bytes gzip-9
for f in "${page_files[@]}"; do
  read -r raw gz < <(size_of "$f")
  printf '%-28s %10d %10d\n' "$f" "$raw" "$gz"
done
read -r total_raw total_gz < <(size_of "${page_files[@]}")
printf '%-28s %10d %10d\n' "page total" "$total_raw" "$total_gz"
read -r raw gz < <(size_of "${element_files[@]}")
printf '%-28s %10d %10d\n' "element total (embedded)" "$raw" "$gz"
read -r start_raw start_gz < <(size_of "${start_files[@]}")
printf '%-28s %10d %10d\n' "page at start (no checker)" "$start_raw" "$start_gz"
read -r raw gz < <(size_of "${element_js[@]}" www/nianbao-check.css www/print.css www/worker.js)
printf '%-28s %10d %10d\n' "element JS+CSS (no wasm)" "$raw" "$gz"
read -r off_raw off_gz < <(size_of www/nianbao.html)
printf '%-28s %10d %10d  (%d%% / %d%% of the page total)\n' "www/nianbao.html (offline)" "$off_raw" "$off_gz" \
  $((off_raw * 100 / total_raw)) $((off_gz * 100 / total_gz))

read -r raw gz < <(size_of "${element_later[@]}")
printf '%-28s %10d %10d\n' "summary + exports (later)" "$raw" "$gz"
# The same first check from dist/ (minified): what a server of dist/ sends.
read -r min_raw min_gz < <(size_of "${page_files[@]/#www\//dist/}")
printf '%-28s %10d %10d\n' "page total, dist/ (minified)" "$min_raw" "$min_gz"
read -r raw gz < <(size_of $(printf '%s\n' "${page_files[@]/#www\//dist/}" | grep -v '^dist/pkg/'))
printf '%-28s %10d %10d\n' "  of which page JS+CSS+HTML" "$raw" "$gz"

# The writers, each downloaded only by the download that needs it: the annotated report
# (writer.js + pkg-writer/), the .xlsx or a CSV through writer.js (writer.js + pkg-xlsx/).
writer_files=(www/writer.js www/pkg-writer/nianbao_writer.js www/pkg-writer/nianbao_writer_bg.wasm)
xlsx_files=(www/writer.js www/pkg-xlsx/nianbao_xlsx.js www/pkg-xlsx/nianbao_xlsx_bg.wasm)
for f in "${writer_files[@]}" "${xlsx_files[@]:1}"; do
  read -r raw gz < <(size_of "$f")
  printf '%-28s %10d %10d\n' "$f" "$raw" "$gz"
done
read -r raw gz < <(size_of "${writer_files[@]}")
printf '%-28s %10d %10d\n' "annotate (on demand)" "$raw" "$gz"
read -r raw gz < <(size_of "${xlsx_files[@]}")
printf '%-28s %10d %10d\n' "xlsx export (on demand)" "$raw" "$gz"
# The readers, downloaded only when a .doc/.wps, a web page or a paste arrives.
readers_files=(www/readers.js www/pkg-readers/nianbao_readers.js www/pkg-readers/nianbao_readers_bg.wasm)
for f in "${readers_files[@]}"; do
  read -r raw gz < <(size_of "$f")
  printf '%-28s %10d %10d\n' "$f" "$raw" "$gz"
done
read -r raw gz < <(size_of "${readers_files[@]}")
printf '%-28s %10d %10d\n' "readers (on demand)" "$raw" "$gz"
budget=$((150 * 1024))
if [ "$total_gz" -gt "$budget" ]; then
  echo "build-web: note: the page with its checker is ${total_gz} bytes gzipped (the checker loads when the page is idle)" >&2
fi
if [ "$start_gz" -gt "$budget" ]; then
  echo "build-web: WARNING: what the page loads at start is ${start_gz} bytes gzipped, over the ${budget}-byte budget" >&2
  # NIANBAO_SIZE_STRICT=1 makes the budgets hard limits.
  if [ "${NIANBAO_SIZE_STRICT:-0}" = 1 ]; then exit 1; fi
fi
if [ $((off_gz * 100)) -gt $((total_gz * 105)) ]; then
  echo "build-web: WARNING: the offline file is over the page total + 5 % (gzip)" >&2
  if [ "${NIANBAO_SIZE_STRICT:-0}" = 1 ]; then exit 1; fi
fi
