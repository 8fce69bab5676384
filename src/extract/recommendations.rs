//! Recommendations: SIF and LSCB lists, ILACS 'What needs to improve', focused-visit areas
//! for action, notice requirements.
//!
//! One pass over the lines. A heading opens a list ("Recommendations", "What does the local
//! authority need to improve?", "What needs to improve?", "Areas for improvement", ...);
//! the list's items are numbered paragraphs or bullets, each running until the next item
//! marker, a known section heading, or a heading-shaped line after a finished sentence.

use std::sync::LazyLock;

use crate::pattern::Pattern;

use crate::extract::text::{
    is_ascii_space, is_running_header, join_lines, line_width, lower_contains, lower_starts_with,
    lowercase, next_word_fits, strip_bullet, strip_number,
};
use crate::input::Source;
use crate::model::{Document, Kind, Recommendation, Scope};
use std::borrow::Cow;

/// Fill this extractor's fields of `doc` from `source`.
pub fn extract(source: &Source, doc: &mut Document) {
    let lines = source.lines();
    let mut recs = if doc.kind == Kind::ImprovementNotice {
        notice_requirements(&lines)
    } else {
        Vec::new()
    };
    if recs.is_empty() {
        recs = lists(&lines, source.layout);
    }
    doc.recommendations = recs;
}

/// What a list-opening heading says about the list under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// "Recommendations": the scope comes from the section it stands in.
    Recommendations,
    /// "What does the local authority need to improve?"
    LocalAuthority,
    /// "What does the LSCB need to improve?"
    Lscb,
    /// ILACS, focused visits and JTAI: "What needs to improve (in this area of ...)?"
    WhatNeedsToImprove,
    /// A sub-list heading such as "Areas for improvement", standing alone.
    Category(&'static str),
}

/// A heading's words: trimmed, without a footnote digit stuck to its end ("What needs to
/// improve?1") or a closing '?' or ':'. They are compared without regard to case (see
/// [`comparable`]), which spares the lower-cased copy most lines would otherwise cost.
fn heading_text(t: &str) -> &str {
    t.trim()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(['?', ':', ' '])
}

/// A heading's text ready to be compared with lower-case ASCII words by
/// `eq_ignore_ascii_case`: itself when ASCII, else lower-cased (which leaves no ASCII
/// capital behind, so that the comparison is then the lower-cased text's equality).
fn comparable(h: &str) -> Cow<'_, str> {
    if h.is_ascii() {
        Cow::Borrowed(h)
    } else {
        lowercase(h)
    }
}

/// Whether the comparable heading `h` starts with `word` (lower-case ASCII).
fn starts_with_word(h: &str, word: &str) -> bool {
    h.as_bytes()
        .get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
}

/// The sub-list a category heading names, in the document's words.
fn category(line: &str) -> Option<&'static str> {
    let t = line.trim();
    if t.len() > 40 || !may_open(t) {
        return None;
    }
    category_of(&comparable(heading_text(t)))
}

/// [`category`] of a comparable heading.
fn category_of(h: &str) -> Option<&'static str> {
    let is = |words: &[&str]| words.iter().any(|w| h.eq_ignore_ascii_case(w));
    if is(&[
        "priority and immediate action",
        "priority and immediate actions",
    ]) {
        Some("priority and immediate action")
    } else if is(&["areas for improvement", "area for improvement"]) {
        Some("areas for improvement")
    } else if is(&[
        "areas for priority action",
        "area for priority action",
        "areas for priority actions",
    ]) {
        Some("areas for priority action")
    } else {
        None
    }
}

/// False for a line no opener or category heading starts like: each starts with "p",
/// "a", "r" or "w" in any case (a line starting with another char than ASCII is read in
/// full).
fn may_open(t: &str) -> bool {
    t.bytes().next().is_none_or(|b| {
        !b.is_ascii() || matches!(b.to_ascii_lowercase(), b'p' | b'a' | b'r' | b'w')
    })
}

fn opener(line: &str) -> Option<Opener> {
    let t = line.trim();
    // Every heading below starts with one of these four letters in ASCII, whatever the
    // line's case: a char other than ASCII lower-cases to no ASCII letter but "k".
    let head = t.as_bytes().get(..4).unwrap_or_default();
    if ![&b"prio"[..], b"area", b"reco", b"what"]
        .iter()
        .any(|w| head.eq_ignore_ascii_case(w))
    {
        return None;
    }
    opener_of(t)
}

