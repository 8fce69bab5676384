//! PDF furniture: page numbers, running headers and footers repeated across pages, and
//! footnotes that interrupt the body at the foot of a page.
//!
//! pdftotext marks page breaks with form feeds; pages are cleaned one by one and joined
//! with a plain newline, so a sentence cut by a page break reads on.

use crate::pattern::Pattern;
use std::collections::HashMap;
use std::sync::LazyLock;

static PAGE_NUMBER: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(r"(?i)^\s*(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$")
});
static FOOTNOTE_START: LazyLock<Pattern> =
    LazyLock::new(|| crate::pattern::regex(r"^\s*(\d{1,2})(?:\s*$|\s+\S)"));

/// Remove page furniture from `text`; returns the cleaned text and how many pages it had.
pub fn remove_furniture(text: &str) -> (String, usize) {
    let pages: Vec<Vec<&str>> = text
        .split('\u{000C}')
        .map(|p| p.lines().collect())
        .collect();
    if pages.len() < 2 {
        return (text.to_string(), 1);
    }
    let running = running_lines(&pages);
    let mut out = String::with_capacity(text.len());
    for page in &pages {
        let body = clean_page(page, &running);
        for line in body {
            out.push_str(line);
            out.push('\n');
        }
    }
    (out, pages.len())
}

/// A line's shape for spotting repeats: trimmed, lower-cased, digits folded.
fn shape(line: &str) -> String {
    line.trim()
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The first two and the last three non-blank lines of a page (a line once only), without
/// going over the lines between them.
fn edge_lines<'a>(page: &[&'a str]) -> impl Iterator<Item = &'a str> {
    let non_blank = |i: &usize| page.get(*i).is_some_and(|l| !l.trim().is_empty());
    let head: Vec<usize> = (0..page.len()).filter(non_blank).take(2).collect();
    // The foot starts after the head.
    let after_head = head.last().map_or(0, |&i| i + 1);
    let mut foot: Vec<usize> = (after_head..page.len())
        .rev()
        .filter(non_blank)
        .take(3)
        .collect();
    foot.reverse();
    let edges: Vec<&'a str> = head
        .into_iter()
        .chain(foot)
        .filter_map(|i| page.get(i).copied())
        .collect();
    edges.into_iter()
}

/// Shapes that stand at the top or foot of many pages: running headers and footers.
fn running_lines(pages: &[Vec<&str>]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let mut seen: Vec<String> = edge_lines(page).map(shape).collect();
        seen.sort();
        seen.dedup();
        for s in seen {
            if s.len() >= 6 && !PAGE_NUMBER.is_match(&s) {
                *counts.entry(s).or_default() += 1;
            }
        }
    }
    let needed = 3.max(pages.len() * 2 / 5);
    counts.retain(|_, n| *n >= needed);
    counts
}

fn clean_page<'a>(page: &[&'a str], running: &HashMap<String, usize>) -> Vec<&'a str> {
    let mut lines: Vec<&str> = page.to_vec();
    // Running headers at the top, running footers and page numbers at the foot.
    loop {
        let first = lines
            .iter()
            .copied()
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty());
        match first {
            Some((i, l))
                if running.contains_key(&shape(l))
                    || (i < 2 && PAGE_NUMBER.is_match(l) && lines.len() > 3) =>
            {
                lines.drain(..=i);
            }
            _ => break,
        }
    }
    loop {
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        match lines.last() {
            Some(l) if PAGE_NUMBER.is_match(l) || running.contains_key(&shape(l)) => {
                lines.pop();
            }
            _ => break,
        }
    }
    remove_footnotes(&mut lines);
    lines
}

/// A footnote at the foot of a page: a line holding only a small number `n`, after a
/// blank line, where the body above carries the marker `n` glued to a word ("board1"),
/// and then the footnote's own paragraph (a run of lines opening with a sentence).
/// Only the number and that paragraph go: pdftotext sometimes prints the last cells of
/// a table between them or after them, and those stay.
fn remove_footnotes(lines: &mut Vec<&str>) {
    let n = lines.len();
    let window = n.saturating_sub(16);
    for i in (window..n).rev() {
        let Some((above, &[line, ..])) = lines.split_at_checked(i) else {
            continue;
        };
        let Some(caps) = FOOTNOTE_START.captures(line) else {
            continue;
        };
        let number = &caps[1];
        let after_blank = above.last().is_none_or(|l| l.trim().is_empty());
        if !after_blank || !above.iter().any(|l| has_marker(l, number)) {
            continue;
        }
        // The footnote text may share the number's line ("1 Ofsted produces ...").
        let same_line = line.trim().len() > number.len();
        let text_start = if same_line {
            Some(i)
        } else {
            (i + 1..n).find(|&j| match lines.get(j - 1..=j) {
                Some(&[prev, l]) => is_footnote_text(l) && (j == i + 1 || prev.trim().is_empty()),
                _ => false,
            })
        };
        let Some(text_start) = text_start else {
            continue;
        };
        let text_end = (text_start + 1..n)
            .find(|&j| lines.get(j).is_some_and(|l| l.trim().is_empty()))
            .unwrap_or(n);
        lines.drain(text_start..text_end);
        if !same_line {
            lines.remove(i);
        }
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        return;
    }
}

