//! Matching an old recommendation with NEW's: same practice area (taxonomy), compatible
//! groups of children, and lexical similarity on stemmed content words for what the
//! taxonomy misses.

use super::evidence::Issue;
use super::taxonomy::{words, Taxonomy};
use crate::wordhash::WordSet;
use std::sync::LazyLock;

/// The stemmed content words of a text.
pub type Stems = WordSet<String>;

/// Words that carry no issue: function words and the stock phrasing of recommendations.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "across",
    "act",
    "all",
    "also",
    "an",
    "and",
    "any",
    "appropriate",
    "appropriately",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "between",
    "both",
    "by",
    "can",
    "child",
    "children",
    "childrens",
    "consistency",
    "consistent",
    "consistently",
    "do",
    "does",
    "during",
    "effective",
    "effectively",
    "ensure",
    "ensuring",
    "especially",
    "every",
    "for",
    "from",
    "full",
    "fully",
    "good",
    "has",
    "have",
    "high",
    "how",
    "impact",
    "improve",
    "improvement",
    "improving",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "local",
    "authority",
    "make",
    "makes",
    "more",
    "most",
    "needs",
    "of",
    "on",
    "or",
    "other",
    "our",
    "practice",
    "quality",
    "so",
    "some",
    "such",
    "that",
    "the",
    "their",
    "them",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "well",
    "what",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "with",
    "within",
    "young",
    "people",
    "person",
    "range",
    "routinely",
    "services",
    "service",
    "work",
    "working",
    "timely",
    "timeliness",
    "robust",
    "clear",
    "strong",
    "rigour",
    "rigorous",
    "sufficiently",
    "provision",
    "provide",
    "provides",
    "support",
    "supported",
];

/// A crude English stem: enough to meet "assessments"/"assessed", "plans"/"planning".
pub fn stem(word: &str) -> String {
    let suffixes = [
        "ational", "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er",
        "es", "ed", "ly", "s",
    ];
    for suf in suffixes {
        if let Some(base) = word.strip_suffix(suf) {
            if base.chars().count() >= 4 {
                return base.to_string();
            }
        }
    }
    word.to_string()
}

static STOPWORD_SET: LazyLock<WordSet<&'static str>> =
    LazyLock::new(|| STOPWORDS.iter().copied().collect());

/// The stemmed content words of `text`.
pub fn content_stems(text: &str) -> Stems {
    stems_of(&words(text))
}

/// The stemmed content words among `words` (as [`words`] gives them).
pub fn stems_of(words: &[String]) -> Stems {
    words
        .iter()
        .filter(|w| {
            w.len() > 2
                && !STOPWORD_SET.contains(w.as_str())
                && !w.chars().all(|c| c.is_ascii_digit())
        })
        .map(|w| stem(w))
        .collect()
}

/// Dice coefficient of two stem sets.
pub fn dice(a: &Stems, b: &Stems) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// True when area `a` and area `b` are the same or one refines the other.
pub fn related(tax: &Taxonomy, a: usize, b: usize) -> bool {
    tax.within(a, b) || tax.within(b, a)
}

/// How far area `a` meets one of `others`, at the weight the other side gives it: fully
/// when the same, 0.75 when one refines the other (plans and child protection plans).
fn meets(tax: &Taxonomy, a: usize, others: &[(usize, f64)]) -> f64 {
    others
        .iter()
        .map(|&(b, w)| {
            let r = if a == b {
                1.0
            } else if related(tax, a, b) {
                0.75
            } else {
                0.0
            };
            r * w
        })
        .fold(0.0, f64::max)
}

/// Weighted share of the two issues' areas that meet each other. Meeting only on general
/// areas (assessments, plans) counts for less: every second recommendation names them.
pub fn focus_overlap(tax: &Taxonomy, a: &[(usize, f64)], b: &[(usize, f64)]) -> f64 {
    let total: f64 = a.iter().chain(b).map(|&(_, w)| w).sum();
    if a.is_empty() || b.is_empty() || total <= 0.0 {
        return 0.0;
    }
    let met: f64 = a.iter().map(|&(x, w)| w * meets(tax, x, b)).sum::<f64>()
        + b.iter().map(|&(y, w)| w * meets(tax, y, a)).sum::<f64>();
    let specific_shared = a.iter().any(|&(x, _)| {
        b.iter()
            .any(|&(y, _)| related(tax, x, y) && !(tax.general(x) && tax.general(y)))
    });
    let share = met / total;
    if specific_shared {
        share
    } else {
        0.6 * share
    }
}

/// True unless both name groups of children and none is shared.
pub fn cohorts_compatible(a: &[usize], b: &[usize]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.contains(x))
}

/// How well a NEW recommendation restates an old one: 0 when it does not.
pub fn restatement_score(
    tax: &Taxonomy,
    old: &Issue,
    old_stems: &Stems,
    new: &Issue,
    new_stems: &Stems,
) -> f64 {
    let lexical = dice(old_stems, new_stems);
    let focus = focus_overlap(tax, &old.weighted, &new.weighted);
    let cohort_ok = cohorts_compatible(&old.all_cohorts, &new.all_cohorts);
    if focus > 0.0 && cohort_ok {
        0.7 * focus + 0.3 * lexical + 0.01
    } else if lexical >= 0.5 && (old.is_empty() || new.is_empty()) {
        // Only where the taxonomy is silent on one side: two issues it tells apart stay apart.
        lexical * 0.7
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::taxonomy::TAXONOMY;

    fn score(old: &str, new: &str) -> f64 {
        let t = &*TAXONOMY;
        restatement_score(
            t,
            &Issue::of(t, old),
            &content_stems(old),
            &Issue::of(t, new),
            &content_stems(new),
        )
    }

    #[test]
    fn restated_recommendations_match() {
        assert!(score(
            "The rigour and impact of manager oversight in ensuring that children's plans are progressed, and that they are protected from harm.",
            "The quality and impact of supervision and management oversight."
        ) > 0.3);
        assert!(score(
            "Significantly reduce the average size of social workers' caseloads in the rapid intervention and assessment team.",
            "Social workers' caseloads, which are too high in some teams."
        ) > 0.3);
        assert!(
            score(
                "The consistency of support and pathway plans for care leavers.",
                "The quality and consistency of support and pathway planning for care leavers."
            ) > 0.5
        );
    }

    #[test]
    fn different_issues_do_not_match() {
        // Staff supervision is not the oversight of children on supervision orders.
        assert_eq!(
            score(
                "The quality and impact of supervision and management oversight.",
                "The quality of plans and the oversight of children subject to supervision orders."
            ),
            0.0
        );
        assert_eq!(
            score(
                "Social workers' caseloads, which are too high in some teams.",
                "The stability of the workforce."
            ),
            0.0
        );
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("assessments"), stem("assessment"));
        assert_eq!(stem("planning"), "plann");
        assert!(content_stems("The stability of the workforce.").contains("stability"));
    }
}
