//! Renderers: turn documents, diffs and timelines into text. They never decide anything;
//! every value they print was computed before.

mod compact;
pub mod diff;
pub mod document;
pub mod style;

use serde::Serialize;

/// Output formats; not every command offers every one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable table (the default on a terminal).
    Table,
    /// JSON per ../shared/CONTRACT.md (the default in a pipe).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Markdown, for briefing notes and GitHub comments.
    Markdown,
    /// CSV for spreadsheets.
    Csv,
}

/// Pretty JSON of `value`, with a final newline.
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// One-line JSON of `value`, with a final newline: written by [`compact`] (the same bytes
/// as `serde_json`, in a fraction of the time for long strings), or by `serde_json` for a
/// shape `compact` leaves to it.
pub fn json_line<T: Serialize + ?Sized>(value: &T) -> String {
    let mut s = compact::to_string(value).unwrap_or_else(|_| {
        serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    });
    s.push('\n');
    s
}
