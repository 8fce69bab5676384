//! Timelines: several documents about one council in date order, each area's grades
//! across them, and each recommendation followed from the document that raised it.

use super::{diff_analysed, NewSide};
use crate::model::{Area, Document, DocumentRef, Lineage, Timeline, Trajectory, SCHEMA_VERSION};

/// Put `docs` in date order and follow judgements and recommendations across them.
/// Undated documents go last, in the order given.
pub fn timeline(docs: &[Document]) -> Timeline {
    let mut sorted: Vec<&Document> = docs.iter().collect();
    // Stable: equal or missing dates keep the input order.
    sorted.sort_by(|a, b| match (a.date(), b.date()) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let mut warnings = Vec::new();
    for d in &sorted {
        if d.date().is_none() {
            warnings.push(format!("{} has no date; placed last", d.source));
        }
    }

    let trajectories = Area::ALL
        .iter()
        .filter_map(|&area| {
            // A letter that only reports an earlier grade adds nothing to the trajectory.
            let grades: Vec<_> = sorted
                .iter()
                .map(|d| {
                    d.judgements
                        .iter()
                        .find(|j| j.area == area && !j.reported)
                        .map(|j| j.grade)
                })
                .collect();
            grades
                .iter()
                .any(Option::is_some)
                .then_some(Trajectory { area, grades })
        })
        .collect();

    // Every document but the first is NEW to some earlier one: analyse each once.
    let sides: Vec<NewSide> = sorted.iter().skip(1).map(|d| NewSide::analyse(d)).collect();
    let mut lineages = Vec::new();
    for (i, d) in sorted.iter().enumerate() {
        if d.recommendations.is_empty() {
            continue;
        }
        let later: Vec<_> = sorted
            .iter()
            .skip(1)
            .zip(&sides)
            .skip(i)
            .map(|(n, side)| diff_analysed(d, n, side))
            .collect();
        for (k, r) in d.recommendations.iter().enumerate() {
            lineages.push(Lineage {
                raised_in: i,
                id: r.id.clone(),
                text: r.text.clone(),
                statuses: later
                    .iter()
                    .filter_map(|dd| dd.recommendations.get(k).map(|s| s.status))
                    .collect(),
            });
        }
    }

    Timeline {
        schema_version: SCHEMA_VERSION,
        local_authority: sorted.iter().find_map(|d| d.local_authority.clone()),
        documents: sorted.iter().map(|d| DocumentRef::from(*d)).collect(),
        trajectories,
        lineages,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Grade, Judgement, Kind};

    #[test]
    fn reported_grades_stay_out_of_trajectories() {
        // A monitoring letter repeats "judged inadequate in February 2020".
        let mut report = Document::new("report");
        report.kind = Kind::Inspection;
        report.published = Some("2020-02-24".into());
        report.judgements.push(Judgement {
            area: Area::OverallEffectiveness,
            grade: Grade::Inadequate,
            reported: false,
        });
        let mut letter = Document::new("letter");
        letter.kind = Kind::MonitoringVisit;
        letter.document_date = Some("2022-01-31".into());
        letter.judgements.push(Judgement {
            area: Area::OverallEffectiveness,
            grade: Grade::Inadequate,
            reported: true,
        });
        let t = timeline(&[letter, report]);
        assert_eq!(t.documents[0].source, "report");
        assert_eq!(t.trajectories.len(), 1);
        assert_eq!(t.trajectories[0].grades, [Some(Grade::Inadequate), None]);
    }
}
