//! Judgement tables (SIF and ILACS, in both pdftotext modes), the SIF headline judgement
//! and the SIF judgement on the Local Safeguarding Children Board.
//!
//! The table is read as two streams in document order: the words of the row labels and
//! the words of the grades. pdftotext puts a row's grade beside its label (`-layout`),
//! after it, after all the labels, or on the middle line of a wrapped label; in every
//! case labels and grades keep the same order, so the n-th row takes the n-th grade.
//! When the counts differ, a row keeps a grade only where position alone places it (the
//! one grade between its label and the next row's, with only the last rows left
//! without); otherwise nothing is taken from the table. Unknown, garbled or out-of-order
//! rows are left out with a warning: a missing grade is better than a wrong one.
//!
//! Judgements only reported by letters, notices and news are `letters.rs`'s business.

use crate::classify::prefix;
use crate::extract::text::{is_ascii_space, lower_starts_with, lowercase, squash};
use crate::input::Source;
use crate::model::{Area, Document, Framework, Grade, Judgement, Kind};
use crate::pattern::Pattern;
use std::sync::LazyLock;

/// The title block of a report: where a SIF report says it includes the LSCB review.
const TITLE_BLOCK: usize = 1500;

/// The judgement table and the SIF headline sit on the first pages.
const HEAD_LINES: usize = 250;
/// Fewest leading spaces of a `-layout` grade column.
const GRADE_COLUMN: usize = 20;
/// A table longer than this many lines is not a judgement table.
const MAX_TABLE_LINES: usize = 80;

/// Fill `doc.judgements` from the judgement table of a full inspection report.
pub fn extract(source: &Source, doc: &mut Document) {
    if doc.kind != Kind::Inspection {
        return;
    }
    let lines = source.lines();
    let head = lines.get(..HEAD_LINES).unwrap_or(&lines);
    let mut found: Vec<(Area, Grade)> = Vec::new();
    let sif = doc.framework == Some(Framework::Sif);
    if sif {
        match sif_headline(head) {
            Some(grade) => found.push((Area::OverallEffectiveness, grade)),
            None => doc.warnings.push(
                "the overall judgement (\"Children's services in ... are ...\") was not found"
                    .to_string(),
            ),
        }
    }
    let table = read_table(head);
    found.extend(table.rows);
    doc.warnings.extend(table.warnings);
    // Only reports whose title names the review of the LSCB judge it; re-inspections
    // mention the board without judging it.
    if sif && reviews_the_lscb(prefix(&source.text, TITLE_BLOCK)) {
        match lscb(&lines) {
            Ok(Some(grade)) => found.push((Area::Lscb, grade)),
            Ok(None) => doc.warnings.push(
                "the report reviews the LSCB but its judgement (\"The Local Safeguarding \
                 Children Board is ...\") was not found"
                    .to_string(),
            ),
            Err(warning) => doc.warnings.push(warning),
        }
    }
    let judgements = distinct(found, &mut doc.warnings);
    doc.judgements.extend(judgements);
}

/// The judgements, each area once; an area given two different grades is left out.
fn distinct(found: Vec<(Area, Grade)>, warnings: &mut Vec<String>) -> Vec<Judgement> {
    let mut out: Vec<Judgement> = Vec::new();
    let mut conflicted: Vec<Area> = Vec::new();
    for (area, grade) in found {
        if conflicted.contains(&area) {
            continue;
        }
        match out.iter().position(|j| j.area == area) {
            Some(i) if out.get(i).is_some_and(|j| j.grade == grade) => {}
            Some(i) => {
                out.remove(i);
                conflicted.push(area);
                warnings.push(format!(
                    "the {} judgement is given two different grades; left out",
                    area.as_str()
                ));
            }
            None => out.push(Judgement {
                area,
                grade,
                reported: false,
            }),
        }
    }
    out
}

/// Words of the row labels of both frameworks' judgement tables.
const LABEL_WORDS: &[&str] = &[
    "the",
    "impact",
    "of",
    "leaders",
    "on",
    "social",
    "work",
    "practice",
    "with",
    "children",
    "and",
    "families",
    "experiences",
    "progress",
    "who",
    "need",
    "help",
    "protection",
    "in",
    "care",
    "leavers",
    "overall",
    "effectiveness",
    "young",
    "people",
    "looked",
    "after",
    "achieving",
    "permanence",
    "adoption",
    "performance",
    "leadership",
    "management",
    "governance",
];

/// Words grades are printed with ("Requires improvement to be good", "Inadequate").
const GRADE_WORDS: &[&str] = &[
    "requires",
    "require",
    "improvement",
    "to",
    "be",
    "good",
    "inadequate",
    "outstanding",
];

static CELL_GAP: LazyLock<Pattern> = LazyLock::new(|| crate::pattern::regex(r"\s{2,}"));

/// SIF row numbers: "1.", "2.1" (the pattern `^\d(?:\.\d)?\.?$`, written out: it is
/// asked of every word of the table).
fn is_row_number(word: &str) -> bool {
    match word.as_bytes() {
        [d] | [d, b'.'] => d.is_ascii_digit(),
        [d, b'.', e] | [d, b'.', e, b'.'] => d.is_ascii_digit() && e.is_ascii_digit(),
        _ => false,
    }
}
static TABLE_START: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(r"(?i)^(?:the impact of leaders\b|1\.?\s+children who need help\b)")
        .starting_with(&["the", "1"])
        .requiring(&["leaders", "children"])
});
/// Where the grades are in lower-case text: the spans of the matches of the pattern
/// `requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|outstanding|good`, in
/// order. Written out: every table's grade words are read so, and a pattern engine costs
/// far more than comparing a few words.
fn grade_spans(lower: &str) -> Vec<(usize, usize)> {
    let bytes = lower.as_bytes();
    let mut spans = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match grade_at(bytes, at) {
            Some(end) => {
                spans.push((at, end));
                at = end;
            }
            None => at += 1,
        }
    }
    spans
}

