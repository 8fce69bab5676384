//! Text helpers every extractor shares: joining wrapped lines, repairing hyphenation,
//! splitting sentences, recognising list markers.

use crate::pattern::Pattern;
use std::sync::LazyLock;

/// Bullet characters converters produce for list items.
pub const BULLETS: &[char] = &[
    '◼', '•', '●', '▪', '■', '◦', '○', '-', '*', '–', '\u{F0A7}', '\u{F0B7}', '\u{F06E}',
    '\u{F02D}', '·', '➢', '►', '✓',
];

/// Join wrapped lines into one paragraph: whitespace collapsed, a hyphen at a line end
/// kept when it joins a compound ("decision-\nmaking" → "decision-making").
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    join_lines_into(&mut out, lines);
    out
}

/// [`join_lines`] into `out`, which is empty (and may have room reserved).
pub fn join_lines_into<'a>(out: &mut String, lines: impl IntoIterator<Item = &'a str>) {
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let compound_hyphen = out
            .strip_suffix('-')
            .is_some_and(|head| head.ends_with(|c: char| c.is_alphabetic()));
        if !out.is_empty() && !compound_hyphen {
            out.push(' ');
        }
        if is_squashed(t) {
            out.push_str(t);
            continue;
        }
        for (i, word) in t.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
}

/// ASCII text whose words are already separated by single spaces, so that joining its
/// `split_whitespace` words with spaces gives it back unchanged.
fn is_squashed(t: &str) -> bool {
    let bytes = t.as_bytes();
    // Folds without early exits, so that they run over whole vectors.
    let odd = bytes.iter().fold(false, |odd, &b| {
        odd | !b.is_ascii() | (b'\t'..=b'\r').contains(&b)
    });
    let doubled = bytes
        .iter()
        .zip(bytes.get(1..).unwrap_or_default())
        .fold(false, |d, (&a, &b)| d | ((a == b' ') & (b == b' ')));
    !odd && !doubled
}

/// `text.to_lowercase().starts_with(prefix)` for a lower-case ASCII `prefix`, without
/// lower-casing the whole text when its first bytes are ASCII.
pub fn lower_starts_with(text: &str, prefix: &str) -> bool {
    // An ASCII first char decides alone when it differs.
    if let (Some(&first), Some(&want)) = (text.as_bytes().first(), prefix.as_bytes().first()) {
        if first.is_ascii() && first.to_ascii_lowercase() != want {
            return false;
        }
        // So does the first char of another's lower case (a bullet's is itself).
        if !first.is_ascii()
            && text
                .chars()
                .next()
                .and_then(|c| c.to_lowercase().next())
                .is_none_or(|c| c != char::from(want))
        {
            return false;
        }
    }
    match text.as_bytes().get(..prefix.len()) {
        Some(head) if head.is_ascii() => head.eq_ignore_ascii_case(prefix.as_bytes()),
        None if text.is_ascii() => false,
        // Each char lower-cases to one char or more, so the first `prefix.len()` chars
        // decide.
        _ => first_chars(text, prefix.len())
            .to_lowercase()
            .starts_with(prefix),
    }
}

/// `text.to_lowercase().ends_with(suffix)` for a lower-case ASCII `suffix`, without
/// lower-casing the whole text when its last bytes are ASCII.
pub fn lower_ends_with(text: &str, suffix: &str) -> bool {
    let bytes = text.as_bytes();
    match bytes
        .len()
        .checked_sub(suffix.len())
        .and_then(|at| bytes.get(at..))
    {
        Some(tail) if tail.is_ascii() => tail.eq_ignore_ascii_case(suffix.as_bytes()),
        None if text.is_ascii() => false,
        // Each char lower-cases to one char or more, so the last `suffix.len()` chars
        // decide.
        _ => last_chars(text, suffix.len())
            .to_lowercase()
            .ends_with(suffix),
    }
}

