//! The crate's regular expressions, and which engine runs them.
//!
//! Compiling a pattern with the `regex` crate costs a few hundred microseconds, more than
//! parsing a whole report with the patterns it needs; `regex-lite` compiles in a few
//! microseconds but searches ten to a hundred times slower. A one-file `parse` or a `diff`
//! searches each pattern over a few kilobytes, a corpus batch over megabytes. So every
//! [`Pattern`] starts on `regex-lite` and moves to `regex` once it has searched enough
//! text that compiling pays for itself (ski rental: at most about twice the cost of the
//! better engine chosen in hindsight).
//!
//! Both engines must give the same answer, whichever runs: the `regex` side is compiled
//! with the ASCII meanings of `\d`, `\s`, `\w` and `\b` that `regex-lite` uses, and
//! `tests/pattern_engines.rs` parses the fixtures and the dev corpus with each engine
//! forced and compares the results. One difference remains by design: `(?i)` folds case
//! by Unicode's rules in `regex` (so `k` also matches the Kelvin sign and `s` the long s)
//! and by ASCII's in `regex-lite`; no pattern of this crate depends on it. A pattern's
//! required or start words are compared by ASCII's rules, so for those patterns the
//! ASCII reading holds whichever engine runs.

use std::borrow::Cow;
use std::ops::Index;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Bytes a pattern searches with `regex-lite` before it is compiled with `regex`: about
/// what `regex-lite` takes to search in the time `regex` takes to compile.
const LITE_BUDGET: usize = 8 * 1024;

/// Which engine runs patterns, process-wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// `regex-lite` until a pattern has searched [`LITE_BUDGET`] bytes, then `regex`.
    Adaptive,
    /// `regex-lite` always.
    Lite,
    /// `regex` always.
    Full,
}

static ENGINE: AtomicU8 = AtomicU8::new(0);

/// Choose the engine for every pattern from now on (for tests and benchmarks; the default,
/// [`Engine::Adaptive`], is right for real work).
pub fn set_engine(engine: Engine) {
    let code = match engine {
        Engine::Adaptive => 0,
        Engine::Lite => 1,
        Engine::Full => 2,
    };
    ENGINE.store(code, Ordering::Relaxed);
}

/// Whether every search that a pattern's words answer without an engine is checked
/// against the engine: always in debug builds, and when a test asks in release builds.
static CHECK_SKIPS: AtomicBool = AtomicBool::new(cfg!(debug_assertions));

/// Check every search that [`Pattern::requiring`] or [`Pattern::starting_with`] words
/// answer "no match" by running the engine too, and panic if it would have matched: for
/// tests (debug builds do it always), so that the corpus proves every word list whatever
/// the build. Never for real work.
pub fn check_skipped_searches(on: bool) {
    CHECK_SKIPS.store(on, Ordering::Relaxed);
}

fn engine() -> Engine {
    match ENGINE.load(Ordering::Relaxed) {
        1 => Engine::Lite,
        2 => Engine::Full,
        _ => Engine::Adaptive,
    }
}

/// A pattern of this crate's source, compiled by each engine when first needed: a
/// pattern whose required words never turn up is never compiled at all.
#[derive(Debug)]
pub struct Pattern {
    source: String,
    lite: OnceLock<regex_lite::Regex>,
    full: OnceLock<regex::Regex>,
    searched: AtomicUsize,
    /// Words one of which every match contains (ASCII, compared without case); empty
    /// when the pattern has no such words.
    required: &'static [&'static str],
    /// For a pattern anchored at the start: words one of which every matching haystack
    /// starts with, after any white space; empty when not given.
    start: &'static [&'static str],
}

/// A pattern written in this crate's source (never one built from input), so a pattern
/// that does not compile is a bug of the crate, which the first test reaching it reports;
/// it cannot depend on what a user feeds in.
pub fn regex(pattern: &str) -> Pattern {
    // Release builds compile on first search; debug builds (the tests) at once, so a
    // pattern that does not compile fails the first test that reaches its code.
    debug_assert!(
        regex_lite::Regex::new(pattern).is_ok(),
        "pattern {pattern:?} does not compile"
    );
    Pattern {
        source: pattern.to_string(),
        lite: OnceLock::new(),
        full: OnceLock::new(),
        searched: AtomicUsize::new(0),
        required: &[],
        start: &[],
    }
}

