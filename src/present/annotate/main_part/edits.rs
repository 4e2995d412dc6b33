//! The scanner's edits at the end of a cell or paragraph: comment ranges and references, and
//! the corrections as tracked changes (the old text deleted, the new one inserted).

use super::*;

impl Scanner<'_> {
    pub(super) fn range_start(&self, i: usize) -> Vec<Piece> {
        vec![
            self.lit("<w:commentRangeStart w:id=\""),
            Piece::Comment(i),
            Piece::Lit("\"/>".into()),
        ]
    }

    pub(super) fn range_end(&self, i: usize) -> Vec<Piece> {
        vec![
            self.lit("<w:commentRangeEnd w:id=\""),
            Piece::Comment(i),
            Piece::Lit("\"/>".into()),
        ]
    }

    pub(super) fn reference(&self, i: usize) -> Vec<Piece> {
        vec![
            self.lit("<w:r><w:commentReference w:id=\""),
            Piece::Comment(i),
            self.lit("\"/></w:r>"),
        ]
    }

    /// Opening tag of an empty `<w:p .../>` written as a start tag.
    pub(super) fn opened(&self, start: usize, tag_end: usize) -> String {
        let tag = String::from_utf8_lossy(&self.xml[start..tag_end]);
        let t = tag.trim_end_matches('>').trim_end();
        format!("{}>", t.trim_end_matches('/'))
    }

    pub(super) fn finish_cell(&mut self, c: CellCtx, tc_end: usize) {
        let anchors = c.anchors;
        for &i in &anchors {
            if let Some(p) = self.placed.get_mut(i) {
                *p = true;
            }
        }
        let starts: Vec<Piece> = anchors.iter().flat_map(|&i| self.range_start(i)).collect();
        let ends: Vec<Piece> = anchors
            .iter()
            .flat_map(|&i| self.range_end(i).into_iter().chain(self.reference(i)))
            .collect();
        let correction = if self.tracked && !c.paras.is_empty() && c.paras.iter().all(|p| p.simple)
        {
            anchors
                .iter()
                .find_map(|&i| self.anchors.get(i).and_then(|a| a.correction.clone()))
        } else {
            None
        };
        // The inserted run: the first run's formatting, so the number looks like the old one.
        let ins: Vec<Piece> = match &correction {
            Some(text) => {
                let rpr = c
                    .paras
                    .iter()
                    .flat_map(|p| p.runs.iter())
                    .find_map(|r| r.rpr)
                    .filter(|&(s, e)| !contains(&self.xml[s..e], b"Change"))
                    .map(|(s, e)| String::from_utf8_lossy(&self.xml[s..e]).into_owned())
                    .unwrap_or_default();
                let mut v = vec![self.lit("<w:ins")];
                v.extend(self.rev_attrs());
                v.push(self.lit("<w:r>"));
                v.push(Piece::Lit(rpr.into()));
                v.push(self.lit("<w:t xml:space=\"preserve\">"));
                v.push(Piece::Lit(esc(text).into()));
                v.push(self.lit("</w:t></w:r></w:ins>"));
                v
            }
            None => Vec::new(),
        };
        let Some(first) = c.paras.first() else {
            // A cell without a paragraph (not valid, but seen): give it one.
            let mut pieces = vec![self.lit("<w:p>")];
            pieces.extend(starts);
            pieces.extend(ends);
            pieces.push(self.lit("</w:p>"));
            self.push_edit(tc_end, tc_end, pieces);
            return;
        };
        let (f_start, f_tag_end, f_empty, f_after_ppr) =
            (first.start, first.tag_end, first.empty, first.after_ppr);
        let single = c.paras.len() == 1;
        let ins_para = c.paras.iter().position(|p| !p.runs.is_empty());
        if f_empty {
            let mut pieces = vec![Piece::Lit(Cow::Owned(self.opened(f_start, f_tag_end)))];
            pieces.extend(starts);
            if ins_para.is_none() {
                pieces.extend(ins.clone());
            }
            if single {
                pieces.extend(ends.clone());
            }
            pieces.push(self.lit("</w:p>"));
            self.push_edit(f_start, f_tag_end, pieces);
        } else {
            let mut pieces = starts;
            if ins_para.is_none() {
                pieces.extend(ins.clone());
            }
            self.push_edit(f_after_ppr, f_after_ppr, pieces);
        }
        if correction.is_some() {
            for p in &c.paras {
                // Runs without text (a comment reference) stay as they are.
                for r in p.runs.iter().filter(|r| !r.ts.is_empty()) {
                    let mut open = vec![self.lit("<w:del")];
                    open.extend(self.rev_attrs());
                    self.push_edit(r.start, r.start, open);
                    let handled = self.delete_inside(r, c.edits_from);
                    for &(s, e, kind) in r.ts.iter().filter(|t| !handled.contains(&t.0)) {
                        let tag = &self.xml[s..e];
                        let rest_at = tag
                            .iter()
                            .position(|&b| b == b' ' || b == b'/' || b == b'>')
                            .unwrap_or(tag.len());
                        let rest = String::from_utf8_lossy(&tag[rest_at..]);
                        let new = if kind == 1 {
                            format!("</{}:delText>", self.pfx)
                        } else {
                            format!("<{}:delText{}", self.pfx, rest)
                        };
                        self.push_edit(s, e, vec![Piece::Lit(new.into())]);
                    }
                    let close = self.lit("</w:del>");
                    self.push_edit(r.end, r.end, vec![close]);
                }
            }
            if let Some(k) = ins_para {
                let runs = c.paras.get(k).map(|p| p.runs.as_slice()).unwrap_or(&[]);
                let last_text = runs.iter().rev().find(|r| !r.ts.is_empty()).or(runs.last());
                if let Some(at) = last_text.map(|r| r.end) {
                    self.push_edit(at, at, ins);
                }
            }
        }
        if let Some(last) = c.paras.last() {
            if !(single && f_empty) {
                if last.empty {
                    let mut pieces = vec![Piece::Lit(Cow::Owned(
                        self.opened(last.start, last.tag_end),
                    ))];
                    pieces.extend(ends);
                    pieces.push(self.lit("</w:p>"));
                    self.push_edit(last.start, last.tag_end, pieces);
                } else {
                    self.push_edit(last.end_tag, last.end_tag, ends);
                }
            }
        }
    }

    /// Edits already planned inside a run that is now deleted (a text anchor splitting it) are
    /// made to match: their `w:t` become `w:delText`, their run boundaries close and reopen the
    /// deletion. Returns the `w:t` start tags those edits already rewrote.
    pub(super) fn delete_inside(&mut self, r: &CRun, from: usize) -> Vec<usize> {
        let (t_open, t_close, r_open, r_close) = (
            self.lit("<w:t xml:space=\"preserve\">"),
            self.lit("</w:t>"),
            self.lit("<w:r>"),
            self.lit("</w:r>"),
        );
        let text = |p: &Piece| match p {
            Piece::Lit(s) => Some(s.clone()),
            _ => None,
        };
        let (t_open, t_close, r_open, r_close) =
            (text(&t_open), text(&t_close), text(&r_open), text(&r_close));
        let t_tag = format!("<{}:t", self.pfx);
        let mut handled = Vec::new();
        let inside: Vec<usize> = (from.min(self.edits.len())..self.edits.len())
            .filter(|&k| self.edits[k].at > r.start && self.edits[k].at < r.end)
            .collect();
        for k in inside {
            let (at, end) = (self.edits[k].at, self.edits[k].end);
            if end > at {
                if r.ts.iter().any(|t| t.0 == at && t.2 != 1) {
                    for p in self.edits[k].pieces.iter_mut() {
                        if let Piece::Lit(s) = p {
                            if let Some(rest) = s.strip_prefix(t_tag.as_str()) {
                                *s = format!("<{}:delText{}", self.pfx, rest).into();
                            }
                        }
                    }
                    handled.push(at);
                }
                continue;
            }
            let old = std::mem::take(&mut self.edits[k].pieces);
            let mut new = Vec::with_capacity(old.len() + 4);
            for p in old {
                let lit = text(&p);
                if lit.is_some() && lit == t_open {
                    new.push(self.lit("<w:delText xml:space=\"preserve\">"));
                } else if lit.is_some() && lit == t_close {
                    new.push(self.lit("</w:delText>"));
                } else if lit.is_some() && lit == r_close {
                    new.push(self.lit("</w:r></w:del>"));
                } else if lit.is_some() && lit == r_open {
                    new.push(self.lit("<w:del"));
                    new.extend(self.rev_attrs());
                    new.push(self.lit("<w:r>"));
                } else {
                    new.push(p);
                }
            }
            self.edits[k].pieces = new;
        }
        handled
    }

    /// A visible chunk of text in the current paragraph: the byte offset where each character
    /// starts (`offsets`), and the end of the chunk. `in_t`: the chunk is text of a `w:t`
    /// (otherwise a `w:tab`-like element).
    pub(super) fn visible_chunk(&mut self, offsets: &[usize], chunk_end: usize, in_t: bool) {
        let Some(pc) = self.para_ctx.as_ref() else {
            return;
        };
        // Only the innermost paragraph's own text counts.
        let innermost_p = self.frames.iter().rposition(|f| f.k == K::P);
        if innermost_p != Some(pc.frames_len) {
            return;
        }
        let c = pc.count;
        let n = offsets.len();
        let mut splits: Vec<(usize, usize, bool)> = Vec::new(); // (byte pos, anchor, is_start)
        for &(i, s, e, sd, ed) in &pc.anchors {
            if !sd && s >= c && s < c + n {
                splits.push((offsets[s - c], i, true));
            }
            if !ed && e > c && e <= c + n {
                let pos = if e - c < n { offsets[e - c] } else { chunk_end };
                splits.push((pos, i, false));
            }
        }
        let cur_t = pc.cur_t;
        if let Some(pc) = self.para_ctx.as_mut() {
            pc.count += n;
            for (_, i, is_start) in &splits {
                for a in pc.anchors.iter_mut().filter(|a| a.0 == *i) {
                    if *is_start {
                        a.3 = true;
                    } else {
                        a.4 = true;
                    }
                }
            }
        }
        let run = self.runs.last().copied();
        let mut t_fixed = false;
        for (pos, i, is_start) in splits {
            let mark = if is_start {
                self.range_start(i)
            } else {
                self.range_end(i)
            };
            // At the very start or end of a run's content: no need to split it.
            if let Some((r_start, r_tag_end, rpr, _)) = run {
                let content_start = rpr.map(|r| r.1).unwrap_or(r_tag_end);
                let first = match (in_t, cur_t) {
                    (true, Some((ts, te, _))) => pos == te && ts == content_start,
                    (false, _) => pos == content_start,
                    _ => false,
                };
                if first {
                    self.push_edit(r_start, r_start, mark);
                    continue;
                }
                let close = if in_t {
                    format!("</{p}:t></{p}:r>", p = self.pfx)
                } else {
                    format!("</{}:r>", self.pfx)
                };
                if pos == chunk_end && self.xml[pos..].starts_with(close.as_bytes()) {
                    let at = pos + close.len();
                    self.push_edit(at, at, mark);
                    continue;
                }
            }
            match run {
                Some((_, _, rpr, true)) => {
                    let rpr = rpr
                        .map(|(s, e)| String::from_utf8_lossy(&self.xml[s..e]).into_owned())
                        .unwrap_or_default();
                    let mut pieces = Vec::new();
                    if in_t {
                        pieces.push(self.lit("</w:t>"));
                    }
                    pieces.push(self.lit("</w:r>"));
                    pieces.extend(mark);
                    pieces.push(self.lit("<w:r>"));
                    pieces.push(Piece::Lit(rpr.into()));
                    if in_t {
                        pieces.push(self.lit("<w:t xml:space=\"preserve\">"));
                    }
                    self.push_edit(pos, pos, pieces);
                    if in_t && !t_fixed {
                        if let Some((ts, te, false)) = cur_t {
                            // The first half may now end with a space: keep it.
                            let tag = String::from_utf8_lossy(&self.xml[ts..te]);
                            let (head, tail) = match tag.strip_suffix("/>") {
                                Some(head) => (head, "/>"),
                                None => (tag.strip_suffix('>').unwrap_or(&tag), ">"),
                            };
                            let new = format!("{} xml:space=\"preserve\"{}", head, tail);
                            self.push_edit(ts, te, vec![Piece::Lit(new.into())]);
                            if let Some(pc) = self.para_ctx.as_mut() {
                                pc.cur_t = Some((ts, te, true));
                            }
                        }
                        t_fixed = true;
                    }
                }
                Some((start, _, _, false)) => {
                    if is_start {
                        self.push_edit(start, start, mark);
                    } else if let Some(pc) = self.para_ctx.as_mut() {
                        pc.pending_end.push(i);
                    }
                }
                None => self.push_edit(pos, pos, mark),
            }
        }
    }

    pub(super) fn finish_para(&mut self, pc: ParaCtx, end_tag: usize, after: usize, empty: bool) {
        let _ = pc.ordinal;
        for a in &pc.anchors {
            if let Some(p) = self.placed.get_mut(a.0) {
                *p = true;
            }
        }
        let mut head: Vec<Piece> = Vec::new();
        let mut tail: Vec<Piece> = Vec::new();
        for &(i, _, _, sd, ed) in &pc.anchors {
            if !sd {
                // The span was not found (text shorter than said): the whole paragraph.
                head.extend(self.range_start(i));
            }
            if !ed {
                tail.extend(self.range_end(i));
            }
        }
        for &i in &pc.pending_end {
            tail.extend(self.range_end(i));
        }
        for &(i, ..) in &pc.anchors {
            tail.extend(self.reference(i));
        }
        if empty {
            let mut pieces = vec![Piece::Lit(Cow::Owned(self.opened(pc.start, pc.tag_end)))];
            pieces.extend(head);
            pieces.extend(tail);
            pieces.push(self.lit("</w:p>"));
            self.push_edit(pc.start, after, pieces);
        } else {
            if !head.is_empty() {
                self.push_edit(pc.after_ppr, pc.after_ppr, head);
            }
            self.push_edit(end_tag, end_tag, tail);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{contains, esc, has_id_attr, push_u64};

    #[test]
    fn escapes_in_runs_and_drops_what_xml_forbids() {
        assert_eq!(
            esc("合计<3>&\"数\"\u{1}\t\n"),
            "合计&lt;3&gt;&amp;&quot;数&quot;\t\n"
        );
        assert_eq!(esc(""), "");
        assert_eq!(esc("无需转义"), "无需转义");
    }

    #[test]
    fn digits_and_searches() {
        for n in [0u64, 7, 10, 4_294_967_295, u64::MAX] {
            let mut out = b"x".to_vec();
            push_u64(&mut out, n);
            assert_eq!(out, format!("x{n}").into_bytes());
        }
        assert!(has_id_attr(b"<w:bookmarkStart w:id=\"3\" w:name=\"a\"/>"));
        assert!(has_id_attr(b"<w:ins id=\"3\">"));
        assert!(!has_id_attr(b"<w:p w14:paraId=\"1\" w:rsidR=\"00A\">"));
        assert!(contains(b"<w:rPr><w:rPrChange w:id=\"1\"/>", b"Change"));
        assert!(!contains(b"<w:rPr><w:b/></w:rPr>", b"Change"));
        assert!(!contains(b"<w:t>Chang", b"Change"));
    }
}