/// The first `n` chars of `text` (all of it if it is shorter).
fn first_chars(text: &str, n: usize) -> &str {
    let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or(text)
}

/// The last `n` chars of `text` (all of it if it is shorter).
fn last_chars(text: &str, n: usize) -> &str {
    let start = match n.checked_sub(1) {
        Some(k) => text.char_indices().rev().nth(k).map_or(0, |(i, _)| i),
        None => text.len(),
    };
    text.get(start..).unwrap_or(text)
}

/// The byte offset of the first run of `n` spaces in `text`: `text.find(&" ".repeat(n))`.
pub fn find_spaces(text: &str, n: usize) -> Option<usize> {
    /// Searchers for runs of one to eight spaces, set up once.
    static RUNS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
        const SPACES: &[u8] = &[b' '; 8];
        (1..=SPACES.len())
            .map(|n| memchr::memmem::Finder::new(SPACES.get(..n).unwrap_or_default()))
            .collect()
    });
    match n.checked_sub(1).and_then(|i| RUNS.get(i)) {
        Some(finder) => finder.find(text.as_bytes()),
        None => text.find(&" ".repeat(n)),
    }
}

/// `text.to_lowercase().contains(needle)` for a lower-case ASCII `needle`, without
/// allocating when the text is ASCII.
pub fn lower_contains(text: &str, needle: &str) -> bool {
    if !text.is_ascii() {
        return text.to_lowercase().contains(needle);
    }
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    // `needle` is not empty here, so `windows` gets a non-zero size.
    hay.windows(needle.len()).any(|w| match w.split_first() {
        Some((&h, tail)) => h.to_ascii_lowercase() == first && tail.eq_ignore_ascii_case(rest),
        None => false,
    })
}

/// `text.to_lowercase()`, borrowed when the text has no upper-case letter to change.
pub fn lowercase(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(text.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(text)
        }
    } else {
        std::borrow::Cow::Owned(text.to_lowercase())
    }
}

/// White space as patterns' `\s` means it: ASCII space, tab, line feed, vertical tab,
/// form feed and carriage return.
pub fn is_ascii_space(c: char) -> bool {
    c.is_ascii_whitespace() || c == '\x0B'
}

/// `text` after its leading [`is_ascii_space`] bytes, read eight spaces at a time where
/// it is indented with spaces (as `-layout` lines are). Each of those bytes is white
/// space to `trim` too, so trimming the rest gives what trimming `text` gives.
pub fn skip_ascii_space(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut at = 0;
    while bytes.get(at..at + 8).is_some_and(|w| w == b"        ") {
        at += 8;
    }
    at += bytes
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| is_ascii_space(char::from(**b)))
        .count();
    text.get(at..).unwrap_or_default()
}

/// `text` without leading and trailing [`is_ascii_space`] characters.
pub fn trim_ascii_space(text: &str) -> &str {
    text.trim_matches(is_ascii_space)
}

/// The ASCII digits `text` starts with, when there are one to `max` of them, and the rest.
pub fn split_ascii_digits(text: &str, max: usize) -> Option<(&str, &str)> {
    let n = text.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > max {
        return None;
    }
    Some(text.split_at(n))
}

/// Collapse runs of whitespace to one space and trim.
pub fn squash(text: &str) -> String {
    join_lines(std::iter::once(text))
}

/// Where the next sentence break at or after `from` is, as the pattern
/// `[.!?]["')\]]?\s+["'(]?[A-Z0-9]` would find it: the span from the punctuation to the
/// first letter or digit of the next sentence. Written out because it runs over every
/// paragraph of every document.
fn next_sentence_break(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let tail = bytes.get(from..)?;
    for at in memchr::memchr3_iter(b'.', b'!', b'?', tail).map(|i| from + i) {
        let mut i = at + 1;
        if bytes.get(i).is_some_and(|b| b"\"')]".contains(b)) {
            i += 1;
        }
        let spaces = bytes
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| is_ascii_space(char::from(b)))
            .count();
        if spaces == 0 {
            continue;
        }
        i += spaces;
        if bytes.get(i).is_some_and(|b| b"\"'(".contains(b)) {
            i += 1;
        }
        if bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            return Some((at, i + 1));
        }
    }
    None
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "etc.", "Mr.", "Mrs.", "Ms.", "Dr.", "No.", "St.", "para.", "paras.", "vs.",
];

