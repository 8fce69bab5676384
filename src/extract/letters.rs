//! What only letters and notices carry: a monitoring visit's number and areas, the report a notice refers to.
//!
//! Also the judgements that letters, notices and news only *report* (`reported: true`):
//! a news article's "The impact of leaders ... was rated good", a notice's "following the
//! findings of inadequate performance ... for 'children who need help and protection'",
//! a letter's "since the last inspection, when services were judged inadequate". Each is
//! taken only when the sentence names one grade and areas it can be mapped to without
//! guessing; an area given two different grades is dropped with a warning.

use crate::classify::{after_word, has_word, is_space, is_word_byte, prefix};
use crate::extract::dates::parse_date;
use crate::extract::text::{join_lines, sentences, squash, strip_bullet};
use crate::input::Source;
use crate::model::{Area, Document, Grade, Judgement, Kind, ReportReference};
use crate::pattern::Pattern;
use std::sync::LazyLock;

/// Fill this extractor's fields of `doc` from `source`.
pub fn extract(source: &Source, doc: &mut Document) {
    let text = &source.text;
    match doc.kind {
        Kind::MonitoringVisit => {
            doc.visit_number = visit_number(&join_lines(prefix(text, 8000).lines()));
            doc.areas_covered = monitoring_areas(text);
            let found = previous_judgements(text);
            add_reported(doc, found);
        }
        Kind::FocusedVisit => {
            doc.areas_covered = focused_areas(text);
            let found = previous_judgements(text);
            add_reported(doc, found);
        }
        Kind::ImprovementNotice => {
            let reference = notice_reference(text);
            if let Some(r) = &reference {
                let found = r.areas.iter().map(|a| (*a, Grade::Inadequate)).collect();
                add_reported(doc, found);
            } else {
                doc.warnings
                    .push("the notice does not say which inspection report it follows".to_string());
            }
            doc.refers_to = reference;
        }
        Kind::NewsArticle => {
            let found = news_judgements(text);
            if found.is_empty() {
                doc.warnings.push(
                    "the article reports no judgement that could be read without guessing"
                        .to_string(),
                );
            }
            add_reported(doc, found);
        }
        _ => {}
    }
}

/// Add reported judgements, one per area; an area reported with two grades is dropped.
fn add_reported(doc: &mut Document, found: Vec<(Area, Grade)>) {
    let mut kept: Vec<(Area, Grade)> = Vec::new();
    let mut conflicting: Vec<Area> = Vec::new();
    for (area, grade) in found {
        match kept.iter().find(|(a, _)| *a == area) {
            Some((_, g)) if *g != grade => conflicting.push(area),
            Some(_) => {}
            None => kept.push((area, grade)),
        }
    }
    for area in conflicting {
        kept.retain(|(a, _)| *a != area);
        doc.warnings.push(format!(
            "the text reports two different grades for {}: neither is kept",
            area.label().to_lowercase()
        ));
    }
    for (area, grade) in kept {
        if doc.judgements.iter().any(|j| j.area == area) {
            continue;
        }
        doc.judgements.push(Judgement {
            area,
            grade,
            reported: true,
        });
    }
}

// ------------------------------------------------------------- monitoring visits

const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// "This was the fourth visit since services were judged inadequate" → 4: the ordinal
/// of the first "this|it|the visit|this visit was|is the ORDINAL (monitoring )?visit",
/// each a whole word, read by hand (the same as `(?i)\b(?:this|it|the visit|this visit)
/// (?:was|is) the (ORDINALS|\d{1,2}(?:st|nd|rd|th)) (?:monitoring )?visit\b`).
fn visit_number(flat: &str) -> Option<u32> {
    let b = flat.as_bytes();
    let mut best: Option<(usize, u32)> = None;
    for verb in [" was the ", " is the "] {
        let Some(&first) = verb.as_bytes().get(1) else {
            continue;
        };
        for at in memchr::memchr2_iter(first, first.to_ascii_uppercase(), b) {
            let Some(verb_at) = at.checked_sub(1) else {
                continue;
            };
            if best.is_some_and(|(start, _)| start < verb_at.saturating_sub(10)) {
                break;
            }
            let Some(after) = b.get(verb_at..).and_then(|r| after_word(r, verb)) else {
                continue;
            };
            let Some(start) = visit_subject_start(b.get(..verb_at).unwrap_or_default()) else {
                continue;
            };
            let Some(n) = ordinal_visit(after) else {
                continue;
            };
            if best.is_none_or(|(s, _)| start < s) {
                best = Some((start, n));
            }
        }
    }
    best.map(|(_, n)| n)
}

