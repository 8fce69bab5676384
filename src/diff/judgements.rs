//! Judgement changes between two documents, per area, with SIF areas mapped to their
//! ILACS successors where the mapping is sound.

use crate::model::{Area, Change, Document, Framework, Grade, JudgementChange};

/// The grade `doc` gives for `area`, preferring its own over one it only reports, and
/// whether it is reported.
fn grade_of(doc: &Document, area: Area) -> Option<(Grade, bool)> {
    let own = doc
        .judgements
        .iter()
        .find(|j| j.area == area && !j.reported)
        .map(|j| (j.grade, false));
    own.or_else(|| {
        doc.judgements
            .iter()
            .find(|j| j.area == area)
            .map(|j| (j.grade, true))
    })
}

fn is_sif(doc: &Document) -> bool {
    doc.framework == Some(Framework::Sif)
        || doc.judgements.iter().any(|j| {
            matches!(
                j.area,
                Area::ChildrenLookedAfter
                    | Area::Adoption
                    | Area::Lscb
                    | Area::LeadershipManagementGovernance
            )
        })
}

fn has(doc: &Document, area: Area) -> bool {
    doc.judgements.iter().any(|j| j.area == area)
}

/// The areas of NEW that succeed OLD's `area`; empty when there is none (adoption, LSCB).
fn successors(area: Area, new: &Document) -> Vec<Area> {
    match area {
        Area::ChildrenLookedAfter => {
            if has(new, Area::ChildrenInCareAndCareLeavers) || !has(new, Area::ChildrenInCare) {
                vec![Area::ChildrenInCareAndCareLeavers]
            } else {
                vec![Area::ChildrenInCare]
            }
        }
        Area::LeadershipManagementGovernance => vec![Area::ImpactOfLeaders],
        Area::Adoption | Area::Lscb => Vec::new(),
        other => vec![other],
    }
}

fn change(old: Option<Grade>, new: Option<Grade>) -> Option<Change> {
    Some(match (old, new) {
        (Some(o), Some(n)) if n > o => Change::Improved,
        (Some(o), Some(n)) if n < o => Change::Declined,
        (Some(_), Some(_)) => Change::Unchanged,
        (Some(_), None) => Change::Removed,
        (None, Some(_)) => Change::Added,
        (None, None) => return None,
    })
}

