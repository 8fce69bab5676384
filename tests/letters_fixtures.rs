//! Letter heads and first paragraphs cut from real focused-visit and JTAI letters, in both
//! pdftotext modes: council, the letter's date, the visit's dates, inspectors and areas.

use ofsted_diff::model::{Area, Document, Grade, Kind};

/// Parse `fixtures/letters/<name>.<mode>.txt` in both modes.
fn both(name: &str) -> [Document; 2] {
    ["text", "layout"].map(|mode| {
        let path = format!(
            "{}/fixtures/letters/{name}.{mode}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        ofsted_diff::parse_path(&path).expect("fixture parses")
    })
}

/// Kind, council, letter date, visit start and end.
fn check(doc: &Document, kind: Kind, want: [Option<&str>; 4]) {
    assert_eq!(doc.kind, kind, "{}", doc.source);
    let got = [
        doc.local_authority.as_deref(),
        doc.document_date.as_deref(),
        doc.inspection_start.as_deref(),
        doc.inspection_end.as_deref(),
    ];
    assert_eq!(got, want, "{}; warnings: {:?}", doc.source, doc.warnings);
    assert_eq!(doc.published, None, "{}", doc.source);
}

fn reported(doc: &Document) -> Vec<(Area, Grade)> {
    doc.judgements
        .iter()
        .filter(|j| j.reported)
        .map(|j| (j.area, j.grade))
        .collect()
}

#[test]
fn focused_visit_2023() {
    for doc in both("focused_visit_2023") {
        check(
            &doc,
            Kind::FocusedVisit,
            [
                Some("North Northamptonshire"),
                Some("2023-11-22"),
                Some("2023-10-18"),
                Some("2023-10-19"),
            ],
        );
        assert_eq!(doc.inspectors, ["Lisa Walsh", "Kendra Bell"]);
        assert_eq!(doc.lead_inspector.as_deref(), Some("Lisa Walsh"));
        // "Inspectors looked at the local authority's arrangements for the 'front door'.'"
        assert_eq!(doc.areas_covered, ["the 'front door'"]);
        // "Since the previous inspection in October 2022, when the overall effectiveness of
        // the service was judged to be requires improvement to be good"
        assert_eq!(
            reported(&doc),
            [(Area::OverallEffectiveness, Grade::RequiresImprovement)]
        );
    }
}

#[test]
fn focused_visit_subject_naming_a_company() {
    for doc in both("focused_visit_trust_subject") {
        // "Focused visit to Slough Children First": the first sentence names the council.
        check(
            &doc,
            Kind::FocusedVisit,
            [
                Some("Slough"),
                Some("2022-02-22"),
                Some("2022-01-18"),
                Some("2022-01-18"),
            ],
        );
        assert_eq!(doc.inspectors, ["Amanda Maxwell", "Maire Atherton"]);
    }
}

#[test]
fn focused_visit_letter_dated_a_year_early() {
    for doc in both("focused_visit_year_slip") {
        // Dated "21 January 2019" for a visit on 18 and 19 December 2019.
        check(
            &doc,
            Kind::FocusedVisit,
            [
                Some("Dudley"),
                Some("2020-01-21"),
                Some("2019-12-18"),
                Some("2019-12-19"),
            ],
        );
        assert!(doc
            .warnings
            .iter()
            .any(|w| w.contains("read as 2020-01-21")));
        assert_eq!(doc.inspectors, ["Alison Smale", "Tara Geere"]);
    }
}

#[test]
fn focused_visit_dates_without_a_year() {
    for doc in both("focused_visit_no_year") {
        // "on 30 and 31 January." in a letter dated 22 February 2018.
        check(
            &doc,
            Kind::FocusedVisit,
            [
                Some("Coventry"),
                Some("2018-02-22"),
                Some("2018-01-30"),
                Some("2018-01-31"),
            ],
        );
        assert!(doc.warnings.iter().any(|w| w.contains("print no year")));
        assert_eq!(doc.inspectors, ["Alison Smale", "Peter McEntee"]);
    }
}

#[test]
fn focused_visit_carried_out_by() {
    for doc in both("focused_visit_carried_out_by") {
        check(
            &doc,
            Kind::FocusedVisit,
            [
                Some("Windsor and Maidenhead"),
                Some("2018-12-20"),
                Some("2018-11-27"),
                Some("2018-11-28"),
            ],
        );
        assert_eq!(doc.inspectors, ["Linda Steele", "Donna Marriott"]);
        // "Children's services were last inspected in 2015, when the overall effectiveness
        // of services was judged to require improvement to be good."
        assert_eq!(
            reported(&doc),
            [(Area::OverallEffectiveness, Grade::RequiresImprovement)]
        );
    }
}

#[test]
fn focused_visit_areas_as_a_list() {
    for doc in both("focused_visit_focus_list") {
        check(
            &doc,
            Kind::FocusedVisit,
            [
                Some("Dudley"),
                Some("2024-05-16"),
                Some("2024-02-01"),
                Some("2024-02-02"),
            ],
        );
        assert_eq!(
            doc.areas_covered,
            [
                "children, including children who meet the definition of 'eligible', living in or with a plan for living in supported accommodation",
                "children aged 16 or 17 years old living in unregistered children's homes (including on an emergency basis)",
                "children under 16 years old living in unregistered children's homes (including on an emergency basis)",
                "placement sufficiency, including fostering matching practice."
            ]
        );
    }
}

#[test]
fn focused_visit_with_a_scrambled_subject_line() {
    for doc in both("focused_visit_harrow_2018") {
        // The layout address block breaks the subject line; the first sentence says
        // "a focused visit to the London Borough of Harrow local authority children's
        // services on 9 and 10 October 2018".
        check(
            &doc,
            Kind::FocusedVisit,
            [
                Some("Harrow"),
                Some("2018-11-01"),
                Some("2018-10-09"),
                Some("2018-10-10"),
            ],
        );
        assert_eq!(doc.inspectors, ["Kate Malleson", "Diane Partridge"]);
        assert_eq!(doc.areas_covered, ["children who need help and protection"]);
    }
}

#[test]
fn jtai_topic_in_the_area() {
    for doc in both("jtai_between") {
        // "... abuse and neglect in Cheshire West and Chester"; "Between 25 and 29
        // September 2017, Ofsted, ..."
        check(
            &doc,
            Kind::JointInspection,
            [
                Some("Cheshire West and Chester"),
                Some("2017-11-10"),
                Some("2017-09-25"),
                Some("2017-09-29"),
            ],
        );
        assert!(doc.inspectors.is_empty());
    }
}

#[test]
fn jtai_of_the_area() {
    for doc in both("jtai_took_place") {
        // "Joint targeted area inspection of Kirklees"; "This inspection took place from 27
        // June 2022 to 1 July 2022."
        check(
            &doc,
            Kind::JointInspection,
            [
                Some("Kirklees"),
                Some("2022-08-18"),
                Some("2022-06-27"),
                Some("2022-07-01"),
            ],
        );
    }
}

#[test]
fn jtai_area_named_only_in_the_first_paragraph() {
    for doc in both("jtai_agencies_in") {
        // "... the work of individual agencies in Greenwich local authority."
        check(
            &doc,
            Kind::JointInspection,
            [
                Some("Greenwich"),
                Some("2018-05-09"),
                Some("2018-02-12"),
                Some("2018-02-16"),
            ],
        );
    }
}
