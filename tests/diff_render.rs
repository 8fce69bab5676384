//! Diff and timeline renderers over a real Luton pair.

use ofsted_diff::diff::{diff, timeline};
use ofsted_diff::model::{Diff, Document};
use ofsted_diff::render::diff as render;
use ofsted_diff::render::style::Style;
use std::path::Path;

fn fixture(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/diff")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("Document")
}

fn luton_2020_2022() -> Diff {
    diff(&fixture("luton_2020"), &fixture("luton_2022"))
}

#[test]
fn table_fits_the_width_and_colours_only_when_asked() {
    let d = luton_2020_2022();
    let plain = render::table(&d, &Style::PLAIN);
    assert!(plain.lines().all(|l| l.chars().count() <= 100), "{plain}");
    assert!(!plain.contains('\x1b'));
    assert!(
        plain.contains("Recommendations: 2 persists, 2 ongoing, 5 resolved, 4 not assessed"),
        "{plain}"
    );
    assert!(plain.contains("→ #1"));
    let narrow = render::table(
        &d,
        &Style {
            color: false,
            width: 80,
        },
    );
    assert!(narrow.lines().all(|l| l.chars().count() <= 80));
    let coloured = render::table(
        &d,
        &Style {
            color: true,
            width: 100,
        },
    );
    assert!(coloured.contains("\x1b[32mresolved\x1b[0m"));
    assert!(coloured.contains("\x1b[31mpersists\x1b[0m"));
}

#[test]
fn markdown_briefing() {
    let md = render::markdown(&luton_2020_2022());
    assert!(md.starts_with("# Luton: what changed between 2020-02-24 and 2022-09-05\n"));
    assert!(md.contains("| Overall effectiveness | Inadequate | Requires improvement | improved |"));
    assert!(md.contains(
        "| 11 | The rigour and impact of manager oversight in ensuring that children's plans are progressed, and that they are protected from harm. | **persists** | #1 |"
    ));
    assert!(md.contains("> However, some children's child protection and child in need plans are not strong enough. (para 15, negative)"));
    assert!(
        md.contains("## New in NEW\n\n3. The quality and analysis of assessments of children.\n")
    );
}

#[test]
fn csv_one_row_per_old_recommendation() {
    let d = luton_2020_2022();
    let text = render::csv(&d);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "old_id",
            "scope",
            "status",
            "matched_new_id",
            "evidence",
            "old_text"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 13);
    assert_eq!(&rows[10][0], "11");
    assert_eq!(&rows[10][2], "persists");
    assert_eq!(&rows[10][3], "1");
    assert_eq!(&rows[4][2], "not_assessed");
    assert_eq!(&rows[4][4], "");
    assert_eq!(
        &rows[4][5],
        "The timeliness of initial health assessments for children in care."
    );
}

#[test]
fn timeline_reads_in_100_columns() {
    let docs = [
        fixture("luton_2022"),
        fixture("luton_2020"),
        fixture("luton_monitoring_2022"),
    ];
    let t = timeline(&docs);
    let table = render::timeline_table(&t, &Style::PLAIN);
    assert!(table.lines().all(|l| l.chars().count() <= 100), "{table}");
    let first = table.find("2020-02-24").expect("2020 listed");
    let last = table.find("2022-09-05").expect("2022 listed");
    assert!(first < last);
    assert!(table.contains("Inadequate"));
    let md = render::timeline_markdown(&t);
    assert!(
        md.contains("| Overall effectiveness | Inadequate |  | Requires improvement |"),
        "{md}"
    );
    assert!(
        md.contains("2022-01-31: not assessed; 2022-09-05: resolved"),
        "{md}"
    );
}
