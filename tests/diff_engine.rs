//! The diff engine over typed Luton documents (fixtures/diff/*.json): real
//! recommendations and findings, statuses checked against the hand labels in
//! ../shared/corpus/dev/diffgold where the labeller was confident.

mod common;
use common::assert_quotes_verbatim;
use ofsted_diff::diff::{diff, timeline};
use ofsted_diff::model::{Area, Change, Diff, Document, Grade, Status};
use std::path::Path;

fn fixture(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/diff")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    serde_json::from_str(&text).expect("fixture is a Document")
}

fn status(d: &Diff, id: &str) -> Status {
    d.recommendations
        .iter()
        .find(|r| r.old_id == id)
        .map(|r| r.status)
        .unwrap_or_else(|| panic!("no recommendation {id}"))
}

#[test]
fn luton_2020_to_2022() {
    let (old, new) = (fixture("luton_2020"), fixture("luton_2022"));
    let d = diff(&old, &new);
    assert_eq!(d.recommendations.len(), 13);
    // Restated in 2022's "What needs to improve".
    assert_eq!(status(&d, "11"), Status::Persists);
    assert_eq!(d.recommendations[10].matched_new_id.as_deref(), Some("1"));
    assert_eq!(status(&d, "12"), Status::Persists);
    assert_eq!(d.recommendations[11].matched_new_id.as_deref(), Some("2"));
    // Findings praise the MASH, PLO, homelessness response and caseloads.
    for id in ["1", "2", "4", "13"] {
        assert_eq!(status(&d, id), Status::Resolved, "recommendation {id}");
    }
    // Findings still criticise CIN/CP plans and local placement sufficiency.
    assert_eq!(status(&d, "3"), Status::Ongoing);
    assert_eq!(status(&d, "8"), Status::Ongoing);
    // Nothing on the care leavers' meeting environment, life-story work or initial health
    // assessments.
    for id in ["5", "6", "9"] {
        assert_eq!(status(&d, id), Status::NotAssessed, "recommendation {id}");
    }
    let mash = &d.recommendations[0];
    assert!(mash
        .evidence
        .iter()
        .any(|e| e.quote.contains("multi-agency safeguarding hub (MASH)")));
    let plans = &d.recommendations[2];
    assert!(plans.evidence.iter().any(|e| e.quote
        == "However, some children's child protection and child in need plans are not strong enough."));
    assert_quotes_verbatim(&d, &new);
    // 2022's items on assessments, matching and pathway plans are new.
    let new_ids: Vec<&str> = d
        .new_recommendations
        .iter()
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(new_ids, ["3", "4", "5"]);
    // Judgements: overall effectiveness inadequate → requires improvement.
    let overall = d
        .judgements
        .iter()
        .find(|j| j.area == Area::OverallEffectiveness)
        .expect("overall row");
    assert_eq!(
        (overall.old, overall.new),
        (Some(Grade::Inadequate), Some(Grade::RequiresImprovement))
    );
    assert_eq!(overall.change, Change::Improved);
}

#[test]
fn monitoring_letter_leaves_untouched_areas_not_assessed() {
    let (old, new) = (fixture("luton_2020"), fixture("luton_monitoring_2022"));
    let d = diff(&old, &new);
    // The visit looked at assessments and plans for children in need and on CP plans.
    for id in ["3", "11", "12", "13"] {
        assert_eq!(status(&d, id), Status::Ongoing, "recommendation {id}");
    }
    for id in ["1", "2", "4", "5", "6", "7", "8", "9", "10"] {
        assert_eq!(status(&d, id), Status::NotAssessed, "recommendation {id}");
    }
    assert!(d
        .recommendations
        .iter()
        .all(|r| r.status != Status::Resolved));
    assert!(
        d.judgements.is_empty(),
        "a letter gives no grades to compare"
    );
    assert!(d.warnings.iter().any(|w| w.contains("monitoring visit")));
    assert_quotes_verbatim(&d, &new);
}