/// Where the subject of "... was the fourth visit" starts, `before` ending just before
/// " was": the longest of "this visit", "the visit", "this", "it" that ends `before` as a
/// whole word.
fn visit_subject_start(before: &[u8]) -> Option<usize> {
    ["this visit", "the visit", "this", "it"]
        .iter()
        .find_map(|w| {
            let start = before.len().checked_sub(w.len())?;
            let word = before.get(start..)?;
            let bounded = start
                .checked_sub(1)
                .and_then(|i| before.get(i))
                .is_none_or(|c| !is_word_byte(*c));
            (bounded && word.eq_ignore_ascii_case(w.as_bytes())).then_some(start)
        })
}

/// The number of "fourth (monitoring )?visit" or "4th (monitoring )?visit" at the start
/// of `b`, "visit" a whole word.
fn ordinal_visit(b: &[u8]) -> Option<u32> {
    let (n, rest) = ORDINALS
        .iter()
        .zip(1..)
        .find_map(|(o, n)| Some((n, after_word(b, o)?)))
        .or_else(|| {
            let digits = b.iter().take(2).take_while(|c| c.is_ascii_digit()).count();
            // `\d{1,2}` gives back a digit when the suffix needs it: "1st" after "1".
            (1..=digits).rev().find_map(|d| {
                let (num, rest) = b.split_at_checked(d)?;
                let rest = ["st", "nd", "rd", "th"]
                    .iter()
                    .find_map(|s| after_word(rest, s))?;
                let n: u32 = std::str::from_utf8(num).ok()?.parse().ok()?;
                Some((n, rest))
            })
        })?;
    let rest = after_word(rest, " monitoring visit")
        .filter(|r| r.first().is_none_or(|c| !is_word_byte(*c)))
        .or_else(|| after_word(rest, " visit"))?;
    rest.first().is_none_or(|c| !is_word_byte(*c)).then_some(n)
}

/// The areas under "Areas covered by the visit": its bullets, else its first sentence.
fn monitoring_areas(text: &str) -> Vec<String> {
    let Some(end) = areas_heading_end(text) else {
        return Vec::new();
    };
    let after = text.get(end..).unwrap_or("");
    let items = bullets_after(after, 12);
    if !items.is_empty() {
        return items;
    }
    let para: Vec<&str> = after
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .take(8)
        .collect();
    let joined = squash(&para.join(" "));
    sentences(&joined)
        .first()
        .map(|s| vec![s.to_string()])
        .unwrap_or_default()
}

/// Where the first "Areas covered by the visit" heading ends: a line that says only
/// that, the white space after it taken up to its last line break (or the end of the
/// text). The same as the end of `(?im)^\s*areas? covered by (?:the|this) visit\s*$`.
fn areas_heading_end(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'a', b'A', b).find_map(|at| {
        let before = b.get(..at)?;
        let line_start = before
            .iter()
            .rposition(|c| *c == b'\n')
            .map_or(0, |i| i + 1);
        if !before.get(line_start..)?.iter().all(|c| is_space(*c)) {
            return None;
        }
        let rest = after_word(b.get(at..)?, "area")?;
        let rest = after_word(rest, "s").unwrap_or(rest);
        let rest = after_word(rest, " covered by ")?;
        let rest = after_word(rest, "the").or_else(|| after_word(rest, "this"))?;
        let rest = after_word(rest, " visit")?;
        let spaces = rest.iter().take_while(|c| is_space(**c)).count();
        let tail = rest.get(..spaces)?;
        let end_of_run = b.len() - rest.len() + spaces;
        if spaces == rest.len() {
            Some(end_of_run)
        } else {
            let last_break = tail.iter().rposition(|c| *c == b'\n')?;
            Some(b.len() - rest.len() + last_break)
        }
    })
}

/// The bulleted items that start within the first `window` lines of `text`, each joined
/// over its wrapped lines. A list ends at a line that opens a new paragraph.
fn bullets_after(text: &str, window: usize) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(first) = lines
        .iter()
        .take(window)
        .position(|l| strip_bullet(l).is_some())
    else {
        return Vec::new();
    };
    let mut items: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in lines.iter().skip(first) {
        let t = line.trim();
        if let Some(rest) = strip_bullet(line) {
            if let Some(done) = current.take() {
                items.push(done);
            }
            current = Some(rest.trim().to_string());
            continue;
        }
        if t.is_empty() {
            // A blank line ends an item; the list goes on only if a bullet comes next.
            if let Some(item) = current.take_if(|item| !item.is_empty()) {
                items.push(item);
            }
            continue;
        }
        // A bullet alone on its line has its text below.
        let Some(item) = current.as_mut() else {
            break;
        };
        let ended = item.ends_with(['.', ';', ':', ')', '!', '?']);
        if ended && t.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        if !item.is_empty() {
            item.push(' ');
        }
        item.push_str(t);
    }
    if let Some(done) = current {
        items.push(done);
    }
    items
        .into_iter()
        .map(|i| squash(&i))
        .filter(|i| !i.is_empty())
        .collect()
}

