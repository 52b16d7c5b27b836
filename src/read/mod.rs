//! Reading: bytes of a file to [`Blocks`], per format, then to a [`Resolution`].
//!
//! The format is chosen by content (and extension), or forced with [`LoadOptions::from`].
//! Text inputs are decoded first ([`decode`]: UTF-8, UTF-16 with BOM, else Windows-1252).

mod decode;
pub mod docx;
mod runon;
pub mod text;

use std::path::Path;

use crate::block::Blocks;
use crate::error::{Error, Result};
use crate::model::{Format, Resolution, Source, View};

/// How to read an input.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Force a format instead of detecting it.
    pub from: Option<Format>,
    /// For a .docx with revision marks: which side to read (default: after).
    pub view: Option<View>,
}

/// The largest input resdiff reads: 64 MiB. The longest real resolution (Resolution 1, with its
/// images) is a 0.6 MB .docx and a few hundred KB of text, so anything near the cap is a wrong
/// file; refusing it up front keeps memory bounded (parsing costs a small multiple of the input).
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads and parses one file.
pub fn load(path: &Path, options: &LoadOptions) -> Result<Resolution> {
    Ok(load_keeping(path, options)?.0)
}

/// [`load`], with the strong glue points the check of flattened marks found
/// ([`crate::flatten::check_keeping`]).
pub(crate) fn load_keeping(
    path: &Path,
    options: &LoadOptions,
) -> Result<(Resolution, Vec<crate::flatten::Glue>)> {
    let bytes = read_file(path)?;
    load_bytes_keeping(path, &bytes, options)
}

/// Reads a whole file, never more than [`MAX_INPUT_BYTES`] (+1 to notice it is larger), so a
/// device or a FIFO that never ends (`/dev/zero`) cannot exhaust memory either.
fn read_file(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory(path.to_path_buf()));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(too_large(path));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let bytes = read_capped(file, MAX_INPUT_BYTES, meta.len()).map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(path));
    }
    Ok(bytes)
}

fn too_large(path: &Path) -> Error {
    Error::TooLarge {
        path: path.to_path_buf(),
        reason: format!(
            "more than the {} MB resdiff reads (a resolution is well under 1 MB); \
             check that this is the right file",
            MAX_INPUT_BYTES / (1024 * 1024)
        ),
    }
}

/// Reads at most `cap + 1` bytes (one more than allowed tells the caller it was too much) into
/// a buffer never larger than that. `read_to_end` doubles its buffer when full, so a source that
/// does not stop at the cap (`/dev/zero`, a zip entry lying about its size) took three times
/// the cap at the peak: the doubled buffer and the copy it grew from. `hint`: the expected size.
pub(crate) fn read_capped(
    mut reader: impl std::io::Read,
    cap: u64,
    hint: u64,
) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let limit = usize::try_from(cap.saturating_add(1)).unwrap_or(usize::MAX);
    let hint = usize::try_from(hint).unwrap_or(usize::MAX);
    // A regular file is read in one go into a buffer of its size (+1 to see the end).
    let mut buf: Vec<u8> = Vec::with_capacity(hint.saturating_add(1).min(limit));
    loop {
        if buf.len() == buf.capacity() {
            if buf.len() >= limit {
                break;
            }
            // Grow by doubling, but never past the limit.
            let target = buf.capacity().saturating_mul(2).max(64 * 1024).min(limit);
            buf.reserve_exact(target - buf.len());
        }
        // Into the room there is, never more: `read_to_end` does not grow a buffer it can fill.
        let room = buf.capacity() - buf.len();
        if (&mut reader).take(room as u64).read_to_end(&mut buf)? < room {
            break;
        }
    }
    Ok(buf)
}

/// Parses bytes already in memory; `path` is used for messages and format detection.
/// Inputs above [`MAX_INPUT_BYTES`] are refused with [`Error::TooLarge`].
pub fn load_bytes(path: &Path, bytes: &[u8], options: &LoadOptions) -> Result<Resolution> {
    Ok(load_bytes_keeping(path, bytes, options)?.0)
}

/// [`load_bytes`], with the strong glue points found on the way (see [`load_keeping`]).
fn load_bytes_keeping(
    path: &Path,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<(Resolution, Vec<crate::flatten::Glue>)> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(path));
    }
    let (format, blocks) = read_blocks(path, bytes, options)?;
    let source = Source {
        path: path.display().to_string(),
        format,
        view: (format == Format::Docx).then(|| options.view.unwrap_or(View::After)),
    };
    let paragraphs = blocks.blocks.len();
    let mut res = crate::parse::parse_blocks(path, source, blocks).map_err(|e| match e {
        Error::NoResolution { path, reason } => Error::NoResolution {
            reason: format!("{reason} in its {}", extent(bytes, format, paragraphs)),
            path,
        },
        e => e,
    })?;
    let strong = crate::flatten::check_keeping(&mut res);
    Ok((res, strong))
}

