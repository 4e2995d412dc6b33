//! The compound-file (OLE) detector: legacy .doc/.wps/.xls/.et/.ppt and password-protected
//! OOXML, told apart by their directory entries without reading any stream in full.

use super::find;
use crate::opc::{le16, le32};
use crate::rejection::{Refusal, Rejection};

// ---------------------------------------------------------------------------------------------
// OLE compound files (legacy .doc/.wps/.xls/.et/.ppt, and password-protected OOXML)
// ---------------------------------------------------------------------------------------------

/// What the directory of a compound file shows.
#[derive(Default, Debug)]
struct OleInfo {
    encrypted_package: bool,
    workbook: bool,
    powerpoint: bool,
    word: bool,
    /// The Word binary's FIB says the document is encrypted (a password-protected .doc).
    word_encrypted: bool,
}

pub(super) fn ole_rejection(bytes: &[u8]) -> Rejection {
    let info = ole_info(bytes);
    if info.encrypted_package {
        return Rejection::from(Refusal::Encrypted);
    }
    if info.word_encrypted {
        return Rejection::from(Refusal::EncryptedLegacyWord);
    }
    if info.workbook && !info.word {
        return Rejection::from(Refusal::LegacyExcel);
    }
    if info.powerpoint && !info.word {
        return Rejection::from(Refusal::LegacyPowerPoint);
    }
    Rejection::from(Refusal::LegacyWord)
}

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
/// Most directory entries looked at in a compound file.
const MAX_CFB_ENTRIES: usize = 65_536;
const MAX_REGULAR_SECTOR: u32 = 0xFFFF_FFFA;

fn ole_info(bytes: &[u8]) -> OleInfo {
    let mut info = OleInfo::default();
    let names = cfb_directory(bytes);
    match names {
        Some(entries) if !entries.is_empty() => {
            for e in &entries {
                match e.name.as_str() {
                    "EncryptedPackage" => info.encrypted_package = true,
                    "Workbook" | "Book" => info.workbook = true,
                    "PowerPoint Document" => info.powerpoint = true,
                    "WordDocument" => {
                        info.word = true;
                        info.word_encrypted = word_fib_encrypted(bytes, e);
                    }
                    _ => {}
                }
            }
        }
        _ => {
            // The directory could not be followed: scan the raw bytes for the UTF-16LE names.
            info.encrypted_package = find(bytes, &utf16le("EncryptedPackage")).is_some();
            info.workbook = find(bytes, &utf16le("Workbook")).is_some();
            info.powerpoint = find(bytes, &utf16le("PowerPoint Document")).is_some();
            info.word = find(bytes, &utf16le("WordDocument")).is_some();
        }
    }
    info
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

struct DirEntry {
    name: String,
    start: u32,
    size: u64,
}

struct Cfb<'a> {
    bytes: &'a [u8],
    shift: u32,
    sector_size: usize,
    /// Sector numbers of the FAT sectors.
    fat_sectors: Vec<u32>,
}

impl<'a> Cfb<'a> {
    fn sector(&self, n: u32) -> Option<&'a [u8]> {
        if n > MAX_REGULAR_SECTOR {
            return None;
        }
        let start = (u64::from(n) + 1).checked_shl(self.shift)?;
        let start = usize::try_from(start).ok()?;
        self.bytes.get(start..start.checked_add(self.sector_size)?)
    }

    /// The FAT entry for sector `n`.
    fn next(&self, n: u32) -> Option<u32> {
        let per = self.sector_size / 4;
        let idx = usize::try_from(n).ok()?;
        let fat_sector = *self.fat_sectors.get(idx / per)?;
        le32(self.sector(fat_sector)?, (idx % per) * 4)
    }
}