// ---------------------------------------------------------------- focused visits

static FOCUS_LIST: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\bfocus(?:ed|ing)? (?:specifically |particularly )?on(?: the)?:\s*$",
    )
    .requiring(&["focus"])
});
static LOOKED_AT: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r#"(?i)\b(?:inspectors|this visit|the visit) (?:looked at|considered|evaluated|reviewed) (.+?)\.['"]?(?:\s|$)"#,
    )
        // The verbs, not the subjects: most sentences of a letter name the inspectors
        // or the visit, few say what they looked at.
        .requiring(&["looked at", "considered", "evaluated", "reviewed"])
});
static ARRANGEMENTS_FOR: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(r"(?i)^the local authority'?s arrangements (?:and support )?for ")
        .starting_with(&["the"])
        .requiring(&["arrangements"])
});
static FRAMEWORK_TAIL: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i),? (?:in accordance with|in line with|under) the (?:inspections? of local authority|ILACS).*$",
    )
        .requiring(&["accordance", "line", "under"])
});

/// Whether `sentence` has one of [`LOOKED_AT`]'s verbs right after one of its subjects,
/// as every match has: most sentences with a verb fail here, before the pattern.
fn may_say_looked_at(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    // Each space is tried once: the verb is told by the letter after it.
    memchr::memchr_iter(b' ', b).any(|space| {
        let after = b.get(space..).unwrap_or_default();
        let verb = match after.get(1).map(u8::to_ascii_lowercase) {
            Some(b'l') => " looked at",
            Some(b'c') => " considered",
            Some(b'e') => " evaluated",
            Some(b'r') => " reviewed",
            _ => return false,
        };
        after_word(after, verb).is_some()
            && b.get(..space).is_some_and(|before| {
                ["inspectors", "this visit", "the visit"].iter().any(|w| {
                    before
                        .len()
                        .checked_sub(w.len())
                        .and_then(|at| before.get(at..))
                        .is_some_and(|t| t.eq_ignore_ascii_case(w.as_bytes()))
                })
            })
    })
}

/// The gate as first written, verb by verb: the reference for [`may_say_looked_at`].
#[cfg(test)]
fn may_say_looked_at_by_verbs(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    [" looked at", " considered", " evaluated", " reviewed"]
        .iter()
        .any(|verb| {
            let Some(&first) = verb.as_bytes().get(1) else {
                return false;
            };
            memchr::memchr2_iter(first, first.to_ascii_uppercase(), b).any(|at| {
                let Some(space) = at.checked_sub(1) else {
                    return false;
                };
                b.get(space..).and_then(|r| after_word(r, verb)).is_some()
                    && b.get(..space).is_some_and(|before| {
                        ["inspectors", "this visit", "the visit"].iter().any(|w| {
                            before.len() >= w.len()
                                && before
                                    .get(before.len() - w.len()..)
                                    .is_some_and(|t| t.eq_ignore_ascii_case(w.as_bytes()))
                        })
                    })
            })
        })
}

/// A focused visit's areas: the bullets after "with a particular focus on:", else what
/// "Inspectors looked at the local authority's arrangements for ..." names.
fn focused_areas(text: &str) -> Vec<String> {
    let head = prefix(text, 8000);
    for (i, line) in head.lines().enumerate().take(120) {
        let line = line.trim_end();
        // The pattern ends with a colon and white space to the end; a trimmed line that
        // does not end with the colon is not tried.
        if line.ends_with(':') && FOCUS_LIST.is_match(line) {
            let rest: String = head.lines().skip(i + 1).collect::<Vec<_>>().join("\n");
            let items = bullets_after(&rest, 3);
            if !items.is_empty() {
                return items;
            }
        }
    }
    let flat = join_lines(head.lines());
    let Some(c) = sentences(&flat)
        .into_iter()
        .take(60)
        .filter(|s| may_say_looked_at(s))
        .find_map(|s| LOOKED_AT.captures(s))
    else {
        return Vec::new();
    };
    let object = c.get(1).map_or("", |m| m.as_str());
    let object = ARRANGEMENTS_FOR.replace(object, "");
    let object = FRAMEWORK_TAIL.replace(&object, "");
    let object = object.trim().trim_end_matches(['.', ',']);
    if object.is_empty() {
        Vec::new()
    } else {
        vec![object.to_string()]
    }
}

