//! Paragraph and table properties of a Word 97 binary document: the PAPX FKP pages named by
//! `PlcBtePapx`, and the few sprms the model needs.

use super::{le16, le32};

/// One cell definition of `sprmTDefTable` (TC80's merge flags).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct CellDef {
    /// Continues the cell to its left (`fMerged`).
    pub h_merged: bool,
    /// Part of a vertical merge (`fVertMerge`) …
    pub v_merged: bool,
    /// … and its first cell (`fVertRestart`).
    pub v_restart: bool,
}

/// A row's cell definitions: the cell edges (`rgdxaCenter`, in twips) and the merge flags.
#[derive(Debug, Clone, Default)]
pub(super) struct TableDef {
    pub edges: Vec<i32>,
    pub cells: Vec<CellDef>,
}

/// The properties of one paragraph that the model needs.
#[derive(Debug, Clone, Default)]
pub(super) struct ParaProps {
    pub in_table: bool,
    /// The paragraph ends a table row (its mark is the row-end mark).
    pub ttp: bool,
    /// The row end of a nested table.
    pub inner_ttp: bool,
    pub numbered: bool,
    pub outline_level: Option<u8>,
    /// The row's cell definitions (on a row end).
    pub tdef: Option<TableDef>,
}

/// Where a run's properties are: the PapxInFkp at byte `off` (0: none) of the FKP page at
/// `page_at` in the WordDocument stream. Runs point into the stream rather than copy their
/// grpprl: a damaged or hostile `PlcBtePapx` can name the same page again and again.
#[derive(Clone, Copy)]
struct Src {
    page_at: usize,
    off: usize,
}

/// PAPX runs: file offsets `fc..fc_end` and where the properties of their paragraphs are.
pub(super) struct Runs<'a> {
    word: &'a [u8],
    data: Option<&'a [u8]>,
    runs: Vec<(u32, u32, Src)>,
    /// Grpprl bytes still to be read by [`Runs::props_at`] (see [`GRPPRL_BUDGET`]).
    budget: usize,
}

/// Most FKP pages read (each is 512 bytes of the stream; the stream bounds them anyway).
const MAX_FKP_PAGES: usize = 1 << 20;
/// Most PAPX runs kept: a real document has about one per paragraph (at most
/// `Limits::max_paragraphs`, 200,000), so this never drops a real one.
const MAX_RUNS: usize = 1 << 20;
/// Most bytes of properties read over the whole document. A real report's paragraphs carry a
/// few dozen bytes each and its row ends a few hundred (the cell definitions); a hostile file
/// whose every paragraph names a 64 KB `sprmPHugePapx` would otherwise cost gigabytes of
/// parsing. Past the budget paragraphs read as plain text.
const GRPPRL_BUDGET: usize = 64 << 20;

/// Reads every PAPX FKP page named by `PlcBtePapx`.
pub(super) fn papx_runs<'a>(
    word: &'a [u8],
    table: &[u8],
    data: Option<&'a [u8]>,
    fc: u32,
    lcb: u32,
) -> Runs<'a> {
    let mut runs = Vec::new();
    let plc = super::slice(table, fc, lcb).unwrap_or(&[]);
    let n = plc.len().saturating_sub(4) / 8;
    'pages: for i in 0..n.min(MAX_FKP_PAGES) {
        let Some(pn) = le32(plc, (n + 1) * 4 + i * 4) else {
            break;
        };
        let pn = (pn & 0x003F_FFFF) as usize;
        let Some((page_at, page)) = pn.checked_mul(512).and_then(|at| {
            let page = word.get(at..at.checked_add(512)?)?;
            Some((at, page))
        }) else {
            continue;
        };
        let crun = usize::from(*page.get(511).unwrap_or(&0));
        for r in 0..crun {
            let (Some(start), Some(end)) = (le32(page, r * 4), le32(page, (r + 1) * 4)) else {
                break;
            };
            if runs.len() >= MAX_RUNS {
                break 'pages;
            }
            // BxPap: bOffset (1 byte) + PHE (12 bytes).
            let bx = (crun + 1) * 4 + r * 13;
            let off = usize::from(*page.get(bx).unwrap_or(&0)) * 2;
            runs.push((start, end, Src { page_at, off }));
        }
    }
    crate::order::sort_by_key(&mut runs, |r| r.0);
    Runs {
        word,
        data,
        runs,
        budget: GRPPRL_BUDGET,
    }
}

const SPRM_P_HUGE_PAPX: u16 = 0x6646;

