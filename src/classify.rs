//! Which kind of document a text is, and under which framework it was inspected.
//!
//! The title block (the first lines) decides: every Ofsted and DfE document names itself
//! there. The body is consulted only for news, which has no fixed title.

use crate::model::{Framework, Kind};
use crate::pattern::Pattern;
use std::sync::LazyLock;

/// The verdict, with a reason when the kind is unknown or guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    pub kind: Kind,
    pub framework: Option<Framework>,
    pub warning: Option<String>,
}

/// Where a pattern's matches can lie, which decides what it is run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Inside one line: it is run on the lines that have its words, one at a time.
    Line,
    /// From the start of a line over the lines after it (`\s` or `\n` inside): it is
    /// run from each line start where the text goes on, after white space, with one of
    /// these words. Such a pattern opens with `\A`, so that each run tries that line
    /// start alone instead of searching on through the rest of the title block.
    FromLineStart(&'static [&'static str]),
}

/// A title-block pattern with what it needs to match and what it tells.
type Title = (&'static str, &'static [&'static str], Reach, Kind);

/// Title-block patterns, most specific first: (pattern, words one of which its matches
/// contain, where it can match, kind).
static TITLES: LazyLock<Vec<(Matcher, Reach, Kind)>> = LazyLock::new(|| {
    let titles: [Title; 7] = [
        (
            r"(?i)\bimprovement notice\b|\bstatutory direction\b|\bdirection (?:issued|given) (?:to|under)\b",
            &["notice", "direction"],
            Reach::Line,
            Kind::ImprovementNotice,
        ),
        (
            r"(?i)\bjoint targeted area inspection\b|\bjoint inspection of\b",
            &["joint"],
            Reach::Line,
            Kind::JointInspection,
        ),
        (
            r"(?i)\bmonitoring visit (?:to|of)\b|\bmonitoring visit\b",
            &["monitoring"],
            Reach::Line,
            Kind::MonitoringVisit,
        ),
        (
            r"(?i)\bfocused visit (?:to|of)\b",
            &["focused"],
            Reach::Line,
            Kind::FocusedVisit,
        ),
        (
            r"(?i)\b(?:re-?)?inspection of (?:services for children in need|children'?s social care|local authority children|[a-z .'-]+ local authority children|looked after children|safeguarding)",
            &["inspection"],
            Reach::Line,
            Kind::Inspection,
        ),
        // ILACS title pages since about 2021 put the council's name first, wrapped over
        // up to three lines: read by hand (see [`Matcher::WrappedIlacs`]).
        (
            "",
            &[],
            Reach::FromLineStart(&["inspection"]),
            Kind::Inspection,
        ),
        (
            r"(?i)\bschool report\b|\binspection of [a-z .'-]+ (?:school|academy)\b|\bshort inspection of\b",
            &["school", "academy", "short"],
            Reach::Line,
            Kind::SchoolInspection,
        ),
    ];
    titles
        .into_iter()
        .map(|(p, words, reach, k)| {
            let matcher = if p.is_empty() {
                Matcher::WrappedIlacs
            } else {
                Matcher::Pattern(crate::pattern::regex(p).requiring(words))
            };
            (matcher, reach, k)
        })
        .collect()
});

/// Phrases only a SIF report uses in its opening pages, in lower case with single spaces.
const SIF_MARKS: &[&str] = &[
    "children looked after and achieving permanence",
    "inspection of services for children in need of help and protection",
    "local safeguarding children board",
];
/// Phrases only an ILACS report uses in its opening pages.
const ILACS_MARKS: &[&str] = &[
    "inspection of children's social care services",
    "inspection of childrens social care services",
    "local authority children's services",
    "local authority childrens services",
    "impact of leaders on practice",
    "impact of leaders on social work practice",
    "what needs to improve",
];
/// The grade words a news article uses, each a whole word (the same as
/// `(?i)\b(?:inadequate|requires? improvement|outstanding|good)\b`).
const GRADE_WORDS: &[&str] = &[
    "inadequate",
    "require improvement",
    "requires improvement",
    "outstanding",
    "good",
];

const PRE_SIF_WARNING: &str = "an inspection under the framework before 2013 (safeguarding and looked after children): its grades are on another scale and are not read";

/// How many leading characters make the title block.
const TITLE_BLOCK: usize = 1500;

/// Classify `text` (normalised, furniture removed).
pub fn classify(text: &str) -> Classification {
    let head = prefix(text, TITLE_BLOCK);
    // The earliest title match wins: a letter's subject line comes before any mention of
    // other visits or inspections in its first paragraph.
    if let Some(kind) = earliest_title(head) {
        if kind == Kind::Inspection
            && earliest_match(
                &Matcher::PreSifTitle,
                Reach::FromLineStart(&["inspection"]),
                head,
            )
            .is_some()
        {
            return Classification {
                kind,
                framework: None,
                warning: Some(PRE_SIF_WARNING.to_string()),
            };
        }
        let framework = if kind == Kind::Inspection {
            framework(text)
        } else {
            None
        };
        let warning = (kind == Kind::Inspection && framework.is_none()).then(|| {
            "the inspection framework (SIF or ILACS) could not be told from the text".to_string()
        });
        return Classification {
            kind,
            framework,
            warning,
        };
    }
    let body = prefix(text, 20_000);
    if body.contains("Ofsted") && GRADE_WORDS.iter().any(|w| has_word(body.as_bytes(), w)) {
        return Classification {
            kind: Kind::NewsArticle,
            framework: None,
            warning: None,
        };
    }
    Classification {
        kind: Kind::Unknown,
        framework: None,
        warning: Some("not recognised as an Ofsted or DfE document: no report title, letter subject or notice heading in its first lines".to_string()),
    }
}

/// The kind named by the title pattern whose first match in `head` starts earliest (the
/// first such pattern on a tie). The lines are read in order, every pattern not yet found
/// tried on each, and the reading stops at the end of a line once a match before it is
/// found: no later match can start earlier. The title is most often on the first lines,
/// so that most of the block is never searched.
fn earliest_title(head: &str) -> Option<Kind> {
    let mut first: Vec<Option<usize>> = vec![None; TITLES.len()];
    let earliest = |first: &[Option<usize>]| {
        first
            .iter()
            .zip(TITLES.iter())
            .filter_map(|(at, (_, _, kind))| Some(((*at)?, *kind)))
            .min_by_key(|(at, _)| *at)
    };
    let mut start = 0;
    for line in head.split_inclusive('\n') {
        let at = start;
        start += line.len();
        for (found, (re, reach, _)) in first.iter_mut().zip(TITLES.iter()) {
            if found.is_none() {
                *found = match_on_line(re, *reach, head, at, line);
            }
        }
        if let Some((pos, kind)) = earliest(&first) {
            if pos < start {
                return Some(kind);
            }
        }
    }
    earliest(&first).map(|(_, kind)| kind)
}

/// Where a match of `re` starts that `reach` lets start on `line` (which starts at `at`
/// in `text`), searched as [`earliest_match`] searches each line.
fn match_on_line(re: &Matcher, reach: Reach, text: &str, at: usize, line: &str) -> Option<usize> {
    let haystack = match reach {
        Reach::Line => line.strip_suffix('\n').unwrap_or(line),
        Reach::FromLineStart(words) => {
            let rest = text.get(at..).unwrap_or_default();
            if !crate::pattern::starts_with_any(rest, words) {
                return None;
            }
            rest
        }
    };
    re.find(haystack).map(|start| at + start)
}

/// A title pattern, or one of those read by hand.
#[derive(Debug)]
enum Matcher {
    Pattern(Pattern),
    /// An ILACS title wrapped over lines, the council's name first: "Inspection of
    /// Central Bedfordshire local\nauthority children's services"; children's trusts are
    /// inspected in their own name ("... Children and\nFamilies Trust"). The same as
    /// `(?im)\A[ \t]*inspection of [a-z .'&,()\n-]{1,120}?(?:(?:local\s+authority\s+)?children'?s\s+services|\btrust$)`.
    WrappedIlacs,
    /// A 2009-2013 title: "Inspection of safeguarding and looked after children
    /// services" alone on its line(s). The same as
    /// `(?im)\A\s*inspection\s+of\s+(?:safeguarding\s+and\s+)?looked\s+after\s+children(?:\s+services)?\s*$`.
    PreSifTitle,
}

impl Matcher {
    /// Where the first match in `haystack` starts (a hand-read title matches at the start
    /// of `haystack` or not at all).
    fn find(&self, haystack: &str) -> Option<usize> {
        match self {
            Matcher::Pattern(re) => re.find(haystack).map(|m| m.start()),
            Matcher::WrappedIlacs => wrapped_ilacs(haystack.as_bytes()).then_some(0),
            Matcher::PreSifTitle => pre_sif_title(haystack.as_bytes()).then_some(0),
        }
    }
}

/// The white space of the patterns' `\s` (ASCII).
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// A word byte of the patterns' `\b` (ASCII).
pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `b` after `word` (ASCII, lower case), compared without ASCII case.
pub(crate) fn after_word<'b>(b: &'b [u8], word: &str) -> Option<&'b [u8]> {
    let (head, rest) = b.split_at_checked(word.len())?;
    head.eq_ignore_ascii_case(word.as_bytes()).then_some(rest)
}

