#!/usr/bin/env bash
# The single test command: formatting and lint checks, native tests (library and CLI crates), wasm binding tests (Node, then headless Chromium),
# the web build, the end-to-end browser tests, then a short fuzz run of every fuzz target.
# Fails as soon as a step fails.
# First installs, idempotently, what a fresh machine lacks (tools/install.sh --browser: wasm target,
# wasm-bindgen-cli, tools/node_modules, Debian chromium + chromium-driver).
set -euo pipefail
cd "$(dirname "$0")/.."

steps=()
started=$SECONDS
step() {
  local name=$1
  shift
  echo
  echo "==> $name"
  local t0=$SECONDS
  if ! "$@"; then
    echo
    echo "test-all: FAILED at: $name"
    echo "test-all: passed before it: ${steps[*]:-none}"
    exit 1
  fi
  steps+=("$name($((SECONDS - t0))s)")
}

step "install missing tools" bash tools/install.sh --browser
step "format (cargo fmt --check)" cargo fmt --all --check
step "lint (cargo clippy, warnings are errors)" cargo clippy --all-targets --locked -- -D warnings
step "lint JS (node --check, ESLint, tsc on the typings)" bash scripts/lint-js.sh
step "native tests" cargo test --locked
step "wasm tests (Node)" cargo test --locked --target wasm32-unknown-unknown --test wasm
step "writer wasm tests (Node)" cargo test --locked -p nianbao-writer --target wasm32-unknown-unknown --test writer_wasm
step "wasm tests (headless Chromium)" env WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  cargo test --locked --target wasm32-unknown-unknown --test wasm
step "web build" bash scripts/build-web.sh
step "end-to-end (node --test tests/e2e/, Chromium)" node --test tests/e2e/
# The cross-engine subset (check, marks, popover, focus, batch summary and counts, CSV, annotated
# download, 390 px, offline file) in Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver, xvfb-run).
step "end-to-end in Firefox ESR and WebKitGTK (tests/e2e/engines.test.mjs)" \
  env NIANBAO_ENGINES=firefox,webkit NIANBAO_ENGINES_REQUIRED=1 node --test tests/e2e/engines.test.mjs
step "fuzz smoke (cargo fuzz, ${FUZZ_SECONDS:-20}s per target)" bash scripts/fuzz-smoke.sh "${FUZZ_SECONDS:-20}"

echo
echo "test-all: all ${#steps[@]} steps passed in $((SECONDS - started))s: ${steps[*]}"
