//! Council, dates (published, inspection start and end, the letter's date), lead inspector and team.
//!
//! Reports name the council above or inside their title ("Metropolitan Borough of
//! Barnsley / Council / Inspection of services for children ...", "Inspection of Luton
//! local authority children's services") and print "Inspection dates:", "Report
//! published:" and "Lead inspector:" lines. Letters name it in their subject line
//! ("Focused visit to X children's services"), date themselves on a line of their own
//! above the address, and give the visit's dates and inspectors in their first sentence.
//! Notices say "This Improvement Notice is issued to X on <date>".

use crate::classify::prefix;
use crate::extract::dates::{
    first_date, iso, month_number, parse_date, parse_span, range_before, skip_space,
};
use crate::extract::text::is_ascii_space;
use crate::extract::text::{join_lines, sentences, squash};
use crate::input::Source;
use crate::model::{Document, Kind};
use crate::pattern::{Captures, Pattern};
use std::cell::OnceCell;
use std::sync::LazyLock;

/// How much of the start of the text holds the title block, the letter head and the
/// first paragraph.
const HEAD: usize = 6000;

/// Fill this extractor's fields of `doc` from `source`.
pub fn extract(source: &Source, doc: &mut Document) {
    let head = prefix(&source.text, HEAD);
    // The head as one paragraph, joined only when a field needs it: a report whose title
    // block names its council and team never does.
    let flat_cell = OnceCell::new();
    let flat = || flat_cell.get_or_init(|| join_lines(head.lines())).as_str();
    let letter = matches!(
        doc.kind,
        Kind::MonitoringVisit | Kind::FocusedVisit | Kind::JointInspection
    );

    doc.local_authority = match doc.kind {
        Kind::MonitoringVisit | Kind::FocusedVisit => visit_council(flat()),
        Kind::JointInspection => jtai_council(head, flat()),
        Kind::ImprovementNotice => notice_council(flat()),
        Kind::NewsArticle => report_council(head).or_else(|| news_council(flat())),
        _ => report_council(head),
    }
    // A text of another kind than classified still names its council in its own shape.
    .or_else(|| report_council(head))
    .or_else(|| visit_council(flat()))
    .or_else(|| jtai_council(head, flat()))
    .or_else(|| notice_council(flat()))
    .or_else(|| any_council(flat()));
    if doc.local_authority.is_none() && doc.kind != Kind::Unknown {
        doc.warnings
            .push("the council could not be found in the title block".to_string());
    }

    match doc.kind {
        Kind::ImprovementNotice => doc.document_date = notice_date(&source.text),
        // The first date of a whole head: read by numbers, not by the whole text.
        Kind::NewsArticle => doc.document_date = first_date(flat()),
        _ if letter => doc.document_date = letter_date(head),
        _ => {}
    }

    let report_span = report_dates(head);
    if let Some((start, end)) = report_span.clone() {
        doc.inspection_start = Some(start);
        doc.inspection_end = Some(end);
    } else if letter {
        if let Some((start, end, inferred)) = visit_dates(flat(), doc.document_date.as_deref()) {
            if inferred {
                doc.warnings.push(
                    "the visit's dates print no year: the year was taken from the letter's date"
                        .to_string(),
                );
            }
            doc.inspection_start = Some(start);
            doc.inspection_end = Some(end);
        }
    }

    if letter {
        fix_letter_year(doc);
    }

    doc.published = published_line(head);
    // Only reports are published under a date of their own; a text with an "Inspection
    // dates:" line is a report whatever its title.
    let report = doc.kind == Kind::Inspection || report_span.is_some();
    if doc.published.is_none() && report {
        if let Some(date) = date_in_name(&source.name) {
            doc.warnings.push(format!(
                "the report prints no publication date: {date} was read from the file name"
            ));
            doc.published = Some(date);
        } else {
            doc.warnings.push(
                "no publication date: the report prints none and its file name carries none"
                    .to_string(),
            );
        }
    }
    if doc.kind == Kind::Inspection && doc.inspection_start.is_none() {
        doc.warnings
            .push("no \"Inspection dates:\" line was found in the title block".to_string());
    }
    if (letter || doc.kind == Kind::ImprovementNotice) && doc.document_date.is_none() {
        doc.warnings
            .push("the date the letter or notice was written was not found".to_string());
    }

    let team = if report {
        report_team(&source.text)
    } else if letter {
        letter_team(flat()).or_else(|| report_team(&source.text))
    } else if matches!(doc.kind, Kind::ImprovementNotice | Kind::NewsArticle) {
        None // written by the DfE or the press, not by inspectors
    } else {
        report_team(&source.text).or_else(|| letter_team(flat()))
    };
    if let Some(team) = team {
        doc.lead_inspector = team.first().cloned();
        doc.inspectors = team;
    }
}

// ---------------------------------------------------------------- council names

/// Words printed after a council's name that are not part of it, longest first.
const COUNCIL_SUFFIXES: &[&str] = &[
    "metropolitan borough council",
    "metropolitan district council",
    "metropolitan borough",
    "metropolitan district",
    "borough council",
    "county council",
    "district council",
    "city council",
    "local safeguarding children board",
    "safeguarding children board",
    "local safeguarding children partnership",
    "safeguarding children partnership",
    "local safeguarding partnership",
    "children's services",
    "children and families trust",
    "children's services trust",
    "children's trust",
    "local authority",
    "council",
    "mbc",
    "city",
];

/// Words printed before a council's name that are not part of it.
const COUNCIL_PREFIXES: &[&str] = &[
    "metropolitan borough of ",
    "london borough of ",
    "royal borough of ",
    "borough of ",
    "county of ",
];

/// The council's short name from the phrase a document names it with: "Metropolitan
/// Borough of Barnsley Council" → "Barnsley", "Kingston upon Hull City Council" →
/// "Kingston upon Hull", "City of York Council" → "York".
pub fn short_council(raw: &str) -> Option<String> {
    let mut name = squash(raw)
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')')
        .to_string();
    if let Some(rest) = strip_prefix_ci(&name, "the ") {
        name = rest.to_string();
    }
    loop {
        let before = name.len();
        for suffix in COUNCIL_SUFFIXES {
            if let Some(rest) = strip_suffix_ci(&name, suffix) {
                if rest.ends_with(' ') && rest.trim().contains(|c: char| c.is_alphabetic()) {
                    name = rest.trim_end().to_string();
                    break;
                }
            }
        }
        if name.len() == before {
            break;
        }
    }
    for p in COUNCIL_PREFIXES {
        if let Some(rest) = strip_prefix_ci(&name, p) {
            name = rest.to_string();
            break;
        }
    }
    // "City of York Council" is York's, "City of Westminster" Westminster's: one name for
    // a council across its documents.
    if let Some(rest) = strip_prefix_ci(&name, "city of ") {
        name = rest.to_string();
    }
    let name = name.trim();
    let plausible = !name.is_empty()
        && !COUNCIL_SUFFIXES.contains(&name.to_lowercase().as_str())
        && name.len() <= 60
        && name.starts_with(|c: char| c.is_uppercase())
        && !name.chars().any(|c| c.is_ascii_digit())
        && name.split_whitespace().count() <= 6;
    plausible.then(|| lower_connectors(name))
}

/// Place names keep their joining words lower-case ("Richmond upon Thames",
/// "Southend-on-Sea") however a title capitalised them.
fn lower_connectors(name: &str) -> String {
    const CONNECTORS: [&str; 6] = ["upon", "on", "and", "of", "under", "in"];
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let parts: Vec<String> = word
            .split('-')
            .enumerate()
            .map(|(j, part)| {
                let lower = part.to_lowercase();
                if (i > 0 || j > 0) && CONNECTORS.contains(&lower.as_str()) {
                    lower
                } else {
                    part.to_string()
                }
            })
            .collect();
        out.push_str(&parts.join("-"));
    }
    out
}

fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let (head, rest) = s.split_at_checked(p.len())?;
    head.eq_ignore_ascii_case(p).then_some(rest)
}

fn strip_suffix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(p.len())?;
    let (rest, tail) = s.split_at_checked(cut)?;
    tail.eq_ignore_ascii_case(p).then_some(rest)
}

