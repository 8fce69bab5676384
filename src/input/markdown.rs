//! Markdown input: headings, lists and emphasis become plain structured lines, so the
//! extractors see the same shapes as in pdftotext output.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// How many lines at the top of a text [`looks_like_markdown`] reads.
const LINES_READ: usize = 400;

/// Whether `text` looks like Markdown rather than converter output.
pub fn looks_like_markdown(text: &str) -> bool {
    // Every heading counted starts with `#`; converter output seldom has one at all, and a
    // byte search says so without going line by line.
    let bytes = text.as_bytes();
    let Some(first_hash) = memchr::memchr(b'#', bytes) else {
        return false;
    };
    let lines_before = memchr::memchr_iter(b'\n', bytes.get(..first_hash).unwrap_or(bytes));
    if lines_before.count() >= LINES_READ {
        return false;
    }
    let mut headings = 0;
    let mut emphasis = 0;
    for line in text.lines().take(LINES_READ) {
        let t = line.trim_start();
        if t.starts_with('#') && t.trim_start_matches('#').starts_with(' ') {
            headings += 1;
        }
        if t.contains("**") || t.starts_with("| ") {
            emphasis += 1;
        }
    }
    headings >= 2 || (headings >= 1 && emphasis >= 2)
}

/// Render Markdown as plain lines: a heading on its own line between blank lines, list
/// items as `• text` (ordered: `N. text`), paragraphs separated by blank lines, table
/// cells separated by tabs.
pub fn to_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut list_counters: Vec<Option<u64>> = Vec::new();
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for event in parser {
        match event {
            Event::Start(Tag::Heading { .. }) | Event::Start(Tag::Paragraph)
                if !out.ends_with('\n') && !out.ends_with("• ") && !ends_with_number(&out) =>
            {
                out.push('\n');
            }
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Paragraph) => out.push_str("\n\n"),
            Event::Start(Tag::List(start)) => list_counters.push(start),
            Event::End(TagEnd::List(_)) => {
                list_counters.pop();
                out.push('\n');
            }
            Event::Start(Tag::Item) => {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                match list_counters.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("• "),
                }
            }
            Event::End(TagEnd::Item) if !out.ends_with('\n') => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push('\t'),
            Event::End(TagEnd::TableRow) | Event::End(TagEnd::TableHead) => out.push('\n'),
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Html(_) | Event::InlineHtml(_) => {}
            _ => {}
        }
    }
    out
}

fn ends_with_number(s: &str) -> bool {
    s.strip_suffix(". ")
        .and_then(|rest| rest.rsplit('\n').next())
        .is_some_and(|last| !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn headings_and_bullets_become_lines() {
        let md = "# Luton Borough Council\n\n## What needs to improve\n\n- The **stability** of the workforce.\n- Social workers' caseloads.\n";
        assert!(looks_like_markdown(md));
        let plain = to_plain(md);
        assert!(plain.contains("\nWhat needs to improve\n"), "{plain}");
        assert!(
            plain.contains("• The stability of the workforce.\n"),
            "{plain}"
        );
        assert!(plain.contains("• Social workers' caseloads.\n"), "{plain}");
    }

    #[test]
    fn ordered_lists_keep_their_numbers() {
        let plain = to_plain("Recommendations\n\n3. First item.\n4. Second item.\n");
        assert!(plain.contains("3. First item.\n4. Second item."), "{plain}");
    }

    /// The Markdown test as it was, going line by line from the start.
    fn looks_like_markdown_reference(text: &str) -> bool {
        let mut headings = 0;
        let mut emphasis = 0;
        for line in text.lines().take(400) {
            let t = line.trim_start();
            if t.starts_with('#') && t.trim_start_matches('#').starts_with(' ') {
                headings += 1;
            }
            if t.contains("**") || t.starts_with("| ") {
                emphasis += 1;
            }
        }
        headings >= 2 || (headings >= 1 && emphasis >= 2)
    }

    proptest! {
        #[test]
        fn markdown_test_agrees_with_the_old_one(
            pieces in proptest::collection::vec(
                prop_oneof![
                    Just("\n"),
                    Just("\n\n"),
                    Just("\r\n"),
                    Just(" "),
                    Just("#"),
                    Just("## "),
                    Just("**"),
                    Just("| "),
                    Just("What needs to improve"),
                ],
                0..1200,
            )
        ) {
            let text = pieces.concat();
            prop_assert_eq!(
                looks_like_markdown(&text),
                looks_like_markdown_reference(&text)
            );
        }
    }

    #[test]
    fn plain_report_text_is_not_markdown() {
        assert!(!looks_like_markdown("Luton Borough Council\nInspection dates: 13 January 2020\n1. Services are inadequate.\n"));
    }
}
