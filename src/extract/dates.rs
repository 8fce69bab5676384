//! Dates in every shape Ofsted and the DfE print them, as ISO `YYYY-MM-DD`.
//!
//! Single dates: "13 January 2020", "1st March 2016", "13/01/2020", "2020-01-13".
//! Ranges: "13 January 2020 to 24 January 2020", "19 to 30 January 2026",
//! "11 January 2016–4 February 2016", "8 and 9 December 2021", "28 November to
//! 9 December 2022", "12/09/2016 to 06/10/2016", and two separate weeks ("3 to 7 and 17
//! to 21 June 2019", "5 to 9 December 2022 and 14 to 15 February 2023").
//! Letters may print a visit's days without a year ("on 30 and 31 January"): the
//! letter's own date places them.

use crate::extract::text::is_ascii_space;
use crate::pattern::{Captures, Pattern};
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number (1–12) of an English month name or its three-letter abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    let n = n.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == n || (n.len() == 3 && m.starts_with(n)))
        .map(|i| i as u32 + 1)
        .or(if n == "sept" { Some(9) } else { None })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// ISO date from parts, or None when they are not a real date in a plausible year.
pub fn iso(year: i32, month: u32, day: u32) -> Option<String> {
    if !(1990..=2100).contains(&year)
        || !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
    {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

const MONTH_RE: &str = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";

static DAY_MONTH_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})\s*,?\s+(\d{{4}})\b"
    ))
});
static NUMERIC: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
        .requiring(&["/", "-"])
});

/// The date a match of [`DAY_MONTH_YEAR`] spells, if it is a real one.
fn day_month_year(c: &Captures<'_>) -> Option<String> {
    let day = c[1].parse().ok()?;
    let month = month_number(&c[2])?;
    let year = c[3].parse().ok()?;
    iso(year, month, day)
}

/// The date a match of [`NUMERIC`] spells, if it is a real one.
fn numeric(c: &Captures<'_>) -> Option<String> {
    if let (Some(d), Some(m), Some(y)) = (c.get(1), c.get(2), c.get(3)) {
        iso(
            y.as_str().parse().unwrap_or(0),
            m.as_str().parse().unwrap_or(0),
            d.as_str().parse().unwrap_or(0),
        )
    } else if let (Some(y), Some(m), Some(d)) = (c.get(4), c.get(5), c.get(6)) {
        iso(
            y.as_str().parse().unwrap_or(0),
            m.as_str().parse().unwrap_or(0),
            d.as_str().parse().unwrap_or(0),
        )
    } else {
        None
    }
}

/// Every single date in `text`, in order, with its byte offset.
pub fn find_dates(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = DAY_MONTH_YEAR
        .captures_iter(text)
        .filter_map(|c| Some((c.get(0)?.start(), day_month_year(&c)?)))
        .collect();
    for c in NUMERIC.captures_iter(text) {
        if let (Some(date), Some(m)) = (numeric(&c), c.get(0)) {
            out.push((m.start(), date));
        }
    }
    out.sort();
    out
}

/// The first date in `text`, as [`parse_date`] finds it, with the patterns run only on
/// the few words from each number on: in a long text the engines read a few dozen
/// bytes per number instead of the whole text.
pub fn first_date(text: &str) -> Option<String> {
    let spelt = first_match_by_numbers(text, &DAY_MONTH_YEAR, day_month_year);
    let numeric = first_match_by_numbers(text, &NUMERIC, numeric);
    // As `find_dates` sorts them: by offset.
    [spelt, numeric].into_iter().flatten().min().map(|(_, d)| d)
}

/// The first match of `pattern` in `text` that `read` takes, as `captures_iter` meets
/// them, for a pattern whose matches begin with `\b` and a digit and hold at most three
/// runs of white space: each is searched for only from a number at a word boundary to
/// the fourth run of white space after it.
fn first_match_by_numbers(
    text: &str,
    pattern: &Pattern,
    read: fn(&Captures<'_>) -> Option<String>,
) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)?
        .iter()
        .enumerate()
        .position(|(i, b)| {
            b.is_ascii_digit()
                && !(from + i)
                    .checked_sub(1)
                    .and_then(|j| bytes.get(j))
                    .is_some_and(word)
        })
        .map(|i| from + i)
    {
        // The window ends where the fourth run of white space after the number begins,
        // so that a `\b` at its end sees what it would in the whole text.
        let mut runs = 0;
        let mut in_space = false;
        let end = bytes
            .get(at..)?
            .iter()
            .position(|&b| {
                let space = is_ascii_space(char::from(b));
                if space && !in_space {
                    runs += 1;
                }
                in_space = space;
                runs == 4
            })
            .map_or(text.len(), |i| at + i);
        let window = text.get(at..end)?;
        match pattern.captures(window) {
            // A match starting at the number is the one the whole text has there.
            Some(c) if c.get(0).is_some_and(|m| m.start() == 0) => {
                if let Some(date) = read(&c) {
                    return Some((at, date));
                }
                from = at + c.get(0).map_or(1, |m| m.end().max(1));
            }
            _ => from = at + 1,
        }
    }
    None
}

