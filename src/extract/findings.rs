//! Findings: numbered paragraphs with their section, or a letter's paragraphs, each with
//! its polarity.
//!
//! One pass over the lines builds paragraphs. A paragraph starts at a printed number that
//! follows the last one, at a bullet, after a blank line or after a short line that ends a
//! sentence (pdftotext's text mode leaves no blank line between paragraphs). Headings set
//! the section: the practice areas map to area ids, other headings to a slug. Boilerplate
//! sections, the letterhead and everything from "Yours sincerely" on are left out, and so
//! are the paragraphs that are the document's own recommendations.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::extract::polarity::polarity;
use crate::extract::text::{
    find_spaces, is_running_header, join_lines_into, line_width, lower_starts_with, next_word_fits,
    strip_bullet, strip_number,
};
use crate::input::Source;
use crate::model::{Document, Finding, Polarity};

/// Fill this extractor's fields of `doc` from `source`; each finding's polarity is read
/// when `with_polarity`, and neutral otherwise.
pub fn extract(source: &Source, doc: &mut Document, with_polarity: bool) {
    let recommendations: HashSet<String> = doc
        .recommendations
        .iter()
        .map(|r| comparable(&r.text))
        .collect();
    // Their first letters, to rule most paragraphs out without reducing them whole.
    let heads: HashSet<String> = recommendations
        .iter()
        .map(|r| r.chars().take(HEAD).collect())
        .collect();
    let lines = source.lines();
    // Printed numbers already given as ids ("p1", "p2" … cannot clash with them).
    let mut used: HashSet<u32> = HashSet::new();
    let mut unnumbered = 0;
    let mut lower_buffer = String::new();
    for para in paragraphs(&lines) {
        let mut text = String::with_capacity(para.lines.iter().map(|l| l.len() + 1).sum());
        join_lines_into(&mut text, para.lines.iter().copied());
        // One buffer for every paragraph's lower-case copy.
        let ascii = text.is_ascii();
        lower_buffer.clear();
        if ascii {
            lower_buffer.push_str(&text);
            lower_buffer.make_ascii_lowercase();
        }
        let lower = ascii.then_some(lower_buffer.as_str());
        if !reads_as_finding(&text, lower)
            || (!heads.is_empty()
                && head_is_one_of(&heads, &text, ascii)
                && recommendations.contains(&comparable(&text)))
        {
            continue;
        }
        let id = match para.number {
            Some(n) if used.insert(n) => n.to_string(),
            _ => {
                unnumbered += 1;
                format!("p{unnumbered}")
            }
        };
        let polarity = if with_polarity {
            polarity(&text)
        } else {
            Polarity::Neutral
        };
        doc.findings.push(Finding {
            id,
            section: para.section,
            text,
            polarity,
        });
    }
}

/// Letters and digits of [`comparable`] text checked before the whole of it.
const HEAD: usize = 24;

/// Whether the first [`HEAD`] characters of [`comparable`]`(text)` are one of `heads`;
/// `ascii` says the text is ASCII, whose head is reduced on the stack.
fn head_is_one_of(heads: &HashSet<String>, text: &str, ascii: bool) -> bool {
    if !ascii {
        return heads.contains(&comparable_head(text));
    }
    let mut head = [0u8; HEAD];
    let mut n = 0;
    for (slot, b) in head
        .iter_mut()
        .zip(text.bytes().filter(u8::is_ascii_alphanumeric))
    {
        *slot = b.to_ascii_lowercase();
        n += 1;
    }
    head.get(..n)
        .and_then(|h| std::str::from_utf8(h).ok())
        .is_some_and(|h| heads.contains(h))
}

/// The first [`HEAD`] characters of [`comparable`]`(text)`.
fn comparable_head(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .take(HEAD)
        .collect()
}

