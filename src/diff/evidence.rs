//! Evidence: which sentences of NEW bear on an old recommendation, and how they read.
//!
//! A sentence's polarity here is scored from cue words with negation ("not effective",
//! "without delay") and hedges ("not always", "too slow"). It is sentence-level on purpose:
//! a finding paragraph that praises one thing and criticises another must not lend its
//! criticism to the praised thing.

use super::taxonomy::{word_text, word_text_marking, words, AreaKind, Taxonomy};
use crate::model::Polarity;
use crate::wordhash::WordMap;
use std::sync::LazyLock;

/// Words that praise (whole words, or prefixes where they end in `*`).
const POSITIVE: &[&str] = &[
    "effective",
    "effectively",
    "good",
    "strong",
    "stronger",
    "strength*",
    "well",
    "improved",
    "improving",
    "strengthened",
    "timely",
    "swift*",
    "prompt*",
    "thorough*",
    "robust",
    "robustly",
    "clear",
    "clearly",
    "appropriate",
    "appropriately",
    "reduced",
    "benefit*",
    "comprehensive",
    "consistent",
    "consistently",
    "impressive*",
    "excellent",
    "positive",
    "positively",
    "success*",
    "skilled",
    "skilful*",
    "proactive*",
    "rigorous*",
    "insightful",
    "sensitive*",
    "sustained",
    "stable",
    "ambitious",
    "valued",
    "responsive",
    "embedded",
    "quickly",
    "regular",
    "regularly",
    "detailed",
    "focused",
    "tenacious*",
    "decisive*",
    "creative*",
    "strengthening",
    "established",
    "mostly",
    "helpful",
    "careful*",
    "accessible",
    "suitable",
    "delivered",
    "enabled",
    "achieved",
    "right",
    "meaningful",
    "impactful",
    "realistic",
    "completed",
    "offered",
    "resolved",
    "addressed",
];

/// Words that criticise.
const NEGATIVE: &[&str] = &[
    "too",
    "lack*",
    "insufficient*",
    "poor*",
    "weak*",
    "variab*",
    "vary",
    "varies",
    "varied",
    "varying",
    "inconsisten*",
    "delay*",
    "drift",
    "limited",
    "fail*",
    "shortfall*",
    "gap",
    "gaps",
    "inadequate",
    "unable",
    "declin*",
    "slow",
    "slower",
    "slowly",
    "shortage*",
    "unclear",
    "unsuitable",
    "unsafe",
    "unnecessar*",
    "unplanned",
    "unassessed",
    "unmet",
    "unaware",
    "difficult*",
    "harder",
    "confusing",
    "deteriorat*",
    "worse",
    "still",
    "yet",
    "less",
    "minority",
    "problem*",
    "weakness*",
    "missed",
    "absent",
    "lost",
    "behind",
    "stubborn*",
];

/// Words that turn a cue round: "not effective", "without delay".
const NEGATORS: &[&str] = &[
    "not", "no", "never", "nor", "neither", "without", "cannot", "dont", "doesnt", "isnt", "arent",
    "wasnt", "werent", "didnt", "hasnt", "havent", "nothing", "none",
];

/// Words that make the criticism after them good news: "reducing delay", "fewer delays",
/// "to avoid drift".
const REDUCERS: &[&str] = &[
    "reduc*", "fewer", "avoid*", "prevent*", "minimis*", "tackl*", "lower*", "decreas*",
];

/// Phrases whose words are no cue at all ("as well as", "requires improvement" names a
/// grade, "concerns about children" is the subject matter).
const NEUTRAL_PHRASES: &[&str] = &[
    "as well as",
    "well being",
    "wellbeing",
    "concerns about",
    "concerns for",
    "concern about",
    "concerns are",
    "when there are concerns",
    "level of concern",
    "levels of concern",
    "high risk",
    "high levels of risk",
    "high level",
    "high levels",
    "high number",
    "high numbers",
    "improvement plan",
    "improvement plans",
    "improvement board",
    "improvement activity",
    "the last inspection",
    "since the last",
    "the only",
    "still live",
    "still living",
    "unable to live with",
    "cannot live with",
    "not able to live with",
    "unable to remain",
    "cannot remain",
    "unable to return",
    "cannot return",
    "previous poor",
    "previously poor",
    "previous weaknesses",
    "the right to",
    "their right to",
    "right to",
    "rights",
];

