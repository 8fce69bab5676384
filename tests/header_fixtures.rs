//! Title blocks and inspection-team sections cut from real reports, in both pdftotext
//! modes: council, dates, lead inspector and team.

use ofsted_diff::model::{Document, Kind};

/// Parse `fixtures/header/<name>.<mode>.txt` in both modes.
fn both(name: &str) -> [Document; 2] {
    ["text", "layout"].map(|mode| {
        let path = format!(
            "{}/fixtures/header/{name}.{mode}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        ofsted_diff::parse_path(&path).expect("fixture parses")
    })
}

/// Kind, council, published, start, end and lead of a report.
fn check(doc: &Document, want: [Option<&str>; 5]) {
    assert_eq!(doc.kind, Kind::Inspection, "{}", doc.source);
    let got = [
        doc.local_authority.as_deref(),
        doc.published.as_deref(),
        doc.inspection_start.as_deref(),
        doc.inspection_end.as_deref(),
        doc.lead_inspector.as_deref(),
    ];
    assert_eq!(got, want, "{}; warnings: {:?}", doc.source, doc.warnings);
    assert_eq!(doc.document_date, None, "{}", doc.source);
}

fn read_from_name(doc: &Document) -> bool {
    doc.warnings.iter().any(|w| w.contains("file name"))
}

#[test]
fn sif_council_above_the_title_and_team_at_the_end() {
    for doc in both("sif_council_above_title") {
        // "Metropolitan Borough of Barnsley / Council"
        check(
            &doc,
            [
                Some("Barnsley"),
                Some("2014-08-08"),
                Some("2014-06-02"),
                Some("2014-06-25"),
                Some("Jansy Kelly"),
            ],
        );
        assert_eq!(
            doc.inspectors,
            [
                "Jansy Kelly",
                "Lynn Radley",
                "Sarah Urding",
                "Rob Hackeson",
                "Julie Winyard",
                "Ralph Trevelyan-Butler",
                "Sue Williams"
            ]
        );
        assert!(!read_from_name(&doc));
    }
}

#[test]
fn sif_numeric_dates() {
    for doc in both("sif_numeric_dates") {
        // "London Borough of Redbridge Council", "12/09/2016 to 06/10/2016", "25/11/2016"
        check(
            &doc,
            [
                Some("Redbridge"),
                Some("2016-11-25"),
                Some("2016-09-12"),
                Some("2016-10-06"),
                Some("Louise Hocking"),
            ],
        );
        assert_eq!(doc.inspectors.len(), 9, "{:?}", doc.inspectors);
    }
}

#[test]
fn sif_abbreviated_month_and_no_publication_line() {
    for doc in both("sif_abbreviated_month") {
        // "City of Bradford Metropolitan District / Council", "18 Feb 2014 – 12 March
        // 2014"; the file name carries no date, so nothing is published.
        check(
            &doc,
            [
                Some("Bradford"),
                None,
                Some("2014-02-18"),
                Some("2014-03-12"),
                Some("Lynn Radley"),
            ],
        );
    }
}

#[test]
fn sif_lead_inspector_on_site() {
    for doc in both("sif_lead_on_site") {
        check(
            &doc,
            [
                Some("Hammersmith and Fulham"),
                Some("2016-03-29"),
                Some("2016-01-11"),
                Some("2016-02-04"),
                Some("Pietro Battista"),
            ],
        );
        assert_eq!(
            doc.inspectors.get(1).map(String::as_str),
            Some("Paula Thomson-Jones")
        );
    }
}

#[test]
fn sif_team_names_below_their_labels() {
    for doc in both("sif_lead_on_next_line") {
        check(
            &doc,
            [
                Some("Luton"),
                Some("2016-03-29"),
                Some("2016-01-11"),
                Some("2016-02-04"),
                Some("Nigel Parkes"),
            ],
        );
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
    }
}

#[test]
fn early_ilacs_council_above_title_published_from_file_name() {
    for doc in both("ilacs_2018_barnsley__19_november_2018") {
        check(
            &doc,
            [
                Some("Barnsley"),
                Some("2018-11-19"),
                Some("2018-10-08"),
                Some("2018-10-19"),
                Some("Jan Edwards"),
            ],
        );
        assert!(read_from_name(&doc), "{:?}", doc.warnings);
        assert_eq!(doc.inspectors, ["Jan Edwards"]);
    }
}

#[test]
fn ilacs_council_wrapped_in_the_title() {
    for doc in both("ilacs_wrapped_title__28_august_2024") {
        check(
            &doc,
            [
                Some("Cheshire West and Chester"),
                Some("2024-08-28"),
                Some("2024-07-15"),
                Some("2024-07-19"),
                Some("Alison Smale"),
            ],
        );
    }
}

#[test]
fn ilacs_children_and_families_trust() {
    for doc in both("ilacs_trust__21_may_2026") {
        check(
            &doc,
            [
                Some("Bradford"),
                Some("2026-05-21"),
                Some("2026-01-12"),
                Some("2026-01-23"),
                Some("Catherine Heron"),
            ],
        );
    }
}

#[test]
fn ilacs_two_separate_weeks() {
    for doc in both("ilacs_two_weeks__10_may_2023") {
        // "5 to 9 December 2022 and 14 to 15 February 2023": the first day to the last.
        check(
            &doc,
            [
                Some("South Tyneside"),
                Some("2023-05-10"),
                Some("2022-12-05"),
                Some("2023-02-15"),
                Some("Rebecca Quested"),
            ],
        );
    }
}