static REPORT_TITLE: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(r"(?i)^(?:re-?)?inspection of\b|^review of\b")
        .starting_with(&["re", "inspection"])
        .requiring(&["inspection", "review"])
});
static TITLE_NAMES_COUNCIL: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)^(?:re-?)?inspection of (?:the )?(.+?)(?:\s+local authority)?\s+children'?s\s+services\b",
    )
        .starting_with(&["re", "inspection"])
        .requiring(&["services"])
});
static TITLE_IS_TRUST: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)^inspection of (?:the )?(.+?\s+(?:children'?s|children and families)(?:\s+services)?\s+trust)\b",
    )
        .starting_with(&["inspection"])
        .requiring(&["trust"])
});
static TITLE_END: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(r"(?i)^(?:inspection dates?|lead inspector|report published)\b")
        .starting_with(&["inspection", "lead", "report"])
        .requiring(&["inspection", "lead", "published"])
});

/// A report's council: the lines above its title (SIF and early ILACS), else the name
/// inside the title ("Inspection of Luton local authority children's services").
fn report_council(head: &str) -> Option<String> {
    let lines: Vec<&str> = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(40)
        .collect();
    let title = lines.iter().position(|l| REPORT_TITLE.is_match(l))?;
    let (above, from_title) = lines.split_at_checked(title)?;
    if title > 0 && title <= 3 {
        if let Some(name) = short_council(&above.join(" ")) {
            return Some(name);
        }
    }
    // The title runs to the next heading, at most five lines.
    let end = from_title
        .iter()
        .position(|l| TITLE_END.is_match(l))
        .unwrap_or(from_title.len())
        .min(5);
    let title_text = squash(&from_title.get(..end)?.join(" "));
    if let Some(c) = TITLE_NAMES_COUNCIL.captures(&title_text) {
        return short_council(&c[1]);
    }
    if let Some(c) = TITLE_IS_TRUST.captures(&title_text) {
        return short_council(&c[1]);
    }
    None
}

static VISIT_SUBJECT: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(?:focused|monitoring) visit (?:to|of) (?:the )?((?:[^\s.]+\s+){1,8}?)children'?s\s+services\b",
    )
        .requiring(&["visit"])
});

/// The words [`VISIT_SUBJECT`] matches begin with.
const VISIT_SUBJECT_WORDS: &[&str] = &["focused visit ", "monitoring visit "];

/// A visit letter's council, from its subject line or first sentence ("Focused visit to
/// North Northamptonshire children's services").
fn visit_council(flat: &str) -> Option<String> {
    windowed_captures(&VISIT_SUBJECT, flat, VISIT_SUBJECT_WORDS)
        .filter_map(|(_, c)| short_council(&c[1]))
        .next()
}

/// Where `word` (ASCII, lower case) first occurs in `text` at or after byte `from`,
/// ignoring ASCII case.
fn find_word(text: &str, word: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (&first, rest) = word.as_bytes().split_first()?;
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes.get(from..)?)
        .map(|i| from + i)
        .find(|&at| {
            bytes
                .get(at + 1..at + word.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(rest))
        })
}

/// The first place at or after `from` where one of `words` begins after a word boundary
/// (as the patterns' ASCII `\b` sees one).
fn word_start(text: &str, words: &[&str], from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    words
        .iter()
        .filter_map(|w| {
            let mut at = from;
            loop {
                let found = find_word(text, w, at)?;
                let after_word_char = found
                    .checked_sub(1)
                    .and_then(|i| bytes.get(i))
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
                if !after_word_char {
                    return Some(found);
                }
                at = found + 1;
            }
        })
        .min()
}

/// The matches `pattern.captures_iter(text)` gives, each with the offset in `text` its
/// positions count from, for a pattern whose matches begin with `\b` and one of `words`
/// and hold no full stop but a last one. Each is searched for only from such a word to
/// the next full stop: the engine reads a clause, not the whole text.
fn windowed_captures<'p, 'h>(
    pattern: &'p Pattern,
    text: &'h str,
    words: &'static [&'static str],
) -> impl Iterator<Item = (usize, Captures<'h>)> + use<'p, 'h> {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(at) = word_start(text, words, from) {
            // A match beginning at `at` or later in the clause ends by its full stop; the
            // clause's start is a word boundary, as `word_start` checked.
            let end =
                memchr::memchr(b'.', text.as_bytes().get(at..)?).map_or(text.len(), |i| at + i + 1);
            let clause = text.get(at..end)?;
            if let Some(c) = pattern.captures(clause) {
                // Matches are never empty; `max` keeps the search moving should one be.
                from = at + c.get(0)?.end().max(1);
                return Some((at, c));
            }
            from = end;
        }
        None
    })
}

static JTAI_OF: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(r"(?i)^joint targeted area inspection of (?:the )?(.+)$")
        .starting_with(&["joint"])
});
static JTAI_LETTER_IN: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)joint targeted area inspection \(JTAI\) of the multi-agency responses? to .{0,200}? in ([A-Z][^.]{1,60})\.|\bwork of (?:the )?individual agencies in (?:the )?([A-Z][^.]{1,60})\.",
    )
        .requiring(&["jtai", "agencies"])
});

/// A JTAI letter's council: "Joint targeted area inspection of Barnsley", or the area
/// the title's topic is "in" ("... abuse and neglect in Cheshire West and Chester").
fn jtai_council(head: &str, flat: &str) -> Option<String> {
    let lines: Vec<&str> = head.lines().map(str::trim).collect();
    let start = lines
        .iter()
        .position(|l| strip_prefix_ci(l, "joint targeted area inspection").is_some())?;
    // The title runs until a blank line or the first sentence of the letter.
    let mut title = String::new();
    for line in lines.iter().skip(start).take(5) {
        if line.is_empty() && !title.is_empty() {
            break;
        }
        if !title.is_empty()
            && (line.starts_with("Between")
                || line.starts_with("This ")
                || line.starts_with("From ")
                || line.starts_with("In ")
                || line.starts_with("On "))
        {
            break;
        }
        title.push_str(line);
        title.push(' ');
    }
    let title = squash(&title);
    let c = JTAI_OF.captures(&title)?;
    let topic = c.get(1)?.as_str();
    let lower = topic.to_ascii_lowercase();
    if !lower.starts_with("multi-agency") {
        return short_council(topic);
    }
    if let Some((_, place)) = topic.rsplit_once(" in ") {
        if let Some(name) = short_council(place) {
            return Some(name);
        }
    }
    JTAI_LETTER_IN
        .captures(flat)
        .and_then(|c| short_council(c.get(1).or(c.get(2))?.as_str()))
}

static NOTICE_ISSUED_TO: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(?:notice|direction) is (?:issued|given) to (?:the )?(.{2,80}?) on\b",
    )
    .requiring(&["notice", "direction"])
});

/// An improvement notice's council: "This Improvement Notice is issued to Luton Council on".
fn notice_council(flat: &str) -> Option<String> {
    NOTICE_ISSUED_TO
        .captures(flat)
        .and_then(|c| short_council(&c[1]))
}

static CHILDREN_IN: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"\b(?:children|families|young people) in ([A-Z][a-z]+(?:(?:-| )(?:upon |on |and |under )?[A-Z][a-z]+){0,3})",
    )
        .requiring(&["children", "families", "young"])
});

/// Places a news article may say children live in that are not a council.
const NOT_COUNCILS: &[&str] = &["England", "Wales", "Britain", "Care", "Need", "The", "UK"];

/// A news article's council: the first council it names, else where its children live.
fn news_council(flat: &str) -> Option<String> {
    any_council(flat).or_else(|| {
        CHILDREN_IN
            .captures_iter(flat)
            .map(|c| c[1].to_string())
            .find(|n| !NOT_COUNCILS.iter().any(|x| n.starts_with(x)))
    })
}

static NAMED_COUNCIL: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"\b((?:[A-Z][a-z]+(?:-[A-Za-z]+)*\s+(?:(?:upon|on|and|&|of)\s+)?){1,4})(?:(?:Metropolitan\s+)?(?:Borough|City|County|District)\s+)?Council\b",
    )
        .requiring(&["council"])
});

/// The first "<Name> [Borough|City|County] Council" in the text.
fn any_council(flat: &str) -> Option<String> {
    NAMED_COUNCIL.captures_iter(flat).find_map(|c| {
        let name = c[1].trim();
        // "The Council", "Dear Council" and sentence openers are not names.
        let first = name.split_whitespace().next().unwrap_or("");
        if [
            "The",
            "Dear",
            "To",
            "This",
            "A",
            "Each",
            "Our",
            "Your",
            "County",
            "City",
            "Inspection",
            "Review",
            "Report",
        ]
        .contains(&first)
        {
            let rest = name.get(first.len()..).unwrap_or("").trim();
            return (!rest.is_empty())
                .then(|| short_council(&format!("{rest} Council")))
                .flatten();
        }
        short_council(&format!("{name} Council"))
    })
}