/// The end of the grade starting at `at`, the pattern's alternatives tried in order.
fn grade_at(bytes: &[u8], at: usize) -> Option<usize> {
    let word = |from: usize, w: &[u8]| {
        bytes
            .get(from..from + w.len())
            .filter(|h| *h == w)
            .map(|_| from + w.len())
    };
    // `\s+`: what follows it is never white space, so it takes the whole run.
    let spaces = |from: usize| {
        let n = bytes
            .get(from..)?
            .iter()
            .take_while(|&&b| is_ascii_space(char::from(b)))
            .count();
        (n > 0).then_some(from + n)
    };
    if let Some(end) = word(at, b"require") {
        // `s?` then `\s+`: without the "s", a space would have to stand where it is.
        let end = word(end, b"s").unwrap_or(end);
        if let Some(end) = spaces(end).and_then(|e| word(e, b"improvement")) {
            let to_be_good = spaces(end)
                .and_then(|e| word(e, b"to"))
                .and_then(spaces)
                .and_then(|e| word(e, b"be"))
                .and_then(spaces)
                .and_then(|e| word(e, b"good"));
            return Some(to_be_good.unwrap_or(end));
        }
    }
    [&b"inadequate"[..], b"outstanding", b"good"]
        .iter()
        .find_map(|w| word(at, w))
}

/// Row labels (lower case, spaces collapsed) and their areas: each label is its parts
/// in order, each part one of its spellings ("" where it may be left out). Compared as
/// strings rather than patterns, as every row of every table is looked up.
const ROWS: &[(&[&[&str]], Area)] = &[
    (
        &[
            &["the impact of leaders on "],
            &["social work ", ""],
            &["practice with children and families"],
        ],
        Area::ImpactOfLeaders,
    ),
    (
        &[
            &["the experiences and progress of children"],
            &[" and young people", ""],
            &[" who need", " in need of"],
            &[" help and protection"],
        ],
        Area::HelpAndProtection,
    ),
    (
        &[&["the experiences and progress of children in care and care leavers"]],
        Area::ChildrenInCareAndCareLeavers,
    ),
    (
        &[&["the experiences and progress of children in care"]],
        Area::ChildrenInCare,
    ),
    (
        &[
            &["the experiences and progress of "],
            &["children ", ""],
            &["care leavers"],
        ],
        Area::CareLeavers,
    ),
    (&[&["overall effectiveness"]], Area::OverallEffectiveness),
    (
        &[
            &["1"],
            &[".", ""],
            &[" children who need help and protection"],
        ],
        Area::HelpAndProtection,
    ),
    (
        &[
            &["2"],
            &[".", ""],
            &[" children looked after and achieving permanence"],
        ],
        Area::ChildrenLookedAfter,
    ),
    (
        &[&["2.1"], &[".", ""], &[" adoption performance"]],
        Area::Adoption,
    ),
    (
        &[
            &["2.2"],
            &[".", ""],
            &[" experiences and progress of care leavers"],
        ],
        Area::CareLeavers,
    ),
    (
        &[
            &["3"],
            &[".", ""],
            &[" leadership"],
            &[",", ""],
            &[" management"],
            &[",", ""],
            &[" and governance"],
        ],
        Area::LeadershipManagementGovernance,
    ),
];

/// Whether `text` is one spelling of `parts` (see [`ROWS`]).
fn spells(text: &str, parts: &[&[&str]]) -> bool {
    match parts.split_first() {
        None => text.is_empty(),
        Some((spellings, rest)) => spellings.iter().any(|s| {
            text.strip_prefix(s)
                .is_some_and(|after| spells(after, rest))
        }),
    }
}

/// The area a row label names, if it is one of the table's rows.
pub fn row_area(label: &str) -> Option<Area> {
    let label = squash(label).to_lowercase();
    ROWS.iter()
        .find(|(parts, _)| spells(&label, parts))
        .map(|(_, area)| *area)
}

/// What one cell of a table line holds.
#[derive(Debug, PartialEq, Eq)]
enum Cell<'a> {
    Label(&'a str),
    Grade(&'a str),
    /// A row label and its grade in one cell ("Overall effectiveness Good").
    Both(&'a str, &'a str),
    /// Column headings and page numbers.
    Skip,
    /// Anything else: the table has ended.
    Other,
}

fn is_label_word(word: &str) -> bool {
    is_row_number(word) || LABEL_WORDS.contains(&&*lowercase(word.trim_end_matches(',')))
}

fn is_grade_word(word: &str) -> bool {
    GRADE_WORDS.contains(&&*lowercase(word.trim_end_matches('.')))
}

fn cell(text: &str) -> Cell<'_> {
    let lower = text.to_lowercase();
    if matches!(
        lower.as_str(),
        "judgement" | "judgements" | "grade" | "grades" | "judgement grade"
    ) || text.chars().all(|c| c.is_ascii_digit())
    {
        return Cell::Skip;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.iter().all(|w| is_grade_word(w)) {
        return Cell::Grade(text);
    }
    match words.iter().position(|w| !is_label_word(w)) {
        None => Cell::Label(text),
        Some(0) => Cell::Other,
        Some(i) => match words.get(i..) {
            Some(rest @ [first, ..]) if rest.iter().all(|w| is_grade_word(w)) => {
                // Split at the start of the i-th word.
                let at = text.match_indices(first).map(|(pos, _)| pos).find(|&pos| {
                    text.get(..pos)
                        .is_some_and(|before| before.split_whitespace().count() == i)
                });
                match at.and_then(|pos| text.split_at_checked(pos)) {
                    Some((label, grade)) => Cell::Both(label.trim_end(), grade),
                    None => Cell::Other,
                }
            }
            _ => Cell::Other,
        },
    }
}

/// The cells of a line: `-layout` columns are separated by two spaces or more.
fn cells(line: &str) -> Vec<Cell<'_>> {
    CELL_GAP
        .split(line.trim())
        .filter(|c| !c.is_empty())
        .map(cell)
        .collect()
}

/// The rows read from a judgement table, and what could not be read.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TableRead {
    pub rows: Vec<(Area, Grade)>,
    pub warnings: Vec<String>,
}

/// The line the judgement table's first row starts on.
fn table_start(lines: &[&str]) -> Option<usize> {
    lines.iter().enumerate().position(|(i, l)| {
        let t = l.trim();
        TABLE_START.is_match(t)
            || (is_row_number(t)
                && t.starts_with('1')
                && lines
                    .get(i + 1..)
                    .and_then(|rest| rest.iter().map(|l| l.trim()).find(|l| !l.is_empty()))
                    .is_some_and(|next| TABLE_START.is_match(&format!("1. {next}"))))
    })
}

/// What the table region holds, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'a> {
    /// A word of a row label, lower case.
    Word(String),
    /// Grade words ("Requires improvement to", "be good").
    Grade(&'a str),
    /// The end of a line whose label words pdftotext spread over several columns.
    Garbled,
}