/// [`opener`] of a trimmed line, without its test of the first four letters.
fn opener_of(t: &str) -> Option<Opener> {
    if t.is_empty() || t.len() > 80 || !may_open(t) {
        return None;
    }
    let h = comparable(heading_text(t));
    if t.len() <= 40 {
        if let Some(c) = category_of(&h) {
            return Some(Opener::Category(c));
        }
    }
    let is = |word: &str| h.eq_ignore_ascii_case(word);
    if is("recommendations") || is("recommendation") {
        Some(Opener::Recommendations)
    } else if is("what does the local authority need to improve") {
        Some(Opener::LocalAuthority)
    } else if is("what does the lscb need to improve") {
        Some(Opener::Lscb)
    } else if starts_with_word(&h, "what needs to improve") {
        Some(Opener::WhatNeedsToImprove)
    } else {
        None
    }
}

/// The first char of `line` trimmed, lower-cased (the first char of its lower case): what
/// the lower-cased words [`opener`] and [`is_lscb_heading`] look for start with. Checking
/// it against their first letters rules out most lines before they are trimmed and read.
fn first_letter(line: &str) -> Option<char> {
    // ASCII white space is skipped as bytes, and an ASCII letter decides at once; the
    // rest (rare) is read as `trim` and `to_lowercase` read it.
    let skip = line
        .bytes()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r'))?;
    let rest = line.get(skip..)?;
    match rest.as_bytes().first() {
        Some(b) if b.is_ascii() => Some(char::from(b.to_ascii_lowercase())),
        _ => rest.trim_start().chars().next()?.to_lowercase().next(),
    }
}

/// Whether `first` (a [`first_letter`]) is one of `letters` (ASCII, lower case).
fn starts_with_one_of(first: Option<char>, letters: &[u8]) -> bool {
    first.is_some_and(|c| c.is_ascii() && letters.contains(&(c as u8)))
}

/// First letters of the lines [`opener`] can take (see [`may_open`]).
const OPENER_LETTERS: &[u8] = b"parw";
/// First letters of the lines [`is_lscb_heading`] can take: its pattern's start words
/// and "section".
const LSCB_LETTERS: &[u8] = b"stel";

/// A heading that names the LSCB, with its grade or not.
const LSCB_HEADING_SOURCE: &str = r"(?i)^(?:section \d+:?\s*)?(?:the )?(?:effectiveness of the )?(?:local safeguarding children'?s? board|lscb)(?:\s*\(lscb\))?\s*(?:$|:|(?:is|requires)\b.{0,24}$)";

static LSCB_HEADING: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(LSCB_HEADING_SOURCE)
        .starting_with(&["section", "the", "effectiveness", "local", "lscb"])
        .requiring(&["lscb", "safeguarding"])
});

/// A heading that starts the SIF section on the Local Safeguarding Children Board: its
/// name alone, or with its grade ("The Local Safeguarding Children Board is good"), never
/// a sentence about the board ("The LSCB should establish ...").
fn is_lscb_heading(line: &str) -> bool {
    let t = line.trim();
    // "The effectiveness of the LSCB is good." may close with a full stop.
    let t = t.strip_suffix('.').unwrap_or(t);
    t.len() <= 100
        && !t.ends_with(['.', ',', ';'])
        && (may_name_the_board(t) && LSCB_HEADING.is_match(t)
            || (lower_starts_with(t, "section ")
                && lower_contains(t, "the effectiveness of the local safeguarding")))
}

/// False for lines not starting "section" that [`LSCB_HEADING`] cannot match: after an
/// optional "the " they name the board ("local safeguarding children", "lscb") or its
/// "effectiveness of the", in ASCII as the pattern's start words have it. Most lines
/// starting "The" go on otherwise ("The local authority"), and the pattern's required
/// words cost a scan of the whole line.
fn may_name_the_board(t: &str) -> bool {
    let starts = |text: &str, word: &str| {
        text.as_bytes()
            .get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
    };
    if starts(t, "section") {
        return true;
    }
    let rest = if starts(t, "the ") {
        t.get(4..).unwrap_or_default()
    } else {
        t
    };
    [
        "effectiveness of the ",
        "local safeguarding children",
        "lscb",
    ]
    .iter()
    .any(|w| starts(rest, w))
}

/// Section headings that follow a recommendations list and so end it.
const STOP_HEADINGS: &[&str] = &[
    "summary for children",
    "inspection findings",
    "information about this inspection",
    "key strengths",
    "the local authority's strengths",
    "the local authority has the following",
    "the lscb's strengths",
    "the lscb has the following",
    "what the inspection judgements mean",
    "what the inspection judgments mean",
    "the experiences and progress of",
    "executive summary",
    "yours sincerely",
    "the impact of leaders",
    "next steps",
    "inspection judgement",
    "inspection judgment",
];

fn is_stop_heading(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 100 {
        return false;
    }
    // Every heading starts with an ASCII letter; a line whose lower case does not is
    // spared their comparisons (for one that is not ASCII, each lower-cases its start).
    let ascii_start = first_letter(t).is_some_and(|c| c.is_ascii());
    // "findings" and "strengths" have no "k", the one ASCII letter a char outside ASCII
    // lower-cases to (the Kelvin sign): text equal to them in lower case is ASCII.
    (ascii_start && STOP_HEADINGS.iter().any(|w| lower_starts_with(t, w)))
        || t.eq_ignore_ascii_case("findings")
        || t.eq_ignore_ascii_case("strengths")
        || (ascii_start && lower_starts_with(t, "section ") && t.contains(':'))
        || is_lscb_heading(t)
}

