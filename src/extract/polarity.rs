//! Findings polarity from cues, with negation and contrast: a transparent rule set.
//!
//! A sentence is read word by word. At each word the longest cue phrase that starts there
//! (up to four words) is taken from [`CUES`]: positive weights for what inspectors praise
//! ("effective", "strengthened", "timely"), negative for what they criticise ("delay",
//! "too", "lack of", "not consistently"). A negator ("not", "no", "never", "without") in
//! the three words before a cue turns it round: "not effective" counts against, "without
//! delay" for. A bare negator that turns nothing round counts weakly against ("do not
//! visit"). A sentence with both kinds of cue is mixed unless one side outweighs the other
//! twice over and no contrast word ("although", "however", "but", "while") joins them.

use crate::wordhash::WordMap;
use std::sync::LazyLock;

use crate::extract::text::sentences;
use crate::model::Polarity;

/// Cue phrases (lower case, words separated by one space) and their weights.
pub const CUES: &[(&str, i32)] = &[
    // Praise.
    ("effective", 2),
    ("effectively", 2),
    ("highly effective", 3),
    ("good", 2),
    ("good quality", 2),
    ("high quality", 2),
    ("high-quality", 2),
    ("well", 1),
    ("well established", 2),
    ("well-established", 2),
    ("well understood", 2),
    ("strong", 2),
    ("strengths", 1),
    ("strengthened", 2),
    ("improved", 2),
    ("improving", 1),
    ("improvements", 1),
    ("better", 1),
    ("timely", 2),
    ("promptly", 2),
    ("prompt", 1),
    ("swift", 2),
    ("swiftly", 2),
    ("appropriate", 1),
    ("appropriately", 1),
    ("robust", 2),
    ("robustly", 2),
    ("thorough", 2),
    ("comprehensive", 1),
    ("consistently", 1),
    ("consistent", 1),
    ("clear", 1),
    ("benefit", 2),
    ("benefit from", 2),
    ("benefits from", 2),
    ("positive", 2),
    ("outstanding", 3),
    ("excellent", 3),
    ("impressive", 3),
    ("successful", 2),
    ("successfully", 2),
    ("embedded", 1),
    ("child-focused", 2),
    ("child-centred", 2),
    ("sensitive", 1),
    ("sensitively", 1),
    ("skilled", 1),
    ("stable", 1),
    ("responsive", 1),
    ("supportive", 1),
    ("valued", 1),
    ("helpful", 1),
    ("purposeful", 2),
    ("rigorous", 2),
    ("creative", 1),
    ("proactive", 2),
    ("committed", 1),
    ("know them well", 2),
    ("carefully", 1),
    ("careful", 1),
    ("ensures", 1),
    ("supported", 1),
    ("well supported", 2),
    ("innovative", 1),
    ("instrumental", 1),
    ("appreciative", 1),
    ("safely", 1),
    ("significant progress", 3),
    ("good progress", 3),
    // Criticism.
    ("too", -2),
    ("too long", -3),
    ("too many", -3),
    ("too slow", -3),
    ("too variable", -3),
    ("too high", -3),
    ("too few", -3),
    ("delay", -2),
    ("delays", -2),
    ("delayed", -2),
    ("drift", -2),
    ("variable", -2),
    ("variability", -2),
    ("varies", -1),
    ("inconsistent", -2),
    ("inconsistently", -2),
    ("inconsistency", -2),
    ("lack of", -2),
    ("lack", -2),
    ("lacks", -2),
    ("lacking", -2),
    ("lacked", -2),
    ("insufficient", -2),
    ("insufficiently", -2),
    ("weak", -2),
    ("weaker", -2),
    ("weakness", -2),
    ("weaknesses", -2),
    ("poor", -3),
    ("poorly", -3),
    ("inadequate", -3),
    ("ineffective", -3),
    ("not yet", -2),
    ("not always", -2),
    ("not consistently", -2),
    ("not sufficiently", -2),
    ("not routinely", -2),
    ("not enough", -2),
    ("limited", -1),
    ("gap", -1),
    ("gaps", -1),
    ("deficit", -2),
    ("deficits", -2),
    ("fail", -2),
    ("fails", -2),
    ("failed", -2),
    ("failure", -2),
    ("unclear", -2),
    ("underdeveloped", -2),
    ("under-developed", -2),
    ("uneven", -2),
    ("patchy", -2),
    ("superficial", -2),
    ("overly optimistic", -2),
    ("requires improvement", -2),
    ("require improvement", -2),
    ("needs to improve", -2),
    ("need to improve", -2),
    ("needs to be", -1),
    ("need to be", -1),
    ("unable", -2),
    ("absence of", -2),
    ("missed", -2),
    ("backlog", -2),
    ("turnover", -1),
    ("unallocated", -2),
    ("unnecessary", -1),
    ("slow", -2),
    ("worse", -3),
    ("deteriorated", -3),
    ("declined", -2),
    ("unaware", -2),
    ("only", -1),
    ("needs more", -2),
    ("need more", -2),
    ("yet to", -2),
    ("more needs to be done", -2),
    ("more to do", -2),
    ("further work is needed", -2),
    ("further work is required", -2),
    ("high caseloads", -2),
    ("reliable", 1),
    ("less than", 0),
    ("slower", -2),
    ("vulnerable", 0),
    ("remain", 0),
    // Phrases with no polarity that would otherwise be misread.
    ("as well as", 0),
    ("not only", 0),
    ("as well", 0),
    ("good practice guidance", 0),
    ("too soon", -1),
];