/// One row of the table as read: its label, whether it is garbled, and the grade words
/// that came between its first word and the next row's.
#[derive(Debug, Default)]
struct Row<'a> {
    label: String,
    garbled: bool,
    grades: Vec<&'a str>,
}

/// Lines looked through past the end of a table that is not finished (a page break, a
/// footnote) for the rest of it.
const RESUME_WINDOW: usize = 12;

/// Read the first judgement table in `lines`.
pub fn read_table(lines: &[&str]) -> TableRead {
    let mut read = TableRead::default();
    let Some(first) = table_start(lines) else {
        read.warnings
            .push("no judgement table was found in the report".to_string());
        return read;
    };
    // In `-layout` text a grade printed level with the middle of its wrapped label comes
    // a line before the label, far to the right (unlike the end of a wrapped headline).
    // Without the indentation (tabs, collapsed spaces) the line is still taken when it
    // is the start of a grade ("Requires") that the lines below complete.
    let mut start = first;
    while let Some(&line) = start.checked_sub(1).and_then(|above| lines.get(above)) {
        let indent: usize = line
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 8 } else { 1 })
            .sum();
        let prev = cells(line);
        let opening = lower_starts_with(line.trim(), "require") && parse_grades(line).is_none();
        if (indent >= GRADE_COLUMN || opening)
            && !prev.is_empty()
            && prev.iter().all(|c| matches!(c, Cell::Grade(_)))
        {
            start -= 1;
        } else {
            break;
        }
    }
    let pieces = table_pieces(lines, start);
    let (before, mut rows) = split_rows(&pieces);
    // A row number printed apart from its label ("3." above "2.1 Adoption performance"
    // in text mode) heads no row of its own; the label follows in its place.
    rows.retain(|r| !(r.grades.is_empty() && r.label.split_whitespace().all(is_row_number)));
    let all: Vec<&str> = before
        .iter()
        .chain(rows.iter().flat_map(|r| r.grades.iter()))
        .copied()
        .collect();
    let grades: Vec<Option<Grade>> = match parse_grades(&all.join(" ")) {
        Some(grades) if grades.len() == rows.len() => grades.into_iter().map(Some).collect(),
        _ => match by_position(&before, &rows) {
            Some(grades) => {
                read.warnings.push(format!(
                    "the judgement table has {} rows but grades \"{}\"; only rows with their \
                     grade beside them were read",
                    rows.len(),
                    all.join(" ")
                ));
                grades
            }
            None => {
                read.warnings.push(format!(
                    "the judgement table's {} rows and grades \"{}\" do not pair up; left out",
                    rows.len(),
                    all.join(" ")
                ));
                return read;
            }
        },
    };
    let mut areas: Vec<Option<Area>> = Vec::new();
    for row in &rows {
        areas.push(row_area(&row.label));
    }
    // Rows come in the table's fixed order; anything else means scrambled text.
    let order: Vec<usize> = areas.iter().flatten().map(|a| row_rank(*a)).collect();
    if !order.is_sorted_by(|a, b| a < b) {
        read.warnings
            .push("the judgement table's rows are out of order; left out".to_string());
        return read;
    }
    for ((row, area), grade) in rows.iter().zip(areas).zip(grades) {
        let label = squash(&row.label);
        match (area, grade) {
            _ if row.garbled => read.warnings.push(format!(
                "the judgement table row \"{label}\" is garbled; left out"
            )),
            (None, _) => read.warnings.push(format!(
                "the judgement table row \"{label}\" is not a known judgement; left out"
            )),
            (Some(_), None) => read.warnings.push(format!(
                "the judgement table row \"{label}\" has no grade that can be placed; left out"
            )),
            (Some(area), Some(grade)) => read.rows.push((area, grade)),
        }
    }
    read
}

/// The place of `area` in the order judgement tables list their rows.
fn row_rank(area: Area) -> usize {
    const ORDER: [Area; 10] = [
        Area::ImpactOfLeaders,
        Area::HelpAndProtection,
        Area::ChildrenInCareAndCareLeavers,
        Area::ChildrenInCare,
        Area::ChildrenLookedAfter,
        Area::Adoption,
        Area::CareLeavers,
        Area::LeadershipManagementGovernance,
        Area::OverallEffectiveness,
        Area::Lscb,
    ];
    ORDER.iter().position(|a| *a == area).unwrap_or(ORDER.len())
}

/// The pieces of the table that starts at `start`, to the first line that is not part
/// of it; past a page break or footnote when the table is not finished.
fn table_pieces<'a>(lines: &[&'a str], start: usize) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    let mut i = start;
    let end = lines.len().min(start + MAX_TABLE_LINES);
    while i < end {
        let Some(&line) = lines.get(i) else {
            break;
        };
        let line_cells = cells(line);
        if line_cells.contains(&Cell::Other) {
            match resume_at(lines, i, end, &pieces) {
                Some(next) => {
                    i = next;
                    continue;
                }
                None => break,
            }
        }
        // A bare row number ("1.") before a label is one column in `-layout` text.
        let label_cells = line_cells
            .iter()
            .filter(|c| match c {
                Cell::Label(l) => !is_row_number(l),
                Cell::Both(..) => true,
                _ => false,
            })
            .count();
        for c in line_cells {
            match c {
                Cell::Label(l) => {
                    pieces.extend(l.split_whitespace().map(|w| Piece::Word(w.to_lowercase())))
                }
                Cell::Grade(g) => pieces.push(Piece::Grade(g)),
                Cell::Both(l, g) => {
                    pieces.extend(l.split_whitespace().map(|w| Piece::Word(w.to_lowercase())));
                    pieces.push(Piece::Grade(g));
                }
                Cell::Skip | Cell::Other => {}
            }
        }
        if label_cells > 1 {
            pieces.push(Piece::Garbled);
        }
        i += 1;
    }
    pieces
}