// ------------------------------------------------------------- reported grades

static GRADE: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(outstanding|good|inadequate|(?:requires?|required|requiring|to require) improvement(?: to be good)?)\b",
    )
        .requiring(&["outstanding", "good", "inadequate", "improvement"])
});

fn grade_of(word: &str) -> Option<Grade> {
    let w = word.to_ascii_lowercase();
    match w.as_str() {
        "outstanding" => Some(Grade::Outstanding),
        "good" => Some(Grade::Good),
        "inadequate" => Some(Grade::Inadequate),
        _ if w.contains("improvement") => Some(Grade::RequiresImprovement),
        _ => None,
    }
}

/// Area phrases in the words Ofsted, the DfE and the press use, most specific first.
static AREA_PHRASES: LazyLock<Vec<(Pattern, Area)>> = LazyLock::new(|| {
    [
        (r"overall effectiveness", Area::OverallEffectiveness),
        (r"impact of leaders", Area::ImpactOfLeaders),
        (
            r"children who need help and protection|help and protection",
            Area::HelpAndProtection,
        ),
        (
            r"children in care and care leavers",
            Area::ChildrenInCareAndCareLeavers,
        ),
        (
            r"children looked after(?: and achieving permanence)?",
            Area::ChildrenLookedAfter,
        ),
        (r"adoption performance", Area::Adoption),
        (
            r"leadership,? management,? and governance",
            Area::LeadershipManagementGovernance,
        ),
        (
            r"(?:effectiveness of the )?local safeguarding children'?s? board|\bLSCB\b",
            Area::Lscb,
        ),
        (r"children in care", Area::ChildrenInCare),
        (r"care leavers", Area::CareLeavers),
    ]
    .into_iter()
    .map(|(p, a)| (crate::pattern::regex(&format!("(?i){p}")), a))
    .collect()
});

/// The areas a phrase names, each span used once (so "children in care and care
/// leavers" is the combined area, not also "children in care" and "care leavers").
fn areas_in(phrase: &str) -> Vec<Area> {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut found: Vec<(usize, Area)> = Vec::new();
    for (re, area) in AREA_PHRASES.iter() {
        for m in re.find_iter(phrase) {
            if taken.iter().any(|(s, e)| m.start() < *e && *s < m.end()) {
                continue;
            }
            taken.push((m.start(), m.end()));
            found.push((m.start(), *area));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    let mut areas: Vec<Area> = Vec::new();
    for (_, a) in found {
        if !areas.contains(&a) {
            areas.push(a);
        }
    }
    areas
}

static PREVIOUS_JUDGED: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(?:last|previous|since the (?:single |full )?inspection|last inspected|at the last)\b[^.]*?(?:\bwhen|\band|,)\s+([^.]+?)\s+(?:was|were)\s+judged\s+(?:to be |as |to )?'?([a-z ]{4,40})",
    )
        .requiring(&["judged"])
});
static LAST_INSPECTED_AND: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\b(?:[A-Z][\w'-]*\s+){0,3}children'?s services were last inspected[^.]*?,? and were judged\s+(?:to be |as |to )?'?([a-z ]{4,40})",
    )
        // Every sentence tried says "judged" (see `previous_judgements`).
        .requiring(&["last inspected"])
});
static VISIT_SINCE_JUDGED: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\bvisits? since (?:the )?(?:(?:[A-Z][\w'-]*\s+){0,3}?(?:children'?s\s+)?services|local authority|council)\s+(?:was|were)\s+judged\s+(?:to be |as |to )?'?([a-z ]{4,40})",
    )
        .requiring(&["visit since", "visits since"])
});
static SERVICES_SUBJECT: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)^(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,3}?(?:children'?s\s+)?services(?:\s+to\s+children)?$|^(?:the\s+)?overall effectiveness(?: of (?:the )?(?:children'?s )?services?)?$|^(?:the )?local authority$",
    )
});
static ILACS_AREA_SUBJECT: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)^(?:the\s+)?(?:experiences? and progress of .+|impact of leaders.*)$",
    )
    .starting_with(&["the", "experience", "impact"])
    .requiring(&["experience", "impact"])
});

