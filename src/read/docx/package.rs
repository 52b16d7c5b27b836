//! Opening a .docx (a zip package) without trusting it.
//!
//! A .docx is a zip of XML parts. A hostile or broken file can declare millions of entries,
//! decompress to gigabytes (a zip bomb), be encrypted, or not be a zip at all. Every part is
//! read through a hard byte cap, checked against both the size the zip declares and the bytes
//! actually produced, so memory stays bounded whatever the input claims.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use zip::result::ZipError;
use zip::ZipArchive;

use crate::error::{Error, Result};

/// The caps applied while reading a .docx. The defaults fit any real resolution with a wide
/// margin (Resolution 1, a long one, has a 285 KB `document.xml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most entries the zip may hold.
    pub max_entries: usize,
    /// Most bytes one decompressed part may have.
    pub max_part_bytes: u64,
    /// Most bytes all the parts read may have together.
    pub max_total_bytes: u64,
    /// Most XML nodes in one part (bounds the memory of the parsed tree).
    pub max_xml_nodes: u32,
    /// Deepest element nesting accepted in an XML part (real documents stay far below 50).
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 10_000,
            max_part_bytes: 64 * 1024 * 1024,
            max_total_bytes: 256 * 1024 * 1024,
            max_xml_nodes: 4_000_000,
            max_depth: 256,
        }
    }
}

/// An opened package: the zip plus the budget left for reading parts.
pub struct Package<'a> {
    path: PathBuf,
    zip: ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    total_read: u64,
}

impl<'a> Package<'a> {
    /// Opens the zip and checks the entry count. `path` names the file in errors.
    pub fn open(path: &Path, bytes: &'a [u8], limits: Limits) -> Result<Self> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(path, zip_reason(&e)))?;
        if zip.len() > limits.max_entries {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                reason: format!(
                    "the zip holds {} entries, more than the {} a Word document may have; \
                     check that this is the right file",
                    zip.len(),
                    limits.max_entries
                ),
            });
        }
        Ok(Package {
            path: path.to_path_buf(),
            zip,
            limits,
            total_read: 0,
        })
    }

    /// Whether the zip has an entry of that exact name.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Reads one part as UTF-8 text, or `None` when the package has no such part.
    pub fn read_text(&mut self, name: &str) -> Result<Option<String>> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let budget = self
            .limits
            .max_part_bytes
            .min(self.limits.max_total_bytes.saturating_sub(self.total_read));
        let path = self.path.clone();
        let too_large = |what: String| Error::TooLarge {
            path: path.clone(),
            reason: format!(
                "{name} {what} (a zip bomb?); check that this is the right file, \
                 or open it in Word and save it again"
            ),
        };
        let mut entry = self
            .zip
            .by_index(index)
            .map_err(|e| bad(&path, format!("cannot read {name}: {}", zip_reason(&e))))?;
        if entry.encrypted() {
            return Err(bad(
                &path,
                format!("{name} is encrypted; {SAVE_WITHOUT_PASSWORD}"),
            ));
        }
        let declared = entry.size();
        if declared > budget {
            return Err(too_large(format!(
                "declares {declared} bytes uncompressed, more than the {budget} allowed"
            )));
        }
        // The declared size can lie: cap the bytes actually produced as well.
        let data = crate::read::read_capped(&mut entry, budget, declared).map_err(|e| {
            bad(
                &path,
                format!("{name} is corrupt in the zip ({e}); {SAVE_AGAIN}"),
            )
        })?;
        if data.len() as u64 > budget {
            return Err(too_large(format!(
                "decompresses to more than the {budget} bytes allowed"
            )));
        }
        self.total_read += data.len() as u64;
        let text = decode_xml_text(data)
            .map_err(|why| bad(&path, format!("{name} is {why}; {SAVE_AGAIN}")))?;
        Ok(Some(text))
    }
}

/// XML parts are UTF-8, optionally with a BOM, or UTF-16 with a BOM.
fn decode_xml_text(data: Vec<u8>) -> std::result::Result<String, String> {
    match encoding_rs::Encoding::for_bom(&data) {
        Some((encoding, bom)) if encoding != encoding_rs::UTF_8 => {
            let (text, had_errors) = encoding.decode_without_bom_handling(&data[bom..]);
            if had_errors {
                Err(format!("invalid {}", encoding.name()))
            } else {
                Ok(text.into_owned())
            }
        }
        bom => {
            let skip = bom.map_or(0, |(_, len)| len);
            let mut data = data;
            data.drain(..skip);
            String::from_utf8(data).map_err(|e| {
                format!(
                    "not valid UTF-8 (at byte {} of the part)",
                    e.utf8_error().valid_up_to() + skip
                )
            })
        }
    }
}

fn bad(path: &Path, reason: String) -> Error {
    Error::BadDocx {
        path: path.to_path_buf(),
        reason,
    }
}

/// What to do about a damaged package.
pub const SAVE_AGAIN: &str = "open it in Word and save it again as .docx";
/// What to do about an encrypted package.
pub const SAVE_WITHOUT_PASSWORD: &str = "save it again in Word as .docx without a password";

/// What is wrong with the zip, and what to do.
fn zip_reason(e: &ZipError) -> String {
    match e {
        ZipError::UnsupportedArchive(what) if *what == ZipError::PASSWORD_REQUIRED => {
            format!("the file is encrypted; {SAVE_WITHOUT_PASSWORD}")
        }
        ZipError::UnsupportedArchive(what) => {
            format!("unsupported zip ({}); {SAVE_AGAIN}", lower(what))
        }
        // The zip's table of contents sits at its end: a file cut short has none.
        ZipError::InvalidArchive(what) if what.contains("find EOCD") => {
            format!("corrupt or truncated zip (its table of contents is missing); {SAVE_AGAIN}")
        }
        ZipError::InvalidArchive(what) => {
            format!("corrupt or truncated zip ({}); {SAVE_AGAIN}", lower(what))
        }
        ZipError::Io(e) => format!("corrupt or truncated zip ({e}); {SAVE_AGAIN}"),
        other => format!("corrupt zip ({other}); {SAVE_AGAIN}"),
    }
}

/// The zip crate's messages start in upper case; inside a sentence they should not.
fn lower(what: &str) -> String {
    let mut chars = what.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