/// Words that turn the next cue round.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "nor", "without", "cannot", "neither", "less",
];

/// Critical cues that also turn the praise after them round: "a lack of robust analysis",
/// "not consistently effective".
const NEGATING_CUES: &[&str] = &[
    "lack of",
    "lack",
    "lacks",
    "lacking",
    "lacked",
    "absence of",
    "insufficient",
    "insufficiently",
    "not yet",
    "not always",
    "not consistently",
    "not sufficiently",
    "not routinely",
    "not enough",
    "yet to",
];

/// Words that join praise and criticism within one sentence.
const CONTRASTS: &[&str] = &[
    "although",
    "however",
    "but",
    "while",
    "whilst",
    "despite",
    "though",
    "yet",
    "nevertheless",
];

/// A cue phrase split into words, with its weight.
struct Cue {
    words: Vec<&'static str>,
    weight: i32,
    /// One of [`NEGATING_CUES`].
    negating: bool,
}

/// What one word is: the cues it starts (longest first), and whether it is a contrast
/// word or a negator.
#[derive(Default)]
struct WordInfo {
    cues: Vec<Cue>,
    contrast: bool,
    negator: bool,
}

/// Every word the rules know, so a sentence is read with one look-up per word and without
/// allocating.
static WORD_INDEX: LazyLock<WordMap<&'static str, WordInfo>> = LazyLock::new(|| {
    let mut index: WordMap<&'static str, WordInfo> = WordMap::default();
    for &(phrase, weight) in CUES {
        let words: Vec<&'static str> = phrase.split(' ').collect();
        let Some(&first) = words.first() else {
            continue;
        };
        index.entry(first).or_default().cues.push(Cue {
            words,
            weight,
            negating: NEGATING_CUES.contains(&phrase),
        });
    }
    for info in index.values_mut() {
        info.cues.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
    }
    for &w in CONTRASTS {
        index.entry(w).or_default().contrast = true;
    }
    for &w in NEGATORS {
        index.entry(w).or_default().negator = true;
    }
    index
});

/// Where a word's bit is in [`MAY_KNOW`]: from its length and its first and last bytes.
fn filter_bit(word: &str) -> usize {
    let b = word.as_bytes();
    let (first, last) = (
        b.first().copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    (b.len() & 31) << 10 | usize::from(first & 31) << 5 | usize::from(last & 31)
}

/// A filter over [`WORD_INDEX`]: a word whose bit is clear is not in it, and most words
/// of a sentence are ruled out without hashing them.
static MAY_KNOW: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 1 << 15 >> 6];
    for word in WORD_INDEX.keys() {
        let bit = filter_bit(word);
        if let Some(slot) = bits.get_mut(bit >> 6) {
            *slot |= 1 << (bit & 63);
        }
    }
    bits
});