/// A line that says a sub-list is empty: "The inspection did not find any areas for
/// priority and immediate action."
fn is_nothing_found(line: &str) -> bool {
    // Each phrase has "areas for": most lines are ruled out without a lower-cased copy.
    // Only ASCII letters lower-case to its letters ('K', the Kelvin sign, to 'k'; 'İ' to
    // 'i' and a dot), so an ASCII search finds it as the lower-cased text would.
    if !crate::pattern::contains_ignore_ascii_case(line.as_bytes(), b"areas for") {
        return false;
    }
    let lower = lowercase(line);
    lower.contains("did not find any areas for")
        || lower.contains("there are no areas for")
        || lower.contains("no areas for priority")
        || lower.contains("did not identify any areas for")
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .ends_with(['.', '!', '?', ')'])
}

/// Short, capitalised, without a closing full stop: how headings look.
fn heading_shaped(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 90
        && t.chars().next().is_some_and(|c| c.is_uppercase())
        && !t.ends_with(['.', ',', ';'])
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// An item marker at the start of a line.
enum Marker<'a> {
    Number(u32, &'a str),
    Bullet(&'a str),
}

fn marker(line: &str) -> Option<Marker<'_>> {
    if let Some(rest) = strip_bullet(line) {
        return Some(Marker::Bullet(rest));
    }
    let (number, rest) = strip_number(line)?;
    number.parse().ok().map(|n| Marker::Number(n, rest))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Numbered,
    Bulleted,
    /// A paragraph under "Area for priority action", possibly with sub-bullets.
    Prose,
}

struct Item<'a> {
    number: Option<u32>,
    category: Option<&'static str>,
    lines: Vec<&'a str>,
    indent: usize,
}

impl Item<'_> {
    fn open(&self) -> bool {
        self.lines.last().is_none_or(|l| !ends_sentence(l))
    }
}

/// The next non-blank line after `j`.
fn next_nonblank<'a>(lines: &[&'a str], j: usize) -> Option<&'a str> {
    lines
        .iter()
        .skip(j + 1)
        .take(8)
        .find(|l| !l.trim().is_empty())
        .copied()
}

/// A line met inside a list item, with what the list parser knows about it.
struct Line<'a> {
    raw: &'a str,
    is_marker: bool,
    is_bullet: bool,
    blank_before: bool,
}

/// The typical full line width of a document ([`line_width`]), worked out the first time
/// it is asked for: few lists ever need it, and it reads every line.
struct Width<'a> {
    lines: &'a [&'a str],
    width: std::cell::OnceCell<usize>,
}

impl<'a> Width<'a> {
    fn new(lines: &'a [&'a str]) -> Self {
        Width {
            lines,
            width: std::cell::OnceCell::new(),
        }
    }

    fn get(&self) -> usize {
        *self.width.get_or_init(|| line_width(self.lines))
    }
}

/// Whether `line` goes on with `item` (rather than ending the item or the list).
fn continues_item(
    item: &Item<'_>,
    line: Line<'_>,
    next: Option<&str>,
    kind: Option<ListKind>,
    layout: bool,
    width: &Width<'_>,
) -> bool {
    let t = line.raw.trim();
    if item.lines.is_empty() || item.open() {
        // A sentence running on, possibly over a page break; a bullet inside a numbered
        // item or a priority-action paragraph.
        return true;
    }
    if line.is_bullet || (line.is_marker && kind != Some(ListKind::Bulleted)) || t.starts_with('(')
    {
        // A sub-bullet, or a cross-reference after the full stop.
        return true;
    }
    if (line.blank_before && !layout)
        || (layout && indent(line.raw) <= item.indent && kind.is_some())
    {
        return false;
    }
    let next_starts_block = next
        .is_none_or(|n| marker(n).is_some() || n.trim().starts_with(|c: char| c.is_uppercase()));
    if heading_shaped(t) && next_starts_block {
        return false;
    }
    if kind != Some(ListKind::Bulleted) || t.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    // A bulleted item whose sentence ended at the end of a full line goes on when the
    // line break is a wrap: this line's first word would not have fitted on the last one.
    // Characters only approximate a proportional font, so "full" allows a tenth less.
    item.lines
        .last()
        .is_some_and(|l| !next_word_fits(l, t, width.get() * 9 / 10))
}