// ---------------------------------------------------------------------- dates

/// The rest of an "Inspection date(s):" line after its label, as the pattern
/// `(?i)^\s*inspection dates?\s*:?\s*(.*)$` captures it: written out, as it is tried on
/// every line of the head.
fn dates_line_value(line: &str) -> Option<&str> {
    let rest = strip_prefix_ci(line.trim_start_matches(is_ascii_space), "inspection date")?;
    let rest = rest.strip_prefix(['s', 'S']).unwrap_or(rest);
    let rest = rest.trim_start_matches(is_ascii_space);
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let rest = rest.trim_start_matches(is_ascii_space);
    // `.` stops at a line feed, and `$` is the end of the text.
    (!rest.contains('\n')).then_some(rest)
}

/// A report's "Inspection dates: 13 January 2020 to 24 January 2020" (the dates may be
/// on the following line); two separate weeks give the first day and the last.
fn report_dates(head: &str) -> Option<(String, String)> {
    let mut lines = head.lines();
    let value = lines.by_ref().find_map(dates_line_value)?;
    let mut text = value.trim().to_string();
    // The dates wrap or stand on the next non-blank line.
    for next in lines.filter(|l| !l.trim().is_empty()).take(2) {
        if ends_with_year(&text) {
            break;
        }
        text.push(' ');
        text.push_str(next.trim());
    }
    parse_span(&text)
}

/// True when a dates phrase is complete: it ends with a year ("... to 17 December" and
/// "... 2022 and" wrap onto the next line).
fn ends_with_year(text: &str) -> bool {
    static END_YEAR: LazyLock<Pattern> =
        LazyLock::new(|| crate::pattern::regex(r"\b(?:19|20)\d\d\W*$"));
    END_YEAR.is_match(text)
}

fn has_year(text: &str) -> bool {
    static YEAR: LazyLock<Pattern> = LazyLock::new(|| crate::pattern::regex(r"\b(?:19|20)\d\d\b"));
    YEAR.is_match(text)
}

static PUBLISHED: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?im)^[ \t]*(?:report published|published(?: date)?[ \t]*:)[ \t]*:?[ \t]*(.{4,40})$",
    )
    .requiring(&["published"])
});

/// "Report published: 8 August 2014" (or 08/08/2014). The pattern holds to one line, so
/// it runs line by line, and only on the lines that say "published", found by one search
/// of the head.
fn published_line(head: &str) -> Option<String> {
    let bytes = head.as_bytes();
    let mut from = 0;
    while let Some(at) = find_word(head, "published", from) {
        // Split at `\n` only, as `(?m)$` ends a line: a `\r` stays in the line.
        let start = memchr::memrchr(b'\n', bytes.get(..at)?).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', bytes.get(at..)?).map_or(head.len(), |i| at + i);
        if let Some(c) = PUBLISHED.captures(head.get(start..end)?) {
            return parse_date(&c[1]);
        }
        from = end + 1;
    }
    None
}

/// The parts of a date in a file name, as [`NAME_DATE`] (kept in the tests as the
/// reference) finds the first: day, month name and year (its first alternative), or year,
/// month and day (its second).
#[derive(Debug, PartialEq, Eq)]
enum NameDate<'n> {
    Spelt(&'n str, &'n str, &'n str),
    Numeric(&'n str, &'n str, &'n str),
}

/// Whether `b` is one of the separators `[ _.-]`.
fn name_separator(b: &u8) -> bool {
    matches!(b, b' ' | b'_' | b'.' | b'-')
}

/// The first date in a file name's stem, read by hand as [`NAME_DATE`] reads it: at each
/// place, the start of the text or a character other than a digit, then the first
/// alternative, else the second.
fn name_date(stem: &str) -> Option<NameDate<'_>> {
    let t = stem.as_bytes();
    let count = |from: usize, f: fn(&u8) -> bool| {
        t.get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| f(b))
            .count()
    };
    let digit = |b: &u8| b.is_ascii_digit();
    // After the date: a character other than a digit, or the end.
    let ends = |at: usize| !t.get(at).is_some_and(u8::is_ascii_digit);
    let part = |a: usize, b: usize| stem.get(a..b);
    for (m, c) in stem
        .char_indices()
        .map(|(i, c)| (i, Some(c)))
        .chain(std::iter::once((stem.len(), None)))
    {
        // `^` here, then a character other than a digit.
        let starts = [
            (m == 0).then_some(m),
            c.filter(|c| !c.is_ascii_digit()).map(|c| m + c.len_utf8()),
        ];
        // (\d{1,2})[ _.-]+([a-z]{3,9})[ _.-]+(\d{4})
        for d in starts.into_iter().flatten() {
            let days = count(d, digit).min(2);
            // A day of one digit before another is followed by no separator.
            if days == 0 {
                continue;
            }
            let sep = d + days;
            let month = sep + count(sep, name_separator);
            let letters = count(month, u8::is_ascii_alphabetic);
            if month == sep || !(3..=9).contains(&letters) {
                continue;
            }
            let sep = month + letters;
            let year = sep + count(sep, name_separator);
            if year > sep && count(year, digit) >= 4 && ends(year + 4) {
                return Some(NameDate::Spelt(
                    part(d, d + days)?,
                    part(month, month + letters)?,
                    part(year, year + 4)?,
                ));
            }
        }
        // (\d{4})-(\d{2})-(\d{2})
        for y in starts.into_iter().flatten() {
            let numeric = count(y, digit) >= 4
                && t.get(y + 4) == Some(&b'-')
                && count(y + 5, digit) >= 2
                && t.get(y + 7) == Some(&b'-')
                && count(y + 8, digit) >= 2
                && ends(y + 10);
            if numeric {
                return Some(NameDate::Numeric(
                    part(y, y + 4)?,
                    part(y + 5, y + 7)?,
                    part(y + 8, y + 10)?,
                ));
            }
        }
    }
    None
}

/// A date in a file name ("80426_barnsley__19_november_2018.txt" → 2018-11-19): the
/// publication date, when the collection names its files that way.
fn date_in_name(name: &str) -> Option<String> {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match name_date(stem)? {
        NameDate::Spelt(d, m, y) => iso(y.parse().ok()?, month_number(m)?, d.parse().ok()?),
        NameDate::Numeric(y, m, d) => iso(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
    }
}

/// The date of a line that is only a date, as the pattern (kept in the tests as the
/// reference)
/// `(?i)^\s*(?:date:?\s*)?(D)\s*$|\s{3,}(D)\s*$`, where `D` is
/// `\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}`, captures it: read by hand from
/// the line's end, as each part of `D` is bounded by the next.
fn date_only_line(line: &str) -> Option<&str> {
    let t = line.as_bytes();
    let space = |i: usize| t.get(i).is_some_and(|&b| is_ascii_space(char::from(b)));
    // Back over a run of bytes from `end` for which `f` holds: where it starts.
    let back = |end: usize, f: &dyn Fn(usize) -> bool| {
        (0..end).rev().take_while(|&i| f(i)).last().unwrap_or(end)
    };
    let end = back(t.len(), &space);
    let year = end.checked_sub(4)?;
    if !(year..end).all(|i| t.get(i).is_some_and(u8::is_ascii_digit)) {
        return None;
    }
    let gap = back(year, &space);
    if gap == year {
        return None;
    }
    let mut month_end = gap;
    if month_end > 0 && t.get(month_end - 1) == Some(&b',') {
        month_end -= 1;
    }
    if month_end > 0 && t.get(month_end - 1) == Some(&b'.') {
        month_end -= 1;
    }
    let letter = |i: usize| t.get(i).is_some_and(u8::is_ascii_alphabetic);
    let month = back(month_end, &letter);
    if !(3..=9).contains(&(month_end - month)) {
        return None;
    }
    let mut day_end = back(month, &space);
    if day_end == month {
        return None;
    }
    let ordinal = day_end
        .checked_sub(2)
        .and_then(|i| t.get(i..day_end))
        .is_some_and(|s| {
            ["st", "nd", "rd", "th"]
                .iter()
                .any(|o| s.eq_ignore_ascii_case(o.as_bytes()))
        });
    if ordinal {
        day_end -= 2;
    }
    let digit = |i: usize| t.get(i).is_some_and(u8::is_ascii_digit);
    let day = back(day_end, &digit);
    if !(1..=2).contains(&(day_end - day)) {
        return None;
    }
    // Before the day: only white space and an optional "date:" from the start, or at
    // least three characters of white space.
    let before = line.get(..day)?;
    let label = before.trim_start_matches(is_ascii_space);
    let label = match strip_prefix_ci(label, "date") {
        Some(rest) => rest.strip_prefix(':').unwrap_or(rest),
        None => label,
    };
    let alone = label.trim_start_matches(is_ascii_space).is_empty();
    let spaced = day >= 3 && (day - 3..day).all(space);
    (alone || spaced).then(|| line.get(day..year + 4)).flatten()
}

/// Whether `line` ends in a digit but for white space: every line [`date_only_line`]
/// matches ends in a year, and few others do.
fn ends_with_digit(line: &str) -> bool {
    line.trim_end_matches(is_ascii_space)
        .ends_with(|c: char| c.is_ascii_digit())
}

/// A letter's own date: the first line that is only a date, above the salutation.
fn letter_date(head: &str) -> Option<String> {
    for line in head.lines() {
        if line.trim_start().starts_with("Dear ") {
            break;
        }
        if !ends_with_digit(line) {
            continue;
        }
        if let Some(d) = date_only_line(line).and_then(parse_date) {
            return Some(d);
        }
    }
    None
}

static NOTICE_DATE: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(?:notice|direction) is (?:issued|given) to .{2,120}? on (\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\s+\d{4})|(?m)^\s*Date(?:d)?\s*:\s*(\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\s+\d{4})",
    )
        .requiring(&["notice", "direction", "date"])
});

