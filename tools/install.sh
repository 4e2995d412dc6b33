#!/usr/bin/env bash
# Installs, idempotently, what building and testing the web page needs beyond Rust itself:
#   the wasm32 target and rust-src (the checker's own std), wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen version, the npm tools
#   (binaryen's wasm-opt, playwright-core) from tools/package-lock.json, and with --browser
#   Debian's chromium + chromium-driver (for the browser tests), Firefox ESR + geckodriver and
#   WebKitGTK's WebKitWebDriver + xvfb (the cross-engine tests), and the office software that the
#   annotated-report and export tests open nianbao's output with.
# Each step is skipped when what it installs is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=0
[ "${1:-}" = "--browser" ] && browser=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ $apt_updated = 0 ]; then as_root apt-get update -q; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

if [ $browser = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  echo "install: chromium, chromium-driver"
  # A CJK font only makes the test screenshots legible; the tests do not depend on it.
  apt_install chromium chromium-driver fonts-wqy-microhei
fi

# The cross-engine tests (tests/e2e/engines.test.mjs): Firefox ESR driven by geckodriver (built
# from crates.io), WebKitGTK — Safari's engine — driven by WebKitWebDriver (with MiniBrowser, in
# libwebkit2gtk-4.1-0) on a virtual display (xvfb-run).
if [ $browser = 1 ]; then
  if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null \
    || [ ! -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ]; then
    echo "install: firefox-esr, webkit2gtk-driver, libwebkit2gtk-4.1-0, xvfb"
    apt_install firefox-esr webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb xauth
  fi
  if ! command -v geckodriver >/dev/null; then
    echo "install: geckodriver (cargo install --locked)"
    cargo install geckodriver --locked
  fi
fi

# The annotated-report tests open nianbao's .docx output in real office software and readers:
# LibreOffice (headless conversion to PDF/ODT), python-docx and openpyxl (the .xlsx export),
# pdftotext (the printed page's text).
if [ $browser = 1 ]; then
  if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
    echo "install: libreoffice-writer-nogui, poppler-utils"
    apt_install libreoffice-writer-nogui poppler-utils
  fi
  if ! python3 -c 'import docx, openpyxl' 2>/dev/null; then
    echo "install: python-docx, openpyxl (pip)"
    python3 -m pip install --quiet --disable-pip-version-check python-docx==1.2.0 openpyxl==3.1.5
  fi
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "install: nodejs, npm"
  apt_install nodejs npm
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "install: rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# std's source, for the checker's build with its own std (scripts/build-web.sh: -Zbuild-std).
if ! rustup component list --installed | grep -qx rust-src; then
  echo "install: rustup component rust-src"
  rustup component add rust-src
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  echo "install: wasm-bindgen-cli $want (found: ${have:-none})"
  # No --locked: a pinned dependency of the CLI's lock file is not on the registry.
  cargo install wasm-bindgen-cli --version "=$want" --force
fi

# npm ci only when tools/node_modules does not match tools/package-lock.json.
lock_sum=$(sha256sum tools/package-lock.json | cut -d' ' -f1)
if [ "$(cat tools/node_modules/.lock-sha256 2>/dev/null || true)" != "$lock_sum" ] \
  || [ ! -x tools/node_modules/.bin/wasm-opt ]; then
  echo "install: npm ci --prefix tools"
  npm ci --prefix tools --no-audit --no-fund
  echo "$lock_sum" > tools/node_modules/.lock-sha256
fi
echo "install: all tools present"