/// The engine for one search of `haystack`, or none when it cannot match.
enum Runner<'r> {
    Lite(&'r regex_lite::Regex),
    Full(&'r regex::Regex),
    Skip,
}

impl Pattern {
    /// Declare words one of which every match of the pattern contains, compared without
    /// regard to ASCII case; a haystack with none of them is answered "no match" without
    /// running an engine. A search for a word is a `memchr` scan, tens of times faster
    /// than either engine, and most lines and paragraphs have none of a pattern's words.
    ///
    /// Debug builds check the claim on every search it decides, so the test suite (which
    /// parses the whole dev corpus) catches a word list that would lose a match.
    pub fn requiring(mut self, words: &'static [&'static str]) -> Self {
        debug_assert!(
            lower_ascii(words),
            "required words must be lower-case ASCII"
        );
        self.required = words;
        self
    }

    /// For a pattern anchored at the start (`^`, without `(?m)`): declare words one of
    /// which every matching haystack starts with, after any white space, compared without
    /// regard to ASCII case. Checking a haystack's first bytes costs next to nothing, and
    /// is checked in debug builds like [`Pattern::requiring`].
    pub fn starting_with(mut self, words: &'static [&'static str]) -> Self {
        debug_assert!(lower_ascii(words), "start words must be lower-case ASCII");
        self.start = words;
        self
    }

    /// Whether `haystack` passes the start and required words (true when there are none).
    fn may_match(&self, haystack: &str) -> bool {
        let starts = self.start.is_empty() || starts_with_any(haystack, self.start);
        starts
            && (self.required.is_empty()
                || self
                    .required
                    .iter()
                    .any(|w| contains_ignore_ascii_case(haystack.as_bytes(), w.as_bytes())))
    }

    #[allow(clippy::expect_used)] // A literal pattern that does not compile is a bug the tests catch.
    fn lite(&self) -> &regex_lite::Regex {
        self.lite.get_or_init(|| {
            regex_lite::Regex::new(&self.source).expect("a pattern of this crate's source compiles")
        })
    }

    fn full(&self) -> &regex::Regex {
        self.full.get_or_init(|| {
            // The lite engine accepts the pattern, and the rewrite to ASCII classes only
            // swaps classes for their ASCII spelling; should `regex` still refuse it, lite
            // stays in use.
            regex::Regex::new(&ascii_classes(&self.source)).unwrap_or_else(|_| never_matches())
        })
    }

    fn runner(&self, haystack: &str) -> Runner<'_> {
        if !self.may_match(haystack) {
            // Only tests turn this on: a word list that would lose a match is a bug of
            // the crate, and the corpus tests must report it.
            if CHECK_SKIPS.load(Ordering::Relaxed) && self.lite().is_match(haystack) {
                panic!(
                    "pattern {:?} matches {haystack:?} without any of its required words {:?} or start words {:?}",
                    self.source,
                    self.required,
                    self.start
                );
            }
            return Runner::Skip;
        }
        let use_full = match engine() {
            Engine::Lite => false,
            Engine::Full => true,
            Engine::Adaptive => {
                self.full.get().is_some()
                    || self.searched.fetch_add(haystack.len(), Ordering::Relaxed) + haystack.len()
                        > LITE_BUDGET
            }
        };
        match use_full.then(|| self.full()) {
            Some(full) if full.as_str() != NEVER => Runner::Full(full),
            _ => Runner::Lite(self.lite()),
        }
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        match self.runner(haystack) {
            Runner::Lite(re) => re.is_match(haystack),
            Runner::Full(re) => re.is_match(haystack),
            Runner::Skip => false,
        }
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        let span = match self.runner(haystack) {
            Runner::Lite(re) => re.find(haystack).map(|m| (m.start(), m.end())),
            Runner::Full(re) => re.find(haystack).map(|m| (m.start(), m.end())),
            Runner::Skip => None,
        }?;
        Some(Match::new(haystack, span))
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        match self.runner(haystack) {
            Runner::Lite(re) => re
                .captures(haystack)
                .map(|c| Captures::from_lite(haystack, &c)),
            Runner::Full(re) => re
                .captures(haystack)
                .map(|c| Captures::from_full(haystack, &c)),
            Runner::Skip => None,
        }
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        let (lite, full) = match self.runner(haystack) {
            Runner::Lite(re) => (Some(re.captures_iter(haystack)), None),
            Runner::Full(re) => (None, Some(re.captures_iter(haystack))),
            Runner::Skip => (None, None),
        };
        let lite = lite
            .into_iter()
            .flatten()
            .map(move |c| Captures::from_lite(haystack, &c));
        let full = full
            .into_iter()
            .flatten()
            .map(move |c| Captures::from_full(haystack, &c));
        lite.chain(full)
    }

    pub fn find_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        let (lite, full) = match self.runner(haystack) {
            Runner::Lite(re) => (Some(re.find_iter(haystack)), None),
            Runner::Full(re) => (None, Some(re.find_iter(haystack))),
            Runner::Skip => (None, None),
        };
        let lite = lite.into_iter().flatten().map(|m| (m.start(), m.end()));
        let full = full.into_iter().flatten().map(|m| (m.start(), m.end()));
        lite.chain(full).map(move |span| Match::new(haystack, span))
    }

    /// The pieces of `haystack` between matches.
    pub fn split<'h>(&self, haystack: &'h str) -> impl Iterator<Item = &'h str> + use<'_, 'h> {
        let mut last = 0;
        let mut matches = self.find_iter(haystack);
        let mut done = false;
        std::iter::from_fn(move || {
            if done {
                return None;
            }
            match matches.next() {
                Some(m) => {
                    let piece = haystack.get(last..m.start()).unwrap_or("");
                    last = m.end();
                    Some(piece)
                }
                None => {
                    done = true;
                    Some(haystack.get(last..).unwrap_or(""))
                }
            }
        })
    }

    /// `haystack` with the first match replaced by `with` (taken literally).
    pub fn replace<'h>(&self, haystack: &'h str, with: &str) -> Cow<'h, str> {
        match self.find(haystack) {
            None => Cow::Borrowed(haystack),
            Some(m) => {
                let mut out = String::with_capacity(haystack.len());
                out.push_str(haystack.get(..m.start()).unwrap_or(""));
                out.push_str(with);
                out.push_str(haystack.get(m.end()..).unwrap_or(""));
                Cow::Owned(out)
            }
        }
    }

    /// `haystack` with every match replaced by `with` (taken literally).
    pub fn replace_all<'h>(&self, haystack: &'h str, with: &str) -> Cow<'h, str> {
        let mut out = String::new();
        let mut last = 0;
        for m in self.find_iter(haystack) {
            out.push_str(haystack.get(last..m.start()).unwrap_or(""));
            out.push_str(with);
            last = m.end();
        }
        if last == 0 && out.is_empty() {
            return Cow::Borrowed(haystack);
        }
        out.push_str(haystack.get(last..).unwrap_or(""));
        Cow::Owned(out)
    }
}

