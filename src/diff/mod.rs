//! Comparing documents: judgement changes, recommendation statuses with evidence, and
//! timelines across several documents about one council.
//!
//! A recommendation of OLD is *about* something: its practice areas in the taxonomy
//! (`data/practice_areas.txt`), narrowed by the groups of children it names. It
//! `persists` when one of NEW's recommendations is about the same thing; otherwise the
//! sentences of NEW's findings about the same thing decide, by their polarity: any
//! criticism left makes it `ongoing`, praise alone `resolved`, silence `not_assessed`.
//! Letters that look at only some areas are silent on the rest, so those stay
//! `not_assessed`, never `resolved`.

pub mod evidence;
pub mod judgements;
pub mod matching;
pub mod taxonomy;
pub mod timeline;

use crate::extract::text::sentences;
use crate::model::{
    Diff, Document, DocumentRef, Evidence, Explanation, Finding, Framework, Kind,
    NewRecommendation, Polarity, Recommendation, RecommendationStatus, Scope, Status,
    SCHEMA_VERSION,
};
use evidence::{polarity, section_cohorts, Issue};
use matching::{content_stems, restatement_score, stems_of, Stems};
use std::collections::HashSet;
use std::sync::LazyLock;
use taxonomy::{Taxonomy, TAXONOMY};

pub use timeline::timeline;

/// Least score for a NEW recommendation to count as restating an old one.
const RESTATEMENT_THRESHOLD: f64 = 0.4;
/// Most quotes kept per recommendation.
const MAX_EVIDENCE: usize = 4;

/// A sentence of NEW's findings, analysed once per diff.
struct Sentence<'a> {
    finding: usize,
    /// Where the finding stands: the council's own work, the LSCB review, or context
    /// that judges nothing (earlier inspections, local statistics).
    part: Part,
    text: &'a str,
    areas: Vec<usize>,
    stems: Stems,
    polarity: Polarity,
}

/// Which part of a report a finding belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Council,
    Lscb,
    Context,
}

impl Part {
    fn of(section: &str) -> Part {
        let s = section.to_lowercase();
        const CONTEXT: &[&str] = &[
            "previous_ofsted",
            "other_ofsted",
            "proportion_of_children",
            "children_living_in_this_area",
            "of_this_number",
            "lead_inspector",
            "information_about",
            "local_authority_area",
        ];
        if CONTEXT.iter().any(|c| s.contains(c)) {
            Part::Context
        } else if s.contains("lscb")
            || s.contains("scb")
            || s.contains("safeguarding_children_board")
        {
            Part::Lscb
        } else {
            Part::Council
        }
    }
}

/// NEW, analysed once: its sentences and each finding's groups of children and areas.
/// A timeline analyses each document once, however many earlier ones it is NEW to.
pub(crate) struct NewSide<'a> {
    sentences: Vec<Sentence<'a>>,
    finding_cohorts: Vec<Vec<usize>>,
    finding_areas: Vec<Vec<usize>>,
    recs: Vec<(Issue, Stems)>,
}

/// Findings from this many on are analysed on two threads (when there are two cores):
/// below it, starting a thread costs more than it saves.
const PARALLEL_FINDINGS: usize = 16;

impl<'a> NewSide<'a> {
    pub(crate) fn analyse(new: &'a Document) -> Self {
        let tax = &*TAXONOMY;
        let findings = new.findings.as_slice();
        let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
        let mut out = if two_cores && findings.len() >= PARALLEL_FINDINGS {
            // Each finding is analysed on its own, so the halves are independent and
            // joined in order give the same result as one pass.
            let (first, second) = findings.split_at(findings.len() / 2);
            std::thread::scope(|scope| {
                let later = scope.spawn(|| Self::analyse_findings(tax, second, first.len()));
                let mut side = Self::analyse_findings(tax, first, 0);
                match later.join() {
                    Ok(rest) => side.append(rest),
                    // A panic goes on as if the half had been analysed on this thread.
                    Err(panic) => std::panic::resume_unwind(panic),
                }
                side
            })
        } else {
            Self::analyse_findings(tax, findings, 0)
        };
        out.recs = new
            .recommendations
            .iter()
            .map(|r| (Issue::of(tax, &r.text), content_stems(&r.text)))
            .collect();
        out
    }

