//! One test per seed document in `fixtures/seeds/`: its kind, council and every date it
//! carries, and what the letters extractor reads from it; then every seed's judgements
//! and recommendations or requirements.

use ofsted_diff::model::{Area, Document, Framework, Grade, Kind, ReportReference};

fn seed(name: &str) -> Document {
    let path = format!("{}/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    ofsted_diff::parse_path(&path).expect("seed parses")
}

fn reported(doc: &Document) -> Vec<(Area, Grade)> {
    doc.judgements
        .iter()
        .filter(|j| j.reported)
        .map(|j| (j.area, j.grade))
        .collect()
}

#[test]
fn luton_2016_sif_inspection() {
    let doc = seed("luton_2016_inspection.txt");
    assert_eq!(doc.kind, Kind::Inspection);
    assert_eq!(doc.framework, Some(Framework::Sif));
    assert_eq!(doc.local_authority.as_deref(), Some("Luton"));
    assert_eq!(doc.published.as_deref(), Some("2016-03-29"));
    assert_eq!(doc.inspection_start.as_deref(), Some("2016-01-11"));
    assert_eq!(doc.inspection_end.as_deref(), Some("2016-02-04"));
    assert_eq!(doc.document_date, None);
    assert_eq!(doc.lead_inspector.as_deref(), Some("Nigel Parkes"));
    assert_eq!(
        doc.inspectors,
        [
            "Nigel Parkes",
            "Jansy Kelly",
            "Margaret Burke",
            "Michael Ferguson",
            "Tony Gallagher",
            "Karen Wareing",
            "Anne Waterman"
        ]
    );
    // The report prints its publication date: nothing is read from the file name.
    assert!(
        !doc.warnings.iter().any(|w| w.contains("file name")),
        "{:?}",
        doc.warnings
    );
    assert!(reported(&doc).is_empty());
}

#[test]
fn luton_2022_monitoring_visit() {
    let doc = seed("luton_2022_monitoring.txt");
    assert_eq!(doc.kind, Kind::MonitoringVisit);
    assert_eq!(doc.framework, None);
    assert_eq!(doc.local_authority.as_deref(), Some("Luton"));
    assert_eq!(doc.document_date.as_deref(), Some("2022-01-31"));
    assert_eq!(doc.inspection_start.as_deref(), Some("2021-12-08"));
    assert_eq!(doc.inspection_end.as_deref(), Some("2021-12-09"));
    assert_eq!(doc.published, None);
    assert_eq!(doc.lead_inspector.as_deref(), Some("Tom Anthony"));
    assert_eq!(doc.inspectors, ["Tom Anthony", "Margaret Burke"]);
    assert_eq!(doc.visit_number, Some(4));
    assert_eq!(
        doc.areas_covered,
        [
            "The quality of social work assessments and plans for children in need.",
            "The quality of social work assessments and plans for children subject to a child protection plan."
        ]
    );
    // "This was the fourth visit since services were judged inadequate in February 2020."
    assert_eq!(
        reported(&doc),
        [(Area::OverallEffectiveness, Grade::Inadequate)]
    );
}

#[test]
fn luton_2021_improvement_notice() {
    let doc = seed("luton_2021_improvement_notice.txt");
    assert_eq!(doc.kind, Kind::ImprovementNotice);
    assert_eq!(doc.local_authority.as_deref(), Some("Luton"));
    assert_eq!(doc.document_date.as_deref(), Some("2021-01-15"));
    assert_eq!(doc.published, None);
    assert_eq!(doc.inspection_start, None);
    assert_eq!(
        doc.refers_to,
        Some(ReportReference {
            published: Some("2020-02-24".into()),
            areas: vec![Area::OverallEffectiveness],
        })
    );
    assert_eq!(
        reported(&doc),
        [(Area::OverallEffectiveness, Grade::Inadequate)]
    );
}

#[test]
fn leicester_2015_improvement_notice() {
    let doc = seed("leicester_2015_improvement_notice.txt");
    assert_eq!(doc.kind, Kind::ImprovementNotice);
    assert_eq!(doc.local_authority.as_deref(), Some("Leicester"));
    assert_eq!(doc.document_date.as_deref(), Some("2015-12-22"));
    assert_eq!(doc.published, None);
    assert_eq!(
        doc.refers_to,
        Some(ReportReference {
            published: Some("2015-03-20".into()),
            areas: vec![
                Area::HelpAndProtection,
                Area::LeadershipManagementGovernance,
                Area::Lscb
            ],
        })
    );
    assert_eq!(
        reported(&doc),
        [
            (Area::HelpAndProtection, Grade::Inadequate),
            (Area::LeadershipManagementGovernance, Grade::Inadequate),
            (Area::Lscb, Grade::Inadequate)
        ]
    );
}

#[test]
fn luton_2022_news_article() {
    let doc = seed("luton_2022_news.txt");
    assert_eq!(doc.kind, Kind::NewsArticle);
    assert_eq!(doc.local_authority.as_deref(), Some("Luton"));
    assert_eq!(doc.document_date.as_deref(), Some("2022-09-05"));
    assert_eq!(doc.published, None);
    // The inadequate judgement of "the last inspection" is not this report's.
    assert_eq!(
        reported(&doc),
        [
            (Area::HelpAndProtection, Grade::RequiresImprovement),
            (Area::OverallEffectiveness, Grade::RequiresImprovement),
            (
                Area::ChildrenInCareAndCareLeavers,
                Grade::RequiresImprovement
            ),
            (Area::ImpactOfLeaders, Grade::Good)
        ]
    );
    assert!(doc.judgements.iter().all(|j| j.reported));
}

/// Recommendation ids in document order.
fn ids(doc: &Document) -> Vec<&str> {
    doc.recommendations.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn seed_judgements_and_recommendations() {
    use Area::*;
    use Grade::*;
    let sif = seed("luton_2016_inspection.txt");
    let graded: Vec<(Area, Grade)> = sif.judgements.iter().map(|j| (j.area, j.grade)).collect();
    assert_eq!(
        graded,
        [
            (OverallEffectiveness, RequiresImprovement),
            (HelpAndProtection, RequiresImprovement),
            (ChildrenLookedAfter, RequiresImprovement),
            (Adoption, RequiresImprovement),
            (CareLeavers, Good),
            (LeadershipManagementGovernance, RequiresImprovement),
            (Lscb, RequiresImprovement),
        ]
    );
    assert_eq!(
        ids(&sif),
        [
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "L129", "L130", "L131",
            "L132", "L133", "L134", "L135"
        ]
    );
    assert_eq!(
        sif.recommendations[0].text,
        "Significantly reduce the average size of social workers' caseloads in the rapid intervention and assessment team."
    );

    let notice = seed("luton_2021_improvement_notice.txt");
    assert_eq!(
        ids(&notice),
        [
            "3", "4", "5", "5.a", "5.b", "5.c", "5.d", "5.e", "6", "7", "8", "9", "9.a", "9.b",
            "9.c", "9.d", "10", "10.a", "10.b", "10.c", "11"
        ]
    );
    let leicester = seed("leicester_2015_improvement_notice.txt");
    assert_eq!(leicester.recommendations.len(), 38);
    assert_eq!(
        leicester.recommendations.first().map(|r| r.id.as_str()),
        Some("3")
    );
    assert_eq!(
        leicester.recommendations.last().map(|r| r.id.as_str()),
        Some("13")
    );
    assert!(leicester.recommendations.last().is_some_and(|r| r
        .text
        .ends_with("within 18 months of the Ofsted inspection.")));

    let news = seed("luton_2022_news.txt");
    assert_eq!(
        reported(&news),
        [
            (HelpAndProtection, RequiresImprovement),
            (OverallEffectiveness, RequiresImprovement),
            (ChildrenInCareAndCareLeavers, RequiresImprovement),
            (ImpactOfLeaders, Good),
        ]
    );
    // A monitoring letter lists no recommendations of its own; its findings are read.
    let letter = seed("luton_2022_monitoring.txt");
    assert!(letter.recommendations.is_empty());
    assert_eq!(letter.findings.len(), 21);
}
