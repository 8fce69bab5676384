//! PDF furniture: page numbers, running headers and footers repeated across pages, and
//! footnotes that interrupt the body at the foot of a page.
//!
//! pdftotext marks page breaks with form feeds; pages are cleaned one by one and joined
//! with a plain newline, so a sentence cut by a page break reads on.

use crate::extract::text::{is_ascii_space, split_ascii_digits, trim_ascii_space};
use std::ops::Range;

/// A page number line: "7", "Page 7", "7 of 12", "7/12" (one to three digits each).
/// Checked on every line at a page's edges, so written out rather than as a pattern.
fn is_page_number(line: &str) -> bool {
    let t = trim_ascii_space(line);
    let t = match t.get(..4) {
        Some(word) if word.eq_ignore_ascii_case("page") => {
            let rest = t.get(4..).unwrap_or_default();
            let after = rest.trim_start_matches(is_ascii_space);
            // "page" needs space after it; without, the line must start with a digit.
            if after.len() < rest.len() {
                after
            } else {
                t
            }
        }
        _ => t,
    };
    let Some((_, rest)) = split_ascii_digits(t, 3) else {
        return false;
    };
    let rest = rest.trim_start_matches(is_ascii_space);
    if rest.is_empty() {
        return true;
    }
    let of = if rest.get(..2).is_some_and(|w| w.eq_ignore_ascii_case("of")) {
        rest.get(2..)
    } else {
        rest.strip_prefix('/')
    };
    let Some(of) = of else {
        return false;
    };
    split_ascii_digits(of.trim_start_matches(is_ascii_space), 3)
        .is_some_and(|(_, rest)| rest.is_empty())
}

/// A footnote's opening line: one or two digits first, then space or the line's end.
/// Returns the number.
fn footnote_number(line: &str) -> Option<&str> {
    let (number, rest) = split_ascii_digits(line.trim_start_matches(is_ascii_space), 2)?;
    (rest.is_empty() || rest.starts_with(is_ascii_space)).then_some(number)
}

/// A line of a page, and where it starts in the text, so that the lines kept can be
/// copied in runs and their places handed on to [`Source`](super::Source).
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
}

/// Text without its page furniture.
#[derive(Debug)]
pub(crate) struct Cleaned {
    pub text: String,
    /// Where each line of `text` lies, as `Source` keeps them.
    pub line_spans: Vec<Range<usize>>,
    pub pages: usize,
}

/// Remove page furniture from `text`; returns the cleaned text and how many pages it had.
pub fn remove_furniture(text: &str) -> (String, usize) {
    let cleaned = clean(text);
    (cleaned.text, cleaned.pages)
}

/// Remove page furniture from `text`, finding its lines once for every later stage.
pub(crate) fn clean(text: &str) -> Cleaned {
    let bytes = text.as_bytes();
    let mut spans = Vec::with_capacity(text.len() / 48);
    if memchr::memchr(b'\x0C', bytes).is_none() {
        super::push_line_spans(bytes, 0..text.len(), &mut spans);
        return Cleaned {
            text: text.to_string(),
            line_spans: spans,
            pages: 1,
        };
    }
    // Every page's lines in one list; `page_ends` says where each page's lines stop.
    let mut page_ends = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\x0C', bytes).chain(std::iter::once(text.len())) {
        super::push_line_spans(bytes, start..end, &mut spans);
        page_ends.push(spans.len());
        start = end + 1;
    }
    let lines: Vec<Line> = spans
        .iter()
        .map(|span| Line {
            start: span.start,
            text: text.get(span.clone()).unwrap_or_default(),
        })
        .collect();
    let mut from = 0;
    let pages: Vec<&[Line]> = page_ends
        .iter()
        .map(|&to| {
            let page = lines.get(from..to).unwrap_or_default();
            from = to;
            page
        })
        .collect();
    let running = running_lines(&pages);
    let mut out = String::with_capacity(text.len());
    spans.clear();
    // Kept lines that follow one another in `text`, each with its `\n`, are copied as one
    // run.
    let mut run = 0..0;
    for page in &pages {
        for line in clean_page(page, &running) {
            let at = out.len() + run.len();
            let cr = usize::from(line.text.ends_with('\r'));
            spans.push(at..at + line.text.len() - cr);
            let end = line.start + line.text.len();
            if run.is_empty() {
                run = line.start..line.start;
            }
            if line.start == run.end && bytes.get(end) == Some(&b'\n') {
                run.end = end + 1;
            } else {
                out.push_str(text.get(run).unwrap_or_default());
                out.push_str(line.text);
                out.push('\n');
                run = 0..0;
            }
        }
    }
    out.push_str(text.get(run).unwrap_or_default());
    Cleaned {
        text: out,
        line_spans: spans,
        pages: pages.len(),
    }
}

