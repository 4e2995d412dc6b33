//! The zip container's central directory, read over the bytes in memory: the end record (zip64
//! aware), each entry's name, flags, method, CRC, sizes and where its data starts. What the
//! bounded reader (`opc::Zip`) needs and no more; it reads the directory as the zip crate
//! (9.x) does, so that the same files open, and the page's checker carries none of that
//! crate's general machinery (readers, seeking, extra fields, error texts: about 30 KB of wasm).
//! The writer (`present::annotate`) still writes with the zip crate.

use super::{le16, le32};
use std::collections::HashMap;

/// Why the directory could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DirError {
    /// Not a readable zip (no end record, a broken header, offsets out of the file).
    Corrupt,
    /// The end record names another disk of a split archive.
    MultiDisk,
}

/// One entry of the central directory.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub name: Vec<u8>,
    pub flags: u16,
    pub method: u16,
    pub crc: u32,
    pub compressed: u64,
    pub size: u64,
    /// Offset of the local header in the bytes (the archive offset added).
    local: u64,
}

impl Entry {
    pub fn encrypted(&self) -> bool {
        self.flags & 1 != 0
    }

    /// The entry's compressed bytes: after its local header (which must be there), at most
    /// `compressed` bytes (fewer if the file ends first; the inflated size then disagrees).
    pub fn data<'a>(&self, bytes: &'a [u8]) -> Option<&'a [u8]> {
        let at = usize::try_from(self.local).ok()?;
        if bytes.get(at..at.checked_add(4)?)? != b"PK\x03\x04" {
            return None;
        }
        let start = at
            .checked_add(30)?
            .checked_add(usize::from(le16(bytes, at + 26)?))?
            .checked_add(usize::from(le16(bytes, at + 28)?))?;
        let end = u64::try_from(start)
            .ok()?
            .checked_add(self.compressed)
            .map_or(usize::MAX, |e| usize::try_from(e).unwrap_or(usize::MAX))
            .min(bytes.len());
        bytes.get(start..end.max(start))
    }
}

fn le64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from(le32(b, at)?) | (u64::from(le32(b, at.checked_add(4)?)?) << 32))
}

/// Where the central directory is and how many entries it holds.
struct End {
    files: u64,
    /// Offset of the directory as the end record states it.
    cd_offset: u64,
    cd_size: u64,
    /// Where the end record (or the zip64 end record) starts: the directory lies before it.
    end_at: u64,
}

/// Reads the directory. Candidates for the end record are tried from the end of the file
/// backwards (a comment may contain the signature); the first that reads wholly wins.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Entry>, DirError> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let min = bytes.len().saturating_sub(22 + 0xFFFF);
    let mut error = DirError::Corrupt;
    let mut pos = bytes.len().saturating_sub(22);
    loop {
        if pos < min {
            break;
        }
        if bytes.get(pos..pos + 4) == Some(EOCD) {
            match end_record(bytes, pos).and_then(|end| entries(bytes, &end)) {
                Ok(entries) => return Ok(entries),
                Err(e) => {
                    if error == DirError::Corrupt {
                        error = e;
                    }
                }
            }
        }
        if pos == 0 {
            break;
        }
        pos -= 1;
    }
    Err(error)
}

/// The end record at `pos`, or the zip64 end record it points at.
fn end_record(bytes: &[u8], pos: usize) -> Result<End, DirError> {
    let c = DirError::Corrupt;
    let disk = le16(bytes, pos + 4).ok_or(c)?;
    let cd_disk = le16(bytes, pos + 6).ok_or(c)?;
    let on_disk = le16(bytes, pos + 8).ok_or(c)?;
    let files = le16(bytes, pos + 10).ok_or(c)?;
    let cd_size = le32(bytes, pos + 12).ok_or(c)?;
    let cd_offset = le32(bytes, pos + 16).ok_or(c)?;
    let comment = le16(bytes, pos + 20).ok_or(c)?;
    if pos + 22 + usize::from(comment) > bytes.len() {
        return Err(c);
    }
    let may_be_zip64 = [disk, cd_disk, on_disk, files].contains(&0xFFFF)
        || cd_size == 0xFFFF_FFFF
        || cd_offset == 0xFFFF_FFFF;
    let locator = pos
        .checked_sub(20)
        .filter(|&l| may_be_zip64 && bytes.get(l..l + 4) == Some(b"PK\x06\x07"));
    let Some(loc) = locator else {
        if disk != 0 || cd_disk != 0 || on_disk != files {
            return Err(DirError::MultiDisk);
        }
        return Ok(End {
            files: u64::from(files),
            cd_offset: u64::from(cd_offset),
            cd_size: u64::from(cd_size),
            end_at: pos as u64,
        });
    };
    let loc_cd_disk = le32(bytes, loc + 4).ok_or(c)?;
    let at = le64(bytes, loc + 8).ok_or(c)?;
    if at >= loc as u64 {
        return Err(c);
    }
    if le32(bytes, loc + 16).ok_or(c)? > 1 {
        return Err(DirError::MultiDisk);
    }
    let at = usize::try_from(at).map_err(|_| c)?;
    if bytes.get(at..at + 4) != Some(b"PK\x06\x06") {
        return Err(c);
    }
    let record = le64(bytes, at + 4).ok_or(c)?;
    let disk64 = le32(bytes, at + 16).ok_or(c)?;
    let cd_disk64 = le32(bytes, at + 20).ok_or(c)?;
    let on_disk64 = le64(bytes, at + 24).ok_or(c)?;
    let files64 = le64(bytes, at + 32).ok_or(c)?;
    if cd_disk64 != loc_cd_disk {
        return Err(c);
    }
    if disk64 != 0 || on_disk64 != files64 {
        return Err(DirError::MultiDisk);
    }
    if record.checked_add(12) != Some((loc - at) as u64) {
        return Err(c);
    }
    Ok(End {
        files: files64,
        cd_size: le64(bytes, at + 40).ok_or(c)?,
        cd_offset: le64(bytes, at + 48).ok_or(c)?,
        end_at: at as u64,
    })
}