/// The first date in `text`.
pub fn parse_date(text: &str) -> Option<String> {
    find_dates(text).into_iter().next().map(|(_, d)| d)
}

/// Spans of a date range's match and of its six parts: first day, its month and year
/// (when printed), last day, month and year.
type RangeSpans = [Option<(usize, usize)>; 7];

/// The abbreviations `MONTH_RE` allows after the full month names, in its order.
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
];

/// The first date range in `text`, as the pattern (kept in the tests as the reference)
/// ```text
/// \b(\d{1,2})(?:st|nd|rd|th)?(?:\s+(MONTH))?(?:\s*,?\s*(\d{4}))?\s*(?:to|and|until|till|-|–|—|&)\s*
/// (?:(?:\d{1,2}\s*(?:to|and|-|–)\s*)*)(\d{1,2})(?:st|nd|rd|th)?\s+(MONTH)\s*,?\s+(\d{4})\b
/// ```
/// finds it, read by hand: its choices are tried in the order the pattern prefers them.
/// A white-space run is always taken whole where the next part cannot begin with white
/// space, and the days of a second week are read from a place once per text.
fn range_match(text: &str) -> Option<RangeSpans> {
    let t = text.as_bytes();
    let mut tails: std::collections::HashMap<usize, Option<EndDate>> =
        std::collections::HashMap::new();
    let mut prev_word = false;
    for (s, &b) in t.iter().enumerate() {
        let starts = b.is_ascii_digit() && !prev_word;
        prev_word = is_word(b);
        if !starts {
            continue;
        }
        if let Some(found) = range_at(t, s, &mut tails) {
            return Some(found);
        }
    }
    None
}

/// Where the last day, month and year of a range lie: (day, month, year start).
type EndDate = ((usize, usize), (usize, usize), usize);

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_space_byte(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// The end of the white space from `i`.
pub(crate) fn skip_space(t: &[u8], i: usize) -> usize {
    i + t
        .get(i..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| is_space_byte(b))
        .count()
}

fn digit_at(t: &[u8], i: usize) -> bool {
    t.get(i).is_some_and(u8::is_ascii_digit)
}

/// Ends of `\d{1,2}` from `i`, longest first.
fn day_ends(t: &[u8], i: usize) -> impl Iterator<Item = usize> {
    let two = digit_at(t, i) && digit_at(t, i + 1);
    let one = digit_at(t, i);
    [two.then_some(i + 2), one.then_some(i + 1)]
        .into_iter()
        .flatten()
}

/// Ends of `(?:st|nd|rd|th)?` from `i`, as the pattern prefers them.
fn ordinal_ends(t: &[u8], i: usize) -> impl Iterator<Item = usize> {
    let suffix = t
        .get(i..i + 2)
        .is_some_and(|s| matches!(s, b"st" | b"nd" | b"rd" | b"th"));
    [suffix.then_some(i + 2), Some(i)].into_iter().flatten()
}

/// Ends of `MONTH_RE` (a month name and an optional full stop) from `i`, as the pattern
/// prefers them.
fn month_ends(t: &[u8], i: usize) -> impl Iterator<Item = usize> + '_ {
    // The pattern's month alternatives: the full names, then the abbreviations.
    MONTHS
        .iter()
        .chain(&MONTH_ABBREVIATIONS)
        .filter(move |m| {
            t.get(i..i + m.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(m.as_bytes()))
        })
        .flat_map(move |m| {
            let e = i + m.len();
            [(t.get(e) == Some(&b'.')).then_some(e + 1), Some(e)]
                .into_iter()
                .flatten()
        })
}

/// The end of the first of `words` (compared exactly) at `i`.
fn word_at(t: &[u8], i: usize, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .find(|w| t.get(i..i + w.len()) == Some(w.as_bytes()))
        .map(|w| i + w.len())
}