/// An improvement notice's date: "is issued to X on 22 December 2015", else its "Date:".
fn notice_date(text: &str) -> Option<String> {
    let flat = join_lines(prefix(text, HEAD).lines());
    if let Some(c) = NOTICE_DATE.captures(&flat) {
        if let Some(m) = c.get(1) {
            return parse_date(m.as_str());
        }
    }
    NOTICE_DATE
        .captures_iter(text)
        .find_map(|c| c.get(2).and_then(|m| parse_date(m.as_str())))
}

/// Whether `t[i]` is a word character of the patterns' ASCII `\b`.
fn is_word_byte(t: &[u8], i: usize) -> bool {
    t.get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// Whether a word boundary (as the patterns' ASCII `\b` sees one) lies before `t[i]`.
fn boundary(t: &[u8], i: usize) -> bool {
    let before = i.checked_sub(1).is_some_and(|j| is_word_byte(t, j));
    before != is_word_byte(t, i)
}

/// Words [`VISIT_SENTENCE`]'s dates may stop before (after white space), each then
/// ending at a word boundary.
const VISIT_DATES_STOPS: &[&str] = &[
    "the",
    "his",
    "her",
    "inspectors",
    "ofsted",
    "this",
    "carried",
    "and was",
    "it was",
];

/// `\s+(\d{1,2}(?:st|nd|rd|th)?\s[^.]*?)(?:\.|,|\s+(?:STOPS)\b)` from `p` (without regard
/// to case): the dates' span and the match's end.
fn visit_dates_phrase(t: &[u8], p: usize) -> Option<((usize, usize), usize)> {
    let g = skip_space(t, p);
    if g == p {
        return None;
    }
    // The run of white space is taken whole: the dates begin with a digit.
    let digits = t
        .get(g..)?
        .iter()
        .take(2)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 {
        return None;
    }
    let d = g + digits;
    // A day of one digit before another is followed by no suffix or white space.
    let ordinal = t.get(d..d + 2).is_some_and(|s| {
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|o| s.eq_ignore_ascii_case(o.as_bytes()))
    });
    let q = [ordinal.then_some(d + 2), Some(d)]
        .into_iter()
        .flatten()
        .find(|&q| t.get(q).is_some_and(|&b| is_ascii_space(char::from(b))))?;
    // The shortest run without a full stop that an ending follows.
    let mut j = q + 1;
    while j <= t.len() {
        match t.get(j) {
            Some(b'.') | Some(b',') => return Some(((g, j), j + 1)),
            _ => {}
        }
        let w = skip_space(t, j);
        if w > j {
            if let Some(end) = VISIT_DATES_STOPS
                .iter()
                .find_map(|s| lit_at(t, w, s))
                .filter(|&e| boundary(t, e))
            {
                return Some(((g, j), end));
            }
        }
        if j == t.len() {
            break;
        }
        j += 1;
    }
    None
}

/// [`VISIT_SENTENCE`]'s match in `sentence`, read by hand: the match's span and the
/// dates'.
fn visit_sentence_match(sentence: &str) -> Option<((usize, usize), (usize, usize))> {
    let t = sentence.as_bytes();
    (0..t.len())
        .filter(|&s| {
            t.get(s)
                .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'v' | b'i' | b'b'))
                && boundary(t, s)
        })
        .find_map(|s| {
            // (?:visit|inspection)\b[^.]*?\b(?:on|between|from), the shortest that the
            // dates follow; else between.
            let word = any_lit_at(t, s, &["visit", "inspection"]).filter(|&e| boundary(t, e));
            let after_word = word.and_then(|e| {
                (e..t.len())
                    .take_while(|&x| x == e || t.get(x - 1) != Some(&b'.'))
                    .filter(|&x| boundary(t, x))
                    .filter_map(|x| any_lit_at(t, x, &["on", "between", "from"]))
                    .find_map(|p| visit_dates_phrase(t, p))
            });
            after_word
                .or_else(|| lit_at(t, s, "between").and_then(|p| visit_dates_phrase(t, p)))
                .map(|(dates, end)| ((s, end), dates))
        })
}

/// A letter's visit dates from its first sentence ("the focused visit to X children's
/// services on 18 and 19 October 2023", "Between 25 and 29 September 2017, Ofsted ...").
/// When the sentence prints no year the letter's own date supplies it (third value true).
fn visit_dates(flat: &str, letter: Option<&str>) -> Option<(String, String, bool)> {
    // Only the first sentences with a digit are tried.
    let phrase = sentences(flat)
        .into_iter()
        .take(60)
        .filter(|s| s.contains(|c: char| c.is_ascii_digit()))
        .find_map(|s| {
            let (_, (start, end)) = visit_sentence_match(s)?;
            s.get(start..end)
        })?
        .trim();
    if has_year(phrase) {
        let (s, e) = parse_span(phrase)?;
        return Some((s, e, false));
    }
    let (s, e) = range_before(phrase, letter?)?;
    Some((s, e, true))
}

/// A letter dated before its own visit is a year slip made in January ("21 January
/// 2019" for a visit in December 2019): when the next year's date follows the visit
/// within four months, that is the date meant.
fn fix_letter_year(doc: &mut Document) {
    let (Some(date), Some(end)) = (doc.document_date.as_deref(), doc.inspection_end.as_deref())
    else {
        return;
    };
    if date >= end {
        return;
    }
    let (Some(y), Some(m), Some(d)) = (
        date.get(..4).and_then(|s| s.parse::<i32>().ok()),
        date.get(5..7).and_then(|s| s.parse::<u32>().ok()),
        date.get(8..10).and_then(|s| s.parse::<u32>().ok()),
    ) else {
        return;
    };
    let Some(next) = iso(y + 1, m, d) else {
        return;
    };
    let end_y: i32 = end.get(..4).and_then(|s| s.parse().ok()).unwrap_or(0);
    let end_m: u32 = end.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(0);
    let months_after = (y + 1 - end_y) * 12 + m as i32 - end_m as i32;
    if next.as_str() > end && months_after <= 4 {
        doc.warnings.push(format!(
            "the letter is dated {date}, before its own visit ended on {end}: read as {next}"
        ));
        doc.document_date = Some(next);
    }
}

// ------------------------------------------------------------------- inspectors

/// The rest of a line of the team after its label: after spaces or tabs, one of `labels`
/// (ASCII, lower case), `optional` if it follows, then `\s*:?[ \t]*`, as the patterns
/// `(?i)^[ \t]*(?:label|...)(?:optional)?\s*:?[ \t]*(.*)$` capture it. Written out, as
/// it is tried on every line that mentions an inspector.
fn label_value<'l>(line: &'l str, labels: &[&str], optional: &str) -> Option<&'l str> {
    let rest = line.trim_start_matches([' ', '\t']);
    let rest = labels.iter().find_map(|l| strip_prefix_ci(rest, l))?;
    let rest = strip_prefix_ci(rest, optional).unwrap_or(rest);
    let rest = rest.trim_start_matches(is_ascii_space);
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let rest = rest.trim_start_matches([' ', '\t']);
    // `.` stops at a line feed, and `$` is the end of the text.
    (!rest.contains('\n')).then_some(rest)
}