fn lookup(word: &str) -> Option<&'static WordInfo> {
    let bit = filter_bit(word);
    let known = MAY_KNOW
        .get(bit >> 6)
        .is_some_and(|w| w & (1 << (bit & 63)) != 0);
    if known {
        WORD_INDEX.get(word)
    } else {
        None
    }
}

/// What the cues of one sentence add up to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Sum of the weights of praising cues (after negation).
    pub positive: i32,
    /// Sum of the weights of critical cues (after negation), as a positive number.
    pub negative: i32,
    /// The sentence has a contrast word.
    pub contrast: bool,
}

impl Scores {
    /// The polarity these scores give.
    pub fn polarity(self) -> Polarity {
        let (p, n) = (self.positive, self.negative);
        match (p > 0, n > 0) {
            (false, false) => Polarity::Neutral,
            (true, false) => Polarity::Positive,
            (false, true) => Polarity::Negative,
            (true, true) if !self.contrast && p >= 2 * n => Polarity::Positive,
            (true, true) if !self.contrast && n >= 2 * p => Polarity::Negative,
            (true, true) => Polarity::Mixed,
        }
    }
}

/// The lower-case words of a sentence: runs of letters, digits, hyphens and apostrophes,
/// without hyphens and apostrophes at their ends.
fn words(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// [`words`] of a sentence already lower-cased and ASCII, as slices of it: one pass,
/// a word running from a letter or digit over letters, digits, hyphens and apostrophes,
/// and ending at its last letter or digit.
fn ascii_words<'a>(lower: &'a str, out: &mut Vec<&'a str>) {
    // The current word's start, and the end of its last letter or digit.
    let mut word: Option<(usize, usize)> = None;
    for (i, &b) in lower.as_bytes().iter().enumerate() {
        if b.is_ascii_alphanumeric() {
            word = Some(word.map_or((i, i + 1), |(start, _)| (start, i + 1)));
        } else if b != b'-' && b != b'\'' {
            if let Some((start, end)) = word.take() {
                out.extend(lower.get(start..end));
            }
        }
    }
    if let Some((start, end)) = word {
        out.extend(lower.get(start..end));
    }
}

/// Score one sentence.
pub fn sentence_scores(sentence: &str) -> Scores {
    if sentence.is_ascii() {
        let lower = sentence.to_ascii_lowercase();
        let mut words = Vec::new();
        ascii_words(&lower, &mut words);
        score_words(&words)
    } else {
        slow_scores(sentence)
    }
}

/// [`sentence_scores`] of a sentence that is not all ASCII.
fn slow_scores(sentence: &str) -> Scores {
    let words = words(sentence);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    score_words(&words)
}

fn score_words(words: &[&str]) -> Scores {
    let mut scores = Scores::default();
    // The last negator not yet used to turn a cue round, and whether it was a cue itself
    // (and so already counted).
    let mut pending: Option<(usize, bool)> = None;
    let mut i = 0;
    while let Some(&w) = words.get(i) {
        let info = lookup(w);
        if info.is_some_and(|info| info.contrast) {
            scores.contrast = true;
        }
        if let Some((n, from_cue)) = pending {
            if i - n > 3 {
                // A negator that turned nothing round: "do not visit children".
                if !from_cue {
                    scores.negative += 1;
                }
                pending = None;
            }
        }
        let matched = info.and_then(|info| {
            info.cues.iter().find(|c| {
                words
                    .get(i..i + c.words.len())
                    .is_some_and(|ws| ws.iter().zip(&c.words).all(|(a, b)| a == b))
            })
        });
        if let Some(cue) = matched {
            let (weight, len) = (cue.weight, cue.words.len());
            let negated = pending.is_some();
            if weight > 0 && negated {
                scores.negative += weight;
                pending = None;
            } else if weight < 0 && negated && !cue.negating {
                // "without delay", "no drift": weakly for.
                scores.positive += 1;
                pending = None;
            } else if weight > 0 {
                scores.positive += weight;
            } else if weight < 0 {
                scores.negative -= weight;
                if cue.negating {
                    pending = Some((i + len - 1, true));
                }
            }
            i += len;
            continue;
        }
        if info.is_some_and(|info| info.negator) || w.ends_with("n't") {
            pending = Some((i, false));
        }
        i += 1;
    }
    if let Some((_, false)) = pending {
        scores.negative += 1;
    }
    scores
}