/// Where an unfinished table goes on after the line `at` that interrupts it: the next
/// line within [`RESUME_WINDOW`] that starts a row or holds only grades.
fn resume_at(lines: &[&str], at: usize, end: usize, pieces: &[Piece]) -> Option<usize> {
    let (before, rows) = split_rows(pieces);
    let last = rows.last().and_then(|r| row_area(&r.label));
    let finished = matches!(
        last,
        Some(Area::OverallEffectiveness | Area::LeadershipManagementGovernance)
    );
    let grades: Vec<&str> = before
        .iter()
        .chain(rows.iter().flat_map(|r| r.grades.iter()))
        .copied()
        .collect();
    let paired = parse_grades(&grades.join(" ")).is_some_and(|g| g.len() == rows.len());
    if finished && paired {
        return None;
    }
    (at + 1..end.min(at + 1 + RESUME_WINDOW)).find(|&j| {
        let Some(&line) = lines.get(j) else {
            return false;
        };
        let c = cells(line);
        let only_grades = !c.is_empty() && c.iter().all(|c| matches!(c, Cell::Grade(_)));
        let starts_row = matches!(c.first(), Some(Cell::Label(_) | Cell::Both(..)))
            && !c.contains(&Cell::Other)
            && ROW_START.is_match(line.trim());
        only_grades || starts_row
    })
}

static ROW_START: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)^(?:the impact of leaders\b|the experiences and progress of\b|overall effectiveness\b|\d(?:\.\d)?\.?\s+[a-z])",
    )
        .starting_with(&["the", "overall", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
});

/// Grades paired with rows by position alone, when the grade count does not match the
/// row count: each row takes the one grade that came between its label and the next
/// row's. Only when every grade is found so, and the rows left without one are the last.
fn by_position(before: &[&str], rows: &[Row]) -> Option<Vec<Option<Grade>>> {
    if !before.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    let mut ended = false;
    for row in rows {
        let grades = parse_grades(&row.grades.join(" "))?;
        match grades.as_slice() {
            [] => {
                ended = true;
                out.push(None);
            }
            [grade] if !ended => out.push(Some(*grade)),
            _ => return None,
        }
    }
    Some(out)
}

/// Cut the pieces into rows at each row's first words; grades before the first row are
/// returned apart.
fn split_rows<'a>(pieces: &[Piece<'a>]) -> (Vec<&'a str>, Vec<Row<'a>>) {
    const STARTS: &[&[&str]] = &[
        &["the", "impact", "of"],
        &["the", "experiences", "and", "progress", "of"],
        &["overall", "effectiveness"],
        // SIF row 3 when pdftotext moved its number away.
        &["leadership,", "management"],
    ];
    let words: Vec<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Word(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    let mut before = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut w = 0;
    for piece in pieces {
        match piece {
            Piece::Word(word) => {
                let rest = words.get(w..).unwrap_or(&[]);
                w += 1;
                let numbered = w >= 2 && words.get(w - 2).is_some_and(|p| is_row_number(p));
                let starts = is_row_number(word)
                    || (!numbered && STARTS.iter().any(|s| rest.starts_with(s)));
                match rows.last_mut() {
                    Some(row) if !starts => {
                        row.label.push(' ');
                        row.label.push_str(word);
                    }
                    _ => rows.push(Row {
                        label: word.clone(),
                        ..Row::default()
                    }),
                }
            }
            Piece::Grade(g) => match rows.last_mut() {
                Some(row) => row.grades.push(g),
                None => before.push(*g),
            },
            Piece::Garbled => {
                if let Some(row) = rows.last_mut() {
                    row.garbled = true;
                }
            }
        }
    }
    (before, rows)
}

/// Split the grade words of a table into grades; `None` when words are left over.
fn parse_grades(text: &str) -> Option<Vec<Grade>> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let mut last = 0;
    for (start, end) in grade_spans(&lower) {
        if !lower.get(last..start)?.trim().is_empty() {
            return None;
        }
        out.push(grade_of(lower.get(start..end)?)?);
        last = end;
    }
    if !lower
        .get(last..)?
        .trim_matches(|c: char| c.is_whitespace() || c == '.')
        .is_empty()
    {
        return None;
    }
    Some(out)
}

/// The grade named by `words` ("Requires improvement to be good", "inadequate").
pub fn grade_of(words: &str) -> Option<Grade> {
    let w = squash(words).to_lowercase();
    let w = w.trim_end_matches('.');
    match w {
        "outstanding" => Some(Grade::Outstanding),
        "good" => Some(Grade::Good),
        "inadequate" => Some(Grade::Inadequate),
        "requires improvement"
        | "require improvement"
        | "requires improvement to be good"
        | "require improvement to be good"
        | "improvement"
        | "improvement to be good" => Some(Grade::RequiresImprovement),
        _ => None,
    }
}

/// Whether a title block names the review of the LSCB: "review of the effectiveness of
/// the local safeguarding children board", the words apart by any white space, in any
/// ASCII case (the same as `(?i)review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding\s+children\s+board`).
fn reviews_the_lscb(text: &str) -> bool {
    use crate::classify::{after_spaces, after_word};
    let b = text.as_bytes();
    memchr::memchr2_iter(b'r', b'R', b).any(|at| {
        let Some(mut rest) = b.get(at..).and_then(|r| after_word(r, "review")) else {
            return false;
        };
        for word in [
            "of",
            "the",
            "effectiveness",
            "of",
            "the",
            "local",
            "safeguarding",
            "children",
            "board",
        ] {
            match after_spaces(rest).and_then(|r| after_word(r, word)) {
                Some(r) => rest = r,
                None => return false,
            }
        }
        true
    })
}

/// The SIF headline: "The overall judgement is requires improvement", "Children's
/// services in Somerset require improvement to be good", "... are inadequate".
static SIF_HEADLINE: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)^(?:the overall judgement is (?:that children's services (?:are |is )?)?|children's services (?:in .{1,100}? )?(?:are|is) |children's services (?:in .{1,100}? )?(?:requires?) )((?:requires? )?improvement(?: to be good)?|inadequate|good|outstanding)\.?\d{0,2}$",
    )
        .starting_with(&["the", "children"])
        .requiring(&["services", "judgement"])
});