/// A line's shape for spotting repeats: trimmed, lower-cased, digits folded. Only ASCII
/// bytes change, each to one ASCII byte, so a shape is as long as the trimmed line and
/// two lines are compared byte by byte without building either shape.
fn shape_byte(b: u8) -> u8 {
    if b.is_ascii_digit() {
        b'#'
    } else {
        b.to_ascii_lowercase()
    }
}

/// Whether trimmed lines `a` and `b` have the same shape.
fn same_shape(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .all(|(x, y)| shape_byte(x) == shape_byte(y))
}

/// Whether `line` has the shape of one of the `running` lines (trimmed).
fn is_running(line: &str, running: &[&str]) -> bool {
    if running.is_empty() {
        return false;
    }
    let t = line.trim();
    running.iter().any(|r| same_shape(r, t))
}

/// The first two and the last three non-blank lines of a page (a line once only), without
/// going over the lines between them.
fn edge_lines<'a>(page: &[Line<'a>]) -> impl Iterator<Item = &'a str> {
    let non_blank = |l: &(usize, &Line)| !l.1.text.trim().is_empty();
    let mut head = page.iter().enumerate().filter(non_blank);
    let (first, second) = (head.next(), head.next());
    // The foot starts after the head.
    let after_head = second.or(first).map_or(0, |(i, _)| i + 1);
    let mut foot = page
        .iter()
        .enumerate()
        .skip(after_head)
        .rev()
        .filter(non_blank);
    let (last, before_last, third_last) = (foot.next(), foot.next(), foot.next());
    [first, second, third_last, before_last, last]
        .map(|edge| edge.map(|(_, l)| l.text))
        .into_iter()
        .flatten()
}

/// Lines (trimmed) whose shapes stand at the top or foot of many pages: running headers
/// and footers, one line for each shape.
fn running_lines<'a>(pages: &[&[Line<'a>]]) -> Vec<&'a str> {
    // Each page's edge lines, a shape once per page, sorted so that a shape's lines lie
    // together; most differ in length, which the order compares first.
    let mut edges: Vec<&str> = Vec::with_capacity(pages.len() * 5);
    for page in pages {
        let from = edges.len();
        for line in edge_lines(page) {
            let t = line.trim();
            let on_page = edges.get(from..).unwrap_or_default();
            // Digits are folded, so no shape is a page number.
            if t.len() >= 6 && !on_page.iter().any(|s| same_shape(s, t)) {
                edges.push(t);
            }
        }
    }
    edges.sort_unstable_by(|a, b| {
        a.len()
            .cmp(&b.len())
            .then_with(|| a.bytes().map(shape_byte).cmp(b.bytes().map(shape_byte)))
    });
    let needed = 3.max(pages.len() * 2 / 5);
    edges
        .chunk_by(|a, b| same_shape(a, b))
        .filter(|lines| lines.len() >= needed)
        .filter_map(|lines| lines.first().copied())
        .collect()
}