/// What a letter says the previous inspection judged: "Since the previous inspection in
/// October 2022, when the overall effectiveness of the service was judged to be requires
/// improvement to be good". Only the overall grade and areas named in ILACS's own words
/// ("the experiences and progress of children in care and care leavers") are read.
fn previous_judgements(text: &str) -> Vec<(Area, Grade)> {
    let head = prefix(text, 12_000);
    // Only sentences that say "judged" are read, and joining lines never makes the word.
    if !head.contains("judged") {
        return Vec::new();
    }
    let flat = join_lines(head.lines());
    let mut found = Vec::new();
    // The patterns are costly; only sentences that say "judged" are tried.
    let judged: Vec<&str> = sentences(&flat)
        .into_iter()
        .filter(|s| s.contains("judged"))
        .collect();
    let overall = judged.iter().filter_map(|s| {
        LAST_INSPECTED_AND
            .captures(s)
            .or_else(|| VISIT_SINCE_JUDGED.captures(s))
    });
    for c in overall {
        if let Some(grade) = sole_opening_grade(&c[1]) {
            found.push((Area::OverallEffectiveness, grade));
        }
    }
    for c in judged.iter().flat_map(|s| PREVIOUS_JUDGED.captures_iter(s)) {
        let subject = c[1].trim();
        let subject = subject.rsplit_once(", ").map_or(subject, |(_, s)| s).trim();
        let subject = subject.strip_prefix("when ").unwrap_or(subject);
        let Some(grade) = sole_opening_grade(&c[2]) else {
            continue;
        };
        if SERVICES_SUBJECT.is_match(subject) {
            found.push((Area::OverallEffectiveness, grade));
        } else if ILACS_AREA_SUBJECT.is_match(subject) {
            if let [area] = areas_in(subject).as_slice() {
                found.push((*area, grade));
            }
        }
    }
    found
}

/// The grade a "judged ..." phrase opens with, when it names only one: "to be good",
/// not "outstanding overall but good for ...".
fn sole_opening_grade(after: &str) -> Option<Grade> {
    let grades: Vec<Grade> = GRADE
        .find_iter(after)
        .filter_map(|m| grade_of(m.as_str()))
        .collect();
    let [grade] = grades.as_slice() else {
        return None;
    };
    let opens = GRADE
        .find(after)
        .is_some_and(|m| after.get(..m.start()).is_some_and(|s| s.trim().is_empty()));
    opens.then_some(*grade)
}

static GRADED: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r#"(?i)\b(?:rated|judged|graded|assessed|found to be|deemed)(?: as| to be)?\s+['"]?(outstanding|good|inadequate|(?:requires?|requiring|to require) improvement(?: to be good)?)\b|\b((?:requires?|required) improvement(?: to be good)?)\b|\b(?:is|are|was|were|remains?|remained)\s+(?:now\s+|still\s+)?['"]?(outstanding|good|inadequate)['"]?\s*(?:[.,;]|$)"#,
    )
        .requiring(&["outstanding", "good", "inadequate", "improvement"])
});
/// Whether a sentence is about an earlier inspection: "last|previous|prior|earlier
/// inspection", "since 20NN", "in 20NN", "previously", each a whole word (the same as
/// `(?i)\b(?:last|previous|prior|earlier) inspection\b|\bsince 20\d\d\b|\bin 20\d\d\b|\bpreviously\b`).
fn about_past_inspection(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    let year = |lead: &'static str| {
        words_at(b, lead).any(|rest| {
            let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            digits >= 2 && rest.get(2).is_none_or(|c| !is_word_byte(*c))
        })
    };
    [
        "last inspection",
        "previous inspection",
        "prior inspection",
        "earlier inspection",
        "previously",
    ]
    .iter()
    .any(|w| has_word(b, w))
        || year("since 20")
        || year("in 20")
}

/// What follows each place where `word` (ASCII, lower case) starts in `b` after a word
/// boundary, compared without ASCII case.
fn words_at<'b>(b: &'b [u8], word: &'static str) -> impl Iterator<Item = &'b [u8]> + 'b {
    let first = word.as_bytes().first().copied().unwrap_or_default();
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), b).filter_map(move |at| {
        let bounded = at
            .checked_sub(1)
            .and_then(|i| b.get(i))
            .is_none_or(|c| !is_word_byte(*c));
        bounded.then_some(())?;
        after_word(b.get(at..)?, word)
    })
}