/// "Lead inspector: Tracey Scott", "Reporting inspector Sarah Urding HMI".
fn lead_line_value(line: &str) -> Option<&str> {
    label_value(line, &["lead inspector", "reporting inspector"], " on site")
}

/// "Deputy lead inspector: Peter McEntee".
fn deputy_line_value(line: &str) -> Option<&str> {
    label_value(line, &["deputy lead inspector"], "s")
}

/// "Team inspectors: Fiona Millns HMI, Sean Tarpey HMI, ...".
fn team_line_value(line: &str) -> Option<&str> {
    label_value(line, &["team inspector"], "s")
}
static TEAM_STOP: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)^\s*(?:senior |shadow |data |quality |deputy |lead |regulatory |$)|:",
    )
});

/// "nspector", searched for in the whole text at once (a prebuilt searcher: a search per
/// line costs more in setting up than in searching).
static INSPECTOR: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("nspector"));

/// The lines of `text` (as `str::lines` gives them) that mention an inspector, in order,
/// each with the offset where the lines below it begin.
fn inspector_lines(text: &str) -> Vec<(&str, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut next_line = 0;
    for at in INSPECTOR.find_iter(bytes) {
        if at < next_line {
            continue; // a second mention in a line already taken
        }
        let start =
            memchr::memrchr(b'\n', bytes.get(..at).unwrap_or_default()).map_or(0, |i| i + 1);
        let (end, below) = match memchr::memchr(b'\n', bytes.get(at..).unwrap_or_default()) {
            // As `str::lines` splits: a `\r` before the `\n` is not part of the line.
            Some(i) => {
                let nl = at + i;
                let cr = nl > start && bytes.get(nl - 1) == Some(&b'\r');
                (nl - usize::from(cr), nl + 1)
            }
            None => (bytes.len(), bytes.len()),
        };
        if let Some(line) = text.get(start..end) {
            out.push((line, below));
        }
        next_line = below;
    }
    out
}

/// A report's team: "Lead inspector: Tracey Scott, His Majesty's Inspector" near the
/// title (ILACS) or in "The inspection team" at the end (SIF), then the deputy and team.
fn report_team(text: &str) -> Option<Vec<String>> {
    // Only lines that mention an inspector are tried: one cheap pass over the text.
    let labelled = inspector_lines(text);
    let below = |at: usize| text.get(at..).unwrap_or_default();
    let lead = labelled.iter().find_map(|&(line, at)| {
        // The name is on the line, or stands alone on the next non-blank line.
        let rest = lead_line_value(line)?.trim();
        if rest.is_empty() {
            below(at)
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .and_then(clean_name)
        } else {
            clean_name(rest)
        }
    })?;
    let mut team = vec![lead];
    if let Some((at, v)) = labelled
        .iter()
        .find_map(|&(line, at)| deputy_line_value(line).map(|v| (at, v)))
    {
        team.extend(split_names(&labelled_value(below(at), v)));
    }
    if let Some((at, v)) = labelled
        .iter()
        .find_map(|&(line, at)| team_line_value(line).map(|v| (at, v)))
    {
        team.extend(split_names(&labelled_value(below(at), v)));
    }
    let mut seen = Vec::new();
    team.retain(|n| {
        let fresh = !seen.contains(n);
        seen.push(n.clone());
        fresh
    });
    Some(team)
}

/// The value of a "Team inspectors:" line: `rest` (the rest of the line) and the lines
/// of `below` that continue it, or (when the label stands alone) the lines below it, up
/// to a blank line or the next label.
fn labelled_value(below: &str, rest: &str) -> String {
    let mut value = rest.trim().to_string();
    let mut below = below.lines().peekable();
    if value.is_empty() {
        while below.next_if(|l| l.trim().is_empty()).is_some() {}
    }
    for line in below.take(4) {
        if TEAM_STOP.is_match(line) || (!value.is_empty() && !list_goes_on(&value)) {
            break;
        }
        if !value.is_empty() && !value.ends_with('-') {
            value.push(' ');
        }
        value.push_str(line.trim());
    }
    value
}

/// Whether a list of names wrapped onto the next line: it ends with a separator, or in
/// the middle of a name ("..., Aelwyn" / "Pugh HMI, ..."). "..., Paul Johnston" is
/// complete, and the line after it is the next section's.
fn list_goes_on(value: &str) -> bool {
    let v = value.trim_end();
    if v.ends_with([',', ';', '-', '&']) || v.ends_with(" and") {
        return true;
    }
    let last = v.rsplit([',', ';']).next().unwrap_or(v);
    let last = last.rsplit(" and ").next().unwrap_or(last);
    last.split_whitespace().count() == 1
}

/// Where `word` (ASCII, lower case) ends if it stands at `i`, compared without ASCII case.
fn lit_at(t: &[u8], i: usize, word: &str) -> Option<usize> {
    t.get(i..i + word.len())?
        .eq_ignore_ascii_case(word.as_bytes())
        .then_some(i + word.len())
}

/// Where the first of `words` standing at `i` ends.
fn any_lit_at(t: &[u8], i: usize, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| lit_at(t, i, w))
}

/// Ends of `s?` (either case) after `i`, as a greedy `?` prefers them.
fn optional_s(t: &[u8], i: usize) -> impl Iterator<Item = usize> {
    let s = t.get(i).is_some_and(|b| b.eq_ignore_ascii_case(&b's'));
    [s.then_some(i + 1), Some(i)].into_iter().flatten()
}

/// Ends of `(?:his|her) majesty'?s inspectors?` from `i`, as the pattern prefers them.
fn majestys_inspector_ends(t: &[u8], i: usize) -> impl Iterator<Item = usize> + '_ {
    let m = any_lit_at(t, i, &["his", "her"]).and_then(|h| lit_at(t, h, " majesty"));
    m.into_iter()
        .flat_map(move |m| {
            [(t.get(m) == Some(&b'\'')).then_some(m + 1), Some(m)]
                .into_iter()
                .flatten()
        })
        .filter_map(move |a| lit_at(t, a, "s inspector"))
        .flat_map(move |e| optional_s(t, e))
}

/// Ends, as the pattern prefers them, of the phrases of [`LETTER_TEAM`] that begin at
/// `s`: the alternatives in their order, each optional part taken before left out.
fn letter_team_phrase_ends(t: &[u8], s: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    // inspectors?(?: \(HMI\))? for this visit (?:were|was)
    for i in lit_at(t, s, "inspector")
        .into_iter()
        .flat_map(|i| optional_s(t, i))
    {
        for j in [lit_at(t, i, " (hmi)"), Some(i)].into_iter().flatten() {
            if let Some(e) =
                lit_at(t, j, " for this visit ").and_then(|v| any_lit_at(t, v, &["were", "was"]))
            {
                ends.push(e);
            }
        }
    }
    // the inspectors were
    ends.extend(lit_at(t, s, "the inspectors were"));
    // (?:the (?:visit|inspection) was )?(?:carried out|conducted|undertaken) by
    // (?: (?:his|her) majesty'?s inspectors?)?
    let prefix = lit_at(t, s, "the ")
        .and_then(|i| any_lit_at(t, i, &["visit", "inspection"]))
        .and_then(|i| lit_at(t, i, " was "));
    for i in [prefix, Some(s)].into_iter().flatten() {
        if let Some(by) = any_lit_at(t, i, &["carried out", "conducted", "undertaken"])
            .and_then(|v| lit_at(t, v, " by"))
        {
            if let Some(sp) = lit_at(t, by, " ") {
                ends.extend(majestys_inspector_ends(t, sp));
            }
            ends.push(by);
        }
    }
    // (?:his|her) majesty'?s inspectors? (?:\(HMI\) )?(?:were|was)
    for i in majestys_inspector_ends(t, s) {
        if let Some(sp) = lit_at(t, i, " ") {
            for j in [lit_at(t, sp, "(hmi) "), Some(sp)].into_iter().flatten() {
                ends.extend(any_lit_at(t, j, &["were", "was"]));
            }
        }
    }
    ends
}