/// Phrases that criticise as a whole.
const NEGATIVE_PHRASES: &[&str] = &[
    "requires improvement",
    "need to improve",
    "needs to improve",
    "more to do",
    "further work",
    "work is needed",
    "action is needed",
    "more is needed",
    "improvement is needed",
    "improvements are needed",
    "only some",
    "only a few",
    "only a small",
    "further action",
    "not yet",
    "not always",
    "not all",
    "significant challenge",
    "remains a challenge",
    "remain a challenge",
    "challenges remain",
    "weaknesses remain",
    "gaps remain",
    "remains an issue",
    "still to be",
    "yet to be",
    "experienced changes",
    "experience changes",
    "experiencing changes",
    "experienced many changes",
    "experience many changes",
    "frequent changes",
    "multiple changes",
    "repeated changes",
    "several changes",
    "needs to be",
    "need to be",
    "needs a stronger",
    "need a stronger",
    "needs strengthening",
    "need strengthening",
    "needs further",
    "requires further",
    "require further",
    "needs more",
    "need more",
    "needs greater",
    "to be strengthened",
    "to be improved",
];

/// What one word is to the cue rules, as flags, from one look-up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct WordCues(u8);

impl WordCues {
    const POSITIVE: WordCues = WordCues(1);
    const NEGATIVE: WordCues = WordCues(1 << 1);
    const NEGATOR: WordCues = WordCues(1 << 2);
    const REDUCER: WordCues = WordCues(1 << 3);
    /// It starts a phrase of [`NEUTRAL_PHRASES`].
    const STARTS_NEUTRAL: WordCues = WordCues(1 << 4);
    /// It starts a phrase of [`NEGATIVE_PHRASES`].
    const STARTS_NEGATIVE: WordCues = WordCues(1 << 5);

    fn or(self, other: WordCues) -> WordCues {
        WordCues(self.0 | other.0)
    }

    fn has(self, flag: WordCues) -> bool {
        self.0 & flag.0 != 0
    }
}

/// Phrases indexed by their first word.
type Phrases = WordMap<String, Vec<Vec<String>>>;

fn phrases(list: &[&str]) -> Phrases {
    let mut out: Phrases = WordMap::default();
    for p in list {
        let ws = words(p);
        if let Some(first) = ws.first() {
            out.entry(first.clone()).or_default().push(ws);
        }
    }
    out
}

