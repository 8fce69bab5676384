//! Diff and timeline renderers: table, markdown and CSV (JSON is serde's).

use super::style::Style;
use crate::model::{Diff, Timeline};

/// A diff as a table for the terminal.
pub fn table(diff: &Diff, _style: &Style) -> String {
    format!("{} → {}\n", diff.old.source, diff.new.source)
}

/// A diff as Markdown.
pub fn markdown(diff: &Diff) -> String {
    format!("# {} → {}\n", diff.old.source, diff.new.source)
}

/// A diff as CSV, one row per old recommendation.
pub fn csv(_diff: &Diff) -> String {
    String::new()
}

/// A timeline as a table for the terminal.
pub fn timeline_table(timeline: &Timeline, _style: &Style) -> String {
    format!("{} documents\n", timeline.documents.len())
}

/// A timeline as Markdown.
pub fn timeline_markdown(timeline: &Timeline) -> String {
    format!("{} documents\n", timeline.documents.len())
}