/// Judgements a news article reports in prose: "The impact of leaders on social work
/// practice with children and families was rated good."; "Three areas still require
/// improvement, the experiences and progress of children who need help and protection,
/// the overall effectiveness, and ...". Sentences about an earlier inspection are left.
fn news_judgements(text: &str) -> Vec<(Area, Grade)> {
    let mut found = Vec::new();
    for para in text.split("\n\n") {
        let para = squash(para);
        for sentence in sentences(&para) {
            if about_past_inspection(sentence) {
                continue;
            }
            let grades: Vec<Grade> = GRADED
                .captures_iter(sentence)
                .filter_map(|c| {
                    let m = c.get(1).or(c.get(2)).or(c.get(3))?;
                    grade_of(m.as_str())
                })
                .collect();
            let Some(first) = grades.first() else {
                continue;
            };
            if grades.iter().any(|g| g != first) {
                continue;
            }
            for area in areas_in(sentence) {
                found.push((area, *first));
            }
        }
    }
    found
}

// ------------------------------------------------------------------- notices

static NOTICE_FOLLOWING: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\bfollowing (?:the )?(.{5,600}?)\bas identified in\b|\bfollowing (?:the )?(judgement that .{5,200}?\b(?:inadequate))",
    )
        .requiring(&["following"])
});
static REPORT_DATE: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)\breport (?:published|dated|of)\s+(?:by ofsted\s+)?(?:on\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\s+\d{4})",
    )
        .requiring(&["report"])
});