/// Text reduced for comparing a paragraph with a recommendation.
fn comparable(text: &str) -> String {
    if text.is_ascii() {
        let mut out = String::with_capacity(text.len());
        for b in text.bytes().filter(u8::is_ascii_alphanumeric) {
            out.push(char::from(b.to_ascii_lowercase()));
        }
        return out;
    }
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A paragraph worth keeping says something: it has a sentence, not just a label.
/// `ascii_lower` is `text.to_ascii_lowercase()` when the text is ASCII.
fn reads_as_finding(text: &str, ascii_lower: Option<&str>) -> bool {
    let t = text.trim();
    // A char is a byte or more: an ASCII text's length is its count.
    t.len() >= 40
        && (ascii_lower.is_some() || t.chars().count() >= 40)
        && (t.ends_with(['.', '!', '?', ')', ';']) || t.contains(". "))
        && t.chars().any(|c| c.is_lowercase())
        && !match ascii_lower {
            Some(lower) => match &*BOILERPLATE_SEARCHER {
                Some(searcher) => searcher.find(lower.as_bytes()).is_some(),
                None => BOILERPLATE.iter().any(|b| lower.contains(b)),
            },
            None => is_boilerplate_paragraph(t),
        }
}

/// Sentences every letter or report carries, about Ofsted rather than the council.
const BOILERPLATE: &[&str] = &[
    "crown copyright",
    "open government licence",
    "this publication is available",
    "if you would like a copy",
    "you are encouraged to use",
    "ofsted produces this publication",
    "this letter will be published",
    "this letter will be copied",
    "the office for standards in education",
    "piccadilly gate",
    "enquiries@ofsted",
    "inspection date",
    "report published",
    "lead inspector:",
    "team inspectors:",
    "did not find any areas for",
    "have been cross-referenced with the outcomes",
];

/// [`BOILERPLATE`] as one searcher for lower-case text: a vectorised search for all the
/// phrases at once (Teddy), where a searcher per phrase would read each paragraph once
/// for every phrase. `None` where the processor has no vector instructions for it.
static BOILERPLATE_SEARCHER: LazyLock<Option<aho_corasick::packed::Searcher>> =
    LazyLock::new(|| aho_corasick::packed::Searcher::new(BOILERPLATE.iter()));

fn is_boilerplate_paragraph(text: &str) -> bool {
    let lower = text.to_lowercase();
    BOILERPLATE.iter().any(|b| lower.contains(b))
}

/// The area id a practice-area heading names, if it names one.
fn area_of_heading(heading: &str) -> Option<&'static str> {
    let h = heading.to_lowercase();
    let h = h.as_str();
    if h.starts_with("the impact of leaders") {
        Some("impact_of_leaders")
    } else if h.starts_with("the experiences and progress of")
        || h.starts_with("experiences and progress of")
    {
        if h.contains("help and protection") {
            Some("help_and_protection")
        } else if h.contains("in care and care leavers") {
            Some("children_in_care_and_care_leavers")
        } else if h.contains("looked after") {
            Some("children_looked_after")
        } else if h.contains("care leavers") {
            Some("care_leavers")
        } else if h.contains("in care") {
            Some("children_in_care")
        } else {
            None
        }
    } else if h.contains("adoption performance") {
        Some("adoption")
    } else if h.contains("the experiences and progress of care leavers") {
        Some("care_leavers")
    } else if h.starts_with("leadership, management and governance")
        || h.starts_with("leadership, management, and governance")
    {
        Some("leadership_management_governance")
    } else if (h.contains("local safeguarding children")
        || h.starts_with("the effectiveness of the lscb"))
        && !h.starts_with("review of")
        && h.len() < 90
    {
        Some("lscb")
    } else {
        None
    }
}

/// Headings after which paragraphs no longer belong to the practice area above them.
const ENDS_AREA: &[&str] = &[
    "summary for children",
    "recommendations",
    "what needs to improve",
    "what does the local authority need to improve",
    "headline findings",
    "overview",
    "next steps",
    "overall effectiveness",
];

/// Headings of sections that explain the inspection rather than report on the council.
const BOILERPLATE_SECTIONS: &[&str] = &[
    "information about this inspection",
    "information about this local authority",
    "what the inspection judgements mean",
    "what the inspection judgments mean",
    "inspection judgements about",
    "contents",
    "local authority details",
    "other information about this area",
    "additional contextual information",
    "local leadership",
];

