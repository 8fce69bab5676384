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
use std::ops::Range;
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
    line_spans: Vec<Range<usize>>,
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
        push_line_spans(text.as_bytes(), 0..text.len(), &mut line_spans);
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

/// Push where each line of `bytes[within]` lies, as `str::lines` splits it: at each `\n`,
/// without a `\r` just before it (normalising removes them, but Markdown can write one
/// back from `&#13;`).
fn push_line_spans(bytes: &[u8], within: Range<usize>, spans: &mut Vec<Range<usize>>) {
    let mut start = within.start;
    let part = bytes.get(within.clone()).unwrap_or_default();
    for end in memchr::memchr_iter(b'\n', part).map(|i| within.start + i) {
        let cr = end > start && bytes.get(end - 1) == Some(&b'\r');
        spans.push(start..end - usize::from(cr));
        start = end + 1;
    }
    if start < within.end {
        spans.push(start..within.end);
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
    // Furniture removal knows where the lines it keeps lie; the layout test and every
    // extractor read those spans rather than splitting the text again.
    let cleaned = pages::clean(&text);
    let layout = !is_md && looks_like_layout(&cleaned.text, &cleaned.line_spans);
    Ok(Source {
        name: name.to_string(),
        text: cleaned.text,
        layout,
        markdown: is_md,
        warnings,
        line_spans: cleaned.line_spans,
    })
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

/// `pdftotext -layout` keeps columns apart with runs of spaces inside lines: at least a
/// fifth of the first 600 non-blank lines are indented or have such a gap.
fn looks_like_layout(text: &str, line_spans: &[Range<usize>]) -> bool {
    const LINES: usize = 600;
    let gap = memchr::memmem::Finder::new("     ");
    let bytes = text.as_bytes();
    // Where the next five spaces in a row begin, searched afresh only once a line is past
    // them, so that most lines need no byte-by-byte look.
    let mut next_gap: Option<usize> = None;
    let mut lines = 0;
    let mut gapped = 0;
    for span in line_spans {
        let Some(line) = text.get(span.clone()) else {
            continue;
        };
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        lines += 1;
        if next_gap.is_none_or(|at| at < span.start) {
            let rest = bytes.get(span.start..).unwrap_or_default();
            next_gap = Some(gap.find(rest).map_or(usize::MAX, |i| span.start + i));
        }
        let gap_in_line = next_gap.is_some_and(|at| at.saturating_add(5) <= span.end);
        if line.starts_with("  ") || (gap_in_line && has_spaces(t, 5)) {
            gapped += 1;
            // A fifth of the most lines counted is already reached.
            if gapped * 5 >= LINES {
                return true;
            }
        }
        if lines == LINES {
            break;
        }
    }
    lines > 0 && gapped * 5 >= lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The layout test as it was, splitting the text itself and reading every byte.
    fn looks_like_layout_reference(text: &str) -> bool {
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

    proptest! {
        #[test]
        fn layout_test_agrees_with_the_old_one(
            pieces in proptest::collection::vec(
                prop_oneof![
                    Just("\n"),
                    Just("\n\n"),
                    Just("\r\n"),
                    Just(" "),
                    Just("  "),
                    Just("     "),
                    Just("\t"),
                    Just("\u{2003}"),
                    Just("Good"),
                    Just("Requires improvement to be good"),
                ],
                0..2000,
            )
        ) {
            let text = pieces.concat();
            let source = Source::new("t".into(), text.clone(), false, false, Vec::new());
            prop_assert_eq!(
                looks_like_layout(&source.text, &source.line_spans),
                looks_like_layout_reference(&text)
            );
        }

        #[test]
        fn source_lines_are_str_lines(text in "[a\r\n ]{0,12}") {
            let source = Source::new("t".into(), text.clone(), false, false, Vec::new());
            prop_assert_eq!(source.lines(), text.lines().collect::<Vec<_>>());
        }
    }
}
