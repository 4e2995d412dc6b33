#!/usr/bin/env bash
# Lints the JavaScript of www/ (the page, the element, the worker), the browser tests and the tools
# with ESLint (pinned in tools/package.json; flat config tools/eslint.config.mjs), after a syntax
# check of every file with `node --check`; then type-checks www/nianbao.d.ts (tools/types-usage.ts) and
# www/*.js (// @ts-check, tools/tsconfig.www.json).
#   bash scripts/lint-js.sh        (needs: npm ci --prefix tools, or bash tools/install.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t files < <(git ls-files 'www/*.js' 'tests/e2e/*.mjs' 'tests/e2e/**/*.mjs' 'tests/e2e/**/*.js' 'tools/*.mjs' 'bench/*.mjs' | sort -u)
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  # Every file is an ES module; given on stdin, node parses it as one whatever package.json says.
  node --input-type=module --check <"$f" || { echo "lint-js: syntax error in $f" >&2; exit 1; }
done

ESLINT=tools/node_modules/.bin/eslint
if [ ! -x "$ESLINT" ]; then
  echo "lint-js: $ESLINT missing; run: bash tools/install.sh" >&2
  exit 1
fi
"$ESLINT" --config tools/eslint.config.mjs --max-warnings 0 www tests/e2e tools/*.mjs bench/*.mjs
# The TypeScript declarations for portals (www/nianbao.d.ts) against their documented uses.
tools/node_modules/.bin/tsc -p tools/tsconfig.json
# Every file of www/ stays small enough to read in one sitting: split by concern, not grown.
for f in $(git ls-files 'www/*.js' 'www/*.css' 'www/*.html'); do
  [ -f "$f" ] || continue
  n=$(wc -l <"$f")
  if [ "$n" -gt 400 ]; then echo "lint-js: $f has $n lines (at most 400: split it by concern)" >&2; exit 1; fi
done
# The JavaScript of www/ itself: every file opts in with // @ts-check, and tsc checks it (JSDoc types).
for f in www/*.js; do
  head -n 1 "$f" | grep -q '^// @ts-check$' || { echo "lint-js: $f does not start with // @ts-check" >&2; exit 1; }
done
tools/node_modules/.bin/tsc -p tools/tsconfig.www.json
echo "lint-js: ${#files[@]} files clean; www/*.js and www/nianbao.d.ts type-check"