#[test]
fn sif_2016_to_ilacs_2020() {
    let (old, new) = (fixture("luton_2016"), fixture("luton_2020"));
    let d = diff(&old, &new);
    let la: Vec<_> = d
        .recommendations
        .iter()
        .filter(|r| r.scope == ofsted_diff::model::Scope::LocalAuthority)
        .collect();
    assert_eq!(la.len(), 12);
    // Caseloads, PLO and placement sufficiency restated.
    assert_eq!(la[0].matched_new_id.as_deref(), Some("13"));
    assert_eq!(la[7].matched_new_id.as_deref(), Some("2"));
    assert_eq!(la[8].matched_new_id.as_deref(), Some("8"));
    // Feedback to referrers and adoption data analysis: nothing in 2020.
    assert_eq!(la[1].status, Status::NotAssessed);
    assert_eq!(la[10].status, Status::NotAssessed);
    // The LSCB list cannot be followed into an ILACS report.
    assert!(d
        .recommendations
        .iter()
        .filter(|r| r.scope == ofsted_diff::model::Scope::Lscb)
        .all(|r| r.status == Status::NotAssessed && r.evidence.is_empty()));
    // Judgements mapped across frameworks.
    let lmg = d
        .judgements
        .iter()
        .find(|j| j.area == Area::LeadershipManagementGovernance)
        .expect("leadership row");
    assert_eq!(lmg.new_area, Some(Area::ImpactOfLeaders));
    assert!(lmg.cross_framework);
    let hp = d
        .judgements
        .iter()
        .find(|j| j.area == Area::HelpAndProtection)
        .expect("help and protection row");
    assert_eq!(hp.change, Change::Declined);
    assert!(d
        .judgements
        .iter()
        .any(|j| j.area == Area::Adoption && j.change == Change::Removed));
}

#[test]
fn a_document_diffed_with_itself() {
    for name in ["luton_2016", "luton_2020", "luton_2022", "luton_2026"] {
        let doc = fixture(name);
        let d = diff(&doc, &doc);
        assert!(!d.recommendations.is_empty());
        for r in &d.recommendations {
            assert_eq!(
                r.status,
                Status::Persists,
                "{name} #{}: {}",
                r.old_id,
                r.old_text
            );
            assert_eq!(
                r.matched_new_id.as_deref(),
                Some(r.old_id.as_str()),
                "{name} #{}",
                r.old_id
            );
        }
        assert!(!d.judgements.is_empty());
        assert!(d.judgements.iter().all(|j| j.change == Change::Unchanged));
        assert!(d.new_recommendations.is_empty());
        assert_quotes_verbatim(&d, &doc);
    }
}

#[test]
fn timeline_orders_by_date_whatever_the_input_order() {
    let docs = vec![
        fixture("luton_2026"),
        fixture("luton_monitoring_2022"),
        fixture("luton_2016"),
        fixture("luton_2022"),
        fixture("luton_2020"),
    ];
    let t = timeline(&docs);
    let dates: Vec<&str> = t
        .documents
        .iter()
        .filter_map(|d| d.date.as_deref())
        .collect();
    assert_eq!(
        dates,
        [
            "2016-03-29",
            "2020-02-24",
            "2022-01-31",
            "2022-09-05",
            "2026-03-10"
        ]
    );
    let overall = t
        .trajectories
        .iter()
        .find(|tr| tr.area == Area::OverallEffectiveness)
        .expect("overall trajectory");
    use Grade::*;
    assert_eq!(
        overall.grades,
        [
            Some(RequiresImprovement),
            Some(Inadequate),
            None,
            Some(RequiresImprovement),
            Some(Good)
        ]
    );
    // 2020's MASH recommendation: not looked at by the letter, resolved by 2022.
    let mash = t
        .lineages
        .iter()
        .find(|l| l.raised_in == 1 && l.id == "1")
        .expect("2020 #1 lineage");
    assert_eq!(mash.statuses[..2], [Status::NotAssessed, Status::Resolved]);
    assert_eq!(mash.statuses.len(), 3);
    // The last document raises recommendations with nothing after them.
    assert!(t
        .lineages
        .iter()
        .filter(|l| l.raised_in == 4)
        .all(|l| l.statuses.is_empty()));
}