/// The directory entries (streams, storages, root) of a compound file, or `None` when the
/// header or directory chain cannot be followed. Every loop is bounded by the file size.
fn cfb_directory(bytes: &[u8]) -> Option<Vec<DirEntry>> {
    let shift = u32::from(le16(bytes, 30)?);
    if !(7..=16).contains(&shift) {
        return None;
    }
    let sector_size = 1usize << shift;
    let max_sectors = bytes.len() / sector_size + 1;
    let num_fat = le32(bytes, 44)? as usize;
    let first_dir = le32(bytes, 48)?;
    let mut first_difat = le32(bytes, 68)?;
    let mut fat_sectors = Vec::new();
    for i in 0..109usize {
        let s = le32(bytes, 76 + i * 4)?;
        if s <= MAX_REGULAR_SECTOR && fat_sectors.len() < num_fat.min(max_sectors) {
            fat_sectors.push(s);
        }
    }
    let mut cfb = Cfb {
        bytes,
        shift,
        sector_size,
        fat_sectors,
    };
    // Further FAT sector numbers come from the DIFAT chain.
    let mut guard = 0usize;
    while first_difat <= MAX_REGULAR_SECTOR && cfb.fat_sectors.len() < num_fat.min(max_sectors) {
        guard += 1;
        if guard > max_sectors {
            break;
        }
        let Some(sec) = cfb.sector(first_difat) else {
            break;
        };
        let per = sector_size / 4;
        for i in 0..per.saturating_sub(1) {
            if let Some(s) = le32(sec, i * 4) {
                if s <= MAX_REGULAR_SECTOR && cfb.fat_sectors.len() < num_fat.min(max_sectors) {
                    cfb.fat_sectors.push(s);
                }
            }
        }
        first_difat = le32(sec, (per - 1) * 4).unwrap_or(ENDOFCHAIN);
    }

    let mut entries = Vec::new();
    let mut sector = first_dir;
    let mut steps = 0usize;
    while sector <= MAX_REGULAR_SECTOR {
        steps += 1;
        if steps > max_sectors {
            break; // a cycle
        }
        let Some(data) = cfb.sector(sector) else {
            break;
        };
        if entries.len() >= MAX_CFB_ENTRIES {
            break; // real directories are tiny; don't collect a huge one
        }
        for e in data.chunks_exact(128) {
            let name_len = usize::from(le16(e, 64).unwrap_or(0)).min(64);
            let kind = e.get(66).copied().unwrap_or(0);
            if name_len < 2 || !matches!(kind, 1 | 2 | 5) {
                continue;
            }
            let units: Vec<u16> = e
                .get(..name_len - 2)
                .unwrap_or(&[])
                .chunks_exact(2)
                .filter_map(|c| match c {
                    [a, b] => Some(u16::from_le_bytes([*a, *b])),
                    _ => None,
                })
                .collect();
            let name: String = char::decode_utf16(units)
                .map(|r| r.unwrap_or('\u{fffd}'))
                .collect();
            let start = le32(e, 116).unwrap_or(ENDOFCHAIN);
            let size = u64::from(le32(e, 120).unwrap_or(0));
            entries.push(DirEntry { name, start, size });
        }
        match cfb.next(sector) {
            Some(n) => sector = n,
            None => break,
        }
    }
    if entries.is_empty() {
        None
    } else {
        Some(entries)
    }
}

/// Whether a `WordDocument` stream's FIB has `fEncrypted` set. Only a stream stored in regular
/// sectors (at least 4096 bytes, as every real Word binary is) is looked at.
fn word_fib_encrypted(bytes: &[u8], e: &DirEntry) -> bool {
    if e.size < 4096 {
        return false;
    }
    let Some(shift) = le16(bytes, 30).map(u32::from) else {
        return false;
    };
    if !(7..=16).contains(&shift) || e.start > MAX_REGULAR_SECTOR {
        return false;
    }
    let Some(start) = (u64::from(e.start) + 1).checked_shl(shift) else {
        return false;
    };
    let Ok(start) = usize::try_from(start) else {
        return false;
    };
    // FibBase: wIdent 0xA5EC at 0, flags at 10; fEncrypted is bit 8.
    if le16(bytes, start) != Some(0xA5EC) {
        return false;
    }
    start
        .checked_add(10)
        .and_then(|at| le16(bytes, at))
        .is_some_and(|f| f & 0x0100 != 0)
}

/// The streams of a Word 97-2003 document (.doc/.wps), taken out of the compound file with the
/// `cfb` crate, each bounded by the input's size.
#[cfg(feature = "readers")]
#[derive(Debug, Clone, Default)]
pub struct WordStreams {
    pub word: Vec<u8>,
    pub table0: Option<Vec<u8>>,
    pub table1: Option<Vec<u8>>,
    pub data: Option<Vec<u8>>,
}

#[cfg(feature = "readers")]
pub(super) fn word_streams(
    bytes: &[u8],
    limits: &crate::limits::Limits,
) -> Result<WordStreams, Rejection> {
    use std::io::Read;
    let damaged = || Rejection::from(Refusal::Reader(crate::rejection::ReaderProblem::DamagedDoc));
    let mut file = ::cfb::CompoundFile::open(std::io::Cursor::new(bytes)).map_err(|_| damaged())?;
    // A stream can never be larger than the file that holds it (nor than a part may be).
    let cap = (bytes.len() as u64).min(limits.max_part_bytes);
    let mut read = |name: &str| -> Result<Option<Vec<u8>>, Rejection> {
        if !file.is_stream(name) {
            return Ok(None);
        }
        let stream = file.open_stream(name).map_err(|_| damaged())?;
        if stream.len() > cap {
            return Err(damaged());
        }
        let mut buf = Vec::with_capacity(usize::try_from(stream.len()).unwrap_or(0));
        stream
            .take(cap)
            .read_to_end(&mut buf)
            .map_err(|_| damaged())?;
        Ok(Some(buf))
    };
    let word = read("/WordDocument")?.ok_or_else(damaged)?;
    let table0 = read("/0Table")?;
    let table1 = read("/1Table")?;
    let data = read("/Data")?;
    Ok(WordStreams {
        word,
        table0,
        table1,
        data,
    })
}