/// The directory's entries. Its start is where the stated size puts it before the end record
/// if a header is there, else the first header at or after the stated offset (bytes prepended
/// to the archive shift every offset by the same amount). A name given twice keeps its first
/// position and the later entry, as the zip crate's map of names does.
fn entries(bytes: &[u8], end: &End) -> Result<Vec<Entry>, DirError> {
    const CDFH: &[u8] = b"PK\x01\x02";
    let c = DirError::Corrupt;
    if end.files == 0 {
        return if end.cd_offset > end.end_at {
            Err(c)
        } else {
            Ok(Vec::new())
        };
    }
    if end.cd_offset >= end.end_at {
        return Err(c);
    }
    let end_at = usize::try_from(end.end_at).map_err(|_| c)?;
    let stated = usize::try_from(end.cd_offset).map_err(|_| c)?;
    let is_header = |at: usize| at + 4 <= end_at && bytes.get(at..at + 4) == Some(CDFH);
    let abutting = end
        .end_at
        .checked_sub(end.cd_size)
        .and_then(|s| usize::try_from(s).ok())
        .filter(|&s| s >= stated && is_header(s));
    let start = match abutting {
        Some(s) => s,
        None => (stated..end_at).find(|&at| is_header(at)).ok_or(c)?,
    };
    let shift = (start - stated) as u64;
    // Each header takes at least 46 bytes, so a count beyond what the bytes hold fails on
    // the way; no allocation is sized by the stated count.
    let mut out: Vec<Entry> = Vec::new();
    let mut seen: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut at = start;
    for _ in 0..end.files {
        if bytes.get(at..at + 4) != Some(CDFH) {
            return Err(c);
        }
        let name_len = usize::from(le16(bytes, at + 28).ok_or(c)?);
        let extra_len = usize::from(le16(bytes, at + 30).ok_or(c)?);
        let comment_len = usize::from(le16(bytes, at + 32).ok_or(c)?);
        let name = bytes.get(at + 46..at + 46 + name_len).ok_or(c)?;
        let extra = bytes
            .get(at + 46 + name_len..at + 46 + name_len + extra_len)
            .ok_or(c)?;
        let mut size = u64::from(le32(bytes, at + 24).ok_or(c)?);
        let mut compressed = u64::from(le32(bytes, at + 20).ok_or(c)?);
        let mut local = u64::from(le32(bytes, at + 42).ok_or(c)?);
        zip64_sizes(extra, &mut size, &mut compressed, &mut local)?;
        let entry = Entry {
            name: name.to_vec(),
            flags: le16(bytes, at + 8).ok_or(c)?,
            method: le16(bytes, at + 10).ok_or(c)?,
            crc: le32(bytes, at + 16).ok_or(c)?,
            compressed,
            size,
            local: local.checked_add(shift).ok_or(c)?,
        };
        match seen.get(&entry.name) {
            Some(&same) => out[same] = entry,
            None => {
                seen.insert(entry.name.clone(), out.len());
                out.push(entry);
            }
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(out)
}

/// The zip64 extended information field (id 1): the 64-bit values of the fields whose 32-bit
/// form is 0xFFFFFFFF, in the order size, compressed size, local header offset.
fn zip64_sizes(
    mut extra: &[u8],
    size: &mut u64,
    compressed: &mut u64,
    local: &mut u64,
) -> Result<(), DirError> {
    while extra.len() >= 4 {
        let id = le16(extra, 0).unwrap_or(0);
        let len = usize::from(le16(extra, 2).unwrap_or(0));
        let Some(body) = extra.get(4..4 + len) else {
            return Ok(());
        };
        if id == 1 {
            let mut at = 0;
            for field in [size, compressed, local] {
                if *field == 0xFFFF_FFFF {
                    *field = le64(body, at).ok_or(DirError::Corrupt)?;
                    at += 8;
                }
            }
            return Ok(());
        }
        extra = extra.get(4 + len..).unwrap_or(&[]);
    }
    Ok(())
}