/// Whether every one of `words` is ASCII without an upper-case letter, as the searches
/// for them assume.
fn lower_ascii(words: &[&str]) -> bool {
    words
        .iter()
        .all(|w| w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()))
}

/// Start words for a pattern that starts with a digit.
pub const DIGITS: &[&str] = &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// Whether `text`, after any white space, starts with one of `words` (ASCII, lower case),
/// ignoring ASCII case.
pub fn starts_with_any(text: &str, words: &[&str]) -> bool {
    let head = text
        .trim_start_matches(crate::extract::text::is_ascii_space)
        .as_bytes();
    words.iter().any(|w| {
        head.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// Whether `haystack` contains `needle` (ASCII, lower case), ignoring ASCII case.
pub fn contains_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let last_start = match haystack.len().checked_sub(needle.len()) {
        Some(n) => n,
        None => return false,
    };
    let window = haystack.get(..=last_start).unwrap_or_default();
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), window).any(|at| {
        haystack
            .get(at + 1..at + needle.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(rest))
    })
}

/// A pattern `regex` compiles that matches nothing, standing for one it refused.
const NEVER: &str = r"[^\s\S]";

#[allow(clippy::expect_used)] // A fixed pattern known to compile.
fn never_matches() -> regex::Regex {
    regex::Regex::new(NEVER).expect("the empty class compiles")
}

/// One match: where it is in the haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(haystack: &'h str, (start, end): (usize, usize)) -> Self {
        Match {
            haystack,
            start,
            end,
        }
    }
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn as_str(&self) -> &'h str {
        self.haystack.get(self.start..self.end).unwrap_or("")
    }
}

/// The groups of one match; a group that took no part is `None`, and indexes as "".
#[derive(Debug, Clone)]
pub struct Captures<'h> {
    haystack: &'h str,
    groups: Vec<Option<(usize, usize)>>,
}

impl<'h> Captures<'h> {
    fn from_lite(haystack: &'h str, c: &regex_lite::Captures<'h>) -> Self {
        Captures {
            haystack,
            groups: c.iter().map(|g| g.map(|m| (m.start(), m.end()))).collect(),
        }
    }
    fn from_full(haystack: &'h str, c: &regex::Captures<'h>) -> Self {
        Captures {
            haystack,
            groups: c.iter().map(|g| g.map(|m| (m.start(), m.end()))).collect(),
        }
    }
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        let span = (*self.groups.get(i)?)?;
        Some(Match::new(self.haystack, span))
    }
}

impl Index<usize> for Captures<'_> {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        self.get(i).map_or("", |m| m.as_str())
    }
}