    /// Analyse `findings`, numbering them from `offset`.
    fn analyse_findings(tax: &Taxonomy, findings: &'a [Finding], offset: usize) -> Self {
        let mut out = NewSide {
            sentences: Vec::new(),
            finding_cohorts: Vec::with_capacity(findings.len()),
            finding_areas: Vec::with_capacity(findings.len()),
            recs: Vec::new(),
        };
        for (fi, f) in findings.iter().enumerate() {
            let mut cohorts = section_cohorts(tax, &f.section);
            let mut areas = Vec::new();
            let first = out.sentences.len();
            for s in sentences(&f.text) {
                // One tokenisation for both the areas and the stems.
                let ws = taxonomy::words(s);
                let sa = tax.areas_of_words(&ws);
                areas.extend(sa.iter().copied());
                out.sentences.push(Sentence {
                    finding: offset + fi,
                    part: Part::of(&f.section),
                    text: s,
                    areas: sa,
                    stems: stems_of(&ws),
                    polarity: polarity(s),
                });
            }
            // A plain statement ("return home interviews are offered") in a paragraph of
            // praise reads as praise. Criticism is never inferred: it must be said.
            if let Some(added) = out.sentences.get_mut(first..) {
                if finding_tone(added) == Polarity::Positive {
                    for s in added {
                        if s.polarity == Polarity::Neutral {
                            s.polarity = Polarity::Positive;
                        }
                    }
                }
            }
            areas.sort_unstable();
            areas.dedup();
            cohorts.extend(areas.iter().filter_map(|&a| {
                if tax.kind(a) == taxonomy::AreaKind::Cohort {
                    Some(a)
                } else {
                    tax.implies(a)
                }
            }));
            cohorts.sort_unstable();
            cohorts.dedup();
            out.finding_cohorts.push(cohorts);
            out.finding_areas.push(areas);
        }
        out
    }

    /// Add the analysis of the findings that follow this one's.
    fn append(&mut self, mut rest: Self) {
        self.sentences.append(&mut rest.sentences);
        self.finding_cohorts.append(&mut rest.finding_cohorts);
        self.finding_areas.append(&mut rest.finding_areas);
    }
}

/// The clear tone of a paragraph from its sentences' polarities, else neutral.
fn finding_tone(sentences: &[Sentence]) -> Polarity {
    let positive = sentences
        .iter()
        .filter(|s| s.polarity == Polarity::Positive)
        .count();
    let critical = sentences
        .iter()
        .filter(|s| matches!(s.polarity, Polarity::Negative | Polarity::Mixed))
        .count();
    if positive > 2 * critical {
        Polarity::Positive
    } else if critical > 2 * positive {
        Polarity::Negative
    } else {
        Polarity::Neutral
    }
}

/// How strongly a sentence bears on an issue: 0 when it does not.
fn relevance(tax: &Taxonomy, issue: &Issue, stems: &Stems, s: &Sentence, side: &NewSide) -> f64 {
    let lexical = matching::dice(stems, &s.stems);
    if issue.is_empty() {
        // Nothing the taxonomy knows: fall back on shared content words.
        let shared = stems.intersection(&s.stems).count();
        return if shared >= 2 && lexical >= 0.3 {
            lexical
        } else {
            0.0
        };
    }
    let finding_areas = side
        .finding_areas
        .get(s.finding)
        .map_or(&[][..], Vec::as_slice);
    let touched = issue
        .focus
        .iter()
        .filter(|&&f| {
            s.areas.iter().any(|&a| {
                // The sentence names the area or a refinement of it; or a broader area
                // inside a finding that names the area itself ("plans" in a paragraph on
                // child protection plans).
                tax.within(a, f) || (tax.within(f, a) && finding_areas.contains(&f))
            })
        })
        .count();
    if touched == 0 {
        return 0.0;
    }
    // A sentence plainly about other children ("children who present as homeless" for a
    // care leavers' issue) does not bear on an issue that names its children.
    if issue.names_cohort {
        let own: Vec<usize> = s
            .areas
            .iter()
            .filter_map(|&a| {
                if tax.kind(a) == taxonomy::AreaKind::Cohort {
                    Some(a)
                } else if issue.focus.iter().any(|&f| tax.within(a, f)) {
                    // The issue's own area implies the issue's own children.
                    None
                } else {
                    tax.implies(a)
                }
            })
            .collect();
        if !own.is_empty() && !own.iter().any(|c| issue.all_cohorts.contains(c)) {
            return 0.0;
        }
    }
    if !issue.cohorts.is_empty()
        && !issue.cohorts.iter().any(|c| {
            side.finding_cohorts
                .get(s.finding)
                .is_some_and(|fc| fc.contains(c))
        })
    {
        return 0.0;
    }
    touched as f64 + lexical
}