fn clean_page<'a>(page: &[Line<'a>], running: &[&str]) -> Vec<Line<'a>> {
    let mut lines: Vec<Line> = page.to_vec();
    // Running headers at the top, running footers and page numbers at the foot.
    loop {
        let first = lines
            .iter()
            .map(|l| l.text)
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty());
        match first {
            Some((i, l))
                if is_running(l, running) || (i < 2 && is_page_number(l) && lines.len() > 3) =>
            {
                lines.drain(..=i);
            }
            _ => break,
        }
    }
    loop {
        while lines.last().is_some_and(|l| l.text.trim().is_empty()) {
            lines.pop();
        }
        match lines.last() {
            Some(l) if is_page_number(l.text) || is_running(l.text, running) => {
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
fn remove_footnotes(lines: &mut Vec<Line>) {
    let n = lines.len();
    let window = n.saturating_sub(16);
    for i in (window..n).rev() {
        let Some((above, &[line, ..])) = lines.split_at_checked(i) else {
            continue;
        };
        let Some(number) = footnote_number(line.text) else {
            continue;
        };
        let after_blank = above.last().is_none_or(|l| l.text.trim().is_empty());
        if !after_blank || !above.iter().any(|l| has_marker(l.text, number)) {
            continue;
        }
        // The footnote text may share the number's line ("1 Ofsted produces ...").
        let same_line = line.text.trim().len() > number.len();
        let text_start = if same_line {
            Some(i)
        } else {
            (i + 1..n).find(|&j| match lines.get(j - 1..=j) {
                Some(&[prev, l]) => {
                    is_footnote_text(l.text) && (j == i + 1 || prev.text.trim().is_empty())
                }
                _ => false,
            })
        };
        let Some(text_start) = text_start else {
            continue;
        };
        let text_end = (text_start + 1..n)
            .find(|&j| lines.get(j).is_some_and(|l| l.text.trim().is_empty()))
            .unwrap_or(n);
        lines.drain(text_start..text_end);
        if !same_line {
            lines.remove(i);
        }
        while lines.last().is_some_and(|l| l.text.trim().is_empty()) {
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

/// The furniture removal as it was before it kept line positions: the reference the
/// proptests hold [`clean`] to.
#[cfg(test)]
mod reference {
    use super::{footnote_number, has_marker, is_footnote_text, is_page_number};
    use std::collections::HashMap;

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
                if s.len() >= 6 && !is_page_number(&s) {
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
                        || (i < 2 && is_page_number(l) && lines.len() > 3) =>
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
                Some(l) if is_page_number(l) || running.contains_key(&shape(l)) => {
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
            let Some(number) = footnote_number(line) else {
                continue;
            };
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
                    Some(&[prev, l]) => {
                        is_footnote_text(l) && (j == i + 1 || prev.trim().is_empty())
                    }
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The patterns the hand-written line tests replace, as they were.
    fn page_number_pattern() -> regex_lite::Regex {
        regex_lite::Regex::new(r"(?i)^\s*(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$")
            .unwrap()
    }
    fn footnote_pattern() -> regex_lite::Regex {
        regex_lite::Regex::new(r"^\s*(\d{1,2})(?:\s*$|\s+\S)").unwrap()
    }

    #[test]
    fn page_number_lines() {
        for yes in [
            "7",
            " 12 ",
            "Page 3",
            "PAGE  3 of 12",
            "3/12",
            "3 / 12",
            "12of3",
            "\x0b9\t",
        ] {
            assert!(is_page_number(yes), "{yes:?}");
        }
        for no in [
            "",
            "1234",
            "Page",
            "Page3",
            "3 of",
            "3 of 1234",
            "3 pages",
            "p 3",
            "3/",
        ] {
            assert!(!is_page_number(no), "{no:?}");
        }
        assert_eq!(footnote_number("12 Working Together"), Some("12"));
        assert_eq!(footnote_number("  4"), Some("4"));
        assert_eq!(footnote_number("123 x"), None);
        assert_eq!(footnote_number("4x"), None);
    }

    proptest! {
        #[test]
        fn line_tests_agree_with_the_patterns_they_replace(line in "[ \t\x0b]{0,2}(?:[Pp]age|PAGE)?[ \t]{0,2}[0-9]{0,4}[ \t]{0,2}(?:of|OF|/|x)?[ \t]{0,2}[0-9]{0,4}[ a-z]{0,2}") {
            prop_assert_eq!(is_page_number(&line), page_number_pattern().is_match(&line));
            let caps = footnote_pattern().captures(&line).map(|c| c.get(1).map_or("", |m| m.as_str()).to_string());
            prop_assert_eq!(footnote_number(&line).map(str::to_string), caps);
        }
    }

    /// A page's lines, placed one after another as in a text.
    fn lines_of<'a>(texts: &[&'a str]) -> Vec<Line<'a>> {
        let mut start = 0;
        texts
            .iter()
            .map(|&text| {
                let line = Line { start, text };
                start += text.len() + 1;
                line
            })
            .collect()
    }

    /// Text made of the lines pdftotext pages are made of: words, numbers, running
    /// headers, footnotes and their markers, runs of spaces, blank lines, page breaks and
    /// the odd `\r`.
    fn pages_text() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            Just(""),
            Just(" "),
            Just("1"),
            Just("12"),
            Just("  3 "),
            Just("Page 3 of 9"),
            Just("Inspection of Barnsley children's services"),
            Just("INSPECTION of Barnsley children's services 2"),
            Just("Review of the effectiveness of the board1"),
            Just("good help, care and protection.1"),
            Just("2.2 Experiences and progress of care leavers"),
            Just("1 Ofsted produces this report under its power to combine reports."),
            Just("Ofsted produces this report under its power to combine reports."),
            Just("Inadequate"),
            Just("Leaders know    well"),
            Just("Children\u{2019}s services\r"),
            Just("é"),
        ];
        let end = prop_oneof![
            8 => Just("\n"),
            1 => Just("\n\u{000C}"),
            1 => Just("\u{000C}"),
            1 => Just("\r\n"),
        ];
        proptest::collection::vec((line, end), 0..160).prop_map(|lines| {
            lines
                .into_iter()
                .flat_map(|(line, end)| [line, end])
                .collect()
        })
    }

    proptest! {
        #[test]
        fn clean_agrees_with_the_old_removal(text in pages_text()) {
            let cleaned = clean(&text);
            prop_assert_eq!(
                (cleaned.text.clone(), cleaned.pages),
                reference::remove_furniture(&text)
            );
            let lines: Vec<&str> = cleaned
                .line_spans
                .iter()
                .map(|span| cleaned.text.get(span.clone()).unwrap())
                .collect();
            prop_assert_eq!(lines, cleaned.text.lines().collect::<Vec<_>>());
        }
    }

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
        let edges: Vec<&str> = edge_lines(&lines_of(&page)).collect();
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
            edge_lines(&lines_of(&short)).collect::<Vec<_>>(),
            ["one", "two", "three"]
        );
        assert_eq!(edge_lines(&lines_of(&[""])).count(), 0);
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
