//! Recommendation lists of each document shape, over excerpts cut from real reports and
//! letters in both pdftotext modes.

use ofsted_diff::model::{Recommendation, Scope};

fn recommendations(path: &str) -> Vec<Recommendation> {
    ofsted_diff::parse_path(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .recommendations
}

fn both_modes(stem: &str) -> [(String, Vec<Recommendation>); 2] {
    ["text", "layout"].map(|mode| {
        let path = format!("fixtures/recommendations/{stem}_{mode}.txt");
        let recs = recommendations(&path);
        (path, recs)
    })
}

fn ids(recs: &[Recommendation]) -> Vec<&str> {
    recs.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn sif_2014_areas_for_improvement_and_lscb_list() {
    for (path, recs) in both_modes("sif_2014_lscb") {
        let la: Vec<_> = recs
            .iter()
            .filter(|r| r.scope == Scope::LocalAuthority)
            .collect();
        let lscb: Vec<_> = recs.iter().filter(|r| r.scope == Scope::Lscb).collect();
        assert_eq!(la.len(), 25, "{path}");
        assert_eq!(la[0].id, "10", "{path}");
        assert_eq!(
            la[0].text,
            "The local authority and its partners need to build upon and embed their Think Family Strategy to ensure the overarching approach to early help is properly understood and implemented across the partnership. This should include developing a system to evaluate its effectiveness.",
            "{path}"
        );
        assert_eq!(la[0].category.as_deref(), Some("areas for improvement"));
        assert_eq!(la[24].id, "34", "{path}");
        assert_eq!(
            la[24].text,
            "Professional, reflective supervision and professional development needs to be embedded to support social workers in their current positions and future careers.",
            "{path}"
        );
        let lscb_ids: Vec<&str> = lscb.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            lscb_ids,
            ["L135", "L136", "L137", "L138", "L139", "L140", "L141"],
            "{path}"
        );
        assert_eq!(
            lscb[6].text,
            "Develop an effective model for evaluating the impact of training on safeguarding practice.",
            "{path}"
        );
    }
}

#[test]
fn sif_2016_recommendations_with_numbers_on_their_own_lines() {
    for (path, recs) in both_modes("sif_2016_lscb") {
        assert_eq!(
            ids(&recs),
            [
                "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "L129", "L130",
                "L131", "L132", "L133", "L134", "L135"
            ],
            "{path}"
        );
        // pdftotext's text mode drops the hyphen of "pre-\nproceedings" itself.
        let joined = if path.contains("_text") {
            "preproceedings"
        } else {
            "pre-proceedings"
        };
        assert_eq!(
            recs[7].text,
            format!("Ensure a more robust approach to the use of the Public Law Outline in {joined} work so that progress is effectively monitored and maintained and families understand what is required and expected of them."),
            "{path}"
        );
        assert_eq!(recs[13].scope, Scope::Lscb, "{path}");
        assert_eq!(
            recs[13].text, "Carry out a multi-agency audit of early help.",
            "{path}"
        );
    }
}

#[test]
fn ilacs_what_needs_to_improve_with_cross_references() {
    for (path, recs) in both_modes("ilacs_cross_references") {
        assert_eq!(ids(&recs), ["1", "2", "3", "4"], "{path}");
        assert_eq!(
            recs[1].text,
            "The consideration of children's previous history in decision-making in the Brent family front door.",
            "{path}"
        );
        assert_eq!(
            recs[1].cross_references,
            ["Outcome 2, national framework"],
            "{path}"
        );
        assert_eq!(
            recs[3].text, "The completion of mandatory training for approved foster carers.",
            "{path}"
        );
        assert_eq!(
            recs[3].cross_references,
            ["Outcome 4, national framework"],
            "{path}"
        );
        assert!(recs.iter().all(|r| r.scope == Scope::LocalAuthority));
    }
}

#[test]
fn focused_visit_priority_action_then_what_needs_to_improve() {
    for (path, recs) in both_modes("focused_visit_priority_action") {
        assert_eq!(ids(&recs), ["1", "2", "3", "4", "5", "6", "7"], "{path}");
        assert_eq!(
            recs[0].category.as_deref(),
            Some("areas for priority action"),
            "{path}"
        );
        assert!(
            recs[0].text.starts_with(
                "The local authority needs to take swift and decisive action to address the delays in identifying and ensuring permanence for children, including:"
            ),
            "{path}: {}",
            recs[0].text
        );
        assert!(recs[0].text.ends_with("best permanent homes for them."));
        assert_eq!(recs[1].category, None, "{path}");
        assert_eq!(
            recs[1].text,
            "The timeliness and quality of decision-making in the multi-agency safeguarding hub (MASH).",
            "{path}"
        );
    }
}

#[test]
fn focused_visit_list_stops_at_findings() {
    for (path, recs) in both_modes("focused_visit_findings_after_list") {
        assert_eq!(ids(&recs), ["1", "2", "3", "4", "5"], "{path}");
        assert_eq!(
            recs[3].text,
            "Too many children have to live a long way from home, making it harder to sustain the continuity of their education, friendships and family ties.",
            "{path}"
        );
        assert_eq!(
            recs[4].text,
            "Children's health needs are not being identified and addressed quickly enough.",
            "{path}"
        );
    }
}

#[test]
fn jtai_no_priority_action_then_areas_for_improvement() {
    for (path, recs) in both_modes("jtai_areas") {
        assert!(recs.len() >= 3, "{path}: {recs:?}");
        assert!(recs
            .iter()
            .all(|r| r.category.as_deref() == Some("areas for improvement")));
        assert_eq!(recs[0].id, "1");
        assert!(
            recs[0].text.starts_with(
                "Within the MARU, strategy discussions are mostly timely, but they do not routinely involve all relevant agencies."
            ),
            "{path}"
        );
        assert!(recs[1]
            .text
            .starts_with("When children experience or are at risk of sexual abuse in the family"));
    }
}

#[test]
fn improvement_notice_requirements_with_lettered_items() {
    let recs = recommendations("fixtures/seeds/leicester_2015_improvement_notice.txt");
    let got = ids(&recs);
    assert_eq!(&got[..6], ["3", "3.a", "3.b", "3.c", "3.d", "4"]);
    assert!(got.contains(&"12.f"));
    assert_eq!(got.last(), Some(&"13"));
    let r = recs.iter().find(|r| r.id == "5.c").expect("5.c");
    assert_eq!(
        r.text,
        "Improving the quality, delivery, and management of child protection practice and plans."
    );

    let recs = recommendations("fixtures/seeds/luton_2021_improvement_notice.txt");
    let r = recs.iter().find(|r| r.id == "9.d").expect("9.d");
    assert_eq!(
        r.text,
        "access to case files, minutes of meetings, supervision records or any other relevant information."
    );
    assert_eq!(ids(&recs).last(), Some(&"11"));
}

#[test]
fn monitoring_letter_has_no_recommendations() {
    assert!(recommendations("fixtures/seeds/luton_2022_monitoring.txt").is_empty());
}