/// One row per area graded in either document, in the contract's area order.
pub fn judgement_changes(old: &Document, new: &Document) -> Vec<JudgementChange> {
    let mut rows = Vec::new();
    if old.judgements.is_empty() || new.judgements.is_empty() {
        return rows;
    }
    let cross = is_sif(old) && !is_sif(new);
    let mut new_seen: Vec<Area> = Vec::new();
    for area in Area::ALL {
        let Some((og, o_rep)) = grade_of(old, area) else {
            continue;
        };
        let targets: Vec<Area> = if cross {
            successors(area, new)
        } else if area == Area::ChildrenInCareAndCareLeavers
            && !has(new, area)
            && (has(new, Area::ChildrenInCare) || has(new, Area::CareLeavers))
        {
            // The ILACS combined row was later split in two.
            vec![Area::ChildrenInCare, Area::CareLeavers]
        } else {
            vec![area]
        };
        if targets.is_empty() {
            rows.push(JudgementChange {
                area,
                old: Some(og),
                new: None,
                change: Change::Removed,
                new_area: None,
                cross_framework: cross,
                reported: o_rep,
            });
            continue;
        }
        for target in targets {
            let ng = grade_of(new, target);
            if ng.is_some() {
                new_seen.push(target);
            }
            let Some(c) = change(Some(og), ng.map(|g| g.0)) else {
                continue;
            };
            rows.push(JudgementChange {
                area,
                old: Some(og),
                new: ng.map(|g| g.0),
                change: c,
                new_area: (target != area).then_some(target),
                cross_framework: cross && ng.is_some(),
                reported: o_rep || ng.is_some_and(|g| g.1),
            });
        }
    }
    for area in Area::ALL {
        if new_seen.contains(&area) {
            continue;
        }
        if let Some((ng, n_rep)) = grade_of(new, area) {
            if grade_of(old, area).is_some() && !cross {
                continue;
            }
            rows.push(JudgementChange {
                area,
                old: None,
                new: Some(ng),
                change: Change::Added,
                new_area: None,
                cross_framework: false,
                reported: n_rep,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Judgement, Kind};

    fn doc(framework: Framework, grades: &[(Area, Grade)]) -> Document {
        let mut d = Document::new("x");
        d.kind = Kind::Inspection;
        d.framework = Some(framework);
        d.judgements = grades
            .iter()
            .map(|&(area, grade)| Judgement {
                area,
                grade,
                reported: false,
            })
            .collect();
        d
    }

    #[test]
    fn ilacs_to_ilacs() {
        // Luton 2020 → 2022.
        use Area::*;
        use Grade::*;
        let old = doc(
            Framework::Ilacs,
            &[
                (ImpactOfLeaders, RequiresImprovement),
                (HelpAndProtection, Inadequate),
                (ChildrenInCareAndCareLeavers, RequiresImprovement),
                (OverallEffectiveness, Inadequate),
            ],
        );
        let new = doc(
            Framework::Ilacs,
            &[
                (ImpactOfLeaders, Good),
                (HelpAndProtection, RequiresImprovement),
                (ChildrenInCareAndCareLeavers, RequiresImprovement),
                (OverallEffectiveness, RequiresImprovement),
            ],
        );
        let rows = judgement_changes(&old, &new);
        let get = |a: Area| rows.iter().find(|r| r.area == a).unwrap().change;
        assert_eq!(rows.len(), 4);
        assert_eq!(get(OverallEffectiveness), Change::Improved);
        assert_eq!(get(ImpactOfLeaders), Change::Improved);
        assert_eq!(get(ChildrenInCareAndCareLeavers), Change::Unchanged);
        assert!(rows.iter().all(|r| !r.cross_framework));
    }

    #[test]
    fn sif_to_ilacs_maps_successors() {
        // Luton 2016 (SIF) → 2020 (ILACS).
        use Area::*;
        use Grade::*;
        let old = doc(
            Framework::Sif,
            &[
                (OverallEffectiveness, RequiresImprovement),
                (HelpAndProtection, RequiresImprovement),
                (ChildrenLookedAfter, RequiresImprovement),
                (Adoption, RequiresImprovement),
                (CareLeavers, Good),
                (LeadershipManagementGovernance, RequiresImprovement),
                (Lscb, RequiresImprovement),
            ],
        );
        let new = doc(
            Framework::Ilacs,
            &[
                (ImpactOfLeaders, RequiresImprovement),
                (HelpAndProtection, Inadequate),
                (ChildrenInCareAndCareLeavers, RequiresImprovement),
                (OverallEffectiveness, Inadequate),
            ],
        );
        let rows = judgement_changes(&old, &new);
        let get = |a: Area| rows.iter().find(|r| r.area == a).unwrap();
        assert_eq!(get(HelpAndProtection).change, Change::Declined);
        assert!(get(HelpAndProtection).cross_framework);
        assert_eq!(
            get(ChildrenLookedAfter).new_area,
            Some(ChildrenInCareAndCareLeavers)
        );
        assert_eq!(get(ChildrenLookedAfter).change, Change::Unchanged);
        assert_eq!(
            get(LeadershipManagementGovernance).new_area,
            Some(ImpactOfLeaders)
        );
        assert_eq!(get(Adoption).change, Change::Removed);
        assert_eq!(get(Lscb).change, Change::Removed);
        assert_eq!(get(CareLeavers).change, Change::Removed);
        // Nothing of NEW is left over as "added".
        assert!(rows.iter().all(|r| r.change != Change::Added), "{rows:?}");
    }

    #[test]
    fn reported_grades_compare_and_are_marked() {
        use Area::*;
        use Grade::*;
        let old = doc(Framework::Ilacs, &[(OverallEffectiveness, Inadequate)]);
        let mut new = Document::new("news");
        new.kind = Kind::NewsArticle;
        new.judgements.push(Judgement {
            area: OverallEffectiveness,
            grade: RequiresImprovement,
            reported: true,
        });
        let rows = judgement_changes(&old, &new);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].change, Change::Improved);
        assert!(rows[0].reported);
    }
}