/// `\s+(.+?)\.(?:\s+[A-Z]|$)` (without regard to case) from `p`: the names' span and the
/// match's end.
fn letter_team_names(t: &[u8], p: usize) -> Option<((usize, usize), usize)> {
    // A full stop at `e` ends the names when the text ends after it, or white space and a
    // letter follow it; the match ends after that letter.
    let stop = |e: usize| {
        if t.get(e) != Some(&b'.') {
            return None;
        }
        let w = skip_space(t, e + 1);
        if e + 1 == t.len() {
            Some(e + 1)
        } else {
            (w > e + 1 && t.get(w).is_some_and(u8::is_ascii_alphabetic)).then_some(w + 1)
        }
    };
    let g = skip_space(t, p);
    if g == p {
        return None;
    }
    // The names after the whole run of white space: the first full stop that ends them,
    // before the line does.
    let mut e = g + 1;
    while e < t.len() && t.get(e - 1) != Some(&b'\n') {
        if let Some(end) = stop(e) {
            return Some(((g, e), end));
        }
        e += 1;
    }
    // Else the run gives back one character to the names: they end at a full stop right
    // after the run (any longer would have ended the names above, and more white space
    // given back finds no other ending).
    let last = g - 1;
    if g - p < 2 || t.get(last) == Some(&b'\n') {
        return None;
    }
    stop(g).map(|end| ((last, g), end))
}

/// [`LETTER_TEAM`]'s match in `sentence`, read by hand: the match's span and the names'.
fn letter_team_match(sentence: &str) -> Option<((usize, usize), (usize, usize))> {
    let t = sentence.as_bytes();
    (0..t.len())
        .filter(|&s| {
            t.get(s)
                .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'i' | b't' | b'c' | b'u' | b'h'))
        })
        .find_map(|s| {
            letter_team_phrase_ends(t, s)
                .into_iter()
                .find_map(|p| letter_team_names(t, p))
                .map(|(names, end)| ((s, end), names))
        })
}

/// A letter's team: "His Majesty's Inspectors for this visit were Lisa Walsh and Kendra
/// Bell." The first named is the lead.
fn letter_team(flat: &str) -> Option<Vec<String>> {
    let c = sentences(flat)
        .into_iter()
        .take(60)
        .filter(|s| s.contains("nspector") || s.contains(" by "))
        .find_map(|s| {
            let (_, (start, end)) = letter_team_match(s)?;
            s.get(start..end)
        })?;
    let names = split_names(c);
    (!names.is_empty()).then_some(names)
}

static TITLE_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(?:(?:his|her) majesty'?s (?:senior )?inspectors?(?: \(HMI\))?|(?:senior )?(?:ofsted|social care regulatory|additional) inspectors?|s?hmi|\(?(?:hmi|ai|oi|shmi)\)?|designate|\(designate\))\b",
    )
    .requiring(&["inspector", "hmi", "ai", "oi", "designate"])
});

/// Names from a list: "Lisa Walsh and Kendra Bell", "Nick Stacey HMI, Peter Green AI".
fn split_names(list: &str) -> Vec<String> {
    let no_titles = TITLE_WORDS.replace_all(list, ",");
    no_titles
        .split([',', ';'])
        .flat_map(|p| p.split(" and "))
        .filter_map(clean_name)
        .collect()
}