/// Whether four digits stand at `i`.
fn year_at(t: &[u8], i: usize) -> bool {
    (i..i + 4).all(|j| digit_at(t, j))
}

/// The range's match at `s` (a digit after a word boundary), if one starts there.
fn range_at(
    t: &[u8],
    s: usize,
    tails: &mut std::collections::HashMap<usize, Option<EndDate>>,
) -> Option<RangeSpans> {
    for d1 in day_ends(t, s) {
        for q in ordinal_ends(t, d1) {
            // `(?:\s+(MONTH))?`: the month after the whole run of white space, else none.
            let m_start = skip_space(t, q);
            let months = month_ends(t, m_start)
                .filter(move |_| m_start > q)
                .map(move |e| (e, Some((m_start, e))))
                .chain(std::iter::once((q, None)));
            for (r, month) in months {
                // `(?:\s*,?\s*(\d{4}))?`: four digits after white space and a comma.
                let a = skip_space(t, r);
                let y = if t.get(a) == Some(&b',') {
                    skip_space(t, a + 1)
                } else {
                    a
                };
                let years = year_at(t, y)
                    .then_some((y + 4, Some((y, y + 4))))
                    .into_iter()
                    .chain(std::iter::once((r, None)));
                for (u, year) in years {
                    let w = skip_space(t, u);
                    let Some(c) =
                        word_at(t, w, &["to", "and", "until", "till", "-", "–", "—", "&"])
                    else {
                        continue;
                    };
                    let x = skip_space(t, c);
                    if let Some((day2, month2, y2)) = second_part(t, x, tails) {
                        return Some([
                            Some((s, y2 + 4)),
                            Some((s, d1)),
                            month,
                            year,
                            Some(day2),
                            Some(month2),
                            Some((y2, y2 + 4)),
                        ]);
                    }
                }
            }
        }
    }
    None
}

/// `(?:\d{1,2}\s*(?:to|and|-|–)\s*)*` and the last date from `x`: the star takes as many
/// days as it can and gives them back one by one. The answer depends on `x` alone, so
/// it is kept for the other starts of the same text.
fn second_part(
    t: &[u8],
    x: usize,
    tails: &mut std::collections::HashMap<usize, Option<EndDate>>,
) -> Option<EndDate> {
    // The places each repetition of the star reaches: one way at most, as a day of one
    // digit before another digit is followed by no white space or joining word.
    let mut chain = vec![x];
    let mut at = x;
    while !tails.contains_key(&at) {
        let next = day_ends(t, at).find_map(|d| {
            let w = skip_space(t, d);
            word_at(t, w, &["to", "and", "-", "–"]).map(|c| skip_space(t, c))
        });
        match next {
            Some(n) => {
                chain.push(n);
                at = n;
            }
            None => break,
        }
    }
    // From the furthest place back: a later one's answer, else the last date here.
    let mut later = chain.last().and_then(|p| tails.get(p).copied()).flatten();
    for &p in chain.iter().rev() {
        if let Some(&known) = tails.get(&p) {
            later = known;
            continue;
        }
        later = later.or_else(|| end_date(t, p));
        tails.insert(p, later);
    }
    later
}

/// `(\d{1,2})(?:st|nd|rd|th)?\s+(MONTH)\s*,?\s+(\d{4})\b` at `p`.
fn end_date(t: &[u8], p: usize) -> Option<EndDate> {
    for d in day_ends(t, p) {
        for q in ordinal_ends(t, d) {
            let m_start = skip_space(t, q);
            if m_start == q {
                continue;
            }
            for e in month_ends(t, m_start) {
                // `\s*,?\s+`: a comma needs white space after it; without one the run
                // of white space must not be empty.
                let a = skip_space(t, e);
                let y = if t.get(a) == Some(&b',') {
                    let b = skip_space(t, a + 1);
                    if b == a + 1 {
                        continue;
                    }
                    b
                } else if a > e {
                    a
                } else {
                    continue;
                };
                if year_at(t, y) && !t.get(y + 4).is_some_and(|&b| is_word(b)) {
                    return Some(((p, d), (m_start, e), y));
                }
            }
        }
    }
    None
}