/// Parse the list that starts after the heading at `start - 1`; return its items and the
/// index of the first line not consumed.
fn parse_list<'a>(
    lines: &[&'a str],
    start: usize,
    mut cat: Option<&'static str>,
    layout: bool,
    prose_intro: bool,
    width: &Width<'_>,
) -> (Vec<Item<'a>>, usize) {
    let mut items: Vec<Item<'a>> = Vec::new();
    let mut cur: Option<Item<'a>> = None;
    let mut kind: Option<ListKind> = None;
    let mut expect: Option<u32> = None;
    let mut preamble = 0;
    let mut blank_before = false;
    // The list's own bullet; another bullet marks a sub-item ("including: - ...").
    let mut main_bullet: Option<char> = None;
    let mut j = start;
    while let Some(&raw) = lines.get(j) {
        let t = raw.trim();
        if t.is_empty() {
            blank_before = true;
            j += 1;
            continue;
        }
        if lower_starts_with(t, "the areas for improvement have been cross-referenced") {
            // The framework footnote printed under the list: skip its paragraph.
            j += 1;
            while lines
                .get(j)
                .is_some_and(|l| !l.trim().is_empty() && marker(l).is_none())
            {
                j += 1;
            }
            continue;
        }
        if t.chars().all(|c| c.is_ascii_digit()) || is_running_header(t) {
            // A page number or running header the input layer left behind.
            j += 1;
            continue;
        }
        let closed = cur.as_ref().is_none_or(|c| !c.open());
        if let Some(c) = category(t) {
            items.extend(cur.take());
            cat = Some(c);
            if c == "areas for priority action" && kind == Some(ListKind::Prose) {
                kind = None;
            }
            blank_before = false;
            j += 1;
            continue;
        }
        if (closed || heading_shaped(t)) && (is_stop_heading(t) || opener(t).is_some()) {
            break;
        }
        let awaiting_text = cur.as_ref().is_some_and(|c| c.lines.is_empty());
        if is_nothing_found(t) && (closed || awaiting_text) {
            items.extend(cur.take());
            j += 1;
            continue;
        }
        let m = marker(raw);
        match m {
            Some(Marker::Number(n, rest))
                if kind != Some(ListKind::Bulleted)
                    && kind != Some(ListKind::Prose)
                    && expect.is_none_or(|e| e == n) =>
            {
                items.extend(cur.take());
                cur = Some(Item {
                    number: Some(n),
                    category: cat,
                    lines: vec![rest].into_iter().filter(|r| !r.is_empty()).collect(),
                    indent: indent(raw),
                });
                kind = Some(ListKind::Numbered);
                expect = n.checked_add(1);
            }
            Some(Marker::Bullet(rest))
                if kind != Some(ListKind::Numbered)
                    && kind != Some(ListKind::Prose)
                    && main_bullet.is_none_or(|b| t.starts_with(b)) =>
            {
                main_bullet = t.chars().next();
                items.extend(cur.take());
                cur = Some(Item {
                    number: None,
                    category: cat,
                    lines: vec![rest].into_iter().filter(|r| !r.is_empty()).collect(),
                    indent: indent(raw),
                });
                kind = Some(ListKind::Bulleted);
            }
            _ => {
                let next = next_nonblank(lines, j);
                let next_is_item = next.is_some_and(|n| match marker(n) {
                    Some(Marker::Number(k, _)) => expect.is_none_or(|e| e == k),
                    Some(Marker::Bullet(_)) => kind != Some(ListKind::Numbered),
                    None => false,
                });
                match cur.as_mut() {
                    None => {
                        if cat == Some("areas for priority action")
                            && kind.is_none()
                            && (t.chars().count() > 50 || ends_sentence(t))
                        {
                            // A focused visit's priority action is a paragraph.
                            cur = Some(Item {
                                number: None,
                                category: cat,
                                lines: vec![t],
                                indent: indent(raw),
                            });
                            kind = Some(ListKind::Prose);
                        } else if heading_shaped(t) && preamble < 3 && next_is_item {
                            // A sub-heading ("Board operation and structure").
                            preamble += 1;
                        } else if preamble < 4
                            && items.is_empty()
                            && (heading_shaped(t) || prose_intro)
                        {
                            // A heading, or under "Recommendations" a short introduction
                            // ("The following recommendations are those that inspectors
                            // considered ...").
                            preamble += 1;
                        } else {
                            break;
                        }
                    }
                    Some(item) => {
                        let continuation = continues_item(
                            item,
                            Line {
                                raw,
                                is_marker: m.is_some(),
                                is_bullet: matches!(m, Some(Marker::Bullet(_))),
                                blank_before,
                            },
                            next,
                            kind,
                            layout,
                            width,
                        );
                        if continuation {
                            item.lines.push(t);
                        } else if heading_shaped(t)
                            && next_is_item
                            && kind == Some(ListKind::Numbered)
                        {
                            // A sub-heading between items of one list.
                            items.extend(cur.take());
                        } else {
                            break;
                        }
                    }
                }
            }
        }
        blank_before = false;
        j += 1;
    }
    items.extend(cur.take());
    items.retain(|i| !i.lines.is_empty());
    (items, j)
}