/// `pattern` with `\d \s \w \b` (and their negations) spelt as the ASCII classes that
/// `regex-lite` gives them, so that `regex` (Unicode by default) agrees with it.
fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push(c);
                    break;
                };
                let ascii = match (in_class, e) {
                    (false, 'd') => "[0-9]",
                    (false, 'D') => "[^0-9]",
                    (false, 'w') => "[0-9A-Za-z_]",
                    (false, 'W') => "[^0-9A-Za-z_]",
                    (false, 's') => r"[\t\n\x0B\x0C\r\x20]",
                    (false, 'S') => r"[^\t\n\x0B\x0C\r\x20]",
                    (false, 'b') => r"(?-u:\b)",
                    (false, 'B') => r"(?-u:\B)",
                    (true, 'd') => "0-9",
                    (true, 'w') => "0-9A-Za-z_",
                    (true, 's') => r"\t\n\x0B\x0C\r\x20",
                    _ => "",
                };
                if ascii.is_empty() {
                    out.push(c);
                    out.push(e);
                } else {
                    out.push_str(ascii);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` first in a class (or after `^`) is a literal, not its end.
                let mut rest = chars.clone();
                match rest.next() {
                    Some('^') => {
                        out.push('^');
                        chars.next();
                        if rest.next() == Some(']') {
                            out.push(']');
                            chars.next();
                        }
                    }
                    Some(']') => {
                        out.push(']');
                        chars.next();
                    }
                    _ => {}
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_rewrite() {
        assert_eq!(
            ascii_classes(r"\b\d+\s"),
            r"(?-u:\b)[0-9]+[\t\n\x0B\x0C\r\x20]"
        );
        assert_eq!(
            ascii_classes(r"[^\s.]+[\w'-]"),
            r"[^\t\n\x0B\x0C\r\x20.]+[0-9A-Za-z_'-]"
        );
        assert_eq!(ascii_classes(r"[]\d]\."), r"[]0-9]\.");
        assert_eq!(ascii_classes(r"\\d"), r"\\d");
    }

    #[test]
    fn verbose_patterns_keep_their_spaces() {
        // In (?x) mode `regex` ignores a bare space even inside a class.
        let p = regex(r"(?x) \d \s \d");
        assert_eq!(p.lite().find("1 2").map(|m| m.range()), Some(0..3));
        assert_eq!(p.full().find("1 2").map(|m| m.range()), Some(0..3));
    }

    #[test]
    fn engines_agree_on_non_ascii() {
        // Unicode digits, spaces and letters are none of \d, \s, \w to either engine.
        let p = regex(r"\b\w+\s\d");
        let hay = "é\u{2003}١ word 7";
        let lite = p.lite().find(hay).map(|m| m.range());
        let full = p.full().find(hay).map(|m| m.range());
        assert_eq!(lite, full);
        assert_eq!(lite, Some(8..14));
    }

    #[test]
    fn captures_split_and_replace() {
        let p = regex(r"(\d+)(x)?");
        let c = p.captures("ab 12 cd").unwrap();
        assert_eq!(&c[1], "12");
        assert_eq!(&c[2], "");
        assert!(c.get(2).is_none());
        assert_eq!(p.replace_all("1 and 22", "#"), "# and #");
        assert_eq!(p.replace("1 and 22", ""), " and 22");
        let gap = regex(r"\s{2,}");
        assert_eq!(gap.split("a  b   c").collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(gap.split("").collect::<Vec<_>>(), [""]);
    }

    #[test]
    fn required_words_skip_haystacks_without_them() {
        let p = regex(r"(?i)\blscb\b|safeguarding board").requiring(&["lscb", "safeguarding"]);
        assert!(p.is_match("The LSCB is good"));
        assert!(p.is_match("the Local SAFEGUARDING Board"));
        assert!(!p.is_match("the board is good"));
        assert_eq!(p.find_iter("no words here").count(), 0);
        assert!(contains_ignore_ascii_case(b"xxLsCbxx", b"lscb"));
        assert!(!contains_ignore_ascii_case(b"lsc", b"lscb"));
        assert!(contains_ignore_ascii_case(b"lscb", b"lscb"));
        assert!(contains_ignore_ascii_case(b"anything", b""));
    }

    #[test]
    fn start_words_skip_haystacks_not_starting_with_them() {
        let p =
            regex(r"(?i)^\s*(?:lead|reporting) inspector").starting_with(&["lead", "reporting"]);
        assert!(p.is_match("  Lead inspector: Jo Bloggs"));
        assert!(p.is_match("REPORTING INSPECTOR"));
        assert!(!p.is_match("The lead inspector"));
        assert!(!p.is_match(""));
    }

    #[test]
    #[should_panic(expected = "without any of its required words")]
    fn a_wrong_word_list_is_caught_when_checking() {
        check_skipped_searches(true);
        let p = regex(r"(?i)board").requiring(&["lscb"]);
        p.is_match("the board");
    }

    #[test]
    fn adaptive_moves_to_the_full_engine_after_its_budget() {
        let p = regex(r"needle");
        let hay = "hay ".repeat(LITE_BUDGET / 4 + 1);
        assert!(!p.is_match(&hay));
        assert!(p.full.get().is_some() || engine() != Engine::Adaptive);
        assert!(p.is_match("a needle"));
    }
}