/// `b` after one or more white space bytes.
pub(crate) fn after_spaces(b: &[u8]) -> Option<&[u8]> {
    let n = b.iter().take_while(|c| is_space(**c)).count();
    (n > 0).then(|| b.get(n..).unwrap_or_default())
}

/// Whether `b` opens with white space that ends a line: `\s*$` with `(?m)`.
fn ends_line(b: &[u8]) -> bool {
    let n = b.iter().take_while(|c| is_space(**c)).count();
    n == b.len() || b.get(..n).is_some_and(|s| s.contains(&b'\n'))
}

/// See [`Matcher::WrappedIlacs`].
fn wrapped_ilacs(b: &[u8]) -> bool {
    let n = b.iter().take_while(|c| matches!(c, b' ' | b'\t')).count();
    let Some(name) = b.get(n..).and_then(|b| after_word(b, "inspection of ")) else {
        return false;
    };
    let in_class = |c: u8| {
        c.is_ascii_alphabetic()
            || matches!(
                c,
                b' ' | b'.' | b'\'' | b'&' | b',' | b'(' | b')' | b'\n' | b'-'
            )
    };
    let children_s_services = |b: &[u8]| {
        after_word(b, "children")
            .map(|b| b.strip_prefix(b"'").unwrap_or(b))
            .and_then(|b| after_word(b, "s"))
            .and_then(after_spaces)
            .and_then(|b| after_word(b, "services"))
            .is_some()
    };
    for (k, &prev) in name.iter().enumerate().take(120) {
        if !in_class(prev) {
            return false;
        }
        let rest = name.get(k + 1..).unwrap_or_default();
        let local = after_word(rest, "local")
            .and_then(after_spaces)
            .and_then(|b| after_word(b, "authority"))
            .and_then(after_spaces);
        if local.is_some_and(children_s_services) || children_s_services(rest) {
            return true;
        }
        let trust = !is_word_byte(prev)
            && after_word(rest, "trust").is_some_and(|b| b.is_empty() || b.first() == Some(&b'\n'));
        if trust {
            return true;
        }
    }
    false
}