/// The SIF LSCB judgement, read by hand: "The effectiveness of the Local Safeguarding Children Board
/// (LSCB) is requires improvement", "The Local Safeguarding Children Board is good".
/// the same as the group of `(?i)^the (?:effectiveness of the )?(?:local safeguarding
/// children board(?: \(lscb\))?|lscb) (?:is |are )?(requires? improvement(?: to be
/// good)?|inadequate|good|outstanding)\.?$` read by [`grade_of`].
fn lscb_headline_grade(text: &str) -> Option<Grade> {
    use crate::classify::after_word;
    let b = after_word(text.as_bytes(), "the ")?;
    let b = after_word(b, "effectiveness of the ").unwrap_or(b);
    let b = match after_word(b, "local safeguarding children board") {
        Some(r) => after_word(r, " (lscb)").unwrap_or(r),
        None => after_word(b, "lscb")?,
    };
    let b = after_word(b, " ")?;
    let b = after_word(b, "is ")
        .or_else(|| after_word(b, "are "))
        .unwrap_or(b);
    let ends = |r: &[u8]| matches!(r, b"" | b".");
    if let Some(r) = after_word(b, "require") {
        let r = after_word(r, "s").unwrap_or(r);
        let r = after_word(r, " improvement")?;
        let r = after_word(r, " to be good")
            .filter(|r| ends(r))
            .unwrap_or(r);
        return ends(r).then_some(Grade::RequiresImprovement);
    }
    [
        ("inadequate", Grade::Inadequate),
        ("good", Grade::Good),
        ("outstanding", Grade::Outstanding),
    ]
    .iter()
    .find_map(|(w, g)| after_word(b, w).filter(|r| ends(r)).map(|_| *g))
}

/// Lines a headline sentence may wrap onto.
const HEADLINE_WRAPS: usize = 2;

fn headline_grade(re: &Pattern, text: &str) -> Option<Grade> {
    grade_of(re.captures(text)?.get(1)?.as_str())
}

/// The grades of the lines starting with `first_word` whose sentence (wrapped over up to
/// three lines) matches `re`, in document order. When `openings` are given, the sentence
/// must go on with one of them after `first_word`: the line goes on with one, or ends
/// inside one.
fn headline_grades<'a>(
    lines: &'a [&'a str],
    read: impl Fn(&str) -> Option<Grade> + 'a,
    first_word: &'a str,
    openings: &'a [&'a str],
) -> impl Iterator<Item = Grade> + 'a {
    lines.iter().enumerate().filter_map(move |(i, line)| {
        // An indent of ASCII white space skipped fast, then `trim_start` as before.
        let t = crate::extract::text::skip_ascii_space(line).trim_start();
        let starts = t
            .get(..first_word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(first_word));
        let rest = t.get(first_word.len()..).unwrap_or_default();
        if !starts || !(openings.is_empty() || openings.iter().any(|o| opens_with(rest, o))) {
            return None;
        }
        // The sentence may wrap over up to three lines; it must end where a line ends.
        let mut text = squash(t);
        for next in lines.iter().skip(i + 1).take(HEADLINE_WRAPS) {
            if let Some(grade) = read(&text) {
                return Some(grade);
            }
            let next = squash(next);
            if next.is_empty() {
                return None;
            }
            text.push(' ');
            text.push_str(&next);
        }
        read(&text)
    })
}

/// Whether `text`, read with each run of white space as one space and without regard to
/// ASCII case, goes on with `opening` or ends inside it.
fn opens_with(text: &str, opening: &str) -> bool {
    let mut chars = text.trim_start().chars().peekable();
    for o in opening.chars() {
        match chars.next() {
            None => return true,
            Some(c) if o == ' ' && c.is_whitespace() => {
                while chars.next_if(|c| c.is_whitespace()).is_some() {}
            }
            Some(c) if c.eq_ignore_ascii_case(&o) => {}
            Some(_) => return false,
        }
    }
    true
}

fn sif_headline(lines: &[&str]) -> Option<Grade> {
    let head = lines.get(..80).unwrap_or(lines);
    headline_grades(
        head,
        |t| headline_grade(&SIF_HEADLINE, t),
        "the overall judgement",
        &[],
    )
    .chain(headline_grades(
        head,
        |t| headline_grade(&SIF_HEADLINE, t),
        "children's services",
        &[],
    ))
    .next()
}