/// A paragraph whose properties do not fit in the FKP page (large row definitions) names them
/// with `sprmPHugePapx`: a `PrcData` (cbGrpprl, grpprl) at an offset in the Data stream, read
/// before the rest of the page's grpprl.
fn huge_papx<'a>(grpprl: &[u8], data: Option<&'a [u8]>) -> Option<&'a [u8]> {
    if le16(grpprl, 0)? != SPRM_P_HUGE_PAPX {
        return None;
    }
    let off = le32(grpprl, 2)? as usize;
    let data = data?;
    let cb = usize::from(le16(data, off)?);
    data.get(off.checked_add(2)?..off.checked_add(2)?.checked_add(cb)?)
}

/// The grpprl of the PapxInFkp at `off` in the page (after the style index).
fn papx_grpprl(page: &[u8], off: usize) -> Option<&[u8]> {
    let cb = usize::from(*page.get(off)?);
    let (start, len) = if cb == 0 {
        let cb2 = usize::from(*page.get(off + 1)?);
        (off + 2, cb2 * 2)
    } else {
        (off + 1, cb * 2 - 1)
    };
    // GrpPrlAndIstd: istd (2 bytes), then the sprms.
    let all = page.get(start..start.checked_add(len)?.min(page.len()))?;
    Some(all.get(2..).unwrap_or(&[]))
}

impl Runs<'_> {
    /// The properties of the paragraph whose mark is at file offset `fc`.
    pub(super) fn props_at(&mut self, fc: u32) -> ParaProps {
        let i = self.runs.partition_point(|r| r.0 <= fc);
        let Some(&(start, end, src)) = i.checked_sub(1).and_then(|i| self.runs.get(i)) else {
            return ParaProps::default();
        };
        if fc < start || fc >= end || src.off == 0 {
            return ParaProps::default();
        }
        let Some(grpprl) = src
            .page_at
            .checked_add(512)
            .and_then(|e| self.word.get(src.page_at..e))
            .and_then(|page| papx_grpprl(page, src.off))
        else {
            return ParaProps::default();
        };
        let parts: [&[u8]; 2] = match huge_papx(grpprl, self.data) {
            Some(huge) => [huge, grpprl.get(6..).unwrap_or(&[])],
            None => [grpprl, &[]],
        };
        let cost = parts[0].len() + parts[1].len();
        if cost > self.budget {
            self.budget = 0;
            return ParaProps::default();
        }
        self.budget -= cost;
        parse_grpprl(&parts)
    }
}

const SPRM_P_ILVL: u16 = 0x260A;
const SPRM_P_ILFO: u16 = 0x460B;
const SPRM_P_IN_TABLE: u16 = 0x2416;
const SPRM_P_TTP: u16 = 0x2417;
const SPRM_P_OUTLVL: u16 = 0x2640;
const SPRM_P_ITAP: u16 = 0x6649;
const SPRM_P_INNER_TTP: u16 = 0x244C;
const SPRM_T_DEF_TABLE: u16 = 0xD608;
const SPRM_T_VERT_MERGE: u16 = 0xD62B;
const SPRM_P_CHG_TABS: u16 = 0xC615;

/// Total length of a sprm's operand at `at` (size fields included).
fn operand_len(sprm: u16, g: &[u8], at: usize) -> Option<usize> {
    Some(match sprm >> 13 {
        0 | 1 => 1,
        2 | 4 | 5 => 2,
        3 => 4,
        7 => 3,
        _ => match sprm {
            // TDefTableOperand: cb (2 bytes) = bytes after it + 1.
            SPRM_T_DEF_TABLE => 2 + usize::from(le16(g, at)?).saturating_sub(1),
            SPRM_P_CHG_TABS if g.get(at) == Some(&255) => {
                // PChgTabsOperand with cb 255: two counted arrays follow.
                let del = usize::from(*g.get(at + 1)?);
                let add = usize::from(*g.get(at + 2 + del * 4)?);
                1 + 1 + del * 4 + 1 + add * 3
            }
            _ => 1 + usize::from(*g.get(at)?),
        },
    })
}

/// The properties of a grpprl given in parts (a huge PAPX from the Data stream, then the rest
/// of the page's grpprl), read as one.
fn parse_grpprl(parts: &[&[u8]]) -> ParaProps {
    let mut p = ParaProps::default();
    let mut itap: Option<u32> = None;
    let mut vmerges: Vec<(usize, u8)> = Vec::new();
    for g in parts {
        read_sprms(g, &mut p, &mut itap, &mut vmerges);
    }
    if let Some(d) = itap {
        if d == 0 {
            p.in_table = false;
        } else if d > 1 && !p.inner_ttp {
            // A nested table's paragraph: part of the outer cell's text.
            p.ttp = false;
        }
    }
    if let Some(def) = p.tdef.as_mut() {
        for (itc, flags) in vmerges {
            if let Some(c) = def.cells.get_mut(itc) {
                c.v_merged = flags != 0;
                c.v_restart = flags == 3;
            }
        }
    }
    p
}