/// See [`Matcher::PreSifTitle`].
fn pre_sif_title(b: &[u8]) -> bool {
    let n = b.iter().take_while(|c| is_space(**c)).count();
    let Some(b) = b
        .get(n..)
        .and_then(|b| after_word(b, "inspection"))
        .and_then(after_spaces)
        .and_then(|b| after_word(b, "of"))
        .and_then(after_spaces)
    else {
        return false;
    };
    let b = after_word(b, "safeguarding")
        .and_then(after_spaces)
        .and_then(|b| after_word(b, "and"))
        .and_then(after_spaces)
        .unwrap_or(b);
    let Some(b) = after_word(b, "looked")
        .and_then(after_spaces)
        .and_then(|b| after_word(b, "after"))
        .and_then(after_spaces)
        .and_then(|b| after_word(b, "children"))
    else {
        return false;
    };
    ends_line(b)
        || after_spaces(b)
            .and_then(|b| after_word(b, "services"))
            .is_some_and(ends_line)
}

/// Whether `hay` has `word` (ASCII, lower case) as a whole word, without ASCII case:
/// `(?i)\bword\b`.
pub(crate) fn has_word(hay: &[u8], word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).any(|at| {
        let before = at.checked_sub(1).and_then(|i| hay.get(i));
        before.is_none_or(|c| !is_word_byte(*c))
            && hay
                .get(at..)
                .and_then(|b| after_word(b, word))
                .is_some_and(|rest| rest.first().is_none_or(|c| !is_word_byte(*c)))
    })
}

