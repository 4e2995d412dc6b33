#!/usr/bin/env python3
"""Writes lean copies of the web-page fixtures for the html_reader fuzz target: the same report
(headings, paragraphs, the three tables with their rowspan/colspan) without LibreOffice's
<font>/<span> wrappers, presentational attributes and style sheets, so that an input is about a
sixth of the size and the fuzzer runs several times faster. Each keeps its page's encoding
(UTF-8, GBK) or container (.mht, quoted-printable).

Usage: lean-pages.py FIXTURE_DIR OUT_DIR"""
import quopri
import re
import sys
from pathlib import Path

ATTRS = r"style|class|ms-[a-z0-9-]+|href|src|title|target|lang|align|valign|width|height|bgcolor|sdval|sdnum|dir|face|size|color|cellpadding|cellspacing|border|link|vlink"


def lean(html: str) -> str:
    html = re.sub(r"<(style|script|form)\b[^>]*>.*?</\1>", "", html, flags=re.S | re.I)
    html = re.sub(r"<(/?)(font|span)\b[^>]*>", "", html, flags=re.I)
    html = re.sub(r"\s(%s)=(\"[^\"]*\"|'[^']*'|[^\s>]+)" % ATTRS, "", html, flags=re.I)
    html = re.sub(r"<col\b[^>]*>|</?colgroup[^>]*>", "", html, flags=re.I)
    html = re.sub(r"<meta name=[^>]*>\s*", "", html, flags=re.I)
    return re.sub(r"\n\s*\n+", "\n", html)


def main() -> None:
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.iterdir()):
        if not f.is_file():
            continue  # e.g. real/: the .doc copies of the real reports, no pages
        data = f.read_bytes()
        if f.suffix in (".html", ".htm"):
            enc = "gb18030" if re.search(rb"charset=\"?gb", data[:2048], re.I) else "utf-8"
            text = lean(data.decode(enc))
            (out / f"lean-{f.name}").write_bytes(text.encode(enc))
        elif f.suffix == ".mht":
            head, sep, rest = data.partition(b"Content-Transfer-Encoding: quoted-printable")
            if not sep:
                continue
            part_head, _, body = rest.partition(b"\n\n")
            if b"\r\n\r\n" in rest[: len(part_head) + 4]:
                part_head, _, body = rest.partition(b"\r\n\r\n")
            boundary = re.search(rb'boundary="([^"]+)"', head).group(1)
            page, _, _ = body.partition(b"--" + boundary)
            html = lean(quopri.decodestring(page).decode("utf-8"))
            qp = quopri.encodestring(html.encode("utf-8"))
            text = head + sep + part_head + b"\n\n" + qp + b"\n--" + boundary + b"--\n"
            (out / f"lean-{f.name}").write_bytes(text)


main()