/// The first date range in `text` as (start, end); a single date gives (d, d).
pub fn parse_range(text: &str) -> Option<(String, String)> {
    if let Some(r) = range_match(text) {
        let part = |i: usize| {
            r.get(i)
                .copied()
                .flatten()
                .and_then(|(a, b)| text.get(a..b))
        };
        let end_day: u32 = part(4)?.parse().ok()?;
        let end_month = month_number(part(5)?)?;
        let end_year: i32 = part(6)?.parse().ok()?;
        let start_day: u32 = part(1)?.parse().ok()?;
        let start_month = part(2).and_then(month_number).unwrap_or(end_month);
        let start_year =
            part(3)
                .and_then(|y| y.parse().ok())
                .unwrap_or(if start_month > end_month {
                    end_year - 1
                } else {
                    end_year
                });
        let start = iso(start_year, start_month, start_day)?;
        let end = iso(end_year, end_month, end_day)?;
        if start <= end {
            return Some((start, end));
        }
    }
    let d = parse_date(text)?;
    Some((d.clone(), d))
}

static NUMERIC_RANGE: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"\b(\d{1,2})/(\d{1,2})/(\d{4})\s*(?:to|-|–|—)\s*(\d{1,2})/(\d{1,2})/(\d{4})\b",
    )
    .requiring(&["/"])
});

/// The span of a dates phrase, first day to last: "3 to 7 and 17 to 21 June 2019", "9 to 13 December 2024
/// and 13 to 17 January 2025", "13/01/2020 to 24/01/2020".
pub fn parse_span(text: &str) -> Option<(String, String)> {
    if let Some(c) = NUMERIC_RANGE.captures(text) {
        let n = |i: usize| c[i].parse::<u32>().unwrap_or(0);
        let start = iso(n(3) as i32, n(2), n(1))?;
        let end = iso(n(6) as i32, n(5), n(4))?;
        return (start <= end).then_some((start, end));
    }
    let (start, mut end) = parse_range(text)?;
    // A second week in another month: "... December 2024 and 13 to 17 January 2025".
    // Without an " and " there is none, and the dates need not be found again.
    if !text.contains(" and ") {
        return Some((start, end));
    }
    let first_end = find_dates(text)
        .into_iter()
        .find(|(_, d)| *d == end)
        .map(|(at, _)| at);
    if let Some(at) = first_end {
        let rest = text.get(at..).unwrap_or("");
        if let Some((_, after_and)) = rest.split_once(" and ") {
            if let Some((_, later)) = parse_range(after_and) {
                if later > end {
                    end = later;
                }
            }
        }
    }
    Some((start, end))
}

static DAYS_NO_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)^(\d{1,2})(?:\s+([a-z]{3,9}))?\s+(?:to|and|-|–)\s+(\d{1,2})\s+([a-z]{3,9})\s*$|^(\d{1,2})\s+([a-z]{3,9})\s*$",
    )
        .starting_with(crate::pattern::DIGITS)
});