fn is_boilerplate_section(lower: &str) -> bool {
    BOILERPLATE_SECTIONS.iter().any(|b| lower.starts_with(b)) || lower.ends_with("in this area")
}

/// The section a heading other than a practice area opens.
fn section_of_heading(lower: &str, heading: &str) -> String {
    if lower == "summary"
        || lower.contains("summary of findings")
        || lower == "executive summary"
        || lower.starts_with("overall effectiveness")
        || lower.starts_with("children's services in")
        || lower.starts_with("children's services require")
    {
        "summary".to_string()
    } else {
        slug(heading)
    }
}

/// A layout-mode line up to a wide gap: "children looked after and achieving      Requires
/// improvement" is a heading with its grade in another column.
fn before_column_gap(line: &str) -> &str {
    line.split("   ").next().unwrap_or(line).trim_end()
}

/// Grade lines under area headings ("Requires improvement to be good").
fn is_grade_line(t: &str) -> bool {
    // Every grade line starts with one of these letters, and an ASCII first letter lower-
    // cases to itself alone.
    if t.as_bytes().first().is_some_and(|&b| {
        b.is_ascii() && !matches!(b.to_ascii_lowercase(), b'o' | b'g' | b'i' | b'r' | b'j')
    }) {
        return false;
    }
    let trimmed = t.trim_end_matches(['.', ' ']);
    // The longest grade line is 31 bytes: a longer line is one only if it starts
    // "judgement" (or is not ASCII, and so is checked in full).
    if trimmed.is_ascii() {
        // Without lower-casing a copy: most lines are checked, few are grades.
        return lower_starts_with(trimmed, "judgement")
            || (trimmed.len() <= 31
                && [
                    "outstanding",
                    "good",
                    "inadequate",
                    "requires improvement",
                    "requires improvement to be good",
                    "grade",
                ]
                .iter()
                .any(|g| trimmed.eq_ignore_ascii_case(g)));
    }
    // A char other than ASCII lower-cases to ASCII only for the Kelvin sign ("k"), in no
    // grade's name: a line with one is a grade line only by its start.
    lower_starts_with(t, "judgement")
}

fn slug(heading: &str) -> String {
    let mut out = String::new();
    // Without a footnote digit stuck to the end ("What needs to improve?1").
    let heading = heading.trim_end_matches(|c: char| c.is_ascii_digit());
    for word in heading
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
    {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

struct Paragraph<'a> {
    number: Option<u32>,
    /// Started by a bullet.
    bullet: bool,
    section: String,
    lines: Vec<&'a str>,
}

/// False for a line whose ASCII first letter is not y or t, which starts no sign-off and
/// no practice area (a line starting beyond ASCII is left to the full test).
fn starts_with_y_or_t(line: &str) -> bool {
    line.as_bytes()
        .first()
        .is_none_or(|&b| !b.is_ascii() || matches!(b.to_ascii_lowercase(), b'y' | b't'))
}

/// A new paragraph's lines: `first`, unless it is empty, with room for a paragraph's
/// usual length.
fn first_lines(first: &str) -> Vec<&str> {
    let mut lines = Vec::with_capacity(8);
    if !first.is_empty() {
        lines.push(first);
    }
    lines
}

fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end();
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '"' || c == '\'');
    t.ends_with(['.', '!', '?', ';', ':', ')'])
}