/// What an improvement notice follows: the report (its publication date) and the areas
/// it found inadequate ("for 'children who need help and protection', for 'leadership,
/// management and governance'"; "the judgement that children's social care services are
/// inadequate" is the overall judgement).
fn notice_reference(text: &str) -> Option<ReportReference> {
    let flat = join_lines(prefix(text, 6000).lines());
    let published = REPORT_DATE.captures(&flat).and_then(|c| parse_date(&c[1]));
    let mut areas = Vec::new();
    if let Some(c) = NOTICE_FOLLOWING.captures(&flat) {
        let finding = c.get(1).or(c.get(2)).map_or("", |m| m.as_str());
        if finding.to_ascii_lowercase().contains("inadequate") {
            areas = areas_in(finding);
            if areas.is_empty() && finding.to_ascii_lowercase().contains("services") {
                areas.push(Area::OverallEffectiveness);
            }
        }
    }
    (published.is_some() || !areas.is_empty()).then_some(ReportReference { published, areas })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The old pattern-read visit number, the reference for the hand-read one.
    fn visit_number_by_pattern(flat: &str) -> Option<u32> {
        let ordinal = r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))";
        let re = regex_lite::Regex::new(&format!(
            r"(?i)\b(?:this|it|the visit|this visit) (?:was|is) the {ordinal} (?:monitoring )?visit\b"
        ))
        .unwrap();
        let word = re.captures(flat)?.get(1)?.as_str().to_ascii_lowercase();
        if let Some(i) = ORDINALS.iter().position(|o| *o == word) {
            return Some(i as u32 + 1);
        }
        word.trim_end_matches(|c: char| c.is_alphabetic())
            .parse()
            .ok()
    }

    fn fragments(words: &'static [&'static str], n: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(words), 0..n).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn the_visit_number_is_read_as_the_pattern_reads_it(text in fragments(&[
            "This", "this", " visit", "The", "the", " was", " is", " the ", " ", "it", "Vis",
            "fourth", "First", "sixth", "twelfth", "1", "12", "3", "st", "TH", "rd",
            " monitoring", " visit", "visits", "s", ".", "_", "\n", "é",
        ], 16)) {
            prop_assert_eq!(visit_number(&text), visit_number_by_pattern(&text));
        }

        #[test]
        fn the_areas_heading_ends_where_its_pattern_does(text in fragments(&[
            "Areas", "areas", "area", "AREA", "s", " covered by ", " covered by", "the", "this",
            "This", " visit", "visits", " ", "\t", "\n", "\n\n", " \n", "x", "- ", "é",
        ], 12)) {
            let re = regex_lite::Regex::new(r"(?im)^\s*areas? covered by (?:the|this) visit\s*$").unwrap();
            prop_assert_eq!(areas_heading_end(&text), re.find(&text).map(|m| m.end()));
        }

        #[test]
        fn past_inspections_are_told_as_the_pattern_tells_them(text in fragments(&[
            "last", "Previous", "prior", "earlier", " inspection", "inspections", "since",
            "in", " 20", "2", "1", "0", "x", " ", "previously", "Previously", "_", ".", "é",
        ], 10)) {
            let re = regex_lite::Regex::new(r"(?i)\b(?:last|previous|prior|earlier) inspection\b|\bsince 20\d\d\b|\bin 20\d\d\b|\bpreviously\b").unwrap();
            prop_assert_eq!(about_past_inspection(&text), re.is_match(&text));
        }

        #[test]
        fn a_sentence_the_looked_at_gate_refuses_never_matches(text in fragments(&[
            "Inspectors", "inspectors", "this visit", "The visit", " ", "looked at", "considered",
            "Looked At", "REVIEWED", "eval", "c", "l",
            "evaluated", "reviewed", " the ", "help", ".", "'", "\n", "x",
        ], 10)) {
            prop_assert!(may_say_looked_at(&text) || LOOKED_AT.captures(&text).is_none());
            prop_assert_eq!(may_say_looked_at(&text), may_say_looked_at_by_verbs(&text));
        }

        #[test]
        fn a_focus_list_line_ends_with_its_colon(line in prop::collection::vec(prop::sample::select(&[
            "with a particular focus on", "focused on the", "focusing specifically on", ":", " ",
            "\t", "\u{a0}", "\u{2003}", "x", ".", "the",
        ][..]), 0..8).prop_map(|p| p.concat())) {
            let t = line.trim_end();
            let pattern = regex_lite::Regex::new(
                r"(?i)\bfocus(?:ed|ing)? (?:specifically |particularly )?on(?: the)?:\s*$",
            )
            .unwrap();
            prop_assert!(!pattern.is_match(t) || t.ends_with(':'));
        }

        #[test]
        fn judged_is_in_the_joined_text_only_if_it_is_in_the_lines(text in prop::collection::vec(prop::sample::select(&[
            "judged", "jud", "ged", "-", "\n", " ", "  ", "x", "-\n",
        ][..]), 0..10).prop_map(|p| p.concat())) {
            let flat = join_lines(text.lines());
            prop_assert!(!flat.contains("judged") || text.contains("judged"));
        }
    }

    #[test]
    fn monitoring_visit_number() {
        assert_eq!(
            visit_number("This letter summarises the findings of the monitoring visit to Luton Borough Council children's services on 8 and 9 December 2021. This was the fourth visit since services were judged inadequate in February 2020."),
            Some(4)
        );
        assert_eq!(
            visit_number("This was the 10th monitoring visit since"),
            Some(10)
        );
        // A focused visit letter's first paragraph: no number.
        assert_eq!(visit_number("This letter summarises the findings of the focused visit to North Northamptonshire children's services on 18 and 19 October 2023."), None);
    }

    #[test]
    fn monitoring_areas_from_bullets() {
        let text = "Areas covered by the visit\n\nInspectors reviewed the progress made in the following areas of concern identified at the last inspection:\n\n- The quality of social work assessments and plans for children in need.\n- The quality of social work assessments and plans for children subject to a child protection plan.\n\nThis visit was carried out in line with the inspection of local authority children's services (ILACS) framework.\n";
        assert_eq!(
            monitoring_areas(text),
            vec![
                "The quality of social work assessments and plans for children in need.",
                "The quality of social work assessments and plans for children subject to a child protection plan."
            ]
        );
    }

    #[test]
    fn focused_areas_both_shapes() {
        let text = "Inspectors looked at the local authority's arrangements for children in care, with a\nparticular focus on:\n◼ Decision-making for children who come into care.\n◼ Permanence planning for children in care, including all permanence options.\n◼ The experiences of disabled children in care.\nThis visit was carried out in line with the inspection of local authority children's\nservices (ILACS) framework.\n";
        assert_eq!(
            focused_areas(text),
            vec![
                "Decision-making for children who come into care.",
                "Permanence planning for children in care, including all permanence options.",
                "The experiences of disabled children in care."
            ]
        );
        let text = "◼ children aged 16 or 17 years old living in unregistered children's homes (including\non an emergency basis)\n◼ placement sufficiency, including fostering matching practice.\nThis visit was carried out in line with the inspection of local authority children's\n";
        assert_eq!(
            bullets_after(text, 3),
            vec![
                "children aged 16 or 17 years old living in unregistered children's homes (including on an emergency basis)",
                "placement sufficiency, including fostering matching practice."
            ]
        );
        let text = "were Lisa Walsh and Kendra Bell.\nInspectors looked at the local authority's arrangements for the 'front door'.\nThis visit was carried out in line with the inspection of local authority children's\nservices (ILACS) framework.";
        assert_eq!(focused_areas(text), vec!["the 'front door'"]);
        let text = "Inspectors looked at the local authority's arrangements for children who need help and protection, in accordance with the Inspection of Local Authority Children's Services framework. Specifically, inspectors looked at the";
        assert_eq!(
            focused_areas(text),
            vec!["children who need help and protection"]
        );
    }

    #[test]
    fn letters_report_the_previous_judgement() {
        assert_eq!(
            previous_judgements("Since the previous inspection in October 2022, when the overall effectiveness of the service was judged to be requires improvement to be good, senior leaders have maintained a firm focus"),
            vec![(Area::OverallEffectiveness, Grade::RequiresImprovement)]
        );
        assert_eq!(
            previous_judgements("Since the previous inspection in October 2022, when the experiences and progress of children in care and care leavers were judged to be requires improvement to be good, services"),
            vec![(Area::ChildrenInCareAndCareLeavers, Grade::RequiresImprovement)]
        );
        assert_eq!(
            previous_judgements("Overview Since the single inspection in 2016, when services were judged to be good, dedicated senior managers"),
            vec![(Area::OverallEffectiveness, Grade::Good)]
        );
        assert_eq!(
            previous_judgements("Headline findings At the last inspection in November 2022, Dudley's services to children were judged to be requires improvement to be good. At this focused visit"),
            vec![(Area::OverallEffectiveness, Grade::RequiresImprovement)]
        );
        assert_eq!(
            previous_judgements("Headline findings Halton children's services were last inspected in March 2020 and were judged requires improvement to be good. Since"),
            vec![(Area::OverallEffectiveness, Grade::RequiresImprovement)]
        );
        assert_eq!(
            previous_judgements("Since the inspection in 2023, when the experiences and progress of children who need help and protection were judged as requiring improvement, improvements have been made"),
            vec![(Area::HelpAndProtection, Grade::RequiresImprovement)]
        );
        assert_eq!(
            previous_judgements("Overview At the last Ofsted inspection of children's services in November 2017, the local authority was judged to be good overall."),
            vec![(Area::OverallEffectiveness, Grade::Good)]
        );
        assert_eq!(
            previous_judgements("This letter summarises the findings of the monitoring visit to Luton Borough Council children's services on 8 and 9 December 2021. This was the fourth visit since services were judged inadequate in February 2020. Her Majesty's Inspectors"),
            vec![(Area::OverallEffectiveness, Grade::Inadequate)]
        );
        // Two grades in one phrase, or an area not in ILACS words: nothing.
        assert!(previous_judgements("Overview Liverpool children's services were inspected in May 2018, when all areas were judged to require improvement to be good.").is_empty());
        assert!(previous_judgements("Since the previous full inspection in April 2023, when children's services were judged to be outstanding overall but good for the experiences of care leavers, leaders").is_empty());
        assert!(previous_judgements("Progress is evident since the last inspection in 2017, when services for children looked after were judged to require improvement.").is_empty());
    }

    #[test]
    fn news_reports_current_judgements_only() {
        let text = "The Ofsted report issued today is based on its first full inspection of LBC's children's services since 2020.\n\nThree areas still require improvement, the experiences and progress of children who need help and protection, the overall effectiveness, and experiences of children in care and care leavers.\n\nThe impact of leaders on social work practice with children and families was rated good.\n\n\"Leaders and staff have achieved tangible and significant progress since the last inspection, when the overall effectiveness of services was judged 'inadequate',\" according to the report.\n";
        assert_eq!(
            news_judgements(text),
            vec![
                (Area::HelpAndProtection, Grade::RequiresImprovement),
                (Area::OverallEffectiveness, Grade::RequiresImprovement),
                (
                    Area::ChildrenInCareAndCareLeavers,
                    Grade::RequiresImprovement
                ),
                (Area::ImpactOfLeaders, Grade::Good),
            ]
        );
    }

    #[test]
    fn notices_refer_to_their_report() {
        let r = notice_reference("This Improvement Notice is issued to Leicester City Council on 22 December 2015 following the findings of inadequate performance and arrangements for 'children who need help and protection', for 'leadership, management and governance', and for 'effectiveness of the Local Safeguarding Children Board' as identified in the Ofsted inspection report published 20 March 2015.");
        assert_eq!(
            r,
            Some(ReportReference {
                published: Some("2015-03-20".into()),
                areas: vec![
                    Area::HelpAndProtection,
                    Area::LeadershipManagementGovernance,
                    Area::Lscb
                ]
            })
        );
        let r = notice_reference("This Improvement Notice is issued to Luton Council on 15 January 2021 following the judgement that children's social care services are inadequate, as identified in the Ofsted inspection report published 24 February 2020.");
        assert_eq!(
            r,
            Some(ReportReference {
                published: Some("2020-02-24".into()),
                areas: vec![Area::OverallEffectiveness]
            })
        );
    }
}