/// The first line of a footnote reads as a sentence: several words, not a table cell.
fn is_footnote_text(line: &str) -> bool {
    let t = line.trim();
    t.split_whitespace().count() >= 6
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether `line` has footnote marker `number` glued to the end of a word ("board1",
/// "protection.1") — not a section number such as "2.2".
pub fn has_marker(line: &str, number: &str) -> bool {
    line.match_indices(number).any(|(i, m)| {
        let Some((head, rest)) = line.split_at_checked(i) else {
            return false;
        };
        let mut before = head.chars().rev();
        let glued = match before.next() {
            Some(c) if c.is_alphabetic() || c == ')' || c == '\'' => true,
            Some('.') | Some(',') => before.next().is_some_and(|c| c.is_alphabetic()),
            _ => false,
        };
        let after = rest.strip_prefix(m).and_then(|r| r.chars().next());
        glued && !after.is_some_and(|c| c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_lines_are_the_first_two_and_last_three_non_blank() {
        let page = [
            "",
            "Inspection of Barnsley children's services",
            "",
            "a",
            "b",
            "c",
            "d",
            "",
            "2",
        ];
        let edges: Vec<&str> = edge_lines(&page).collect();
        assert_eq!(
            edges,
            [
                "Inspection of Barnsley children's services",
                "a",
                "c",
                "d",
                "2"
            ]
        );
        let short = ["one", "", "two", "three"];
        assert_eq!(
            edge_lines(&short).collect::<Vec<_>>(),
            ["one", "two", "three"]
        );
        assert_eq!(edge_lines(&[""]).count(), 0);
    }

    #[test]
    fn page_numbers_go_and_sentences_join_across_pages() {
        let text = "title\nkept in unassessed or in harmful\n\n1\n\n\u{000C}situations for too long.\n\n2\n\n\u{000C}end\n";
        let (clean, pages) = remove_furniture(text);
        assert_eq!(pages, 3);
        assert_eq!(
            clean,
            "title\nkept in unassessed or in harmful\nsituations for too long.\nend\n"
        );
    }

    #[test]
    fn running_headers_repeated_on_pages_go() {
        let mut text = String::new();
        let bodies = [
            "Leaders know",
            "Social workers visit",
            "Plans are",
            "Care leavers",
            "Managers",
        ];
        for (p, body) in bodies.iter().enumerate() {
            text.push_str(&format!(
                "Inspection of Barnsley children's services\n{body} well\nline two {body}\nline three {body}\nline four {body}\nend {body}\n\n{p}\n\u{000C}"
            ));
        }
        let (clean, _) = remove_furniture(&text);
        assert!(!clean.contains("Inspection of Barnsley"), "{clean}");
        assert!(
            clean.contains("Plans are well\nline two Plans are"),
            "{clean}"
        );
    }

    #[test]
    fn table_cells_printed_around_a_footnote_stay() {
        // Surrey 2015, text mode: the last grade comes between the footnote number and
        // the footnote's text.
        let text = "good help, care and protection.1\n3. Leadership, management and governance\n\n1\n\nInadequate\n\nA full description of what the inspection judgements mean can be found at the end of this report.\n\n1\n\u{000C}Contents\n";
        let (clean, _) = remove_furniture(text);
        assert!(
            clean.contains("governance\n\n\nInadequate\nContents"),
            "{clean}"
        );
        assert!(!clean.contains("A full description"), "{clean}");
    }

    #[test]
    fn section_numbers_are_not_footnote_markers() {
        assert!(!has_marker(
            "2.2 Experiences and progress of care leavers",
            "2"
        ));
        assert!(has_marker(
            "Review of the effectiveness of the Local Safeguarding Children Board1",
            "1"
        ));
        assert!(has_marker("good help, care and protection.1", "1"));
    }

    #[test]
    fn footnote_at_page_foot_goes() {
        let text = "Review of the effectiveness of the local safeguarding children\nboard1\nInspection date: 2 June 2014\n\n1\n\nOfsted produces this report under its power to combine reports.\n\n1\n\u{000C}Contents\n";
        let (clean, _) = remove_furniture(text);
        assert!(!clean.contains("Ofsted produces"), "{clean}");
        assert!(
            clean.contains("Inspection date: 2 June 2014\nContents"),
            "{clean}"
        );
    }
}