/// A person's name from "David Cohen, His Majesty's Inspector" or "Mandy Nightingale HMI".
fn clean_name(raw: &str) -> Option<String> {
    let cut = TITLE_WORDS
        .find(raw)
        .map_or(raw, |m| raw.get(..m.start()).unwrap_or(raw));
    let cut = cut.split([',', ';', '(']).next().unwrap_or("");
    let cut = cut.trim_start().strip_prefix("with ").unwrap_or(cut);
    let name = squash(cut)
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_string();
    let words: Vec<&str> = name.split_whitespace().collect();
    let plausible = (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || ["de", "van", "von", "der", "le", "la", "du", "da", "di"].contains(w)
        })
        && !name.chars().any(|c| c.is_ascii_digit());
    plausible.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Spans (from the start of the text) of a match's whole and of its groups.
    fn spans(offset: usize, c: &Captures<'_>, groups: usize) -> Vec<Option<(usize, usize)>> {
        (0..=groups)
            .map(|i| c.get(i).map(|m| (offset + m.start(), offset + m.end())))
            .collect()
    }

    /// Subject lines of visit letters, and the words around them.
    const SUBJECT_WORDS: &str = r"(?:(?:Focused visit to|monitoring visit of the|unfocused visit to|MONITORING VISIT OF|visit to|Luton|North East|children's services|CHILDRENS SERVICES|children's|the|é|_)[ .,]{1,2}){0,10}";
    /// Words of visit letters' first sentences.
    const VISIT_WORDS: &str = r"(?:(?:visit|Inspection|revisit|inspections|between|Between|BETWEEN|visit on 18|inspection from 2nd|Between 25|between 1st|on 18|from 1st|ON 2ND|on|From|18|123|5th|and 19|to|October 2023|the|these|his|Ofsted|inspectors|carried|it was|and was|é|_)(?: | | |, |\. |\.|  |\n|\t)){0,12}";

    /// The pattern [`visit_sentence_match`] reads by hand.
    static VISIT_SENTENCE: LazyLock<Pattern> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?i)\b(?:(?:visit|inspection)\b[^.]*?\b(?:on|between|from)|\bbetween)\s+(\d{1,2}(?:st|nd|rd|th)?\s[^.]*?)(?:\.|,|\s+(?:the|his|her|inspectors|ofsted|this|carried|and was|it was)\b)",
        )
    });
    /// Phrases of visit letters' sentences that name the inspectors.
    const TEAM_WORDS: &str = r"(?:(?:the inspection was|the visit was|carried out by|conducted by|undertaken by|UNDERTAKEN BY|His Majesty's Inspectors|her majesty's inspector|Her Majestys Inspector|his majesty|Inspectors \(HMI\) for this visit were|inspector for this visit was|\(HMI\)|The inspectors were|inspectors were|were|was|Jo Bloggs|Luton|jo|and|é|HMI|Ms\.|\.)(?:[ .,]{1,2}|  |\n| \n|\t)){0,10}";

    /// The pattern [`letter_team_match`] reads by hand.
    static LETTER_TEAM: LazyLock<Pattern> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?i)(?:inspectors?(?: \(HMI\))? for this visit (?:were|was)|the inspectors were|(?:the (?:visit|inspection) was )?(?:carried out|conducted|undertaken) by(?: (?:his|her) majesty'?s inspectors?)?|(?:his|her) majesty'?s inspectors? (?:\(HMI\) )?(?:were|was))\s+(.+?)\.(?:\s+[A-Z]|$)",
        )
    });

    /// The patterns that [`dates_line_value`] and [`label_value`] replace.
    static DATES_LINE: LazyLock<Pattern> =
        LazyLock::new(|| crate::pattern::regex(r"(?i)^\s*inspection dates?\s*:?\s*(.*)$"));
    static LEAD_LINE: LazyLock<Pattern> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?i)^[ \t]*(?:lead|reporting) inspector(?: on site)?\s*:?[ \t]*(.*)$",
        )
    });
    static DEPUTY_LINE: LazyLock<Pattern> = LazyLock::new(|| {
        crate::pattern::regex(r"(?i)^[ \t]*deputy lead inspectors?\s*:?[ \t]*(.*)$")
    });
    static TEAM_LINE: LazyLock<Pattern> =
        LazyLock::new(|| crate::pattern::regex(r"(?i)^[ \t]*team inspectors?\s*:?[ \t]*(.*)$"));

    /// The pattern [`name_date`] reads by hand.
    static NAME_DATE: LazyLock<Pattern> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?i)(?:^|[^0-9])(\d{1,2})[ _.-]+([a-z]{3,9})[ _.-]+(\d{4})(?:[^0-9]|$)|(?:^|[^0-9])(\d{4})-(\d{2})-(\d{2})(?:[^0-9]|$)",
        )
    });

    /// The pattern [`date_only_line`] reads by hand.
    static DATE_ONLY_LINE: LazyLock<Pattern> = LazyLock::new(|| {
        crate::pattern::regex(
            r"(?i)^\s*(?:date:?\s*)?(\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4})\s*$|\s{3,}(\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4})\s*$",
        )
    });

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn date_lines_are_read_as_the_pattern_reads_them(line in r"(?:|Date: |date|DATE:|London|London   |x |é\t  | ?\t)(?:1|13|123)(?:st|th|ND|xx)?[ \t]{1,2}(?:[A-Za-z]{2,10}|June|Sept\.|november|x1)\.?,?[ \t]{0,2}(?:2020|1999|20201)(?:|[ \t\x0b\r]{1,2}|\.)") {
            let expected = DATE_ONLY_LINE.captures(&line).and_then(|c| c.get(1).or(c.get(2))).map(|m| m.as_str());
            prop_assert_eq!(date_only_line(&line), expected);
        }

        #[test]
        fn file_names_are_read_as_the_pattern_reads_them(stem in r"(?:(?:80426|barnsley|19|1|123|november|NOV|Sept|septemberx|ab|2018|20185|2018-11-19|2018-1-19|02018-11-190|é|x|a1)[ _.\-/]{0,2}){0,6}") {
            let expected = NAME_DATE.captures(&stem).map(|c| {
                let g = |i: usize| c.get(i).map_or("", |m| m.as_str());
                if c.get(1).is_some() {
                    NameDate::Spelt(g(1), g(2), g(3))
                } else {
                    NameDate::Numeric(g(4), g(5), g(6))
                }
            });
            prop_assert_eq!(name_date(&stem), expected);
        }

        #[test]
        fn dates_lines_are_read_as_the_pattern_reads_them(line in r"[ \t\x0b\r\n]{0,2}(?:Inspection|INSPECTION|inspection|Inspections|x)?(?: |  |\t)?(?:dates?|DATES|Date|dateS|é)?[ \t\r\n]{0,2}:?[ \t\n]{0,2}(?:1 May 2020|é|x)?") {
            let expected = DATES_LINE.captures(&line).and_then(|c| c.get(1)).map(|m| m.as_str());
            prop_assert_eq!(dates_line_value(&line), expected);
        }

        #[test]
        fn team_lines_are_read_as_the_patterns_read_them(line in r"[ \t\x0b]{0,2}(?:Lead|LEAD|Reporting|reporting|Deputy lead|DEPUTY LEAD|Team|team|é)? ?(?:inspector|Inspectors|INSPECTORS|inspectorss)?(?: on site| ON SITE| on)?[ \t\r\n\x0b]{0,2}:?[ \t\r\n]{0,2}(?:Jo Bloggs|é|s)?") {
            let value = |p: &Pattern| p.captures(&line).and_then(|c| c.get(1)).map(|m| m.as_str());
            prop_assert_eq!(lead_line_value(&line), value(&LEAD_LINE));
            prop_assert_eq!(deputy_line_value(&line), value(&DEPUTY_LINE));
            prop_assert_eq!(team_line_value(&line), value(&TEAM_LINE));
        }

        #[test]
        fn visit_subject_windows_find_what_the_pattern_finds(text in SUBJECT_WORDS) {
            let expected: Vec<_> = VISIT_SUBJECT.captures_iter(&text).map(|c| spans(0, &c, 1)).collect();
            let found: Vec<_> = windowed_captures(&VISIT_SUBJECT, &text, VISIT_SUBJECT_WORDS).map(|(at, c)| spans(at, &c, 1)).collect();
            prop_assert_eq!(found, expected);
        }

        #[test]
        fn visit_sentences_are_read_as_the_pattern_reads_them(text in VISIT_WORDS) {
            let expected = VISIT_SENTENCE.captures(&text).map(|c| spans(0, &c, 1));
            let found = visit_sentence_match(&text).map(|(m, g)| vec![Some(m), Some(g)]);
            prop_assert_eq!(found, expected);
        }

        #[test]
        fn letter_teams_are_read_as_the_pattern_reads_them(text in TEAM_WORDS) {
            let expected = LETTER_TEAM.captures(&text).map(|c| spans(0, &c, 1));
            let found = letter_team_match(&text).map(|(m, g)| vec![Some(m), Some(g)]);
            prop_assert_eq!(found, expected);
        }

        #[test]
        fn date_lines_end_with_a_digit(line in r"[ \t]{0,4}(?:Date:? ?)?[0-9]{1,2}(?:st|th)? [A-Za-z]{2,9}\.?,? [0-9]{3,5}[ \t\x0b\r.a]{0,2}") {
            prop_assert!(!DATE_ONLY_LINE.is_match(&line) || ends_with_digit(&line));
        }

        #[test]
        fn inspector_lines_are_the_lines_that_mention_one(text in r"(?:(?:Lead|inspector|Inspectors|nspecto|é|x| |:)*[\r\n]{0,2}){0,8}") {
            let lines: Vec<&str> = text.lines().collect();
            let expected: Vec<(&str, Vec<&str>)> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.contains("nspector"))
                .map(|(i, l)| (*l, lines.get(i + 1..).unwrap_or_default().to_vec()))
                .collect();
            let found: Vec<(&str, Vec<&str>)> = inspector_lines(&text)
                .into_iter()
                .map(|(l, at)| (l, text.get(at..).unwrap_or_default().lines().collect()))
                .collect();
            prop_assert_eq!(found, expected);
        }

        #[test]
        fn published_lines_are_found_as_line_by_line(text in r"(?:(?:Report|published|PUBLISHED|Published date|:|é| |8 August 2014|x)*[\r\n]{0,2}){0,6}") {
            let expected = text
                .split('\n')
                .find_map(|line| PUBLISHED.captures(line))
                .and_then(|c| parse_date(&c[1]));
            prop_assert_eq!(published_line(&text), expected);
        }
    }

    fn team_of(text: &str) -> Option<Vec<String>> {
        report_team(text)
    }

    #[test]
    fn council_short_names() {
        let s = |r: &str| short_council(r).unwrap_or_else(|| panic!("no name in {r:?}"));
        assert_eq!(s("Metropolitan Borough of Barnsley Council"), "Barnsley");
        assert_eq!(
            s("City of Bradford Metropolitan District Council"),
            "Bradford"
        );
        assert_eq!(s("City of York Council"), "York");
        assert_eq!(s("the London Borough of Waltham Forest"), "Waltham Forest");
        assert_eq!(s("Dudley MBC"), "Dudley");
        assert_eq!(
            s("Richmond Upon Thames local authority"),
            "Richmond upon Thames"
        );
        assert_eq!(s("Southend-On-Sea"), "Southend-on-Sea");
        assert_eq!(s("Leicester city council"), "Leicester");
        assert_eq!(s("Buckinghamshire County Council"), "Buckinghamshire");
        assert_eq!(s("City of Westminster"), "Westminster");
        assert_eq!(s("Leicester City"), "Leicester");
        assert_eq!(s("Medway Children's Services"), "Medway");
        assert_eq!(s("Surrey Safeguarding Children Board"), "Surrey");
        assert_eq!(
            short_council("Inspection dates: 3 to 14 October 2022"),
            None
        );
        assert_eq!(short_council("the Council"), None);
    }

    #[test]
    fn report_councils() {
        assert_eq!(
            report_council("Metropolitan Borough of Barnsley\nCouncil\nInspection of services for children in need of help and\nprotection, children looked after and care leavers\n").as_deref(),
            Some("Barnsley")
        );
        assert_eq!(
            report_council("Inspection of Cheshire West and\nChester local authority children's\nservices\nInspection dates: 15 to 19 July 2024\n").as_deref(),
            Some("Cheshire West and Chester")
        );
        assert_eq!(
            report_council("Inspection of Buckinghamshire Council\nchildren's services\nInspection dates: 6 December 2021 to 17 December 2021\n").as_deref(),
            Some("Buckinghamshire")
        );
        assert_eq!(
            report_council("Inspection of Bradford Children and\nFamilies Trust\nInspection dates: 12 to 23 January 2026\n").as_deref(),
            Some("Bradford")
        );
        assert_eq!(
            report_council("Barnsley\nInspection of children's social care services\nInspection dates: 8 October 2018 to 19 October 2018\n").as_deref(),
            Some("Barnsley")
        );
    }

    #[test]
    fn letter_councils() {
        assert_eq!(
            visit_council("Dear Mr Watts Focused visit to North Northamptonshire children's services This letter").as_deref(),
            Some("North Northamptonshire")
        );
        assert_eq!(
            visit_council("Dear Amanda Monitoring visit to Luton Borough Council children's services This letter").as_deref(),
            Some("Luton")
        );
        assert_eq!(
            visit_council("Dear Andrew Focused visit to Slough Children First This letter summarises the findings of a focused visit to Slough children's services on 18 January 2022.").as_deref(),
            Some("Slough")
        );
        let jtai = "Dear local partnership\nJoint targeted area inspection of the multi-agency response to abuse and\nneglect in Cheshire West and Chester\nBetween 25 and 29 September 2017, Ofsted, the Care Quality Commission (CQC),\n";
        assert_eq!(
            jtai_council(jtai, &squash(jtai)).as_deref(),
            Some("Cheshire West and Chester")
        );
        let jtai = "Dear Barnsley Safeguarding Children Partnership\nJoint targeted area inspection of Barnsley\nThis letter summarises the findings\n";
        assert_eq!(
            jtai_council(jtai, &squash(jtai)).as_deref(),
            Some("Barnsley")
        );
        let jtai = "Dear local partnership\nJoint targeted area inspection of the multi-agency response to child sexual\nexploitation, children associated with gangs and at risk of exploitation and\nchildren missing from home, care or education\nBetween 12 and 16 February 2018, Ofsted, the Care Quality Commission (CQC), HMI\nThis letter to all the service leaders in the area outlines our findings about the\neffectiveness of partnership working and the work of individual agencies in\nGreenwich local authority.\n";
        assert_eq!(
            jtai_council(jtai, &squash(jtai)).as_deref(),
            Some("Greenwich")
        );
        assert_eq!(
            notice_council("This Improvement Notice is issued to Leicester City Council on 22 December 2015 following").as_deref(),
            Some("Leicester")
        );
        assert_eq!(
            news_council("The Ofsted report issued today is based on its first full inspection of LBC's children's services since 2020. children in Luton now receive a much better service").as_deref(),
            Some("Luton")
        );
        assert_eq!(
            any_council("To: NAME Leicester City Council (\"the Council\") ADDRESS").as_deref(),
            Some("Leicester")
        );
    }

    #[test]
    fn report_date_lines() {
        // A line of prose that starts with the word is no publication line.
        assert_eq!(
            published_line(" The last inspection report for the local authority's children's services was\npublished in 20 March 2015. The judgements for the local authority were:\n"),
            None
        );
        assert_eq!(
            report_dates("Inspection dates: 11 to 22 May 2026\nLead inspector: David Cohen\n"),
            Some(("2026-05-11".into(), "2026-05-22".into()))
        );
        assert_eq!(
            report_dates("Inspection date: 18 Feb 2014 – 12 March 2014\n"),
            Some(("2014-02-18".into(), "2014-03-12".into()))
        );
        assert_eq!(
            report_dates(
                "Inspection dates:\n\n15-19 July 2013\n\nReporting inspector Sarah Urding HMI\n"
            ),
            Some(("2013-07-15".into(), "2013-07-19".into()))
        );
        assert_eq!(
            report_dates("Inspection dates: 6 December 2021 to 17 December\n2021\nLead inspector: Rachel Griffiths\n"),
            Some(("2021-12-06".into(), "2021-12-17".into()))
        );
        assert_eq!(
            published_line(
                "Inspection date: 2 June 2014 – 25 June 2014\nReport published: 8 August 2014\n"
            )
            .as_deref(),
            Some("2014-08-08")
        );
        assert_eq!(
            date_in_name("corpus/80426_barnsley__19_november_2018.txt").as_deref(),
            Some("2018-11-19")
        );
        assert_eq!(date_in_name("luton_2022_news.txt"), None);
    }

    #[test]
    fn letter_dates() {
        assert_eq!(
            letter_date("www.gov.uk/ofsted\n\n22 November 2023\nDavid Watts\nDear Mr Watts\n")
                .as_deref(),
            Some("2023-11-22")
        );
        let flat = "This letter summarises the findings of the focused visit to North Northamptonshire children's services on 18 and 19 October 2023. His Majesty's Inspectors for this visit were Lisa Walsh and Kendra Bell.";
        assert_eq!(
            visit_dates(flat, Some("2023-11-22")),
            Some(("2023-10-18".into(), "2023-10-19".into(), false))
        );
        let flat =
            "Between 25 and 29 September 2017, Ofsted, the Care Quality Commission (CQC), HMI";
        assert_eq!(
            visit_dates(flat, None),
            Some(("2017-09-25".into(), "2017-09-29".into(), false))
        );
        let flat = "This letter summarises the findings of a focused visit to Coventry City Council children's services on 30 and 31 January. The inspectors were Alison Smale, HMI, and";
        assert_eq!(
            visit_dates(flat, Some("2018-02-22")),
            Some(("2018-01-30".into(), "2018-01-31".into(), true))
        );
        let flat = "This letter summarises the findings of a focused visit to Windsor and Maidenhead children's services on 27 and 28 November 2018 carried out by Linda Steele and Donna Marriott, Her Majesty's Inspectors. Inspectors reviewed";
        assert_eq!(
            visit_dates(flat, None),
            Some(("2018-11-27".into(), "2018-11-28".into(), false))
        );
        assert_eq!(
            letter_team(flat),
            Some(vec![
                "Linda Steele".to_string(),
                "Donna Marriott".to_string()
            ])
        );
        let flat = "multi-agency response to the criminal exploitation of children in Kirklees. This inspection took place from 27 June 2022 to 1 July 2022. It was carried out by";
        assert_eq!(
            visit_dates(flat, None),
            Some(("2022-06-27".into(), "2022-07-01".into(), false))
        );
        assert_eq!(
            notice_date("This Improvement Notice is issued to Luton Council on 15 January 2021 following the judgement").as_deref(),
            Some("2021-01-15")
        );
    }

    #[test]
    fn inspectors() {
        assert_eq!(
            clean_name("David Cohen, His Majesty's Inspector").as_deref(),
            Some("David Cohen")
        );
        assert_eq!(
            clean_name("Mandy Nightingale HMI").as_deref(),
            Some("Mandy Nightingale")
        );
        assert_eq!(
            team_of("The inspection team\nLead inspector on site: Pietro Battista\nReport author: Sean Tarpey\n"),
            Some(vec!["Pietro Battista".to_string()])
        );
        assert_eq!(
            team_of("Lead inspector: Emmy Tomsett\nTeam inspectors: Fiona Millns HMI, Sean Tarpey HMI, Pauline Turner HMI, Aelwyn\nPugh HMI, Stephanie Murray HMI, Paul Johnston\nInformation about this local authority area\n"),
            Some(["Emmy Tomsett", "Fiona Millns", "Sean Tarpey", "Pauline Turner", "Aelwyn Pugh", "Stephanie Murray", "Paul Johnston"].map(String::from).to_vec())
        );
        assert_eq!(
            team_of("Lead inspector: Sheena Doyle\nTeam inspectors: Brendan Parkinson, Stella Butler, Nancy Meehan, Paula Thomson-\nJones, Neil Penswick, Karen Wareing, Martin Parry\n\nQuality assurance manager: Carolyn Adcock\n").map(|t| t[4].clone()),
            Some("Paula Thomson-Jones".to_string())
        );
        assert_eq!(
            team_of("Inspection dates:\n\n15-19 July 2013\n\nReporting inspector Sarah Urding HMI\n\nAge group:\n"),
            Some(vec!["Sarah Urding".to_string()])
        );
        assert_eq!(
            team_of("Lead inspector: Jan Edwards\nHer Majesty's Inspector\n"),
            Some(vec!["Jan Edwards".to_string()])
        );
        assert_eq!(
            team_of(
                "The inspection team\nLead inspector:\n\nNigel Parkes\n\nDeputy lead inspector:\n"
            ),
            Some(vec!["Nigel Parkes".to_string()])
        );
        assert_eq!(
            team_of("The inspection team\nLead inspector: Sue Myers\nDeputy lead inspector: Peter McEntee\nTeam inspectors: Shirley Bailey, Paula Thomson-Jones, Cath McEvoy, Russ Henry, Ali\nMekki and Gary Lamb AI\nSenior data analyst: Hywel Benbow\n"),
            Some(
                [
                    "Sue Myers",
                    "Peter McEntee",
                    "Shirley Bailey",
                    "Paula Thomson-Jones",
                    "Cath McEvoy",
                    "Russ Henry",
                    "Ali Mekki",
                    "Gary Lamb"
                ]
                .map(String::from)
                .to_vec()
            )
        );
        assert_eq!(
            letter_team("His Majesty's Inspectors for this visit were Lisa Walsh and Kendra Bell. Inspectors looked"),
            Some(vec!["Lisa Walsh".to_string(), "Kendra Bell".to_string()])
        );
        assert_eq!(
            letter_team("the focused visit to Waltham Forest local authority children's services on 25 and 26 May 2022. Her Majesty's Inspectors (HMI) for this visit were Russel Breyer and Victoria Metheringham, with Teresa Godfrey, HMI designate. Inspectors looked"),
            Some(["Russel Breyer", "Victoria Metheringham", "Teresa Godfrey"].map(String::from).to_vec())
        );
        assert_eq!(
            letter_team("The inspectors were Margaret Burke, HMI, and Nick Stacey, HMI. Inspectors looked at the local authority's arrangements for children in care"),
            Some(vec!["Margaret Burke".to_string(), "Nick Stacey".to_string()])
        );
    }
}