/// Split the text into paragraphs with their sections.
fn paragraphs<'a>(lines: &[&'a str]) -> Vec<Paragraph<'a>> {
    let width = line_width(lines);
    let short = width * 3 / 4;
    // Letters: the body starts after the salutation.
    let start = lines
        .iter()
        .take(80)
        .position(|l| l.trim_start().starts_with("Dear "))
        .map_or(0, |p| p + 1);
    let mut out: Vec<Paragraph<'a>> = Vec::new();
    let mut cur: Option<Paragraph<'a>> = None;
    let mut section = String::from("summary");
    let mut in_area = false;
    let mut skipping = false;
    let mut last_number = 0u32;
    let mut blank_before = false;
    let mut j = start;
    while let Some(&raw) = lines.get(j) {
        let t = raw.trim();
        j += 1;
        if t.is_empty() {
            blank_before = true;
            continue;
        }
        if is_running_header(t) {
            continue;
        }
        // A letter ends at its sign-off; a report at Ofsted's closing colophon, which
        // pdftotext may join to the last paragraph when no blank line parts them.
        if starts_with_y_or_t(t)
            && (lower_starts_with(t, "yours sincerely")
                || lower_starts_with(t, "yours faithfully")
                || lower_starts_with(t, "the office for standards in education"))
        {
            break;
        }
        let prev_closed = cur
            .as_ref()
            .is_none_or(|p| p.lines.last().is_none_or(|l| ends_sentence(l)));
        // The previous line was broken early: this line's first word would have fitted
        // on it, so the break ends a paragraph rather than wrapping one. Worked out only
        // where it is asked (it counts the line's chars).
        let whole_line = t;
        let prev_short = |p: &Paragraph<'_>| {
            p.lines
                .last()
                .is_none_or(|l| next_word_fits(l, whole_line, width))
        };
        let blank = std::mem::take(&mut blank_before);
        if is_grade_line(t) && prev_closed {
            out.extend(cur.take());
            continue;
        }
        // Layout mode puts a heading's grade beside it: "Leadership, management and
        // governance          Requires improvement".
        let t = match find_spaces(t, 3).and_then(|at| Some((t.get(..at)?, t.get(at + 3..)?))) {
            Some((label, grade)) if is_grade_line(grade.trim()) => label.trim_end(),
            _ => t,
        };
        let capitalised = t.chars().next().is_some_and(|c| c.is_uppercase());
        let area_opening = starts_with_y_or_t(t)
            && (lower_starts_with(t, "the experiences and progress of")
                || lower_starts_with(t, "the impact of leaders"));
        // Only a line that may be a heading needs its length in characters.
        let chars = if capitalised || area_opening {
            t.chars().count()
        } else {
            usize::MAX
        };
        // Headings: short lines without a closing full stop after a finished paragraph.
        let heading_shaped = capitalised
            && chars < short.max(40)
            && !t.ends_with(['.', ',', ';'])
            && strip_bullet(t).is_none()
            && strip_number(t).is_none();
        // Practice-area headings run long ("The experiences and progress of children in
        // care and care leavers: requires improvement to be good").
        let area_heading = area_opening && chars <= 110 && !t.ends_with('.');
        let after_bullet = cur.as_ref().is_some_and(|p| p.number.is_none() && p.bullet);
        if (heading_shaped || area_heading)
            && (prev_closed || blank)
            && (blank || after_bullet || chars < 40 || cur.as_ref().is_none_or(prev_short))
        {
            out.extend(cur.take());
            // A heading wrapped over lines ("... who need help and" / "protection: good"),
            // in layout mode with its grade beside or between them.
            let mut heading = before_column_gap(t).to_string();
            for _ in 0..3 {
                let Some(next) = lines.get(j) else { break };
                let n = before_column_gap(next.trim());
                if n.is_empty() {
                    break;
                }
                if is_grade_line(n) && area_heading {
                    j += 1;
                } else if n.starts_with(|c: char| c.is_lowercase()) && n.chars().count() < short {
                    heading.push(' ');
                    heading.push_str(n);
                    j += 1;
                } else {
                    break;
                }
            }
            let lower = heading.to_lowercase();
            if let Some(area) = area_of_heading(&heading) {
                section = area.to_string();
                in_area = true;
                skipping = false;
            } else if is_boilerplate_section(&lower) {
                skipping = true;
                in_area = false;
            } else {
                skipping = false;
                // Inside a practice area, sub-headings ("Summary", "Inspection findings")
                // keep the area; the sections that follow the areas do not.
                if !in_area || ENDS_AREA.iter().any(|h| lower.starts_with(h)) {
                    in_area = false;
                    section = section_of_heading(&lower, &heading);
                }
            }
            continue;
        }
        if skipping {
            continue;
        }
        if let Some((number, rest)) = strip_number(t) {
            if let Ok(n) = number.parse::<u32>() {
                let next_in_sequence = n == last_number + 1;
                let number_alone = rest.is_empty() && (n > last_number || n == 1);
                let plausible = n == 1 || (n > last_number && n <= last_number + 20);
                if next_in_sequence || number_alone || (plausible && prev_closed) {
                    out.extend(cur.take());
                    last_number = n;
                    cur = Some(Paragraph {
                        number: Some(n),
                        bullet: false,
                        section: section.clone(),
                        lines: first_lines(rest),
                    });
                    continue;
                }
            }
        }
        if let Some(rest) = strip_bullet(t) {
            if prev_closed || cur.as_ref().is_some_and(|p| p.number.is_none()) {
                out.extend(cur.take());
                cur = Some(Paragraph {
                    number: None,
                    bullet: true,
                    section: section.clone(),
                    lines: first_lines(rest),
                });
                continue;
            }
        }
        match cur.as_mut() {
            // A numbered paragraph runs to the next number, bullet or heading; a line
            // starting in lower case goes on with the paragraph above.
            Some(p)
                if p.lines.is_empty()
                    || p.number.is_some()
                    || !prev_closed
                    || !(blank || prev_short(p))
                    || t.starts_with(|c: char| c.is_lowercase()) =>
            {
                p.lines.push(t)
            }
            _ => {
                out.extend(cur.take());
                cur = Some(Paragraph {
                    number: None,
                    bullet: false,
                    section: section.clone(),
                    lines: {
                        let mut lines = Vec::with_capacity(8);
                        lines.push(t);
                        lines
                    },
                });
            }
        }
    }
    out.extend(cur.take());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Polarity;

    fn paras(text: &str) -> Vec<(Option<u32>, String, String)> {
        let lines: Vec<&str> = text.lines().collect();
        paragraphs(&lines)
            .into_iter()
            .map(|p| {
                (
                    p.number,
                    p.section,
                    crate::extract::text::join_lines(p.lines),
                )
            })
            .collect()
    }

    #[test]
    fn ilacs_numbered_paragraphs_take_the_area_of_their_heading() {
        let text = "The experiences and progress of children who need help and\nprotection: requires improvement to be good\n1. Early help has been strengthened and children are identified early when they\nneed help. While there is sometimes a short delay before intervention, children\nand families benefit from an increasing number of services which, for many, help\nto improve their lives.\n2. Referrals about children in need of help and protection are identified promptly\nand responded to by staff in the multi-agency safeguarding hub.\n";
        let p = paras(text);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].0, Some(1));
        assert_eq!(p[0].1, "help_and_protection");
        assert!(p[0].2.ends_with("help to improve their lives."));
        assert_eq!(p[1].0, Some(2));
    }

    #[test]
    fn the_last_paragraph_ends_at_the_closing_colophon() {
        // Luton 2020, text mode: paragraph 37 runs straight into Ofsted's colophon.
        let text = "The impact of leaders on social work practice with children and\nfamilies: requires improvement to be good\n37. Leaders have acted to increase frontline management capacity in order to improve\noversight of practice. IROs are better at this and provide much stronger challenge\nand oversight in supporting the progress of children's plans.\nThe Office for Standards in Education, Children's Services and Skills (Ofsted) regulates and\ninspects to achieve excellence in the care of children and young people.\n";
        let p = paras(text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].2.ends_with("the progress of children's plans."),
            "{:?}",
            p[0].2
        );
    }

    #[test]
    fn every_boilerplate_phrase_rules_a_paragraph_out() {
        let plain =
            "Social workers visit children regularly and know them well, and plans are reviewed.";
        assert!(reads_as_finding(plain, Some(&plain.to_ascii_lowercase())));
        for phrase in BOILERPLATE {
            let text = format!("{plain} {} {plain}", phrase.to_uppercase());
            let lower = text.to_ascii_lowercase();
            assert!(!reads_as_finding(&text, Some(&lower)), "{phrase}");
            assert!(!reads_as_finding(&text, None), "{phrase}");
        }
    }

    /// [`is_grade_line`] as first written: the line lower-cased whole.
    fn grade_line_by_lower_case(t: &str) -> bool {
        let l = t.to_lowercase();
        let l = l.trim_end_matches(['.', ' ']);
        matches!(
            l,
            "outstanding"
                | "good"
                | "inadequate"
                | "requires improvement"
                | "requires improvement to be good"
        ) || l.starts_with("judgement")
            || l == "grade"
    }

    #[test]
    fn grade_lines_read_as_lower_casing_reads_them() {
        use proptest::prelude::*;
        let grade = proptest::sample::select(vec![
            "Outstanding",
            "GOOD",
            "good",
            "Inadequate",
            "Requires improvement",
            "requires improvement to be good",
            "Grade",
            "Judgement",
            "judgement grade:",
            "Goo",
        ]);
        let odd = proptest::sample::select(vec![
            "", "", ".", " .", "\u{212A}", "\u{130}", "é", "\u{a0}", "’", "x",
        ]);
        proptest!(ProptestConfig::with_cases(5000), |(a in odd.clone(), g in grade, b in odd)| {
            for line in [format!("{g}{b}"), format!("{a}{g}{b}"), format!("{g}{a}{b}")] {
                prop_assert_eq!(is_grade_line(&line), grade_line_by_lower_case(&line), "{:?}", line);
            }
        });
    }

    #[test]
    fn grade_lines_short_and_long() {
        assert!(is_grade_line("Requires improvement to be good"));
        assert!(is_grade_line("Good. "));
        assert!(is_grade_line(&format!("Inadequate{}", ".".repeat(50))));
        assert!(is_grade_line(
            "Judgement grade: the impact of leaders on social work practice with children"
        ));
        assert!(!is_grade_line(
            "Leaders have established a strong foundation, but recognise that they have yet to deliver."
        ));
    }

    #[test]
    fn comparable_heads_begin_comparable_text() {
        for text in [
            "Ensure that all children in care have an up-to-date health assessment.",
            "Children\u{2019}s plans: ÉTAT",
            "Short",
        ] {
            let whole = comparable(text);
            let head = comparable_head(text);
            assert!(whole.starts_with(&head), "{text}");
            assert_eq!(head.chars().count(), whole.chars().count().min(HEAD));
            let heads = HashSet::from([head.clone()]);
            assert!(head_is_one_of(&heads, text, text.is_ascii()), "{text}");
            assert!(!head_is_one_of(&HashSet::new(), text, text.is_ascii()));
        }
    }

    #[test]
    fn letter_paragraphs_split_on_short_closing_lines() {
        let text = "Dear Ms Lewis\nOverview\nThis focused visit highlighted the need for improvement. The quality of social work\npractice and performance is too variable, and improving consistency remains a\nchallenge. Social workers strive to help children in care to remain in placements\nwhich meet their needs, promote their education and provide them with stability.\nHowever, placement choice is often limited and some children, particularly\nadolescents, are more likely to experience frequent moves.\nChallenges in maintaining a stable workforce are evident. Caseloads are too high in\nsome teams.\nYours sincerely\nMargaret Burke\n";
        let p = paras(text);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].1, "overview");
        assert!(p[1].2.starts_with("Challenges in maintaining"));
    }

    #[test]
    fn findings_skip_recommendations_and_carry_polarity() {
        let text = "What needs to improve?\n◼ The effectiveness of planning when children come into care.\n\nThe experiences and progress of children in care and care leavers: requires\nimprovement to be good\n1. Too many children wait too long for permanence, and life-story work is not\nconsistently completed.\n";
        let source = crate::input::read_bytes("x.txt", text.as_bytes()).expect("source");
        let mut doc = crate::extract::extract(&source);
        doc.findings.clear();
        extract(&source, &mut doc, true);
        assert_eq!(doc.findings.len(), 1, "{:?}", doc.findings);
        assert_eq!(doc.findings[0].id, "1");
        assert_eq!(doc.findings[0].section, "children_in_care_and_care_leavers");
        assert_eq!(doc.findings[0].polarity, Polarity::Negative);
    }
}