/// The typical full line width, to tell a paragraph's short last line from a wrapped one:
/// the 90th percentile of the lengths of the non-blank lines, between 40 and 140.
pub fn line_width(lines: &[&str]) -> usize {
    // Counts by length: lengths over 140 count as 141, which clamps the same.
    let mut counts = [0usize; 142];
    for line in lines {
        // An ASCII line's white space is ASCII: trimmed and counted by bytes.
        let n = if line.is_ascii() {
            let bytes = line.as_bytes();
            let kept = |b: &u8| !is_ascii_space(char::from(*b));
            match (bytes.iter().position(kept), bytes.iter().rposition(kept)) {
                (Some(first), Some(last)) => last + 1 - first,
                _ => 0,
            }
        } else {
            line.trim().chars().count()
        };
        if n > 0 {
            if let Some(count) = counts.get_mut(n.min(141)) {
                *count += 1;
            }
        }
    }
    let total: usize = counts.iter().sum();
    if total == 0 {
        return 80;
    }
    // The length at index `at` of the sorted lengths.
    let at = total * 9 / 10;
    let mut seen = 0;
    for (n, &count) in counts.iter().enumerate() {
        seen += count;
        if seen > at {
            return n.clamp(40, 140);
        }
    }
    80
}

/// Whether the first word of `next` would have fitted after `line` within `width`
/// characters: if so, the converter broke the line by choice (a paragraph's end), not
/// because the margin forced it (a wrap).
pub fn next_word_fits(line: &str, next: &str, width: usize) -> bool {
    let first_word = next.split_whitespace().next().map_or(0, char_count);
    char_count(line.trim()) + 1 + first_word <= width
}

/// How many chars `text` has: its length when it is ASCII, as most lines are.
pub fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// Split a paragraph into sentences; each is a verbatim slice of `text`.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some((at, to)) = next_sentence_break(text, from) {
        from = to;
        // End just after the punctuation (and any closing quote or bracket).
        let end = at
            + text
                .get(at..to)
                .unwrap_or_default()
                .trim_end_matches(|c: char| {
                    c.is_alphanumeric() || c == '"' || c == '\'' || c == '('
                })
                .trim_end()
                .len();
        let Some(candidate) = text.get(start..end) else {
            continue;
        };
        if ABBREVIATIONS.iter().any(|a| candidate.ends_with(a)) {
            continue;
        }
        let s = candidate.trim();
        if !s.is_empty() {
            out.push(s);
        }
        start = end;
    }
    let rest = text.get(start..).unwrap_or_default().trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// If `line` starts with a bullet, the text after it.
pub fn strip_bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let mut chars = t.chars();
    let first = chars.next()?;
    if !BULLETS.contains(&first) {
        return None;
    }
    let rest = chars.as_str();
    // "-" and "*" are bullets only when followed by a space ("-3" is not).
    if !rest.starts_with([' ', '\t']) && matches!(first, '-' | '*' | '–') {
        return None;
    }
    Some(rest.trim_start())
}

/// False for lines that hold no item number ([`strip_number`]), checked at once: after any
/// white space, an item number starts with a bullet, a bracket, a digit or a lower-case
/// letter, and a letter is followed by `.` or `)` (roman numerals after their letters).
fn may_be_numbered(line: &str) -> bool {
    let t = line.trim_start();
    match t.chars().next() {
        Some('-' | '•' | '◼' | '(') => true,
        Some(c) if c.is_numeric() => true,
        Some(c) if c.is_ascii_lowercase() => t.get(1..).is_some_and(|rest| {
            rest.trim_start_matches(['i', 'v', 'x'])
                .starts_with(['.', ')'])
        }),
        _ => false,
    }
}

