#!/usr/bin/env bash
# Before/after in one run (BENCHMARKS.md, "2026-12-06"): builds commit BEFORE (default: main's
# 68af0ce) from `git archive` into $WORK/before and this checkout, each with its own target
# directory and the same settings, then measures both interleaved (before, after, before, ...):
#
#   * callgrind instruction counts of `check_bytes` per input (load-independent; benches/profile.rs),
#     and of the floor (inflate + tokenise document.xml; `profile NAME N floor`, the same code on
#     both sides, so measured with the side whose profile.rs has that stage);
#   * callgrind instructions per report of the CLI (`check --json --jobs 1` over the corpus's first
#     CLI_CG_N files, default 100; (N files − 1 file) / (N − 1));
#   * the CLI's output, before vs after, byte for byte: `--json`, `--csv` and text over the
#     distinct corpus and over a copies corpus (make_corpus.py without --distinct) (SKIP_SAME=1: not);
#   * divan `check_bytes` and the floor (inflate + tokenise document.xml), --sample-count 30;
#   * the CLI `check --json` over the distinct-agency corpus (bench/make_corpus.py --distinct):
#     wall time, CPU time per report, max RSS (bench/cli.py);
#   * the first-check download and the writer module with the twiggy top ten (bench/size.sh).
#
#   bash bench/side_by_side.sh [BEFORE=68af0ce]
#   ROUNDS=3 SKIP_SIZE=1 SKIP_CALLGRIND=1 SKIP_CLI_CALLGRIND=1 SKIP_SAME=1 SKIP_WALL=1 \
#     WORK=/tmp/nianbao-sbs bash bench/side_by_side.sh
#
# Raw outputs go to target/bench/sbs/; nothing here asserts a figure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BEFORE="${1:-68af0ce}"
WORK="${WORK:-/tmp/nianbao-sbs}"
OUT="$ROOT/target/bench/sbs"
ROUNDS="${ROUNDS:-3}"
CORPUS="${CORPUS:-/tmp/nianbao-bench-distinct}"
CORPUS_COPIES="${CORPUS_COPIES:-/tmp/nianbao-bench-corpus}"
CLI_CG_N="${CLI_CG_N:-100}"
INPUTS=(seed_000 seed_001 seed_002 seed_003 seed_004 large_images large_text)
mkdir -p "$OUT" "$WORK"
log() { printf '\n== %s\n' "$*"; }

# Both checkouts get the current bench scripts' view of the corpus and the same build settings:
# the workspace build (the CLI's zlib-rs inflater, as `nianbao check` runs) with debug info for
# the profilers (it does not change the code generated).
export CARGO_PROFILE_BENCH_DEBUG=true
rm -rf "$WORK/before.new" && mkdir -p "$WORK/before.new"
git archive "$BEFORE" | tar -x -C "$WORK/before.new"
if [ -d "$WORK/before" ] && diff -rq "$WORK/before.new/src" "$WORK/before/src" >/dev/null 2>&1; then
  rm -rf "$WORK/before.new"
else
  rm -rf "$WORK/before" && mv "$WORK/before.new" "$WORK/before"
fi
declare -A SRC=([before]="$WORK/before" [after]="$ROOT")
declare -A TGT=([before]="$WORK/before/target" [after]="${CARGO_TARGET_DIR:-$ROOT/target}")
declare -A PROFILE PIPELINE CLI
for side in before after; do
  log "build $side (${SRC[$side]})"
  (cd "${SRC[$side]}" && CARGO_TARGET_DIR="${TGT[$side]}" cargo bench --locked --bench profile --bench pipeline --no-run)
  (cd "${SRC[$side]}" && CARGO_TARGET_DIR="${TGT[$side]}" cargo build --locked --release --bin nianbao)
  PROFILE[$side]=$(ls -t "${TGT[$side]}"/release/deps/profile-* | grep -v '\.d$' | head -1)
  PIPELINE[$side]=$(ls -t "${TGT[$side]}"/release/deps/pipeline-* | grep -v '\.d$' | head -1)
  CLI[$side]="${TGT[$side]}/release/nianbao"
done
python3 bench/make_corpus.py --distinct "$CORPUS" 1000
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M) UTC"