/// The LSCB grade; `Err` with a warning when the report states two different ones.
fn lscb(lines: &[&str]) -> Result<Option<Grade>, String> {
    // Most lines of a report start "The"; only the board's name may follow.
    let mut grades = headline_grades(
        lines,
        lscb_headline_grade,
        "the ",
        &[
            "effectiveness of the",
            "local safeguarding children board",
            "lscb",
        ],
    );
    let Some(first) = grades.next() else {
        return Ok(None);
    };
    if grades.any(|g| g != first) {
        return Err("the report states two different LSCB judgements; left out".to_string());
    }
    Ok(Some(first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The patterns [`ROWS`] spells out, in its order.
    const ROW_PATTERNS: [&str; 11] = [
        r"^the impact of leaders on (?:social work )?practice with children and families$",
        r"^the experiences and progress of children(?: and young people)? (?:who need|in need of) help and protection$",
        r"^the experiences and progress of children in care and care leavers$",
        r"^the experiences and progress of children in care$",
        r"^the experiences and progress of (?:children )?care leavers$",
        r"^overall effectiveness$",
        r"^1\.? children who need help and protection$",
        r"^2\.? children looked after and achieving permanence$",
        r"^2\.1\.? adoption performance$",
        r"^2\.2\.? experiences and progress of care leavers$",
        r"^3\.? leadership,? management,? and governance$",
    ];

    proptest! {
        #[test]
        fn the_lscb_headline_is_read_as_its_pattern_reads_it(text in prop::collection::vec(
            prop::sample::select(&[
                "the ", "The ", "effectiveness of the ", "Local Safeguarding Children Board",
                " (LSCB)", "LSCB", "lscb", " ", "is ", "are ", "requires", "Require",
                " improvement", " to be good", "inadequate", "good", "outstanding", ".", "x",
                "goodness", "é",
            ][..]),
            0..9,
        ).prop_map(|p| p.concat()), lead in prop::sample::select(&["", "The LSCB ", "The effectiveness of the local safeguarding children board is "][..])) {
            let text = format!("{lead}{text}");
            let re = regex_lite::Regex::new(r"(?i)^the (?:effectiveness of the )?(?:local safeguarding children board(?: \(lscb\))?|lscb) (?:is |are )?(requires? improvement(?: to be good)?|inadequate|good|outstanding)\.?$").unwrap();
            let by_pattern = re.captures(&text).and_then(|c| grade_of(c.get(1)?.as_str()));
            prop_assert_eq!(lscb_headline_grade(&text), by_pattern);
        }

        #[test]
        fn the_lscb_review_is_found_as_its_pattern_finds_it(text in prop::collection::vec(
            prop::sample::select(&[
                "Review", "review", " of", " the", " effectiveness", " Local", " safeguarding",
                " children", " Board", " ", "\n", "\t", "  ", "x", "rev", "é",
            ][..]),
            0..16,
        ).prop_map(|p| p.concat()), lead in prop::sample::select(&["", "Review of the effectiveness of the local", "x "][..])) {
            let text = format!("{lead}{text}");
            let re = regex_lite::Regex::new(r"(?i)review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding\s+children\s+board").unwrap();
            prop_assert_eq!(reviews_the_lscb(&text), re.is_match(&text));
        }

        #[test]
        fn row_labels_are_the_patterns_they_replace(label in prop_oneof![
            // Spellings of a row, sometimes spoilt at the end or upper-cased ...
            (
                0..ROWS.len(),
                prop::collection::vec(0..3usize, 8),
                prop::sample::select(&["", "", " x", ".", " care", "s", " \n"][..]),
                any::<bool>(),
            )
                .prop_map(|(row, picks, tail, upper)| {
                    let mut label: String = ROWS[row]
                        .0
                        .iter()
                        .zip(picks)
                        .map(|(spellings, k)| spellings[k % spellings.len()])
                        .collect();
                    label.push_str(tail);
                    if upper {
                        label = label.to_uppercase();
                    }
                    label
                }),
            // ... and words of the labels in any order.
            prop::collection::vec(prop::sample::select(&[
                "the", "The", "impact", "of", "leaders", "on", "social", "work", "practice",
                "with", "children", "and", "families", "experiences", "progress", "young",
                "people", "who", "need", "in", "help", "protection", "care", "leavers",
                "overall", "effectiveness", "1", "1.", "2", "2.", "2.1", "2.1.", "2.2.", "3.",
                "looked", "after", "achieving", "permanence", "adoption", "performance",
                "leadership", "leadership,", "management", "management,", "governance",
                "\n", "x",
            ][..]), 0..16)
                .prop_map(|words| words.join(" ")),
        ]) {
            let normalised = squash(&label).to_lowercase();
            let expected = ROW_PATTERNS
                .iter()
                .zip(ROWS)
                .find(|(p, _)| regex_lite::Regex::new(p).unwrap().is_match(&normalised))
                .map(|(_, (_, area))| *area);
            prop_assert_eq!(row_area(&label), expected);
            for (p, (parts, _)) in ROW_PATTERNS.iter().zip(ROWS) {
                let pattern = regex_lite::Regex::new(p).unwrap();
                prop_assert_eq!(spells(&normalised, parts), pattern.is_match(&normalised));
            }
        }

        #[test]
        fn grades_are_found_as_the_pattern_finds_them(text in prop::collection::vec(prop::sample::select(&[
            "requires", "require", "improvement", "to", "be", "good", "inadequate", "outstanding",
            " ", "  ", "\t", "\n", "\u{2003}", "x", "s", "é", ".",
        ][..]), 0..12).prop_map(|p| p.concat())) {
            let pattern = regex_lite::Regex::new(
                r"requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|outstanding|good",
            )
            .unwrap();
            let expected: Vec<(usize, usize)> =
                pattern.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            prop_assert_eq!(grade_spans(&text), expected);
        }

        #[test]
        fn row_numbers_are_the_pattern_they_replace(word in "[0-9.a ]{0,5}") {
            let pattern = regex_lite::Regex::new(r"^\d(?:\.\d)?\.?$").unwrap();
            prop_assert_eq!(is_row_number(&word), pattern.is_match(&word));
        }
    }

    #[test]
    fn every_row_spelling_is_read() {
        for (label, area) in [
            ("The impact of leaders on social work practice with children and families", Area::ImpactOfLeaders),
            ("The impact of leaders on practice with children and families", Area::ImpactOfLeaders),
            ("The experiences and progress of children and young people in need of help and protection", Area::HelpAndProtection),
            ("The experiences and progress of children who need help and protection", Area::HelpAndProtection),
            ("The experiences and progress of children in care and care leavers", Area::ChildrenInCareAndCareLeavers),
            ("The experiences and progress of children in care", Area::ChildrenInCare),
            ("The experiences and progress of care leavers", Area::CareLeavers),
            ("Overall effectiveness", Area::OverallEffectiveness),
            ("1. Children who need help and protection", Area::HelpAndProtection),
            ("2 Children looked after and achieving permanence", Area::ChildrenLookedAfter),
            ("2.1 Adoption performance", Area::Adoption),
            ("2.2. Experiences and progress of care leavers", Area::CareLeavers),
            ("3. Leadership, management and governance", Area::LeadershipManagementGovernance),
            ("3 Leadership management, and governance", Area::LeadershipManagementGovernance),
        ] {
            assert_eq!(row_area(label), Some(area), "{label}");
        }
        assert_eq!(
            row_area("The experiences and progress of children in"),
            None
        );
    }

    #[test]
    fn openings_allow_wraps_and_spacing() {
        let o = "local safeguarding children board";
        assert!(opens_with("Local Safeguarding Children Board is good", o));
        assert!(opens_with("  Local   Safeguarding", o));
        assert!(opens_with("local ", o));
        assert!(opens_with("", o));
        assert!(!opens_with("local authority", o));
        assert!(!opens_with("localsafeguarding", o));
    }

    #[test]
    fn real_row_labels_map_to_areas() {
        for (label, area) in [
            (
                "The impact of leaders on social work practice with children and families",
                Area::ImpactOfLeaders,
            ),
            (
                "The impact of leaders on practice with\nchildren and families",
                Area::ImpactOfLeaders,
            ),
            (
                "The experiences and progress of\nchildren who need help and protection",
                Area::HelpAndProtection,
            ),
            (
                "The experiences and progress of children in care and care\nleavers",
                Area::ChildrenInCareAndCareLeavers,
            ),
            (
                "The experiences and progress of\nchildren in care",
                Area::ChildrenInCare,
            ),
            (
                "The experiences and progress of care\nleavers",
                Area::CareLeavers,
            ),
            (
                "The experiences and progress of\nchildren care leavers",
                Area::CareLeavers,
            ),
            ("Overall effectiveness", Area::OverallEffectiveness),
            (
                "1. Children who need help and protection",
                Area::HelpAndProtection,
            ),
            (
                "2. Children looked after and achieving\npermanence",
                Area::ChildrenLookedAfter,
            ),
            ("2.1 Adoption performance", Area::Adoption),
            (
                "2.2 Experiences and progress of care leavers",
                Area::CareLeavers,
            ),
            (
                "3. Leadership, management and governance",
                Area::LeadershipManagementGovernance,
            ),
        ] {
            assert_eq!(row_area(label), Some(area), "{label}");
        }
        // Justified label whose words pdftotext scrambled.
        assert_eq!(
            row_area("2. Children looked permanence after and achieving"),
            None
        );
    }

    #[test]
    fn wrapped_grades_are_read_whole() {
        assert_eq!(
            parse_grades("Requires improvement to be good Requires improvement to be good"),
            Some(vec![Grade::RequiresImprovement, Grade::RequiresImprovement])
        );
        assert_eq!(
            parse_grades("Requires improvement to be good Inadequate Requires improvement to be good Inadequate"),
            Some(vec![
                Grade::RequiresImprovement,
                Grade::Inadequate,
                Grade::RequiresImprovement,
                Grade::Inadequate
            ])
        );
        assert_eq!(
            parse_grades("Requires Improvement Good Good Good Good"),
            Some(vec![
                Grade::RequiresImprovement,
                Grade::Good,
                Grade::Good,
                Grade::Good,
                Grade::Good
            ])
        );
        // A lone "to" cannot be placed.
        assert_eq!(parse_grades("Requires improvement to Good"), None);
    }

    #[test]
    fn text_mode_table_rows_then_grades() {
        let lines = [
            "Judgement",
            "",
            "Grade",
            "",
            "The impact of leaders on social work practice with",
            "children and families",
            "",
            "Requires improvement to",
            "be good",
            "",
            "The experiences and progress of children who need",
            "help and protection",
            "",
            "Inadequate",
            "",
            "Overall effectiveness",
            "",
            "Inadequate",
            "",
            "Services for children in Bradford have rapidly deteriorated since the last inspection,",
        ];
        let read = read_table(&lines);
        assert_eq!(
            read.rows,
            vec![
                (Area::ImpactOfLeaders, Grade::RequiresImprovement),
                (Area::HelpAndProtection, Grade::Inadequate),
                (Area::OverallEffectiveness, Grade::Inadequate),
            ]
        );
        assert!(read.warnings.is_empty());
    }

    #[test]
    fn layout_grade_on_the_middle_line_of_a_label() {
        let lines = [
            " Judgement                                                         Grade",
            "",
            " The impact of leaders on social work practice with children and",
            "                                                                   Good",
            " families",
            "",
            " The experiences and progress of children who need help and",
            "                                                                   Requires improvement",
            " protection",
            "",
            " Overall effectiveness                                             Good",
            "",
            "",
            " The strong leadership at a political level and throughout the council has resulted in",
        ];
        let read = read_table(&lines);
        assert_eq!(
            read.rows,
            vec![
                (Area::ImpactOfLeaders, Grade::Good),
                (Area::HelpAndProtection, Grade::RequiresImprovement),
                (Area::OverallEffectiveness, Grade::Good),
            ]
        );
    }

    #[test]
    fn layout_grade_above_its_label() {
        let lines = [
            "good help, care and protection.",
            "",
            "                                                                           Requires",
            "1. Children who need help and protection",
            "                                                                           Improvement",
            "",
            "2. Children looked after and achieving permanence                          Good",
            "",
            "The effectiveness of the Local Safeguarding Children Board (LSCB) is",
        ];
        assert_eq!(
            read_table(&lines).rows,
            vec![
                (Area::HelpAndProtection, Grade::RequiresImprovement),
                (Area::ChildrenLookedAfter, Grade::Good),
            ]
        );
    }

    #[test]
    fn grade_start_above_its_label_without_indentation() {
        let lines = [
            "good help, care and protection.",
            "Requires",
            "1. Children who need help and protection",
            "Improvement",
            "2. Children looked after and achieving permanence Good",
            "The effectiveness of the Local Safeguarding Children Board (LSCB) is",
        ];
        assert_eq!(
            read_table(&lines).rows,
            vec![
                (Area::HelpAndProtection, Grade::RequiresImprovement),
                (Area::ChildrenLookedAfter, Grade::Good),
            ]
        );
    }

    #[test]
    fn justified_label_is_left_out_not_guessed() {
        let lines = [
            "      1. Children who need help and protection                          Inadequate",
            "",
            "      2. Children looked             after     and      achieving",
            "                                                                        Inadequate",
            "         permanence",
            "",
            "           2.1 Adoption performance                                     Requires improvement",
            "",
            "Executive summary",
        ];
        let read = read_table(&lines);
        assert_eq!(
            read.rows,
            vec![
                (Area::HelpAndProtection, Grade::Inadequate),
                (Area::Adoption, Grade::RequiresImprovement),
            ]
        );
        assert_eq!(read.warnings.len(), 1);
    }

    #[test]
    fn uneven_table_gives_nothing() {
        let lines = [
            "The impact of leaders on social work practice with children and families",
            "Good",
            "The experiences and progress of children who need help and protection",
            "Overall effectiveness",
            "Good",
            "Children's services in Barnsley are good.",
        ];
        let read = read_table(&lines);
        assert!(read.rows.is_empty());
        assert_eq!(read.warnings.len(), 1);
    }

    #[test]
    fn row_number_apart_from_its_label() {
        // Text mode put "3." before row 2.1 and its label after row 2.2: the rows that
        // keep their number are read, the one that lost it is not guessed.
        let lines = [
            "Children's services in Slough are inadequate",
            "1.",
            "",
            "Children who need help and protection",
            "",
            "Inadequate",
            "",
            "2.",
            "",
            "Children looked after and achieving",
            "permanence",
            "",
            "Inadequate",
            "",
            "3.",
            "",
            "2.1 Adoption performance",
            "",
            "Requires improvement",
            "",
            "2.2 Experiences and progress of care leavers",
            "",
            "Inadequate",
            "",
            "Leadership, management and governance",
            "",
            "Inadequate",
            "",
            "Ofsted produces this report under its power to combine reports in accordance with section 152 of",
        ];
        let read = read_table(&lines);
        assert_eq!(
            read.rows,
            vec![
                (Area::HelpAndProtection, Grade::Inadequate),
                (Area::ChildrenLookedAfter, Grade::Inadequate),
                (Area::Adoption, Grade::RequiresImprovement),
                (Area::CareLeavers, Grade::Inadequate),
            ]
        );
        assert_eq!(read.warnings.len(), 1, "{:?}", read.warnings);
    }

    #[test]
    fn last_grade_lost_leaves_only_that_row_out() {
        let lines = [
            "2.1 Adoption performance",
            "",
            "Good",
            "",
            "2.2 Experiences and progress of care leavers",
            "",
            "Requires Improvement",
            "",
            "3. Leadership, management and governance",
            "Contents",
            "Summary of findings",
        ];
        let read = read_table(&lines);
        assert!(read.rows.is_empty(), "no first row: {:?}", read.rows);
        let lines = [
            &[
                "1. Children who need help and protection",
                "",
                "Inadequate",
                "",
            ][..],
            &lines[..],
        ]
        .concat();
        let read = read_table(&lines);
        assert_eq!(
            read.rows,
            vec![
                (Area::HelpAndProtection, Grade::Inadequate),
                (Area::Adoption, Grade::Good),
                (Area::CareLeavers, Grade::RequiresImprovement),
            ]
        );
        assert_eq!(read.warnings.len(), 2, "{:?}", read.warnings);
    }

    #[test]
    fn table_goes_on_after_a_footnote() {
        let lines = [
            "1. Children who need help and protection",
            "",
            "Requires improvement",
            "",
            "2.1 Adoption performance",
            "",
            "Good",
            "",
            "1",
            "",
            "Ofsted produces this report under its power to combine reports in accordance with section 152 of",
            "the Education and Inspections Act 2006.",
            "",
            "2.2 Experiences and progress of care leavers",
            "3. Leadership, management and governance",
            "",
            "2",
            "",
            "Requires improvement",
            "Good",
            "Contents",
        ];
        assert_eq!(
            read_table(&lines).rows,
            vec![
                (Area::HelpAndProtection, Grade::RequiresImprovement),
                (Area::Adoption, Grade::Good),
                (Area::CareLeavers, Grade::RequiresImprovement),
                (Area::LeadershipManagementGovernance, Grade::Good),
            ]
        );
    }

    #[test]
    fn sif_headlines() {
        for (lines, grade) in [
            (
                &[
                    "The overall judgement is requires improvement",
                    "There are no",
                ][..],
                Grade::RequiresImprovement,
            ),
            (
                &[
                    "The overall judgement is that children's services require",
                    "improvement",
                ][..],
                Grade::RequiresImprovement,
            ),
            (
                &[
                    "The overall judgement is that children's services are",
                    "inadequate",
                ][..],
                Grade::Inadequate,
            ),
            (
                &[
                    "Children's services in Somerset require improvement to be good",
                    "1. Children who need help and protection",
                ][..],
                Grade::RequiresImprovement,
            ),
            (
                &[
                    "Children's services in the Borough of Richmond upon Thames",
                    "are good",
                ][..],
                Grade::Good,
            ),
            (
                &["    Children's services in Kirklees are inadequate"][..],
                Grade::Inadequate,
            ),
            (
                &["Children's services in Suffolk County Council are good."][..],
                Grade::Good,
            ),
            (
                &[
                    "Children's services require improvement to be good",
                    "1. Children who need help and protection",
                ][..],
                Grade::RequiresImprovement,
            ),
            (
                &[
                    "The overall judgement is that children's services are",
                    "inadequate.2",
                ][..],
                Grade::Inadequate,
            ),
        ] {
            assert_eq!(sif_headline(lines), Some(grade), "{lines:?}");
        }
        assert_eq!(
            sif_headline(&[
                "Children's services in Coventry are no longer inadequate and they now require"
            ]),
            None
        );
    }

    fn sif_doc(text: &str) -> Document {
        let source = Source::new(
            "t.txt".to_string(),
            text.to_string(),
            false,
            false,
            Vec::new(),
        );
        let mut doc = Document::new("t.txt");
        doc.kind = Kind::Inspection;
        doc.framework = Some(Framework::Sif);
        extract(&source, &mut doc);
        doc
    }

    #[test]
    fn lscb_only_when_the_report_reviews_it() {
        let table = "Children's services in Somerset require improvement to be good\n\
                     1. Children who need help and protection\nRequires improvement\n\
                     Executive summary\nThe Local Safeguarding Children Board is good\n";
        let reviewed = format!(
            "Somerset County Council\nInspection of services for children in need of help and\n\
             protection, children looked after and care leavers\nand\n\
             Review of the effectiveness of the Local Safeguarding Children\nBoard1\n{table}"
        );
        let reinspection = format!(
            "Somerset County Council\nReinspection of services for children in need of help and\n\
             protection, children looked after and care leavers\n{table}"
        );
        assert_eq!(sif_doc(&reviewed).grade(Area::Lscb), Some(Grade::Good));
        let doc = sif_doc(&reinspection);
        assert_eq!(doc.grade(Area::Lscb), None);
        assert_eq!(
            doc.grade(Area::OverallEffectiveness),
            Some(Grade::RequiresImprovement)
        );
        assert_eq!(
            doc.grade(Area::HelpAndProtection),
            Some(Grade::RequiresImprovement)
        );
    }

    #[test]
    fn lscb_headlines() {
        for (lines, grade) in [
            (
                &["The effectiveness of the Local Safeguarding Children Board (LSCB) is", "requires improvement", "The arrangements in place"][..],
                Some(Grade::RequiresImprovement),
            ),
            (
                &["The Local Safeguarding Children Board is Good", ""][..],
                Some(Grade::Good),
            ),
            (
                &["The Local Safeguarding Children Board requires improvement to", "be good"][..],
                Some(Grade::RequiresImprovement),
            ),
            (
                &["The effectiveness of the LSCB requires improvement", "Areas for improvement"][..],
                Some(Grade::RequiresImprovement),
            ),
            // Summaries and sentences are not the headline.
            (
                &["The LSCB is inadequate because:", "Scrutiny and assurance"][..],
                None,
            ),
            (
                &["An LSCB that is good coordinates the activity of statutory partners and monitors the"][..],
                None,
            ),
            (
                &["The Local Safeguarding Children is inadequate"][..],
                None,
            ),
        ] {
            assert_eq!(lscb(lines), Ok(grade), "{lines:?}");
        }
        assert!(lscb(&[
            "The Local Safeguarding Children Board is good",
            "The effectiveness of the LSCB is inadequate",
        ])
        .is_err());
    }
}