fn read_sprms(g: &[u8], p: &mut ParaProps, itap: &mut Option<u32>, vmerges: &mut Vec<(usize, u8)>) {
    let mut at = 0usize;
    while let Some(sprm) = le16(g, at) {
        let op = at + 2;
        let Some(len) = operand_len(sprm, g, op) else {
            break;
        };
        let b0 = g.get(op).copied().unwrap_or(0);
        match sprm {
            SPRM_P_IN_TABLE => p.in_table = b0 != 0,
            SPRM_P_TTP => p.ttp = b0 != 0,
            SPRM_P_INNER_TTP => p.inner_ttp = b0 != 0,
            SPRM_P_ITAP => *itap = le32(g, op),
            SPRM_P_OUTLVL => p.outline_level = (b0 < 9).then_some(b0),
            SPRM_P_ILFO => p.numbered = le16(g, op).is_some_and(|v| v != 0),
            SPRM_P_ILVL => {}
            SPRM_T_DEF_TABLE => p.tdef = table_def(g.get(op..op + len).unwrap_or(&[])),
            SPRM_T_VERT_MERGE => {
                if let (Some(&itc), Some(&flags)) = (g.get(op + 1), g.get(op + 2)) {
                    if vmerges.len() < 256 {
                        vmerges.push((usize::from(itc), flags));
                    }
                }
            }
            _ => {}
        }
        at = op.saturating_add(len);
    }
}

/// Parses a TDefTableOperand: cb, itcMac, rgdxaCenter (itcMac + 1 edges), rgTc80 (20 bytes each).
fn table_def(op: &[u8]) -> Option<TableDef> {
    let n = usize::from(*op.get(2)?);
    let mut edges = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let v = le16(op, 3 + i * 2)? as i16;
        edges.push(i32::from(v));
    }
    let tcs = 3 + (n + 1) * 2;
    let mut cells = Vec::with_capacity(n);
    for i in 0..n {
        let flags = le16(op, tcs + i * 20).unwrap_or(0);
        cells.push(CellDef {
            h_merged: flags & 0x0002 != 0,
            v_merged: flags & 0x0020 != 0,
            v_restart: flags & 0x0040 != 0,
        });
    }
    Some(TableDef { edges, cells })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One FKP page of 29 runs (as many as fit) whose paragraphs all name a 64 KB `sprmPHugePapx` in the Data
    /// stream, and a `PlcBtePapx` naming that page 100,000 times (2.9 million runs, each of which
    /// copied its 64 KB of properties before).
    fn hostile() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        let mut word = vec![0u8; 512];
        let crun = 29usize;
        word[511] = crun as u8;
        for r in 0..=crun {
            word[r * 4..r * 4 + 4].copy_from_slice(&(r as u32 * 2).to_le_bytes());
        }
        // Every BxPap points at one PapxInFkp near the end of the page: cb 5 (9 bytes), istd,
        // sprmPHugePapx with its Data offset 0.
        let papx_at = 498usize;
        for r in 0..crun {
            word[(crun + 1) * 4 + r * 13] = (papx_at / 2) as u8;
        }
        word[papx_at] = 5;
        word[papx_at + 3..papx_at + 5].copy_from_slice(&SPRM_P_HUGE_PAPX.to_le_bytes());
        let mut data = vec![0u8; 2 + 65_535];
        data[..2].copy_from_slice(&u16::MAX.to_le_bytes());
        let n = 100_000usize;
        let mut table = vec![0u8; 4 + 8 * n];
        for i in 0..=n {
            table[i * 4..i * 4 + 4].copy_from_slice(&(i as u32).to_le_bytes());
        }
        (word, table, data)
    }

    #[test]
    fn a_page_named_many_times_is_bounded() {
        let (word, table, data) = hostile();
        let mut runs = papx_runs(&word, &table, Some(&data), 0, table.len() as u32);
        assert_eq!(runs.runs.len(), MAX_RUNS);
        // Each paragraph's properties cost 64 KB to read: the budget (64 MB; 1 MB here, to keep
        // the test quick) stops that.
        runs.budget = 1 << 20;
        let mut read = 0usize;
        for _ in 0..100 {
            if runs.budget > 0 {
                read += 1;
            }
            let _ = runs.props_at(0);
        }
        assert!(read <= (1 << 20) / 65_535 + 1, "{read}");
        assert_eq!(runs.budget, 0);
    }
}
