//! The batch's spill file: what the pairing pass printed for each file it checked alone, kept on
//! disk until the file's turn comes (a batch's output may be tens of megabytes: it is not kept
//! in memory), so that a file nothing pairs with is read and analysed once.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::Mutex;

/// What one file adds to the batch's tally (kept with its spilled output, since its results
/// are not).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counted {
    /// Index in `Outcome::ALL` of its reports' worst outcome.
    pub outcome: Option<usize>,
    pub rejected: bool,
    pub errors: bool,
}

/// Where a file's output is in the spill file.
#[derive(Clone, Copy, Debug)]
pub struct Spilled {
    at: u64,
    len: usize,
    pub counted: Counted,
}

/// An unnamed temporary file (removed as soon as it is open where the system allows it, else
/// when dropped).
pub struct SpillFile {
    file: Mutex<(File, u64)>,
    path: PathBuf,
}

impl SpillFile {
    /// A new file in the temporary folder, or `None` (then every file is checked after pairing,
    /// as without a spill file).
    pub fn create() -> Option<SpillFile> {
        let dir = std::env::temp_dir();
        (0..16).find_map(|n| {
            let path = dir.join(format!("nianbao-batch-{}-{n}.tmp", std::process::id()));
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
                .ok()?;
            // Unnamed from now on where the system allows it: nothing is left behind even when
            // the run ends early.
            let _ = std::fs::remove_file(&path);
            Some(SpillFile {
                file: Mutex::new((file, 0)),
                path,
            })
        })
    }

    /// Appends `text`; `None` when it could not be written (the file is then checked again).
    pub fn put(&self, text: &[u8], counted: Counted) -> Option<Spilled> {
        let mut guard = self.file.lock().ok()?;
        let (file, end) = &mut *guard;
        let at = *end;
        if file.write_all(text).is_err() {
            // Where the next text goes is unknown after a partial write: back to the end.
            let _ = file.seek(SeekFrom::Start(at));
            return None;
        }
        *end += text.len() as u64;
        Some(Spilled {
            at,
            len: text.len(),
            counted,
        })
    }

    /// The text at `s` (what [`SpillFile::copy_to`] writes).
    #[cfg(test)]
    pub fn take(&self, s: &Spilled) -> io::Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(s.len);
        self.copy_to(s, &mut buf)?;
        Ok(buf)
    }

    /// Writes the text at `s` to `out` (flushed first): on Linux the kernel copies it from the
    /// file (`std::io::copy`'s `copy_file_range`/`splice`/`sendfile`), not this process.
    pub fn copy_to(&self, s: &Spilled, out: &mut impl Write) -> io::Result<()> {
        let mut guard = self
            .file
            .lock()
            .map_err(|_| io::Error::other("spill file lock"))?;
        let (file, end) = &mut *guard;
        out.flush()?;
        file.seek(SeekFrom::Start(s.at))?;
        let copied = io::copy(&mut Read::by_ref(file).take(s.len as u64), out);
        file.seek(SeekFrom::Start(*end))?;
        match copied? {
            n if n == s.len as u64 => Ok(()),
            _ => Err(io::Error::from(io::ErrorKind::UnexpectedEof)),
        }
    }
}

impl Drop for SpillFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_as_written_in_any_order() {
        let spill = SpillFile::create().expect("a temporary file");
        let c = Counted {
            outcome: Some(1),
            rejected: false,
            errors: true,
        };
        let a = spill.put("第一份\n".as_bytes(), c).unwrap();
        let b = spill.put(b"", Counted::default()).unwrap();
        let d = spill
            .put(b"{\"file\":\"x\"}\n", Counted::default())
            .unwrap();
        assert_eq!(spill.take(&d).unwrap(), b"{\"file\":\"x\"}\n");
        assert_eq!(spill.take(&a).unwrap(), "第一份\n".as_bytes());
        assert_eq!(a.counted, c);
        assert!(spill.take(&b).unwrap().is_empty());
        // Writing after reading still appends.
        let e = spill.put(b"tail", Counted::default()).unwrap();
        assert_eq!(spill.take(&e).unwrap(), b"tail");
        assert_eq!(spill.take(&d).unwrap(), b"{\"file\":\"x\"}\n");
    }

    #[test]
    fn copies_come_out_after_what_was_written_before_them() {
        let spill = SpillFile::create().expect("a temporary file");
        let a = spill
            .put("第一份\n".as_bytes(), Counted::default())
            .unwrap();
        let b = spill.put(b"second\n", Counted::default()).unwrap();
        // Into a file through a buffered writer holding a header, as the batch prints.
        let path = std::env::temp_dir().join(format!("nianbao-copy-{}.txt", std::process::id()));
        {
            let mut out = io::BufWriter::new(File::create(&path).unwrap());
            out.write_all(b"header\n").unwrap();
            spill.copy_to(&b, &mut out).unwrap();
            out.write_all(b"middle\n").unwrap();
            spill.copy_to(&a, &mut out).unwrap();
            out.flush().unwrap();
        }
        let got = std::fs::read(&path).unwrap();
        let _ = std::fs::remove_file(&path);
        assert_eq!(got, "header\nsecond\nmiddle\n第一份\n".as_bytes());
        // Appending still works after copying.
        let c = spill.put(b"tail", Counted::default()).unwrap();
        assert_eq!(spill.take(&c).unwrap(), b"tail");
    }
}
