//! What a document of each kind must carry to be usable; `validate` reports what is
//! missing.

use crate::model::{Area, Document, Framework, Kind};

/// The problems that make `doc` unusable for its kind; empty when it is valid.
pub fn problems(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    match doc.kind {
        Kind::Unknown => out.push("not recognised as an Ofsted or DfE document".to_string()),
        Kind::SchoolInspection => {
            out.push("a school inspection report, not a children's-services document".to_string())
        }
        _ => {}
    }
    if doc.local_authority.is_none() && doc.kind != Kind::Unknown {
        out.push("no local authority".to_string());
    }
    match doc.kind {
        Kind::Inspection if doc.framework.is_none() => {
            // Before 2013: only the dates and findings can be read with confidence.
            if doc.inspection_start.is_none() {
                out.push("no inspection dates".to_string());
            }
            if doc.findings.is_empty() {
                out.push("no findings".to_string());
            }
        }
        Kind::Inspection => {
            if doc.inspection_start.is_none() {
                out.push("no inspection dates".to_string());
            }
            if doc.judgements.is_empty() {
                out.push("no judgements".to_string());
            } else if doc.framework == Some(Framework::Ilacs)
                && doc.grade(Area::OverallEffectiveness).is_none()
                && doc
                    .inspection_start
                    .as_deref()
                    .is_some_and(|d| d < "2026-04-01")
            {
                out.push(
                    "no overall effectiveness judgement (ILACS before April 2026 always has one)"
                        .to_string(),
                );
            }
            if doc.framework == Some(Framework::Sif)
                && doc.grade(Area::OverallEffectiveness).is_none()
            {
                out.push("no overall effectiveness judgement".to_string());
            }
            if doc.recommendations.is_empty() {
                out.push("no recommendations".to_string());
            }
            if doc.findings.is_empty() {
                out.push("no findings".to_string());
            }
        }
        Kind::MonitoringVisit | Kind::FocusedVisit | Kind::JointInspection => {
            if doc.document_date.is_none() {
                out.push("no letter date".to_string());
            }
            if doc.findings.is_empty() {
                out.push("no findings".to_string());
            }
        }
        Kind::ImprovementNotice => {
            if doc.document_date.is_none() {
                out.push("no date of issue".to_string());
            }
            if doc.recommendations.is_empty() {
                out.push("no requirements".to_string());
            }
        }
        Kind::NewsArticle | Kind::SchoolInspection | Kind::Unknown => {}
    }
    out
}
