#!/usr/bin/env bash
# The single test command: formatting and lint checks, native tests (library and CLI crates, one
# integration binary each: tests/it/, cli/tests/it/), the wasm tests (the binding's in headless
# Chromium, the writer's in Node), the web build, the end-to-end browser tests, then a short fuzz
# run of every fuzz target. Fails as soon as a step fails. Prints each step's time as it ends and
# all of them at the end.
#
# First installs, idempotently, what a fresh machine lacks (tools/install.sh --browser: wasm target,
# wasm-bindgen-cli, tools/node_modules, Debian chromium + chromium-driver, the office readers).
# NIANBAO_SKIP_INSTALL=1 skips that step (for a caller that has just run it).
#
# The JavaScript lint (Node only) runs alongside the Rust format and lint steps; everything else
# runs one step at a time, since cargo uses every core itself.
set -euo pipefail
cd "$(dirname "$0")/.."

steps=()
started=$SECONDS
fail() {
  echo
  echo "test-all: FAILED at: $1"
  echo "test-all: passed before it: ${steps[*]:-none}"
  exit 1
}
step() {
  local name=$1
  shift
  echo
  echo "==> $name"
  local t0=$SECONDS
  "$@" || fail "$name"
  steps+=("$name($((SECONDS - t0))s)")
  echo "<== $name: $((SECONDS - t0))s"
}

if [ "${NIANBAO_SKIP_INSTALL:-0}" = 1 ]; then
  echo "==> install missing tools: skipped (NIANBAO_SKIP_INSTALL=1)"
else
  step "install missing tools" bash tools/install.sh --browser
fi

# The JS lint in the background, its output kept apart so that it does not interleave.
js_log=$(mktemp)
trap 'rm -f "$js_log"' EXIT
js_t0=$SECONDS
bash scripts/lint-js.sh >"$js_log" 2>&1 &
js_pid=$!

step "format (cargo fmt --check)" cargo fmt --all --check
step "lint (cargo clippy, warnings are errors)" cargo clippy --all-targets --locked -- -D warnings

echo
echo "==> lint JS (node --check, ESLint, tsc on the typings; ran alongside the steps above)"
js_ok=1
wait "$js_pid" || js_ok=0
cat "$js_log"
[ $js_ok = 1 ] || fail "lint JS"
steps+=("lint JS($((SECONDS - js_t0))s, in parallel)")
echo "<== lint JS: $((SECONDS - js_t0))s (in parallel)"

step "native tests" cargo test --locked
# The binding's wasm tests run once, in the engine the page runs in (headless Chromium, as the
# end-to-end tests); Node would only repeat them. The writer's run in Node (it has no DOM use).
step "wasm tests (headless Chromium)" env WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  cargo test --locked --target wasm32-unknown-unknown --test wasm
step "writer wasm tests (Node)" cargo test --locked -p nianbao-writer --target wasm32-unknown-unknown --test writer_wasm
step "xlsx export wasm tests (Node)" cargo test --locked -p nianbao-xlsx --target wasm32-unknown-unknown --test xlsx_wasm
step "web build" bash scripts/build-web.sh
# Each e2e file starts its own server (free port) and browser profile, so files run side by side:
# most of their time is waiting for the page, and three at a time roughly halves the step.
step "end-to-end (node --test tests/e2e/, Chromium, ${E2E_CONCURRENCY:-3} files at a time)" \
  node --test --test-concurrency="${E2E_CONCURRENCY:-3}" tests/e2e/
# The cross-engine subset (check, marks, popover, focus, batch summary and counts, CSV, annotated
# download, 390 px, offline file) in Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver, xvfb-run).
step "end-to-end in Firefox ESR and WebKitGTK (tests/e2e/engines.test.mjs)" \
  env NIANBAO_ENGINES=firefox,webkit NIANBAO_ENGINES_REQUIRED=1 node --test tests/e2e/engines.test.mjs
# A smoke run (the seeds and a few thousand mutations per target); the long campaigns are in fuzz/README.md.
step "fuzz smoke (cargo fuzz, ${FUZZ_SECONDS:-10}s per target)" bash scripts/fuzz-smoke.sh "${FUZZ_SECONDS:-10}"

echo
echo "test-all: all ${#steps[@]} steps passed in $((SECONDS - started))s:"
for s in "${steps[@]}"; do echo "  $s"; done
