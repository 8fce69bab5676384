//! Judgement tables cut from real reports, in both pdftotext modes.

use ofsted_diff::model::{Area, Framework, Grade, Kind};

use Area::*;
use Grade::*;

/// Parse `fixtures/judgements/<name>.<mode>.txt` in both modes and check the kind, the
/// framework and the judgements (in the order the report gives them).
fn check(name: &str, framework: Framework, want: &[(Area, Grade)]) {
    for mode in ["text", "layout"] {
        let path = format!(
            "{}/fixtures/judgements/{name}.{mode}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let doc = ofsted_diff::parse_path(&path).expect("fixture parses");
        assert_eq!(doc.kind, Kind::Inspection, "{name} ({mode})");
        assert_eq!(doc.framework, Some(framework), "{name} ({mode})");
        let got: Vec<(Area, Grade)> = doc.judgements.iter().map(|j| (j.area, j.grade)).collect();
        assert_eq!(got, want, "{name} ({mode}); warnings: {:?}", doc.warnings);
        assert!(doc.judgements.iter().all(|j| !j.reported));
    }
}

#[test]
fn ilacs_four_rows_with_wrapped_grades() {
    check(
        "ilacs_4_rows_bradford_2018",
        Framework::Ilacs,
        &[
            (ImpactOfLeaders, RequiresImprovement),
            (HelpAndProtection, Inadequate),
            (ChildrenInCareAndCareLeavers, RequiresImprovement),
            (OverallEffectiveness, Inadequate),
        ],
    );
}

#[test]
fn ilacs_five_rows() {
    check(
        "ilacs_5_rows_barnsley_2023",
        Framework::Ilacs,
        &[
            (ImpactOfLeaders, Good),
            (HelpAndProtection, RequiresImprovement),
            (ChildrenInCare, Good),
            (CareLeavers, Good),
            (OverallEffectiveness, Good),
        ],
    );
}

#[test]
fn ilacs_2026_without_overall_effectiveness() {
    check(
        "ilacs_2026_north_northamptonshire",
        Framework::Ilacs,
        &[
            (ImpactOfLeaders, Outstanding),
            (HelpAndProtection, Good),
            (ChildrenInCare, Good),
            (CareLeavers, Good),
        ],
    );
}

#[test]
fn sif_with_lscb_review() {
    check(
        "sif_lscb_bradford_2014",
        Framework::Sif,
        &[
            (OverallEffectiveness, RequiresImprovement),
            (HelpAndProtection, RequiresImprovement),
            (ChildrenLookedAfter, Good),
            (Adoption, Good),
            (CareLeavers, Good),
            (LeadershipManagementGovernance, Good),
            (Lscb, Good),
        ],
    );
}

#[test]
fn sif_reinspection_without_lscb() {
    check(
        "sif_reinspection_somerset_2018",
        Framework::Sif,
        &[
            (OverallEffectiveness, RequiresImprovement),
            (HelpAndProtection, RequiresImprovement),
            (ChildrenLookedAfter, RequiresImprovement),
            (Adoption, Good),
            (CareLeavers, RequiresImprovement),
            (LeadershipManagementGovernance, RequiresImprovement),
        ],
    );
}

#[test]
fn sif_justified_label_is_left_out_with_a_warning() {
    // pdftotext spreads "Children looked after and achieving" over columns: that row's
    // grade is not guessed.
    check(
        "sif_justified_label_kirklees_2016",
        Framework::Sif,
        &[
            (OverallEffectiveness, Inadequate),
            (HelpAndProtection, Inadequate),
            (Adoption, RequiresImprovement),
            (CareLeavers, RequiresImprovement),
            (LeadershipManagementGovernance, Inadequate),
        ],
    );
    for mode in ["text", "layout"] {
        let path = format!(
            "{}/fixtures/judgements/sif_justified_label_kirklees_2016.{mode}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let doc = ofsted_diff::parse_path(&path).expect("fixture parses");
        assert!(
            doc.warnings.iter().any(|w| w.contains("children looked")),
            "{mode}: {:?}",
            doc.warnings
        );
    }
}