/// A range printed without a year ("30 and 31 January", "13 October") in a text dated
/// `date` (ISO): the latest such days on or before that date.
pub fn range_before(phrase: &str, date: &str) -> Option<(String, String)> {
    let year: i32 = date.get(..4)?.parse().ok()?;
    let d = DAYS_NO_YEAR.captures(phrase.trim())?;
    let (sd, sm, ed, em) = if let Some(ed) = d.get(3) {
        let em = month_number(d.get(4)?.as_str())?;
        let sm = d
            .get(2)
            .and_then(|m| month_number(m.as_str()))
            .unwrap_or(em);
        let sd = d.get(1)?.as_str().parse().ok()?;
        (sd, sm, ed.as_str().parse().ok()?, em)
    } else {
        let m = month_number(d.get(6)?.as_str())?;
        let day = d.get(5)?.as_str().parse().ok()?;
        (day, m, day, m)
    };
    let end_year = if iso(year, em, ed)?.as_str() > date {
        year - 1
    } else {
        year
    };
    let start_year = if sm > em { end_year - 1 } else { end_year };
    Some((iso(start_year, sm, sd)?, iso(end_year, em, ed)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The pattern [`range_match`] reads by hand.
    static RANGE: LazyLock<Pattern> = LazyLock::new(|| {
        crate::pattern::regex(&format!(
            r"(?x)
            \b(\d{{1,2}})(?:st|nd|rd|th)?                 # first day
            (?:\s+({MONTH_RE}))?                          # its month, if it differs
            (?:\s*,?\s*(\d{{4}}))?                        # its year, if it differs
            \s*(?:to|and|until|till|-|–|—|&)\s*
            (?:(?:\d{{1,2}}\s*(?:to|and|-|–)\s*)*)        # more days of a second week
            (\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})\s*,?\s+(\d{{4}})\b"
        ))
    });

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn ranges_are_read_as_the_pattern_reads_them(text in r"(?:(?:1|13|9|31st|2nd|123|2020|2016|20201|Jan|January|SEPT|Sept\.|sep|Sep|Mayand|june|Dec,|,|to|and|until|till|-|–|—|&|x|é|_|a1|13 January 2020|5 to 9 December 2022|Inspection dates:)[ \t\n,]{0,3}){0,12}") {
            let expected = RANGE.captures(&text).map(|c| (0..7).map(|i| c.get(i).map(|m| (m.start(), m.end()))).collect::<Vec<_>>());
            let found = range_match(&text).map(|r| r.to_vec());
            prop_assert_eq!(found, expected);
        }

        #[test]
        fn first_date_is_the_first_of_find_dates(text in r"(?:(?:1|13|31st|2020|2016|09|12/09|12/09/2016|2022-09-05|2020-13-01|January|Feb|Sept\.|june|é|x|a1|_9|,|\.|/|-|:|13 January 2020|31st Feb, 2016|1 june\t2020|9 Sept\. ,\n2019|30 February 2020)[ \t\n\x0b]{0,3}){0,14}") {
            prop_assert_eq!(first_date(&text), parse_date(&text));
        }
    }

    fn range(s: &str) -> (String, String) {
        parse_range(s).unwrap_or_else(|| panic!("no range in {s:?}"))
    }

    #[test]
    fn every_range_shape_of_the_corpus() {
        assert_eq!(
            range("Inspection dates: 13 January 2020 to 24 January 2020"),
            ("2020-01-13".into(), "2020-01-24".into())
        );
        assert_eq!(
            range("19 to 30 January 2026"),
            ("2026-01-19".into(), "2026-01-30".into())
        );
        assert_eq!(
            range("Inspection date: 11 January 2016–4 February 2016"),
            ("2016-01-11".into(), "2016-02-04".into())
        );
        assert_eq!(
            range("on 8 and 9 December 2021."),
            ("2021-12-08".into(), "2021-12-09".into())
        );
        assert_eq!(
            range("28 November to 9 December 2022"),
            ("2022-11-28".into(), "2022-12-09".into())
        );
        assert_eq!(
            range("15 December 2014 to 15 January 2015"),
            ("2014-12-15".into(), "2015-01-15".into())
        );
        assert_eq!(
            range("Inspection date: 2 June 2014 – 25 June 2014"),
            ("2014-06-02".into(), "2014-06-25".into())
        );
        assert_eq!(
            range("3 to 7 and 17 to 21 June 2019"),
            ("2019-06-03".into(), "2019-06-21".into())
        );
    }

    #[test]
    fn single_dates() {
        assert_eq!(
            parse_date("Report published: 8 August 2014").as_deref(),
            Some("2014-08-08")
        );
        assert_eq!(
            parse_date("issued on 22nd December 2015").as_deref(),
            Some("2015-12-22")
        );
        assert_eq!(
            parse_date("date 2022-09-05 Ofsted").as_deref(),
            Some("2022-09-05")
        );
        assert_eq!(parse_date("31 February 2020"), None);
    }

    #[test]
    fn spans_numeric_and_two_weeks_in_different_months() {
        assert_eq!(
            parse_span("Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023"),
            Some(("2022-12-05".into(), "2023-02-15".into()))
        );
        assert_eq!(
            parse_span("Inspection date: 12/09/2016 to 06/10/2016"),
            Some(("2016-09-12".into(), "2016-10-06".into()))
        );
        assert_eq!(
            parse_span("Inspection date: 18 Feb 2014 – 12 March 2014"),
            Some(("2014-02-18".into(), "2014-03-12".into()))
        );
    }

    #[test]
    fn ranges_without_a_year_take_the_letters() {
        // "on 30 and 31 January." in a letter dated 22 February 2018.
        assert_eq!(
            range_before("30 and 31 January", "2018-02-22"),
            Some(("2018-01-30".into(), "2018-01-31".into()))
        );
        // "Between 20 and 24 June, Ofsted, ..." in a letter dated 2 August 2016.
        assert_eq!(
            range_before("20 and 24 June", "2016-08-02"),
            Some(("2016-06-20".into(), "2016-06-24".into()))
        );
        assert_eq!(range_before("the summer", "2016-08-02"), None);
    }
}