/// How much was searched, as the user can check it: lines of a text (as an editor numbers
/// them), paragraphs of a .docx. Only computed on the error path.
fn extent(bytes: &[u8], format: Format, paragraphs: usize) -> String {
    let (n, unit) = match format {
        Format::Docx => (paragraphs, "paragraph"),
        _ => (
            decode::decode(Path::new(""), bytes).map_or(0, |(text, _)| text.lines().count()),
            "line",
        ),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// A .docx (or any zip) starts with these bytes.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Reads bytes into blocks without parsing structure (for debugging and for the docx tools).
pub fn read_blocks(path: &Path, bytes: &[u8], options: &LoadOptions) -> Result<(Format, Blocks)> {
    if bytes.is_empty() {
        return Err(Error::Empty(path.to_path_buf()));
    }
    let is_zip = bytes.starts_with(ZIP_MAGIC);
    // A legacy .doc (or an encrypted .docx) goes to the .docx reader, which says what to do.
    let is_ole = bytes.starts_with(&docx::OLE_MAGIC);
    let format = match options.from {
        Some(f) => f,
        None if is_zip || is_ole => Format::Docx,
        None => Format::Text,
    };
    if format == Format::Docx {
        if !is_zip && !is_ole {
            return Err(Error::BadDocx {
                path: path.to_path_buf(),
                reason: "not a zip archive, as every .docx is; if it is a text, drop --from docx"
                    .into(),
            });
        }
        let view = options.view.unwrap_or(View::After);
        let mut blocks = docx::read_docx(path, bytes, view)?;
        crate::bidi::check(&mut blocks, None);
        return Ok((Format::Docx, blocks));
    }
    if is_zip {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            reason: "a zip archive; if it is a .docx, drop --from to read it as one".into(),
        });
    }
    let (text, decoded) = decode::decode(path, bytes)?;
    let format = match options.from {
        Some(f) => f,
        None => detect(path, &text),
    };
    let mut blocks = text::read_text(&text, format);
    blocks.warnings.extend(decoded);
    crate::bidi::check(&mut blocks, Some(&text));
    Ok((format, blocks))
}

/// The format of a text: by extension when it says Markdown, else by content.
fn detect(path: &Path, text: &str) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match text::detect(text) {
        Format::Outline => Format::Outline,
        _ if matches!(ext.as_deref(), Some("md" | "markdown")) => Format::Markdown,
        f => f,
    }
}

/// Reads both views of a .docx with revision marks: (before: all rejected, after: all accepted),
/// so a proposal can be compared with itself. Any other input is refused with a hint.
pub fn load_views(path: &Path) -> Result<(Resolution, Resolution)> {
    // Through the same cap as any input: `std::fs::read` read `/dev/zero` until memory ran out.
    let bytes = read_file(path)?;
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(Error::Other {
            path: path.to_path_buf(),
            message: "a single file can be compared only when it is a .docx with revision marks; give OLD and NEW".into(),
        });
    }
    if !docx::has_revisions(path, &bytes)? {
        return Err(Error::Other {
            path: path.to_path_buf(),
            message: "this Word document has no revision marks to compare; give OLD and NEW".into(),
        });
    }
    let view = |v: View| {
        let opts = LoadOptions {
            from: Some(Format::Docx),
            view: Some(v),
        };
        load_bytes(path, &bytes, &opts)
    };
    Ok((view(View::Before)?, view(View::After)?))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// A source that gives at most `step` bytes per read (as a pipe or a decompressor does).
    struct Trickle<'a>(&'a [u8], usize);

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(self.1).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    proptest! {
        /// The first `cap + 1` bytes, whatever the hint and the size of each read, in a buffer
        /// never larger than that.
        #[test]
        fn read_capped_reads_up_to_one_past_the_cap(
            len in 0usize..300_000,
            cap in 0u64..200_000,
            hint in prop_oneof![Just(0u64), 0u64..400_000],
            step in prop_oneof![Just(1usize), 1usize..100_000],
        ) {
            let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let step = if len > 20_000 { step.max(1000) } else { step };
            let got = super::read_capped(Trickle(&data, step), cap, hint).unwrap();
            let want = len.min(cap as usize + 1);
            prop_assert_eq!(&got[..], &data[..want]);
            prop_assert!(got.capacity() <= cap as usize + 1);
        }
    }
}