/// The status of one old recommendation against NEW.
fn assess(
    tax: &Taxonomy,
    rec: &Recommendation,
    new: &Document,
    side: &NewSide,
    lists_comparable: bool,
) -> RecommendationStatus {
    let issue = Issue::of(tax, &rec.text);
    let stems = content_stems(&rec.text);
    let mut explanation = Explanation {
        practice_areas: issue
            .focus
            .iter()
            .chain(&issue.cohorts)
            .map(|&a| tax.id(a).to_string())
            .collect(),
        best_match: None,
        positive: 0,
        negative: 0,
    };
    let mut status = RecommendationStatus {
        old_id: rec.id.clone(),
        scope: rec.scope,
        old_text: rec.text.clone(),
        status: Status::NotAssessed,
        matched_new_id: None,
        evidence: Vec::new(),
        explanation: None,
    };
    if !lists_comparable {
        status.explanation = Some(explanation);
        return status;
    }

    // Sentences of NEW's findings that bear on the issue, most relevant first.
    // The council's recommendations are judged on the council's findings, the LSCB's on
    // the LSCB review where NEW has one.
    let wanted = match rec.scope {
        Scope::Lscb if side.sentences.iter().any(|s| s.part == Part::Lscb) => Part::Lscb,
        _ => Part::Council,
    };
    let mut bearing: Vec<(f64, &Sentence)> = side
        .sentences
        .iter()
        .filter(|s| s.part == wanted)
        .map(|s| (relevance(tax, &issue, &stems, s, side), s))
        .filter(|(r, _)| *r > 0.0)
        .collect();
    bearing.sort_by(|a, b| b.0.total_cmp(&a.0));
    let critical = |p: Polarity| matches!(p, Polarity::Negative | Polarity::Mixed);
    explanation.positive = bearing
        .iter()
        .filter(|(_, s)| s.polarity == Polarity::Positive)
        .count();
    explanation.negative = bearing.iter().filter(|(_, s)| critical(s.polarity)).count();

    let quote = |s: &Sentence| Evidence {
        finding_id: new
            .findings
            .get(s.finding)
            .map(|f| f.id.clone())
            .unwrap_or_default(),
        quote: s.text.to_string(),
        polarity: s.polarity,
    };

    // Restated among NEW's own recommendations (same scope)?
    let candidates: Vec<(&Recommendation, f64)> = new
        .recommendations
        .iter()
        .zip(&side.recs)
        .filter(|(r, _)| r.scope == rec.scope)
        .map(|(r, (ni, ns))| (r, restatement_score(tax, &issue, &stems, ni, ns)))
        .collect();
    // The best score; on a tie the earlier item (max_by would keep the later).
    let best = candidates
        .iter()
        .copied()
        .fold(None, |best: Option<(&Recommendation, f64)>, c| match best {
            Some(b) if b.1 >= c.1 => Some(b),
            _ => Some(c),
        });
    if let Some((matched, score)) = best {
        if score > 0.0 {
            explanation.best_match = Some((matched.id.clone(), round2(score)));
        }
        if score >= RESTATEMENT_THRESHOLD {
            status.status = Status::Persists;
            status.matched_new_id = Some(matched.id.clone());
            status.evidence.push(Evidence {
                finding_id: format!("rec:{}", matched.id),
                quote: matched.text.clone(),
                polarity: Polarity::Negative,
            });
            status.evidence.extend(
                bearing
                    .iter()
                    .filter(|(_, s)| critical(s.polarity))
                    .take(MAX_EVIDENCE - 1)
                    .map(|(_, s)| quote(s)),
            );
            status.explanation = Some(explanation);
            return status;
        }
    }

    let negatives: Vec<&Sentence> = bearing
        .iter()
        .filter(|(_, s)| critical(s.polarity))
        .map(|(_, s)| *s)
        .collect();
    let positives: Vec<&Sentence> = bearing
        .iter()
        .filter(|(_, s)| s.polarity == Polarity::Positive)
        .map(|(_, s)| *s)
        .collect();
    if !negatives.is_empty() {
        status.status = Status::Ongoing;
        status
            .evidence
            .extend(negatives.iter().take(MAX_EVIDENCE - 1).map(|s| quote(s)));
        status
            .evidence
            .extend(positives.iter().take(1).map(|s| quote(s)));
    } else if !positives.is_empty() {
        status.status = Status::Resolved;
        status
            .evidence
            .extend(positives.iter().take(MAX_EVIDENCE).map(|s| quote(s)));
    }
    status.explanation = Some(explanation);
    status
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Whether NEW can speak to OLD's recommendations of `scope` at all: an LSCB list is
/// followed only into a document that reviews the LSCB itself (has its own LSCB list, or
/// grades it).
fn scope_comparable(scope: Scope, new: &Document) -> bool {
    match scope {
        Scope::LocalAuthority => true,
        Scope::Lscb => {
            new.recommendations.iter().any(|r| r.scope == Scope::Lscb)
                || (new.framework == Some(Framework::Sif)
                    && new.grade(crate::model::Area::Lscb).is_some())
        }
    }
}

/// Compare OLD with NEW.
/// Load the practice-area taxonomy now (it is otherwise loaded by the first comparison),
/// for a caller with a thread to spare.
pub fn load_taxonomy() {
    LazyLock::force(&TAXONOMY);
}

pub fn diff(old: &Document, new: &Document) -> Diff {
    diff_analysed(old, new, &NewSide::analyse(new))
}

/// Compare OLD with NEW, whose analysis `side` is at hand.
pub(crate) fn diff_analysed(old: &Document, new: &Document, side: &NewSide) -> Diff {
    let tax = &*TAXONOMY;
    let recommendations: Vec<RecommendationStatus> = old
        .recommendations
        .iter()
        .map(|r| assess(tax, r, new, side, scope_comparable(r.scope, new)))
        .collect();
    let matched: HashSet<&str> = recommendations
        .iter()
        .filter_map(|r| r.matched_new_id.as_deref())
        .collect();
    let new_recommendations = new
        .recommendations
        .iter()
        .filter(|r| !matched.contains(r.id.as_str()))
        .map(|r| NewRecommendation {
            id: r.id.clone(),
            text: r.text.clone(),
        })
        .collect();
    let mut warnings = Vec::new();
    if old.date().is_some() && new.date().is_some() && old.date() > new.date() {
        warnings.push(format!(
            "OLD ({}) is dated after NEW ({}); statuses read OLD's recommendations forward",
            old.date().unwrap_or_default(),
            new.date().unwrap_or_default()
        ));
    }
    if old.recommendations.is_empty() {
        warnings.push(format!("{} has no recommendations to follow", old.source));
    }
    if new.findings.is_empty() && new.recommendations.is_empty() {
        warnings.push(format!(
            "{} has no findings or recommendations: every status is not_assessed",
            new.source
        ));
    }
    if (old.judgements.is_empty()) != (new.judgements.is_empty()) {
        let (graded, ungraded) = if old.judgements.is_empty() {
            (new, old)
        } else {
            (old, new)
        };
        warnings.push(format!(
            "{} ({}) gives no judgements, so {}'s grades are not compared",
            ungraded.source,
            ungraded.kind.as_str(),
            graded.source
        ));
    }
    if matches!(
        new.kind,
        Kind::MonitoringVisit | Kind::FocusedVisit | Kind::JointInspection
    ) {
        warnings.push(format!(
            "{} is a {} that looks at some areas only; what it does not touch is not_assessed",
            new.source,
            new.kind.as_str().replace('_', " ")
        ));
    }
    Diff {
        schema_version: SCHEMA_VERSION,
        old: DocumentRef::from(old),
        new: DocumentRef::from(new),
        judgements: judgements::judgement_changes(old, new),
        recommendations,
        new_recommendations,
        warnings,
    }
}

/// The practice areas the taxonomy finds in `text`, as ids (for `--explain` and tests).
pub fn practice_areas(text: &str) -> Vec<String> {
    TAXONOMY
        .areas_in(text)
        .into_iter()
        .map(|a| TAXONOMY.id(a).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Finding, Kind};

    fn doc(recs: &[&str], findings: &[(&str, &str)]) -> Document {
        let mut d = Document::new("new");
        d.kind = Kind::Inspection;
        d.recommendations = recs
            .iter()
            .enumerate()
            .map(|(i, t)| Recommendation {
                id: (i + 1).to_string(),
                scope: Scope::LocalAuthority,
                text: t.to_string(),
                cross_references: Vec::new(),
                category: None,
            })
            .collect();
        d.findings = findings
            .iter()
            .enumerate()
            .map(|(i, (section, text))| Finding {
                id: (i + 1).to_string(),
                section: section.to_string(),
                text: text.to_string(),
                polarity: Polarity::Neutral,
            })
            .collect();
        d
    }

    #[test]
    fn sentence_about_other_children_does_not_bear() {
        // Liverpool 2023's care leavers' item against a 2026 sentence on homeless children.
        let old = doc(&["The provision of information for care leavers about their entitlements and health histories."], &[]);
        let new = doc(
            &[],
            &[("help_and_protection", "Most children who present as homeless are seen quickly. However, not all children who present as homeless receive a timely response or are made aware of their rights and entitlements.")],
        );
        let d = diff(&old, &new);
        assert_eq!(d.recommendations[0].status, Status::NotAssessed);
    }

    #[test]
    fn praise_alone_resolves_and_criticism_keeps_open() {
        let old = doc(&["The completion and impact of return home interviews for children missing from care."], &[]);
        // Luton 2022, paragraph 10: a paragraph of praise carries its plain statement.
        let praised = doc(&[], &[("help_and_protection", "Children who are reported as missing receive a well-coordinated and consistent response. Return home interviews are offered to children who go missing and most take up this offer.")]);
        let d = diff(&old, &praised);
        assert_eq!(d.recommendations[0].status, Status::Resolved);
        assert_eq!(
            d.recommendations[0].evidence[0].quote,
            "Return home interviews are offered to children who go missing and most take up this offer."
        );
        // Luton 2020, paragraph 32.
        let criticised = doc(&[], &[("impact_of_leaders", "For example, progress in improving the delivery of return home interviews when children in care are missing is stubbornly slow.")]);
        assert_eq!(
            diff(&old, &criticised).recommendations[0].status,
            Status::Ongoing
        );
    }

    #[test]
    fn context_and_lscb_sections_are_no_evidence_for_the_council() {
        let old = doc(
            &["Ensure that the quality assurance framework is fully implemented."],
            &[],
        );
        let mut new = doc(
            &[],
            &[
                (
                    "lscb",
                    "The board's multi-agency audit programme is not yet effective.",
                ),
                (
                    "previous_ofsted_inspections",
                    "The quality assurance of practice was judged inadequate in 2012.",
                ),
            ],
        );
        assert_eq!(
            diff(&old, &new).recommendations[0].status,
            Status::NotAssessed
        );
        new.findings.push(Finding {
            id: "9".into(),
            section: "leadership_management_governance".into(),
            text: "Changes made to strengthen the quality assurance framework have not enabled leaders to fully understand the quality and impact of services for vulnerable children and families.".into(),
            polarity: Polarity::Negative,
        });
        assert_eq!(diff(&old, &new).recommendations[0].status, Status::Ongoing);
    }

    #[test]
    fn children_named_in_passing_do_not_exclude_a_sentence() {
        // Luton 2022, paragraph 21: "entering care" does not make it a sentence about
        // children in care rather than about pre-proceedings.
        let old = doc(
            &["The clarity of purpose and quality of practice during pre-proceedings."],
            &[],
        );
        let new = doc(&[], &[("help_and_protection", "In most cases, the use of Public Law Outline (PLO) pre-proceedings is effective and instrumental in diverting children from becoming the subject of court proceedings and from entering care.")]);
        let d = diff(&old, &new);
        assert_eq!(d.recommendations[0].status, Status::Resolved);
    }

    #[test]
    fn ties_go_to_the_earlier_item() {
        let text = "The stability of the workforce.";
        let old = doc(&[text], &[]);
        let new = doc(&[text, text], &[]);
        let d = diff(&old, &new);
        assert_eq!(d.recommendations[0].matched_new_id.as_deref(), Some("1"));
        assert_eq!(d.new_recommendations.len(), 1);
        assert_eq!(d.new_recommendations[0].id, "2");
    }
}

#[cfg(test)]
mod robustness {
    use super::*;
    use crate::model::Finding;

    #[test]
    fn odd_texts_never_panic() {
        let repeated = "é".repeat(50);
        let odd = [
            "",
            " ",
            ".",
            "’’’ — … ◼",
            "However",
            "not not not not",
            repeated.as_str(),
            "Ensure that .. feedback .. referrals",
            "16- and 17-year-old 16 17 year",
            "ŞŢĂÎ — 子供 — 🙂 so that in order to",
        ];
        for text in odd {
            let _ = evidence::sentence_polarity(text);
            let _ = practice_areas(text);
            let mut d = Document::new(text);
            d.recommendations.push(Recommendation {
                id: String::new(),
                scope: Scope::Lscb,
                text: text.to_string(),
                cross_references: Vec::new(),
                category: None,
            });
            d.findings.push(Finding {
                id: String::new(),
                section: text.to_string(),
                text: text.to_string(),
                polarity: Polarity::Neutral,
            });
            let out = diff(&d, &d);
            assert_eq!(out.recommendations.len(), 1);
            let _ = timeline(&[d.clone(), d]);
        }
    }
}