/// Where the first match of `re` in `text` starts, searching as its `reach` allows: the
/// first line with a match holds the earliest one, as no match starts before its line
/// (and a match reaching over lines starts at a line start its words allow).
fn earliest_match(re: &Matcher, reach: Reach, text: &str) -> Option<usize> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let at = start;
        start += line.len();
        if let Some(found) = match_on_line(re, reach, text, at, line) {
            return Some(found);
        }
    }
    None
}

fn framework(text: &str) -> Option<Framework> {
    let head = flatten(prefix(text, 6000));
    let sif = earliest(&head, SIF_MARKS);
    let ilacs = earliest(&head, ILACS_MARKS);
    match (sif, ilacs) {
        (Some(s), Some(i)) => Some(if s < i {
            Framework::Sif
        } else {
            Framework::Ilacs
        }),
        (Some(_), None) => Some(Framework::Sif),
        (None, Some(_)) => Some(Framework::Ilacs),
        (None, None) => None,
    }
}

/// `text` in ASCII lower case with every run of white space made one space, so that
/// phrases can be found as plain bytes whatever the line breaks. Positions keep their order.
fn flatten(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    // Runs of white space and of the rest, each run copied or replaced whole.
    while !rest.is_empty() {
        let spaces = rest.iter().take_while(|b| is_space(**b)).count();
        let Some(after) = rest.get(spaces..) else {
            break;
        };
        if after.is_empty() {
            break;
        }
        if spaces > 0 {
            out.push(b' ');
        }
        let word = after.iter().take_while(|b| !is_space(**b)).count();
        let (run, next) = after.split_at(word);
        out.extend_from_slice(run);
        rest = next;
    }
    out.make_ascii_lowercase();
    out
}

#[cfg(test)]
/// The reference for [`flatten`]: byte by byte.
fn flatten_by_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut space = false;
    for b in text.bytes() {
        if crate::extract::text::is_ascii_space(char::from(b)) {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) {
            out.push(b' ');
        }
        out.push(b.to_ascii_lowercase());
    }
    out
}

/// Where the first of `phrases` starts in `flat`.
fn earliest(flat: &[u8], phrases: &[&str]) -> Option<usize> {
    phrases
        .iter()
        .filter_map(|p| memchr::memmem::find(flat, p.as_bytes()))
        .min()
}