/// If `line` starts with an item number (`12.`, `2.1`, `a)`, `(iv)`, `- 3.`), the number
/// and the text after it: what the pattern
/// `^\s*(?:[-•◼]\s*)?\(?(\d{1,3}(?:\.\d{1,2})?|[a-z]|[ivx]{1,4})[.)](?:\s+|$)` would
/// capture, with ASCII `\s` and `\d`. Written out because it is tried on every line.
pub fn strip_number(line: &str) -> Option<(&str, &str)> {
    if !may_be_numbered(line) {
        return None;
    }
    let bytes = line.as_bytes();
    let is_space = |i: usize| bytes.get(i).is_some_and(|&b| is_ascii_space(char::from(b)));
    let skip_spaces = |mut i: usize| {
        while is_space(i) {
            i += 1;
        }
        i
    };
    let mut i = skip_spaces(0);
    let bullet = ['-', '•', '◼']
        .into_iter()
        .find(|&b| line.get(i..).is_some_and(|rest| rest.starts_with(b)));
    if let Some(b) = bullet {
        i = skip_spaces(i + b.len_utf8());
    }
    if bytes.get(i) == Some(&b'(') {
        i += 1;
    }
    let start = i;
    // After the number: a full stop or bracket, then white space or the end.
    let closes = |end: usize| {
        bytes.get(end).is_some_and(|&b| b == b'.' || b == b')')
            && (end + 1 == bytes.len() || is_space(end + 1))
    };
    let run = |from: usize, max: usize, allowed: fn(&u8) -> bool| {
        bytes
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take(max)
            .take_while(|b| allowed(b))
            .count()
    };
    // The alternatives in the pattern's order, each from its longest reading down.
    let end = (1..=run(start, 3, u8::is_ascii_digit))
        .rev()
        .find_map(|digits| {
            let whole = start + digits;
            let decimals = if bytes.get(whole) == Some(&b'.') {
                run(whole + 1, 2, u8::is_ascii_digit)
            } else {
                0
            };
            (1..=decimals)
                .rev()
                .map(|d| whole + 1 + d)
                .chain([whole])
                .find(|&end| closes(end))
        })
        .or_else(|| {
            (bytes.get(start).is_some_and(u8::is_ascii_lowercase) && closes(start + 1))
                .then_some(start + 1)
        })
        .or_else(|| {
            let roman = |b: &u8| matches!(b, b'i' | b'v' | b'x');
            (1..=run(start, 4, roman))
                .rev()
                .map(|n| start + n)
                .find(|&end| closes(end))
        })?;
    let number = line.get(start..end)?;
    Some((number, line.get(end + 1..)?.trim_start()))
}

static HEADER_DATES: LazyLock<Pattern> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?i)^\d{1,2}(?: [a-z]+)?(?: (?:to|and|-|–) \d{1,2})? [a-z]+ \d{4}(?:\s+\d{1,3})?$",
    )
    .starting_with(crate::pattern::DIGITS)
});

