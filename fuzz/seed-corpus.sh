#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ (gitignored) with every test fixture and, unless
# WITH_TEST_FILES=0, with every file the rejection tests build (OLE files, zips of all
# shapes, HTML/RTF/PDF heads, ...). Files over MAX_SEED_BYTES (default 256 KiB) are skipped
# to keep the fuzzer fast. Idempotent: re-running only adds/overwrites files.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
max="${MAX_SEED_BYTES:-262144}"
targets="${*:-check_bytes package_open document_xml doc_reader html_reader narrative}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Fixtures: keep the relative path in the name so that same-named files don't collide.
(cd "$root/tests/fixtures" && find . -type f -print0) | while IFS= read -r -d '' f; do
    name="$(printf '%s' "${f#./}" | tr '/' '_')"
    cp -f "$root/tests/fixtures/$f" "$tmp/fixture-$name"
done

if [ "${WITH_TEST_FILES:-1}" = 1 ]; then
    (cd "$root" && NIANBAO_FUZZ_SEEDS="$tmp/built" cargo test --quiet --test it rejections:: >/dev/null 2>&1) \
        || echo "seed-corpus: rejection tests failed or did not build; using fixtures only" >&2
    if [ -d "$tmp/built" ]; then mv "$tmp"/built/* "$tmp"/ 2>/dev/null || true; rmdir "$tmp/built" 2>/dev/null || true; fi
fi

# For document_xml: the main document part of every .docx fixture (the target wraps its input
# in a package itself).
mkdir -p "$tmp/xml"
find "$root/tests/fixtures" -type f -name '*.docx' -print0 | while IFS= read -r -d '' f; do
    unzip -p "$f" word/document.xml > "$tmp/xml/$(basename "$f" .docx).document.xml" 2>/dev/null \
        || rm -f "$tmp/xml/$(basename "$f" .docx).document.xml"
done

# For narrative: every labelled sentence of the prose corpora, one file each, and the real
# reports' texts with their lines as paragraphs (the target splits paragraphs at NUL).
mkdir -p "$tmp/prose"
for f in "$root"/tests/fixtures/narrative/*.tsv; do
    grep -v '^#' "$f" | cut -f2 | while IFS= read -r line; do
        [ -n "$line" ] || continue
        printf '%s' "$line" > "$tmp/prose/$(basename "$f" .tsv)-$(printf '%s' "$line" | md5sum | cut -c1-12)"
    done
done
for f in "$root"/tests/fixtures/real/*.txt; do
    tr '\n' '\000' < "$f" > "$tmp/prose/real-$(basename "$f" .txt)"
done

for t in $targets; do
    mkdir -p "$here/corpus/$t"
    if [ "$t" = narrative ]; then
        find "$tmp/prose" -type f -size +0 -exec cp -f {} "$here/corpus/$t/" \;
        echo "seed-corpus: $(find "$here/corpus/$t" -type f | wc -l) files in fuzz/corpus/$t"
        continue
    fi
    # The readers' targets: their own fixtures (tests/fixtures/readers/), .doc/.wps or web pages.
    if [ "$t" = doc_reader ] || [ "$t" = html_reader ]; then
        if [ "$t" = doc_reader ]; then pat='.*\.(doc|wps)$|.*_doc\.docx$'; else pat='.*\.(html?|mht)$'; fi
        find "$root/tests/fixtures/readers" -type f -regextype posix-extended -regex "$pat" -size -"$((max + 1))"c \
            -exec cp -f {} "$here/corpus/$t/" \;
        # Lean copies of the pages (same tables, a sixth of the bytes): run html_reader with
        # -max_len=32768 so that every input is a whole report and the fuzzer stays fast.
        if [ "$t" = html_reader ] && command -v python3 >/dev/null; then
            python3 "$here/lean-pages.py" "$root/tests/fixtures/readers" "$here/corpus/$t"
        fi
        echo "seed-corpus: $(find "$here/corpus/$t" -type f | wc -l) files in fuzz/corpus/$t"
        continue
    fi
    if [ "$t" = document_xml ]; then
        find "$tmp/xml" -type f -size +0 -exec cp -f {} "$here/corpus/$t/" \;
        echo "seed-corpus: $(find "$here/corpus/$t" -type f | wc -l) files in fuzz/corpus/$t"
        continue
    fi
    find "$tmp" -maxdepth 1 -type f -size -"$((max + 1))"c -exec cp -f {} "$here/corpus/$t/" \;
    echo "seed-corpus: $(find "$here/corpus/$t" -type f | wc -l) files in fuzz/corpus/$t"
done