/// A national-framework cross-reference in parentheses, with the white space before it:
/// the spans of the whole and of what is inside the parentheses, for each match of the
/// pattern `(?i)\s*\(([^()]*national\s+framework[^()]*)\)` (ASCII case and white
/// space) in order. Written out because it runs over every recommendation, and the
/// pattern engines take thousands of instructions for each.
fn cross_reference_spans(text: &str) -> Vec<((usize, usize), (usize, usize))> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(b'(', rest))
        .map(|at| from + at)
    {
        let inner_start = open + 1;
        // The parenthesis closes before any other opens, or this one does not match.
        let close = bytes
            .get(inner_start..)
            .and_then(|rest| memchr::memchr2(b'(', b')', rest))
            .map(|at| inner_start + at);
        let Some(close) = close.filter(|&c| bytes.get(c) == Some(&b')')) else {
            from = inner_start;
            continue;
        };
        if !names_national_framework(bytes.get(inner_start..close).unwrap_or_default()) {
            from = inner_start;
            continue;
        }
        // The white space before the parenthesis, back to where the search started.
        let spaces = bytes
            .get(from..open)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|&&b| is_ascii_space(char::from(b)))
            .count();
        out.push(((open - spaces, close + 1), (inner_start, close)));
        from = close + 1;
    }
    out
}

/// Whether `inner` has "national", white space, "framework" (ASCII, any case).
fn names_national_framework(inner: &[u8]) -> bool {
    let mut at = 0;
    while let Some(found) = inner.get(at..).and_then(|rest| {
        rest.windows(8)
            .position(|w| w.eq_ignore_ascii_case(b"national"))
    }) {
        let after = at + found + 8;
        let rest = inner.get(after..).unwrap_or_default();
        let spaces = rest
            .iter()
            .take_while(|&&b| is_ascii_space(char::from(b)))
            .count();
        if spaces > 0
            && rest
                .get(spaces..spaces + 9)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"framework"))
        {
            return true;
        }
        at += found + 1;
    }
    false
}

/// Split an item's joined text into its text and its national-framework cross-references.
///
/// Every parenthesis naming the national framework is listed; those in the contract's
/// form, led by the outcome, enabler or principle ("(outcome 3, national framework)"),
/// leave the text. The older form led by the framework ("(National Framework, Outcome
/// 2)") is kept in the text too, as the hand-checked answers keep it.
fn split_cross_references(text: &str) -> (String, Vec<String>) {
    let mut refs = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for ((whole_start, whole_end), (inner_start, inner_end)) in cross_reference_spans(text) {
        let inner_text = text
            .get(inner_start..inner_end)
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let lower = inner_text.to_lowercase();
        let led_by_item = ["outcome", "enabler", "principle"]
            .iter()
            .any(|w| lower.starts_with(w));
        refs.push(inner_text);
        if led_by_item {
            out.push_str(text.get(last..whole_start).unwrap_or_default());
            last = whole_end;
        }
    }
    out.push_str(text.get(last..).unwrap_or_default());
    let mut out = out.trim().to_string();
    // "... workers (outcome 3, national framework)." leaves "workers ." behind.
    while let Some(p) = out.find(" .") {
        out.replace_range(p..p + 1, "");
    }
    (out, refs)
}

/// All recommendation lists of a report or letter, in document order.
fn lists(lines: &[&str], layout: bool) -> Vec<Recommendation> {
    let width = Width::new(lines);
    let mut la: Vec<Recommendation> = Vec::new();
    let mut lscb: Vec<Recommendation> = Vec::new();
    let mut in_lscb_section = false;
    let mut i = 0;
    while let Some(&line) = lines.get(i) {
        // The line's indent is skipped once here, not by each test's trim (the tests trim
        // it whole, so they read the rest of it alike).
        let body = crate::extract::text::skip_ascii_space(line);
        let first = first_letter(body);
        // Once in the LSCB section, always in it: its heading is not looked for again.
        if !in_lscb_section
            && !la.is_empty()
            && starts_with_one_of(first, LSCB_LETTERS)
            && is_lscb_heading(body)
        {
            in_lscb_section = true;
        }
        let op = if starts_with_one_of(first, OPENER_LETTERS) {
            opener(body)
        } else {
            None
        };
        let Some(op) = op else {
            i += 1;
            continue;
        };
        let scope = match op {
            Opener::LocalAuthority | Opener::WhatNeedsToImprove => Scope::LocalAuthority,
            Opener::Lscb => Scope::Lscb,
            Opener::Recommendations | Opener::Category(_) if in_lscb_section => Scope::Lscb,
            Opener::Recommendations | Opener::Category(_) => Scope::LocalAuthority,
        };
        let cat = match op {
            Opener::Category(c) => Some(c),
            _ => None,
        };
        let prose_intro = op == Opener::Recommendations;
        let (items, next) = parse_list(lines, i + 1, cat, layout, prose_intro, &width);
        if items.is_empty() {
            i += 1;
            continue;
        }
        let target = match scope {
            Scope::LocalAuthority => &mut la,
            Scope::Lscb => &mut lscb,
        };
        for item in items {
            let (text, cross_references) = split_cross_references(&join_lines(item.lines));
            let position = target.len() + 1;
            let id = match (scope, item.number) {
                (Scope::LocalAuthority, Some(n)) => n.to_string(),
                (Scope::LocalAuthority, None) => position.to_string(),
                (Scope::Lscb, Some(n)) => format!("L{n}"),
                (Scope::Lscb, None) => format!("L{position}"),
            };
            target.push(Recommendation {
                id,
                scope,
                text,
                cross_references,
                category: item.category.map(str::to_string),
            });
        }
        i = next.max(i + 1);
    }
    la.extend(lscb);
    la
}