/// The running header of an ILACS report page: "Inspection of Halton local authority
/// children's services" over "13 to 24 May 2024   2".
pub fn is_running_header(line: &str) -> bool {
    (lower_starts_with(line, "inspection of ") && lower_ends_with(line, "children's services"))
        // The pattern's start words require a digit first; its dates (and any page
        // number) end the line, so a line that does not end in a digit is not tried.
        || (line.ends_with(|c: char| c.is_ascii_digit()) && HEADER_DATES.is_match(line))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sentence_breaks_are_the_pattern_they_replace(text in r#"(?:[a-zA-Z0-9]{0,2}[.!?]?["')\]]?[ \t\n\x0b\x0c\r]{0,2}["'(]?){0,12}"#) {
            let pattern = regex_lite::Regex::new(r#"[.!?]["')\]]?\s+["'(]?[A-Z0-9]"#).unwrap();
            let expected: Vec<(usize, usize)> = pattern.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(span) = next_sentence_break(&text, from) {
                found.push(span);
                from = span.1;
            }
            prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn line_width_is_the_ninetieth_percentile() {
        let lines: Vec<String> = (1..=200).map(|n| "x".repeat(n)).collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert_eq!(line_width(&lines), 140);
        let lines = [
            "Children are seen alone by their social workers.",
            "",
            "\u{25FC} Plans",
        ];
        assert_eq!(line_width(&lines), 48);
        assert_eq!(line_width(&[]), 80);
    }

    #[test]
    fn joins_wrapped_lines_and_keeps_compound_hyphens() {
        assert_eq!(
            join_lines([
                "In particular, poor decision-",
                " making, delay and a failure"
            ]),
            "In particular, poor decision-making, delay and a failure"
        );
        assert_eq!(
            join_lines(["◼ The identification and response to risk and need in the multi-agency safeguarding", "  hub."]),
            "◼ The identification and response to risk and need in the multi-agency safeguarding hub."
        );
    }

    #[test]
    fn splits_sentences_verbatim() {
        let p = "Thresholds are not applied consistently in the MASH. As a result, some referrals are redirected, e.g. to early help. Staff act decisively.";
        let s = sentences(p);
        assert_eq!(s.len(), 3, "{s:?}");
        assert_eq!(s[0], "Thresholds are not applied consistently in the MASH.");
        assert_eq!(s[2], "Staff act decisively.");
        assert!(s.iter().all(|x| p.contains(x)));
    }

    #[test]
    fn recognises_bullets_and_numbers() {
        assert_eq!(
            strip_bullet("◼ The stability of the workforce."),
            Some("The stability of the workforce.")
        );
        assert_eq!(strip_bullet("-3 children"), None);
        assert_eq!(
            strip_number("12. Police and children's social care"),
            Some(("12", "Police and children's social care"))
        );
        assert_eq!(
            strip_number("- 3. The council must"),
            Some(("3", "The council must"))
        );
        assert_eq!(strip_number("b) ensure that"), Some(("b", "ensure that")));
        assert_eq!(strip_number("2.1 Adoption performance"), None);
    }

    #[test]
    fn case_insensitive_tests_agree_with_lower_casing() {
        let lines = [
            "Inspection of Halton local authority children's services",
            "INSPECTION OF ◼ CHILDREN'S SERVICES",
            "◼ Inspection of children's services",
            "Yours sincerely",
            "Yours ſincerely",
            "\u{212A}ey strengths",
            "İnspection of children's services",
            "",
            "Inspection",
        ];
        let probes = [
            "inspection of ",
            "yours sincerely",
            "children's services",
            "key s",
            "",
        ];
        for line in lines {
            let lower = line.to_lowercase();
            for p in probes {
                assert_eq!(
                    lower_starts_with(line, p),
                    lower.starts_with(p),
                    "{line} / {p}"
                );
                assert_eq!(lower_ends_with(line, p), lower.ends_with(p), "{line} / {p}");
                assert_eq!(lower_contains(line, p), lower.contains(p), "{line} / {p}");
            }
            assert_eq!(lowercase(line), lower);
        }
        assert!(matches!(
            lowercase("the lscb is good"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn finds_column_gaps_and_squashed_lines() {
        let line = "Leadership, management and governance          Requires improvement";
        assert_eq!(find_spaces(line, 3), line.find("   "));
        assert_eq!(find_spaces("a  b", 3), None);
        assert_eq!(find_spaces("   ", 3), Some(0));
        assert!(is_squashed(
            "The quality of social work practice is too variable."
        ));
        assert!(!is_squashed("The quality  of practice"));
        assert!(!is_squashed("The quality\tof practice"));
        assert!(!is_squashed("the child\u{2019}s plan"));
        assert_eq!(
            join_lines(["Children  are seen", "alone.", "Plans are\u{2003}clear."]),
            "Children are seen alone. Plans are clear."
        );
    }

    #[test]
    fn item_numbers_are_only_looked_for_where_they_can_be() {
        for line in [
            "12. Police and children's social care",
            "  (iv) the quality of plans",
            "b) ensure that",
            "xii. Leaders",
            "- 3. The council must",
            "• 4. Plans",
        ] {
            assert!(may_be_numbered(line), "{line}");
            assert!(strip_number(line).is_some(), "{line}");
        }
        for line in ["The council must", "and children", "Ensure that plans", ""] {
            assert!(!may_be_numbered(line), "{line}");
            assert!(NUMBERED.captures(line).is_none(), "{line}");
        }
    }

    proptest! {
        #[test]
        fn line_width_counts_trimmed_chars(
            lines in proptest::collection::vec("[ \t\u{b}\u{a0}a-z]{0,50}", 1..20)
        ) {
            let reference = |lines: &[&str]| {
                let mut lengths: Vec<usize> = lines
                    .iter()
                    .map(|l| l.trim().chars().count().min(141))
                    .filter(|&n| n > 0)
                    .collect();
                lengths.sort_unstable();
                lengths.get(lengths.len() * 9 / 10).map_or(80, |&n| n.clamp(40, 140))
            };
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            prop_assert_eq!(line_width(&lines), reference(&lines));
        }
    }

    /// The pattern [`strip_number`] was written from, the reference for its tests.
    static NUMBERED: LazyLock<Pattern> = LazyLock::new(|| {
        crate::pattern::regex(
            r"^\s*(?:[-•◼]\s*)?\(?(\d{1,3}(?:\.\d{1,2})?|[a-z]|[ivx]{1,4})[.)](?:\s+|$)",
        )
    });

    fn numbered_by_pattern(line: &str) -> Option<(&str, &str)> {
        if !may_be_numbered(line) {
            return None;
        }
        let caps = NUMBERED.captures(line)?;
        let whole = caps.get(0)?;
        let number = caps.get(1)?.as_str();
        Some((number, line.get(whole.end()..)?.trim_start()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn item_numbers_are_read_as_the_pattern_reads_them(
            line in "[ \t\u{b}\u{a0}]{0,2}[-•◼(]{0,2}[ ]{0,2}[0-9ivxab.)(]{0,8}[ \t\u{b}\u{a0}]{0,2}[a-zA-Z ]{0,3}"
        ) {
            prop_assert_eq!(strip_number(&line), numbered_by_pattern(&line));
        }
    }

    #[test]
    fn item_numbers_of_every_shape() {
        for line in [
            "12.5. Text",
            "1.25) Text",
            "1.2 Text",
            "1.2.3 x",
            "1234. x",
            "12.",
            "iv.",
            "ii) x",
            "i. x",
            "x) y",
            "(a) y",
            "- 3. The",
            "•4.",
            "◼ (iv) x",
            "a.b",
            "3.\u{a0}x",
            "3.\u{b}x",
            "999.99. x",
            "1.999. x",
            "vvvvv. x",
            "xiv.x",
        ] {
            assert_eq!(strip_number(line), numbered_by_pattern(line), "{line:?}");
        }
        assert_eq!(strip_number("12.5. Text"), Some(("12.5", "Text")));
        assert_eq!(strip_number("(iv) the plans"), Some(("iv", "the plans")));
    }

    #[test]
    fn recognises_ilacs_running_headers() {
        assert!(is_running_header(
            "Inspection of Halton local authority children's services"
        ));
        assert!(is_running_header(
            "13 to 24 May 2024                                2"
        ));
        assert!(!is_running_header(
            "Inspection of the effectiveness of plans."
        ));
        assert!(!is_running_header("24 children were seen in May 2024."));
    }
}
