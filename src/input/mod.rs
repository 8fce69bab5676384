//! The input layer, one place for it: read a path or stdin, decode, normalise, read
//! Markdown, and remove PDF furniture. Everything after this works on [`Source::text`].
//!
//! PDF input is a later addition: it belongs in [`read_bytes`], turning the PDF's bytes
//! into the same text pdftotext would give before the rest of the pipeline runs.

mod decode;
pub mod markdown;
mod normalise;
pub mod pages;

use anyhow::{bail, Context, Result};
use std::io::Read;
use std::path::Path;

pub use normalise::normalise;

/// The largest input accepted: the longest Ofsted report is under 1 MB of text.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// A document's text, ready for classification and extraction.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as given, or `-` for standard input.
    pub name: String,
    /// Normalised text with page furniture removed, lines separated by `\n`. Set by
    /// [`Source::new`], which finds its lines; changing it afterwards leaves
    /// [`Source::lines`] reading the old line positions.
    pub text: String,
    /// True when the text came from `pdftotext -layout` (columns kept with spaces).
    pub layout: bool,
    /// True when the text came from Markdown.
    pub markdown: bool,
    pub warnings: Vec<String>,
    /// Where each line of `text` lies (without its `\n`), found once for every extractor.
    line_spans: Vec<std::ops::Range<usize>>,
}

impl Source {
    /// A source for `text`, already normalised.
    pub fn new(
        name: String,
        text: String,
        layout: bool,
        markdown: bool,
        warnings: Vec<String>,
    ) -> Self {
        let mut line_spans = Vec::with_capacity(text.len() / 48);
        let mut start = 0;
        // As `str::lines` splits: at each `\n`, without a `\r` just before it (normalising
        // removes them, but Markdown can write one back from `&#13;`).
        let bytes = text.as_bytes();
        for end in memchr::memchr_iter(b'\n', bytes) {
            let cr = end > start && bytes.get(end - 1) == Some(&b'\r');
            line_spans.push(start..end - usize::from(cr));
            start = end + 1;
        }
        if start < text.len() {
            line_spans.push(start..text.len());
        }
        Source {
            name,
            text,
            layout,
            markdown,
            warnings,
            line_spans,
        }
    }

    /// The lines of the text, as `text.lines()` gives them.
    pub fn lines(&self) -> Vec<&str> {
        self.line_spans
            .iter()
            .map(|span| self.text.get(span.clone()).unwrap_or_default())
            .collect()
    }
}

/// Read `path` (`-` for stdin) into a [`Source`].
pub fn read(path: &str) -> Result<Source> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        buf
    } else {
        let p = Path::new(path);
        let meta = std::fs::metadata(p).map_err(|e| io_error(path, &e))?;
        if meta.is_dir() {
            bail!("{path}: is a directory, not a document");
        }
        if meta.len() > MAX_INPUT_BYTES {
            bail!(
                "{path}: is {} MB, over the {} MB limit for one document",
                meta.len() / 1_000_000,
                MAX_INPUT_BYTES / 1024 / 1024
            );
        }
        std::fs::read(p).map_err(|e| io_error(path, &e))?
    };
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        bail!(
            "{path}: is over the {} MB limit for one document",
            MAX_INPUT_BYTES / 1024 / 1024
        );
    }
    read_bytes(path, &bytes)
}

/// One sentence for an I/O failure on `path`.
fn io_error(path: &str, e: &std::io::Error) -> anyhow::Error {
    match e.kind() {
        std::io::ErrorKind::NotFound => anyhow::anyhow!("{path}: no such file"),
        std::io::ErrorKind::PermissionDenied => anyhow::anyhow!("{path}: permission denied"),
        _ => anyhow::anyhow!("{path}: cannot be read ({e})"),
    }
}

/// Turn the bytes of a document called `name` into a [`Source`].
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Source> {
    let decoded = decode::decode(bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let mut warnings = Vec::new();
    warnings.extend(decoded.warning);
    let text = normalise(&decoded.text);
    if text.trim().is_empty() {
        bail!("{name}: is empty");
    }
    let is_md = name.ends_with(".md")
        || name.ends_with(".markdown")
        || markdown::looks_like_markdown(&text);
    let text = if is_md {
        markdown::to_plain(&text)
    } else {
        text
    };
    let (text, _pages) = pages::remove_furniture(&text);
    let layout = !is_md && looks_like_layout(&text);
    Ok(Source::new(name.to_string(), text, layout, is_md, warnings))
}

/// Whether `text` has `n` spaces in a row: `text.contains(&" ".repeat(n))` without
/// setting up a substring search per line.
fn has_spaces(text: &str, n: usize) -> bool {
    let mut run = 0;
    text.bytes().any(|b| {
        run = if b == b' ' { run + 1 } else { 0 };
        run >= n
    })
}

/// `pdftotext -layout` keeps columns apart with runs of spaces inside lines.
fn looks_like_layout(text: &str) -> bool {
    let mut lines = 0;
    let mut gapped = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(600) {
        lines += 1;
        let t = line.trim();
        if line.starts_with("  ") || has_spaces(t, 5) {
            gapped += 1;
        }
    }
    lines > 0 && gapped * 5 >= lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn source_lines_are_str_lines(text in "[a\r\n ]{0,12}") {
            let source = Source::new("t".into(), text.clone(), false, false, Vec::new());
            prop_assert_eq!(source.lines(), text.lines().collect::<Vec<_>>());
        }
    }
}