/// The polarity of one sentence.
pub fn sentence_polarity(sentence: &str) -> Polarity {
    sentence_scores(sentence).polarity()
}

/// The polarity of one sentence or paragraph: each sentence is scored, and the paragraph
/// is positive or negative when its sentences lean three to one that way, else mixed.
pub fn polarity(text: &str) -> Polarity {
    let lower = text.is_ascii().then(|| text.to_ascii_lowercase());
    polarity_with_lower(text, lower.as_deref())
}

/// [`polarity`], given `text.to_ascii_lowercase()` when the text is ASCII.
pub fn polarity_with_lower(text: &str, ascii_lower: Option<&str>) -> Polarity {
    let (mut p, mut n) = (0u32, 0u32);
    let mut words = Vec::new();
    for s in sentences(text) {
        // Sentences are slices of the text: the same bytes of its lower-case copy.
        let at = s.as_ptr() as usize - text.as_ptr() as usize;
        let scores = match ascii_lower.and_then(|l| l.get(at..at + s.len())) {
            Some(lower) => {
                words.clear();
                ascii_words(lower, &mut words);
                score_words(&words)
            }
            None => sentence_scores(s),
        };
        match scores.polarity() {
            Polarity::Positive => p += 2,
            Polarity::Negative => n += 2,
            Polarity::Mixed => {
                p += 1;
                n += 1;
            }
            Polarity::Neutral => {}
        }
    }
    match (p, n) {
        (0, 0) => Polarity::Neutral,
        (_, 0) => Polarity::Positive,
        (0, _) => Polarity::Negative,
        (p, n) if p >= 3 * n => Polarity::Positive,
        (p, n) if n >= 3 * p => Polarity::Negative,
        _ => Polarity::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Polarity::*;

    /// Real sentences from the dev corpus, with the polarity a reader gives them.
    const SENTENCES: &[(&str, Polarity)] = &[
        (
            "Early help has been strengthened and children are identified early when they need help.",
            Positive,
        ),
        (
            "While there is sometimes a short delay before intervention, children and families benefit from an increasing number of services which, for many, help to improve their lives.",
            Mixed,
        ),
        (
            "However, some referrals are not transferred quickly enough to the duty and assessment teams, even when it is immediately evident that a fuller assessment is required.",
            Negative,
        ),
        (
            "Caseloads are too high in some teams.",
            Negative,
        ),
        (
            "Too many children in care are experiencing multiple changes of social workers.",
            Negative,
        ),
        (
            "Children's health needs are not being identified and addressed quickly enough.",
            Negative,
        ),
        (
            "Social workers get to know the children and families they work with well and make sure their views influence plans and the services being provided.",
            Positive,
        ),
        (
            "There is good support for children in need and their families where domestic abuse, parental mental health, or alcohol and substance misuse issues have been identified.",
            Positive,
        ),
        (
            "Most assessments require improvement.",
            Negative,
        ),
        (
            "A lack of robust analysis is a common problem.",
            Negative,
        ),
        (
            "The voices of children and young people are not well articulated in case records or assessments.",
            Negative,
        ),
        (
            "Consent is routinely sought and recorded.",
            Neutral,
        ),
        (
            "Information is shared effectively and partner agencies work well together to safeguard and protect children and young people.",
            Positive,
        ),
        (
            "Improvements to the quality and impact of social work practice are evident throughout the service, although practice is not yet consistent.",
            Mixed,
        ),
        (
            "The quality of assessments varies considerably.",
            Negative,
        ),
        (
            "Children's reviews are timely.",
            Positive,
        ),
        (
            "Management oversight and supervision is not yet achieving the consistency of improvement needed for all children.",
            Negative,
        ),
        (
            "Children come into care when it is in their best interests to do so.",
            Neutral,
        ),
        (
            "Leaders have established a strong foundation, but recognise that they have yet to deliver consistent, high-quality practice for children and their families.",
            Mixed,
        ),
        (
            "Leaders at all levels actively provide effective scrutiny and challenge.",
            Positive,
        ),
        (
            "Since Ofsted last inspected Bromley, services have got worse for children and young people.",
            Negative,
        ),
        (
            "Strategy discussions are timely, but do not always involve all relevant partners at the outset.",
            Mixed,
        ),
        (
            "Concerns about children who go missing from care are reported and tracked appropriately.",
            Positive,
        ),
        (
            "For a small minority of children, there is drift between the decision being made to initiate care proceedings and the lodging of the application with the court.",
            Negative,
        ),
    ];

    #[test]
    fn corpus_sentences() {
        for (s, want) in SENTENCES {
            assert_eq!(
                sentence_polarity(s),
                *want,
                "{s} → {:?}",
                sentence_scores(s)
            );
        }
    }

    #[test]
    fn negation_turns_a_cue_round() {
        let s = sentence_scores("Strategy meetings are not always used to best effect.");
        assert_eq!(s.positive, 0);
        assert!(s.negative > 0);
        assert_eq!(sentence_polarity("Placements are not effective."), Negative);
        assert_eq!(
            sentence_polarity("Referrals are responded to without delay."),
            Positive
        );
    }

    #[test]
    fn ascii_words_of_any_ascii_are_the_words() {
        use proptest::prelude::*;
        proptest!(|(s in "[a-zA-Z0-9 '.,;-]{0,40}")| {
            let lower = s.to_ascii_lowercase();
            let mut fast = Vec::new();
            ascii_words(&lower, &mut fast);
            prop_assert_eq!(fast, words(&s));
        });
    }

    #[test]
    fn ascii_words_are_the_lower_case_words() {
        for (s, _) in SENTENCES {
            let lower = s.to_ascii_lowercase();
            let mut fast = Vec::new();
            ascii_words(&lower, &mut fast);
            assert_eq!(fast, words(s), "{s}");
        }
        let odd = "'Well-established' -- plans, children's --views-- and 'ten' 3-4 '-'";
        let mut fast = Vec::new();
        let lower = odd.to_ascii_lowercase();
        ascii_words(&lower, &mut fast);
        assert_eq!(fast, words(odd));
        assert_eq!(
            fast,
            [
                "well-established",
                "plans",
                "children's",
                "views",
                "and",
                "ten",
                "3-4"
            ]
        );
    }

    #[test]
    fn ascii_and_unicode_paths_score_alike() {
        let p = "Thresholds are well understood and applied. Children at risk are identified and referred appropriately. However, a small minority of referrals lacked sufficient detail.";
        for s in sentences(p) {
            assert_eq!(sentence_scores(s), slow_scores(s), "{s}");
        }
        assert_eq!(polarity_with_lower(p, None), polarity(p));
    }

    #[test]
    fn paragraphs_lean_three_to_one_or_are_mixed() {
        let p = "Thresholds are well understood and applied. Children at risk are identified and referred appropriately. However, a small minority of referrals lacked sufficient detail.";
        assert_eq!(polarity(p), Mixed);
        let p = "Caseloads are too high in some teams. Children have too many placement moves, the majority of which are unplanned.";
        assert_eq!(polarity(p), Negative);
        assert_eq!(polarity(""), Neutral);
    }
}