/// Every cue list in one index: exact words in a map, prefixes (`delay*`) listed by their
/// first byte, so that a word is classed with one hash look-up and a short scan.
struct Lexicon {
    exact: WordMap<String, WordCues>,
    prefixes: Vec<Vec<(&'static str, WordCues)>>,
    neutral: Phrases,
    negative_phrases: Phrases,
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut exact: WordMap<String, WordCues> = WordMap::default();
        let mut prefixes = vec![Vec::new(); 256];
        let lists: [(&[&'static str], WordCues); 4] = [
            (POSITIVE, WordCues::POSITIVE),
            (NEGATIVE, WordCues::NEGATIVE),
            (NEGATORS, WordCues::NEGATOR),
            (REDUCERS, WordCues::REDUCER),
        ];
        for (list, cues) in lists {
            for &w in list {
                match w.strip_suffix('*') {
                    Some(prefix) => {
                        if let Some(by_first) = prefix
                            .bytes()
                            .next()
                            .and_then(|b| prefixes.get_mut(usize::from(b)))
                        {
                            by_first.push((prefix, cues));
                        }
                    }
                    None => {
                        let entry = exact.entry(w.to_string()).or_default();
                        *entry = entry.or(cues);
                    }
                }
            }
        }
        let neutral = phrases(NEUTRAL_PHRASES);
        let negative_phrases = phrases(NEGATIVE_PHRASES);
        for (starts, cues) in [
            (&neutral, WordCues::STARTS_NEUTRAL),
            (&negative_phrases, WordCues::STARTS_NEGATIVE),
        ] {
            for first in starts.keys() {
                let entry = exact.entry(first.clone()).or_default();
                *entry = entry.or(cues);
            }
        }
        Lexicon {
            exact,
            prefixes,
            neutral,
            negative_phrases,
        }
    }

    /// What `word` is to the cue rules.
    fn cues(&self, word: &str) -> WordCues {
        let exact = self.exact.get(word).copied().unwrap_or_default();
        let by_first = word
            .bytes()
            .next()
            .and_then(|b| self.prefixes.get(usize::from(b)));
        by_first
            .into_iter()
            .flatten()
            .filter(|(p, _)| word.starts_with(p))
            .fold(exact, |all, &(_, cues)| all.or(cues))
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

fn phrase_at(ws: &[&str], i: usize, phrase: &[String]) -> bool {
    ws.get(i..i + phrase.len())
        .is_some_and(|s| s.iter().zip(phrase).all(|(a, b)| a == b))
}

/// Positive and negative cue counts of a sentence.
pub fn cue_counts(sentence: &str) -> (usize, usize) {
    let mut pos = 0;
    let mut neg = 0;
    let first = word_text(sentence.get(..40.min(sentence.len())).unwrap_or(sentence));
    let opener = first.split(' ').find(|w| !w.is_empty());
    // A sentence opening with a concession ("Although cultural matches are not always
    // possible, carers support ...") asserts its main clause: the conceded clause before
    // the first comma is not counted, unless nothing follows it.
    let asserted = match (opener, sentence.split_once(',')) {
        (Some("although" | "though" | "while" | "whilst" | "notwithstanding"), Some((_, main)))
            if !main.trim().is_empty() =>
        {
            main
        }
        _ => sentence,
    };
    // A negator turns round every cue after it in its clause: "is not ensuring a
    // consistent quality of practice and timely impact".
    let text = word_text_marking(asserted, &[',', ';', ':', '(', ')'], '|');
    let mut ws: Vec<&str> = Vec::new();
    let mut skip: Vec<bool> = Vec::new();
    let mut cues: Vec<WordCues> = Vec::new();
    for clause in text.split('|') {
        ws.clear();
        ws.extend(clause.split(' ').filter(|w| !w.is_empty()));
        let (p, n) = clause_counts(&ws, &mut skip, &mut cues);
        pos += p;
        neg += n;
    }
    // "However, ..." opening a sentence with no praise in it reads as criticism.
    let contrast = matches!(opener, Some("however" | "but" | "nevertheless" | "despite"));
    if contrast && pos == 0 {
        neg += 1;
    }
    (pos, neg)
}

/// Cue counts of one clause's words; `skip` and `cues` are scratch space.
fn clause_counts(ws: &[&str], skip: &mut Vec<bool>, cues: &mut Vec<WordCues>) -> (usize, usize) {
    let lex = &*LEXICON;
    skip.clear();
    skip.resize(ws.len(), false);
    cues.clear();
    cues.extend(ws.iter().map(|w| lex.cues(w)));
    let mut pos = 0;
    let mut neg = 0;
    for (i, (w, c)) in ws.iter().zip(cues.iter()).enumerate() {
        if c.has(WordCues::STARTS_NEUTRAL) {
            for p in lex.neutral.get(*w).into_iter().flatten() {
                if phrase_at(ws, i, p) {
                    if let Some(span) = skip.get_mut(i..i + p.len()) {
                        span.fill(true);
                    }
                }
            }
        }
        if c.has(WordCues::STARTS_NEGATIVE) {
            for p in lex.negative_phrases.get(*w).into_iter().flatten() {
                if phrase_at(ws, i, p) {
                    neg += 1;
                    if let Some(span) = skip.get_mut(i..i + p.len()) {
                        span.fill(true);
                    }
                }
            }
        }
    }
    let mut negated = false;
    let mut reduced_until = 0;
    for (i, ((w, &skipped), c)) in ws.iter().zip(skip.iter()).zip(cues.iter()).enumerate() {
        if c.has(WordCues::NEGATOR) {
            negated = true;
            continue;
        }
        if c.has(WordCues::REDUCER) {
            reduced_until = i + 4;
        }
        if skipped || matches!(*w, "but" | "however" | "although" | "while" | "whereas") {
            negated &= !matches!(*w, "but" | "however" | "although" | "while" | "whereas");
            continue;
        }
        if c.has(WordCues::POSITIVE) {
            if negated {
                neg += 1;
            } else {
                pos += 1;
            }
        } else if c.has(WordCues::NEGATIVE) {
            if i < reduced_until {
                pos += 1;
            } else if negated {
                // "without delay": the negator is spent.
                pos += 1;
                negated = false;
            } else {
                neg += 1;
            }
        }
    }
    (pos, neg)
}

/// The polarity of one sentence from its cues.
pub fn sentence_polarity(sentence: &str) -> Polarity {
    let (pos, neg) = cue_counts(sentence);
    match (pos > 0, neg > 0) {
        // Praise outweighing one faint cue ("most ... are now clear, but ... only") is still
        // praise; a real contrast ("although improving, ... still") is mixed.
        (true, true) if pos >= 3 * neg + 2 => Polarity::Positive,
        (true, true) => Polarity::Mixed,
        (false, true) => Polarity::Negative,
        (true, false) => Polarity::Positive,
        (false, false) => Polarity::Neutral,
    }
}

/// The polarity the diff uses for a sentence of NEW. These cues are tuned to one
/// question, whether a sentence still criticises an issue, so a plain statement ("do not
/// meet the threshold", "result in referrals") stays neutral; the parser's finding
/// polarity answers a broader question and is not used here.
pub fn polarity(sentence: &str) -> Polarity {
    sentence_polarity(sentence)
}

/// What an old recommendation is about, in taxonomy terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Issue {
    /// The areas a sentence must touch to bear on it.
    pub focus: Vec<usize>,
    /// Groups of children it is about beyond what the focus implies; a finding must
    /// mention one of them.
    pub cohorts: Vec<usize>,
    /// Every group of children it concerns, named or implied by its focus.
    pub all_cohorts: Vec<usize>,
    /// True when the text itself names a group of children.
    pub names_cohort: bool,
    /// Areas with weights for comparing two recommendations: the focus of the main
    /// clause counts fully, what only a purpose clause ("so that ...", "to inform care
    /// planning") or a general topic beside a specific one names counts less.
    pub weighted: Vec<(usize, f64)>,
}

/// Where the secondary part of a recommendation starts, if it has one after a main clause
/// of a few words: its purpose ("so that ...", "to inform care planning") or a list of
/// particulars ("including ...", "specifically ...").
fn secondary_clause(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    [
        ", so that",
        " so that ",
        " in order to ",
        " to ensure ",
        " to make sure ",
        " to inform ",
        " including ",
        " in particular",
        " particularly ",
        " specifically ",
        " especially ",
        " such as ",
    ]
    .iter()
    .filter_map(|m| lower.find(m))
    .filter(|&i| {
        lower
            .get(..i)
            .is_some_and(|head| head.split_whitespace().count() >= 3)
    })
    .min()
}

impl Issue {
    /// The issue of a recommendation text.
    pub fn of(tax: &Taxonomy, text: &str) -> Issue {
        let areas = tax.areas_in(text);
        let main_areas = match secondary_clause(text).and_then(|i| text.get(..i)) {
            Some(head) => tax.areas_in(head),
            None => areas.clone(),
        };
        let of_kind = |k: AreaKind| -> Vec<usize> {
            areas
                .iter()
                .copied()
                .filter(|&a| tax.kind(a) == k)
                .collect()
        };
        let mut topics = of_kind(AreaKind::Topic);
        // A general topic yields to a specific one named in the main clause: "assessments
        // to support placement matching" is about matching; "assessments and plans,
        // including PEPs" is still about assessments and plans.
        let mut secondary = Vec::new();
        if topics
            .iter()
            .any(|&t| !tax.general(t) && main_areas.contains(&t))
        {
            secondary = topics.iter().copied().filter(|&t| tax.general(t)).collect();
            topics.retain(|&t| !tax.general(t));
        }
        // A topic refined by a more specific one in the same text is the specific one.
        let refined: Vec<usize> = topics
            .iter()
            .copied()
            .filter(|&t| topics.iter().any(|&u| u != t && tax.within(u, t)))
            .collect();
        topics.retain(|t| !refined.contains(t));
        let actors = of_kind(AreaKind::Actor);
        // Where the topics are only general ones, a role named in the main clause is what
        // the item is about: "managers, chairs of child protection conferences and IROs
        // improve their practice ... plans".
        let lead_actors: Vec<usize> = actors
            .iter()
            .copied()
            .filter(|&a| !tax.general(a) && main_areas.contains(&a))
            .collect();
        if !lead_actors.is_empty() && topics.iter().all(|&t| tax.general(t)) {
            secondary.append(&mut topics);
            topics = lead_actors;
        }
        let named_cohorts = of_kind(AreaKind::Cohort);
        let (focus, mut cohorts) = if !topics.is_empty() {
            (topics, named_cohorts.clone())
        } else if !actors.is_empty() {
            (actors.clone(), named_cohorts.clone())
        } else {
            (named_cohorts.clone(), Vec::new())
        };
        // A cohort the focus always implies narrows nothing (return home interviews are
        // always about children who go missing).
        let implied: Vec<usize> = focus.iter().filter_map(|&a| tax.implies(a)).collect();
        cohorts.retain(|c| !implied.contains(c));
        let names_cohort = !named_cohorts.is_empty();
        let mut all_cohorts: Vec<usize> = named_cohorts.into_iter().chain(implied).collect();
        all_cohorts.sort_unstable();
        all_cohorts.dedup();
        let mut weighted: Vec<(usize, f64)> = focus
            .iter()
            .map(|&a| (a, if main_areas.contains(&a) { 1.0 } else { 0.5 }))
            .collect();
        // Roles whose work is in question (IROs, not "social workers") tell two
        // recommendations apart even when a topic leads.
        for &a in &actors {
            if !tax.general(a) && !weighted.iter().any(|w| w.0 == a) {
                weighted.push((a, if main_areas.contains(&a) { 1.0 } else { 0.5 }));
            }
        }
        weighted.extend(secondary.into_iter().map(|a| (a, 0.25)));
        Issue {
            focus,
            cohorts,
            all_cohorts,
            names_cohort,
            weighted,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.focus.is_empty()
    }
}

/// Cohorts a finding's section names ("children_in_care_and_care_leavers").
pub fn section_cohorts(tax: &Taxonomy, section: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let s = section.to_lowercase();
    let mut add = |id: &str| {
        if let Some(i) = tax.index(id) {
            out.push(i);
        }
    };
    if s.contains("care_leaver") || s.contains("care leaver") {
        add("care_leavers");
    }
    if s.contains("children_in_care") || s.contains("looked_after") || s.contains("in care") {
        add("children_in_care");
    }
    if s.contains("help_and_protection") || s.contains("help and protection") {
        add("cin_cp");
    }
    if s.contains("adoption") {
        add("adoption");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::taxonomy::TAXONOMY;

    fn ids(v: &[usize]) -> Vec<&'static str> {
        v.iter().map(|&a| TAXONOMY.id(a)).collect()
    }

    #[test]
    fn a_concession_yields_to_its_main_clause() {
        // Sentences of the dev corpus: the main clause decides.
        for (s, want) in [
            // "too low" is conceded; "improvement" is no cue on its own.
            ("While still too low, it represents considerable improvement from most recently published figures for 2013-14 (62%).", Polarity::Neutral),
            ("While supervision of frontline practice is not always consistently recorded in children's records, the vast majority of work with children receives effective frontline management oversight.", Polarity::Positive),
            ("Although staff find supervision helpful, the quality varies significantly.", Polarity::Negative),
            ("While senior leaders have acted to address this, the impact is not yet consistent.", Polarity::Negative),
        ] {
            assert_eq!(polarity(s), want, "{s}");
        }
        // Without a main clause after the comma, the whole sentence counts.
        assert_eq!(
            polarity("Although progress is too slow."),
            Polarity::Negative
        );
    }

    #[test]
    fn polarity_of_real_sentences() {
        use Polarity::*;
        let cases = [
            ("Practice at the front door has been significantly strengthened since the last inspection.", Positive),
            ("However, some children's child protection and child in need plans are not strong enough.", Negative),
            // The concession ("although improving") yields to the main clause.
            ("Although improving, staff turnover and changes of social worker are also still having an impact on children and their families.", Negative),
            ("Actions leaders have taken have reduced the very high caseloads seen at the last inspection and the subsequent monitoring visits.", Positive),
            ("However, many children live outside the borough because this is often where a home is available that meets their needs.", Negative),
            ("Caseloads in the assessment team are too high.", Negative),
            ("Social workers have the information and guidance they need to respond to concerns without delay, ensuring timely help for children.", Positive),
            ("Supervision is not ensuring a consistent quality of practice and timely impact for children.", Negative),
            ("In most cases, the use of Public Law Outline (PLO) pre-proceedings is effective and instrumental in diverting children from becoming the subject of court proceedings and from entering care.", Positive),
            ("Some children had experienced changes in workers before and during the implementation of the family help service; however, this has been more consistent recently.", Mixed),
            ("Permanence is timely, securing stability and reducing delay.", Positive),
            ("Adoption is routinely considered at an early stage for those children unable to live with their birth or extended families.", Neutral),
            ("They identify the range of support that is needed to help them do their best in education, pursue their interests and spend time with friends and family.", Neutral),
            ("Very few children have been identified as being in private fostering arrangements.", Neutral),
            ("Referrals are swiftly reviewed by managers, and families are allocated without delay to a worker with the appropriate skills and experience to address the presenting need.", Positive),
        ];
        for (s, want) in cases {
            assert_eq!(sentence_polarity(s), want, "{s}");
        }
    }

    #[test]
    fn purpose_clause_weighs_less() {
        let t = &*TAXONOMY;
        let i = Issue::of(t, "The response to children who go missing from home and care, so that all children are offered return home interviews that are of good quality, in order to better understand why children go missing and to inform care planning and strategic priorities.");
        let weight = |id: &str| {
            i.weighted
                .iter()
                .find(|(a, _)| TAXONOMY.id(*a) == id)
                .map(|x| x.1)
        };
        assert_eq!(weight("return_home_interviews"), Some(0.5));
        assert_eq!(weight("care_plans"), Some(0.5));
        let i = Issue::of(
            t,
            "The quality of child in need and child protection plans.",
        );
        assert_eq!(i.weighted.len(), 1);
        assert_eq!(i.weighted[0].1, 1.0);
    }

    #[test]
    fn issue_prefers_specific_topics() {
        let t = &*TAXONOMY;
        let i = Issue::of(t, "The quality of evidence-based assessments undertaken to support effective placement matching.");
        assert_eq!(ids(&i.focus), ["placement_matching"]);
        let i = Issue::of(
            t,
            "The completion and impact of return home interviews for children missing from care.",
        );
        assert_eq!(ids(&i.focus), ["return_home_interviews"]);
        // Return home interviews are always about children who go missing.
        assert!(i.cohorts.is_empty());
        let i = Issue::of(t, "Ensure that, as key agents of change, the chairs of child protection conferences and independent reviewing officers act as passionate advocates for children and young people by consistently providing rigorous oversight and robust challenge.");
        assert!(
            ids(&i.focus).contains(&"iros_chairs") || ids(&i.focus).contains(&"cp_conferences"),
            "{:?}",
            ids(&i.focus)
        );
        let i = Issue::of(t, "Ensure that senior managers and leaders make best use of existing information and data about children who are missing from home, school or care and those who are at risk of exploitation, including child sexual exploitation.");
        assert!(
            ids(&i.focus).contains(&"performance_data"),
            "{:?}",
            ids(&i.focus)
        );
        assert!(!ids(&i.focus).contains(&"missing_children"));
    }
}