if [ -z "${SKIP_SAME:-}" ]; then
  log "CLI output, before vs after, byte for byte"
  python3 bench/make_corpus.py "$CORPUS_COPIES" 1000
  for corpus in "$CORPUS" "$CORPUS_COPIES"; do
    for form in --json --csv text; do
      flag=$form && [ "$form" = text ] && flag=
      for side in before after; do
        "${CLI[$side]}" check $flag "$corpus" >"$WORK/out-$side" 2>/dev/null || true
      done
      if cmp -s "$WORK/out-before" "$WORK/out-after"; then same=identical; else same=DIFFERENT; fi
      printf 'BENCH-JSON {"bench":"cli_same","corpus":"%s","form":"%s","bytes":%d,"result":"%s"}\n' \
        "$(basename "$corpus")" "$form" "$(wc -c <"$WORK/out-after")" "$same"
    done
  done | tee "$OUT/same.txt"
  rm -f "$WORK/out-before" "$WORK/out-after"
fi

if [ -z "${SKIP_CALLGRIND:-}" ]; then
  log "callgrind: instructions per check_bytes ((11 iterations - 1 iteration) / 10)"
  for name in "${INPUTS[@]}"; do
    for side in before after; do
      # Instructions of 11 and 1 iterations: the difference over 10 is one check.
      ir() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "${PROFILE[$side]}" "$name" "$1" 2>&1 |
          sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
      }
      (cd "${SRC[$side]}" && a=$(ir 11) && b=$(ir 1) &&
        printf 'BENCH-JSON {"bench":"callgrind","side":"%s","input":"%s","ir_per_check":%d}\n' "$side" "$name" $(((a - b) / 10)))
    done
  done | tee "$OUT/callgrind.txt"
  for side in after before; do
    if grep -q '"floor"' "${SRC[$side]}/benches/profile.rs"; then
      for name in "${INPUTS[@]}"; do
        ir() {
          valgrind --tool=callgrind --callgrind-out-file=/dev/null "${PROFILE[$side]}" "$name" "$1" floor 2>&1 |
            sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
        }
        (cd "${SRC[$side]}" && a=$(ir 11) && b=$(ir 1) &&
          printf 'BENCH-JSON {"bench":"callgrind_floor","input":"%s","ir_per_floor":%d}\n' "$name" $(((a - b) / 10)))
      done
      break
    fi
  done | tee "$OUT/callgrind-floor.txt"
fi

if [ -z "${SKIP_CLI_CALLGRIND:-}" ]; then
  log "callgrind: CLI instructions per report (check --json --jobs 1, $CLI_CG_N files and 1 file)"
  rm -rf "$WORK/cg-corpus" "$WORK/cg-one" && mkdir -p "$WORK/cg-corpus" "$WORK/cg-one"
  find "$CORPUS" -maxdepth 1 -name '*.docx' | sort | sed -n "1,${CLI_CG_N}p" | xargs -I{} cp {} "$WORK/cg-corpus/"
  cp "$(find "$CORPUS" -maxdepth 1 -name '*.docx' | sort | sed -n 1p)" "$WORK/cg-one/"
  for side in before after; do
    cli_ir() {
      # (exit code 1: some reports have errors)
      { valgrind --tool=callgrind --callgrind-out-file=/dev/null "${CLI[$side]}" check --json --jobs 1 "$1" 2>&1 >/dev/null || true; } |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    }
    a=$(cli_ir "$WORK/cg-corpus") && b=$(cli_ir "$WORK/cg-one/"*.docx) &&
      printf 'BENCH-JSON {"bench":"callgrind_cli","side":"%s","files":%d,"ir_per_report":%d}\n' "$side" "$CLI_CG_N" $(((a - b) / (CLI_CG_N - 1)))
  done | tee "$OUT/callgrind-cli.txt"
fi

if [ -z "${SKIP_WALL:-}" ]; then
  log "wall clock, interleaved: divan check_bytes + floor, CLI over the distinct corpus"
  : >"$OUT/divan.txt"
  : >"$OUT/cli.txt"
  for round in $(seq 1 "$ROUNDS"); do
    for side in before after; do
      echo "### round $round $side load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/divan.txt"
      (cd "${SRC[$side]}" && "${PIPELINE[$side]}" --bench --sample-count 30 check_bytes inflate_tokenise) | tee -a "$OUT/divan.txt"
      echo "### round $round $side load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/cli.txt"
      python3 bench/cli.py "${CLI[$side]}" "$CORPUS" 3 tests/fixtures/samples/seed_000.docx | tee -a "$OUT/cli.txt"
    done
  done
fi

if [ -z "${SKIP_SIZE:-}" ]; then
  log "download sizes and twiggy top ten"
  for side in before after; do
    CARGO_TARGET_DIR="${TGT[$side]}" bash bench/size.sh "${SRC[$side]}" "$OUT/size-$side" | tee "$OUT/size-$side.txt"
  done
fi
