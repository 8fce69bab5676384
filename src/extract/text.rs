//! Text helpers every extractor shares: joining wrapped lines, repairing hyphenation,
//! splitting sentences, recognising list markers.

use regex::Regex;
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
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let compound_hyphen =
            out.ends_with('-') && out[..out.len() - 1].ends_with(|c: char| c.is_alphabetic());
        if !out.is_empty() && !compound_hyphen {
            out.push(' ');
        }
        for (i, word) in t.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// Collapse runs of whitespace to one space and trim.
pub fn squash(text: &str) -> String {
    join_lines(std::iter::once(text))
}

static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?]["')\]]?\s+["'(]?[A-Z0-9]"#).expect("valid regex"));

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "etc.", "Mr.", "Mrs.", "Ms.", "Dr.", "No.", "St.", "para.", "paras.", "vs.",
];

/// Split a paragraph into sentences; each is a verbatim slice of `text`.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in SENTENCE_END.find_iter(text) {
        // End just after the punctuation (and any closing quote or bracket).
        let end = m.start()
            + m.as_str()
                .trim_end_matches(|c: char| {
                    c.is_alphanumeric() || c == '"' || c == '\'' || c == '('
                })
                .trim_end()
                .len();
        let candidate = &text[start..end];
        if ABBREVIATIONS.iter().any(|a| candidate.ends_with(a)) {
            continue;
        }
        let s = candidate.trim();
        if !s.is_empty() {
            out.push(s);
        }
        start = end;
    }
    let rest = text[start..].trim();
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

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-•◼]\s*)?\(?(\d{1,3}(?:\.\d{1,2})?|[a-z]|[ivx]{1,4})[.)](?:\s+|$)")
        .expect("valid regex")
});

/// If `line` starts with an item number (`12.`, `2.1`, `a)`, `(iv)`, `- 3.`), the number
/// and the text after it.
pub fn strip_number(line: &str) -> Option<(&str, &str)> {
    let caps = NUMBERED.captures(line)?;
    let whole = caps.get(0)?;
    let number = caps.get(1)?.as_str();
    Some((number, line[whole.end()..].trim_start()))
}

static HEADER_DATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\d{1,2}(?: [a-z]+)?(?: (?:to|and|-|–) \d{1,2})? [a-z]+ \d{4}(?:\s+\d{1,3})?$")
        .expect("valid regex")
});

/// The running header of an ILACS report page: "Inspection of Halton local authority
/// children's services" over "13 to 24 May 2024   2".
pub fn is_running_header(line: &str) -> bool {
    let lower = line.to_lowercase();
    (lower.starts_with("inspection of ") && lower.ends_with("children's services"))
        || HEADER_DATES.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

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