static FAILURE_HEADING: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)^(?:failure to comply|signed\b|improvement against the above measures)",
    )
    .starting_with(&["failure", "signed", "improvement"])
});

/// A DfE improvement notice: the numbered paragraphs after "the following actions are
/// required", with their lettered sub-items as `"5.a"`, up to the assessment and failure
/// paragraphs.
fn notice_requirements(lines: &[&str]) -> Vec<Recommendation> {
    let mut out: Vec<Recommendation> = Vec::new();
    let mut started = false;
    let mut current: Option<(String, Vec<&str>)> = None;
    let mut parent: Option<String> = None;
    let flush = |cur: &mut Option<(String, Vec<&str>)>, out: &mut Vec<Recommendation>| {
        if let Some((id, body)) = cur.take() {
            let (text, cross_references) = split_cross_references(&join_lines(body));
            if !text.is_empty() {
                out.push(Recommendation {
                    id,
                    scope: Scope::LocalAuthority,
                    text,
                    cross_references,
                    category: None,
                });
            }
        }
    };
    for raw in lines {
        let t = raw.trim();
        if !started {
            if lower_contains(t, "actions are required") {
                started = true;
            }
            continue;
        }
        if FAILURE_HEADING.is_match(t) {
            break;
        }
        if t.is_empty() {
            continue;
        }
        if let Some((number, rest)) = strip_number(raw) {
            if number.chars().all(|c| c.is_ascii_digit()) {
                flush(&mut current, &mut out);
                parent = Some(number.to_string());
                current = Some((number.to_string(), vec![rest]));
                continue;
            }
            if number.len() == 1 && number.chars().all(|c| c.is_ascii_lowercase()) {
                if let Some(p) = &parent {
                    flush(&mut current, &mut out);
                    current = Some((format!("{p}.{number}"), vec![rest]));
                    continue;
                }
            }
        }
        match current.as_mut() {
            Some((_, body)) if !heading_shaped(t) || !ends_sentence(body.last().unwrap_or(&"")) => {
                body.push(t)
            }
            // A heading between requirements ("Improvement plan").
            _ => flush(&mut current, &mut out),
        }
    }
    flush(&mut current, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Strings made of `pieces`, to reach the shapes a check is about more often than
    /// random chars would.
    fn made_of(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(pieces), 0..12).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn a_line_is_read_alike_without_its_indent(text in made_of(&[
            "Recommendations", "What needs to improve", "Areas for improvement", "The LSCB",
            "RECOMMENDATION", "what does the LSCB need to improve", "Priority and immediate action",
            "Area for priority action", "\u{212a}", "\u{130}", "?", " 3",
            "The Local Safeguarding Children Board is good", "Section 3", " ", "\t", "        ",
            "\u{a0}", "\u{2003}", "x", ".", ":", "2", "\x0b",
        ])) {
            let body = crate::extract::text::skip_ascii_space(&text);
            prop_assert_eq!(body.trim(), text.trim());
            prop_assert_eq!(first_letter(body), first_letter(&text));
            prop_assert_eq!(opener(body), opener(&text));
            prop_assert_eq!(opener(&text), opener_of(text.trim()));
            prop_assert_eq!(is_lscb_heading(body), is_lscb_heading(&text));
        }

        #[test]
        fn stop_headings_are_found_as_in_the_lower_cased_line(text in made_of(&[
            "Findings", "STRENGTHS", "Key strengths", "Section 1", ": x", "Next steps", " ",
            "\u{2003}", "\u{212A}ey strengths", "\u{25FC} ", "\u{2019}", "x", "é",
        ])) {
            let t = text.trim();
            let lower = t.to_lowercase();
            let expected = t.len() <= 100
                && (STOP_HEADINGS.iter().any(|h| lower.starts_with(h))
                    || lower == "findings"
                    || lower == "strengths"
                    || (lower.starts_with("section ") && lower.contains(':'))
                    || is_lscb_heading(t));
            prop_assert_eq!(is_stop_heading(&text), expected);
        }

        #[test]
        fn cross_references_are_the_pattern_they_replace(text in made_of(&[
            "(", ")", " ", "  ", "\n", "\t", "x", "é", "national", "NATIONAL", "National",
            "framework", "Framework", "frame", "outcome 3, ", "(Outcome 4, national framework)",
            "national\nframework",
        ])) {
            let pattern = regex_lite::Regex::new(r"(?i)\s*\(([^()]*national\s+framework[^()]*)\)").unwrap();
            let expected: Vec<_> = pattern
                .captures_iter(&text)
                .map(|c| {
                    let (whole, inner) = (c.get(0).unwrap(), c.get(1).unwrap());
                    ((whole.start(), whole.end()), (inner.start(), inner.end()))
                })
                .collect();
            prop_assert_eq!(cross_reference_spans(&text), expected);
        }

        #[test]
        fn lscb_headings_are_read_as_the_pattern_alone_reads_them(text in made_of(&[
            "section 2: ", "Section ", "the ", "The ", "THE ", "effectiveness of the ",
            "Effectiveness of the ", "local safeguarding children board",
            "Local Safeguarding Children's Board", "local authority", "lscb", "LSCB",
            " (LSCB)", " is good", " requires improvement", ":", ".", "x", " ", "\u{2003}",
        ])) {
            let pattern = regex_lite::Regex::new(LSCB_HEADING_SOURCE).unwrap();
            let t = text.trim();
            let t = t.strip_suffix('.').unwrap_or(t);
            let expected = t.len() <= 100
                && !t.ends_with(['.', ',', ';'])
                && (pattern.is_match(t)
                    || (lower_starts_with(t, "section ")
                        && lower_contains(t, "the effectiveness of the local safeguarding")));
            prop_assert_eq!(is_lscb_heading(&text), expected);
        }

        #[test]
        fn first_letters_are_those_of_the_lower_cased_line(text in made_of(&[
            " ", "\t", "\u{a0}", "\u{2003}", "\u{212A}", "\u{130}", "\u{25FC}", "P", "a", "R",
            "w", "S", "t", "E", "l", "x", "1",
        ])) {
            let lower = text.trim().to_lowercase();
            for letters in [OPENER_LETTERS, LSCB_LETTERS] {
                let expected = letters.iter().any(|&l| lower.starts_with(char::from(l)));
                prop_assert_eq!(starts_with_one_of(first_letter(&text), letters), expected);
            }
        }
    }

    fn parse(text: &str, layout: bool) -> Vec<Recommendation> {
        let lines: Vec<&str> = text.lines().collect();
        lists(&lines, layout)
    }

    #[test]
    fn ilacs_bullets_with_cross_reference() {
        let text = "What needs to improve?1\n◼ The quality and robustness of management oversight to promote consistently\neffective social work (National Framework enabler two).\n◼ The effectiveness of planning when children come into care.\n(Outcome 4,\nnational framework)\n\nThe experiences and progress of children who need help and\nprotection: good\n1. Early help has been strengthened.\n";
        let r = parse(text, false);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].id, "1");
        assert_eq!(
            r[0].text,
            "The quality and robustness of management oversight to promote consistently effective social work (National Framework enabler two)."
        );
        assert_eq!(
            r[0].cross_references,
            vec!["National Framework enabler two"]
        );
        assert_eq!(
            r[1].text,
            "The effectiveness of planning when children come into care."
        );
        assert_eq!(r[1].cross_references, vec!["Outcome 4, national framework"]);
    }

    #[test]
    fn sif_numbers_alone_on_their_line() {
        let text = "Recommendations\n129.\n\nSignificantly extend the programme of joint- and single-agency audits to\nensure that the LSCB is able to identify areas.\n\n130.\n\nCarry out a multi-agency audit of early help.\n\nInspection findings – the Local Safeguarding Children Board\n136.\n\nThe last year has been busy.\n";
        let r = parse(text, false);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].id, "129");
        assert_eq!(r[1].text, "Carry out a multi-agency audit of early help.");
    }

    #[test]
    fn sif_2014_categories_and_strengths_heading() {
        let text = "What does the local authority need to improve?\nPriority and immediate action\nThe inspection did not find any areas for priority and immediate action.\nAreas for improvement\n33. Managers should offer appropriate challenge to social workers regarding their\ncase work, and this should be consistently recorded within case supervision.\n34. Professional, reflective supervision and professional development needs to be\nembedded to support social workers in their current positions and future\ncareers.\nThe local authority has the following strengths:\n35. When children are at risk of immediate harm, they receive a good service.\n";
        let r = parse(text, false);
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].id, "34");
        assert_eq!(r[1].category.as_deref(), Some("areas for improvement"));
        assert!(r[1].text.ends_with("future careers."));
    }

    #[test]
    fn sub_headings_inside_a_numbered_list() {
        let text = "What does the LSCB need to improve?\n\nBoard operation and structure\n154. Ensure the Board has a clear structure.\nPerformance information\n155. Develop the performance dataset.\n\nKey strengths and weaknesses of the LSCB\n156. The Board is chaired well.\n";
        let r = parse(text, false);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].id, "L154");
        assert_eq!(r[1].scope, Scope::Lscb);
    }

    #[test]
    fn lscb_headings_are_names_or_grades_not_sentences() {
        assert!(is_lscb_heading(
            "The Local Safeguarding Children Board (LSCB)"
        ));
        assert!(is_lscb_heading(
            "Section 2: The effectiveness of the Local Safeguarding Children Board"
        ));
        assert!(is_lscb_heading(
            "The effectiveness of the LSCB is inadequate"
        ));
        assert!(is_lscb_heading(
            "The Local Safeguarding Children Board requires improvement"
        ));
        assert!(is_lscb_heading(
            "The Local Safeguarding Children Board (LSCB) requires"
        ));
        assert!(!is_lscb_heading(
            "The LSCB is active in ensuring that policies and procedures are in place, and that it"
        ));
        assert!(!is_lscb_heading(
            "The LSCB should establish a performance dataset that ensures that it can"
        ));
    }

    #[test]
    fn running_headers_inside_a_list_are_skipped() {
        assert!(is_running_header(
            "Inspection of Halton local authority children's services"
        ));
        assert!(is_running_header(
            "13 to 24 May 2024                                2"
        ));
        assert!(!is_running_header(
            "Inspection of the effectiveness of plans."
        ));
        let text = "What needs to improve?\n◼ The quality of visiting and direct work with children and young people, including\n  life-story work.\n\nInspection of Halton local authority children's services\n13 to 24 May 2024                                                                    2\n◼ Social workers' and foster carers' access to, and completion of, relevant training,\n  so that they are supported to deliver good-quality services for children and young\n  people.\n";
        let r = parse(text, true);
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(r[1]
            .text
            .starts_with("Social workers' and foster carers' access"));
    }

    #[test]
    fn framework_footnote_inside_a_list_is_skipped() {
        let text = "What needs to improve in this area of social work practice?1\n◼ The consistency and rigour of responses to children who go missing from care\n(Outcome 3, national framework)\n1\n\nThe areas for improvement have been cross-referenced with the outcomes, enablers or principles in\nthe Children's Social Care: National Framework. This statutory guidance sets out the purpose,\nprinciples for practice and expected outcomes of children's social care.\n\n◼ Life-story work for children in long-term care (Outcome 4, national framework).\nMain findings\nChildren are supported to live within their extended kinship network.\n";
        let r = parse(text, false);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(
            r[0].text,
            "The consistency and rigour of responses to children who go missing from care"
        );
        assert_eq!(r[1].text, "Life-story work for children in long-term care.");
    }

    #[test]
    fn a_bulleted_item_goes_on_past_a_sentence_ending_a_full_line() {
        // York's joint inspection letter (2018), pdftotext: the first item's second
        // sentence starts a line after one that ends a sentence at the margin.
        let text = "Areas for improvement
\u{F0B7} When children are the subject of a referral because they may be children in need
or at risk of significant harm, this process works well for most children who
receive a timely service that is well matched to their needs. During this
inspection, inspectors did not find any child at immediate risk of significant harm
where this has not been recognised and appropriate action taken. However,
services at this early point of involvement with children are not well joined up and
any action taken can be sequential, causing cumulative delay in response.
Weaknesses in the structures and procedures for sharing information and
decision-making mean that delays occur.
\u{F0B7} The role and contribution of health providers is not well understood or used to
best effect in the children's front door.

Practice study: areas for improvement
For 17-year-old Kyle, who has complex needs, a lack of well-coordinated work.
";
        let r = parse(text, false);
        assert_eq!(r.len(), 2, "{r:#?}");
        assert!(
            r[0].text.ends_with("mean that delays occur."),
            "{}",
            r[0].text
        );
        assert!(r[1]
            .text
            .starts_with("The role and contribution of health providers"));
    }

    #[test]
    fn improvement_notice_sub_items() {
        let text = "2. To comply with this Notice, the following actions are required of the council.\nImprovement plan\n5. To ensure there is clear evidence of progression:\n - a. the content of the improvement plan must be kept up to date;\n - b. the council must ensure there is an improvement board;\n\nFailure to comply with this Improvement Notice by the assessment dates or poor progress:\n13. Should the council be unwilling.\n";
        let lines: Vec<&str> = text.lines().collect();
        let r = notice_requirements(&lines);
        let ids: Vec<&str> = r.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["5", "5.a", "5.b"]);
        assert_eq!(
            r[0].text,
            "To ensure there is clear evidence of progression:"
        );
    }
}