/// The first `n` bytes of `text`, cut at a character boundary.
pub fn prefix(text: &str, n: usize) -> &str {
    if text.len() <= n {
        return text;
    }
    let mut end = n;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Title-block text built from the words the hand-read titles look for.
    fn title_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(
                &[
                    "Inspection of ",
                    "inspection",
                    " of ",
                    "INSPECTION OF ",
                    "safeguarding",
                    " and ",
                    "looked",
                    " after ",
                    "children",
                    "Children's",
                    "childrens",
                    "'",
                    "s",
                    " services",
                    "Services",
                    "local",
                    " authority ",
                    "Local\n",
                    "trust",
                    "Trust",
                    "\n",
                    " ",
                    "\t",
                    "  \n ",
                    "\r",
                    "x",
                    "Bradford",
                    "&",
                    "(",
                    "-",
                    "_",
                    "2",
                    ".",
                    "é",
                    "\u{212a}",
                ][..],
            ),
            0..14,
        )
        .prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn the_hand_read_titles_match_as_their_patterns(
            text in title_text(),
            lead in prop::sample::select(&["", " ", "\t", "\n", "Inspection of ", "inspection of looked after "][..]),
        ) {
            let text = format!("{lead}{text}");
            let ilacs = regex_lite::Regex::new(r"(?im)\A[ \t]*inspection of [a-z .'&,()\n-]{1,120}?(?:(?:local\s+authority\s+)?children'?s\s+services|\btrust$)").unwrap();
            let pre_sif = regex_lite::Regex::new(r"(?im)\A\s*inspection\s+of\s+(?:safeguarding\s+and\s+)?looked\s+after\s+children(?:\s+services)?\s*$").unwrap();
            prop_assert_eq!(Matcher::WrappedIlacs.find(&text), ilacs.find(&text).map(|m| m.start()));
            prop_assert_eq!(Matcher::PreSifTitle.find(&text), pre_sif.find(&text).map(|m| m.start()));
        }

        #[test]
        fn flatten_by_runs_is_flatten_by_bytes(text in prop::collection::vec(
            prop::sample::select(&["A", "b", " ", "\t", "\n", "\r", "\x0b", "\x0c", "é", "\u{85}", "Z."][..]),
            0..12,
        ).prop_map(|p| p.concat())) {
            prop_assert_eq!(flatten(&text), flatten_by_bytes(&text));
        }

        #[test]
        fn grade_words_are_found_as_their_pattern_finds_them(text in prop::collection::vec(
            prop::sample::select(&[
                "Good", "good", "inadequate", "Requires", "require", " improvement", "outstanding",
                "s", " ", "_", "x", "1", ".", "é", "\n",
            ][..]),
            0..10,
        ).prop_map(|p| p.concat())) {
            let re = regex_lite::Regex::new(r"(?i)\b(?:inadequate|requires? improvement|outstanding|good)\b").unwrap();
            prop_assert_eq!(GRADE_WORDS.iter().any(|w| has_word(text.as_bytes(), w)), re.is_match(&text));
        }
    }

    #[test]
    fn the_line_by_line_search_finds_the_earliest_of_all_title_matches() {
        // What `earliest_title` stands for: each pattern searched through the whole block,
        // the earliest match kept (the first pattern on a tie).
        let each_through_the_block = |head: &str| {
            TITLES
                .iter()
                .filter_map(|(re, reach, kind)| {
                    earliest_match(re, *reach, head).map(|at| (at, *kind))
                })
                .min_by_key(|(at, _)| *at)
                .map(|(_, kind)| kind)
        };
        let mut heads: Vec<String> = [
            "Dear Amanda\nMonitoring visit to Luton Borough Council children's services\nThis was the inspection of children's services\n",
            "Inspection of Central Bedfordshire local\nauthority children's services\nfocused visit to Bedford\n",
            "School report\nJoint inspection of Barnsley\n",
            "Notes\nThe monitoring visit was a focused visit to the joint inspection of\n",
            "",
        ]
        .map(str::to_string)
        .to_vec();
        for dir in ["fixtures/seeds", "fixtures/letters", "fixtures/header"] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
                heads.push(prefix(&text, TITLE_BLOCK).to_string());
            }
        }
        for head in &heads {
            assert_eq!(earliest_title(head), each_through_the_block(head), "{head}");
        }
    }

    #[test]
    fn titles_decide_the_kind() {
        let ilacs = classify("Luton Borough Council\nInspection of children's social care services\nInspection dates: 13 January 2020 to 24 January 2020\n");
        assert_eq!(
            (ilacs.kind, ilacs.framework),
            (Kind::Inspection, Some(Framework::Ilacs))
        );
        let sif = classify("Metropolitan Borough of Barnsley\nCouncil\nInspection of services for children in need of help and\nprotection, children looked after and care leavers\n");
        assert_eq!(
            (sif.kind, sif.framework),
            (Kind::Inspection, Some(Framework::Sif))
        );
        assert_eq!(
            classify(
                "Dear Mr Watts\nFocused visit to North Northamptonshire children's services\n"
            )
            .kind,
            Kind::FocusedVisit
        );
        assert_eq!(
            classify(
                "Dear Amanda\nMonitoring visit to Luton Borough Council children's services\n"
            )
            .kind,
            Kind::MonitoringVisit
        );
        assert_eq!(
            classify("Joint targeted area inspection of Barnsley\n").kind,
            Kind::JointInspection
        );
        assert_eq!(
            classify("\n\nImprovement Notice\n\nTo: Luton Borough Council\n").kind,
            Kind::ImprovementNotice
        );
    }

    #[test]
    fn wrapped_ilacs_titles_are_inspections() {
        for title in [
            "Inspection of Central Bedfordshire local\nauthority children's services\nInspection dates: 10 to 14 March 2025\n",
            "Inspection of Rotherham Metropolitan\nBorough Council local authority\nchildren's services\n",
            "Inspection of Buckinghamshire Council\nchildren's services\nInspection dates: 6 December 2021 to 17 December\n2021\nLead inspector: Rachel Griffiths\nJudgement\nGrade\nThe impact of leaders on social work\npractice with children and families\n",
            "Inspection of Bradford Children and\nFamilies Trust\nInspection dates: 12 to 23 January 2026\nLead inspector: ... Judgement\nThe impact of leaders on social work\npractice with children and families\n",
        ] {
            let c = classify(title);
            assert_eq!(
                (c.kind, c.framework),
                (Kind::Inspection, Some(Framework::Ilacs)),
                "{title}"
            );
        }
        let re = classify("Somerset County Council\nReinspection of services for children in need of help and\nprotection, children looked after and care leavers\n");
        assert_eq!(
            (re.kind, re.framework),
            (Kind::Inspection, Some(Framework::Sif))
        );
    }

    #[test]
    fn earliest_match_finds_a_title_on_a_later_line_and_over_lines() {
        let text = "Halton Borough Council\n\nInspection of Halton local\nauthority children's services\nA monitoring visit to Halton\n";
        let (ilacs, _, _) = TITLES.get(5).unwrap();
        assert_eq!(
            earliest_match(ilacs, Reach::FromLineStart(&["inspection"]), text),
            Some(24)
        );
        let (visit, _, _) = TITLES.get(2).unwrap();
        assert_eq!(
            earliest_match(visit, Reach::Line, text),
            text.find("monitoring")
        );
        assert_eq!(earliest_match(visit, Reach::Line, "no title here\n"), None);
    }

    #[test]
    fn inspections_before_the_sif_have_no_framework() {
        // Medway 2013, text mode: the title block of a looked after children inspection.
        let c = classify("Inspection of looked after children\nservices\nMedway Council\n\nInspection dates:\n\n15-19 July 2013\n");
        assert_eq!((c.kind, c.framework), (Kind::Inspection, None));
        assert!(c.warning.unwrap().contains("before 2013"));
    }

    #[test]
    fn unknown_text_says_why() {
        let c = classify("Minutes of the parish council meeting\n");
        assert_eq!(c.kind, Kind::Unknown);
        assert!(c.warning.unwrap().contains("not recognised"));
    }
}
