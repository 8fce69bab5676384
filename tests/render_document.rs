//! The parse table's summary card shows what each kind carries.

use std::process::Command;

fn table(path: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_ofsted-diff"))
        .args(["parse", path, "--format", "table", "--color", "never"])
        .env("COLUMNS", "100")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn a_monitoring_letter_card_names_the_visit_and_its_areas() {
    let t = table("fixtures/seeds/luton_2022_monitoring.txt");
    assert!(t.starts_with("Luton — monitoring_visit\n"), "{t}");
    assert!(t.contains("dated           2022-01-31\n"), "{t}");
    assert!(
        t.contains("visit           number 4 since the judgement\n"),
        "{t}"
    );
    assert!(
        t.contains("area covered    The quality of social work assessments and plans for children in need.\n"),
        "{t}"
    );
    assert!(t.contains("Overall effectiveness (reported)"), "{t}");
}

#[test]
fn a_notice_card_names_the_report_it_refers_to() {
    let t = table("fixtures/seeds/luton_2021_improvement_notice.txt");
    assert!(
        t.contains("refers to       the report published 2020-02-24\n"),
        "{t}"
    );
}

#[test]
fn an_inspection_card_has_dates_grades_and_recommendations() {
    let t = table("fixtures/seeds/luton_2016_inspection.txt");
    assert!(
        t.contains("inspected       2016-01-11 to 2016-02-04\n"),
        "{t}"
    );
    assert!(t.contains("lead inspector  Nigel Parkes\n"), "{t}");
    assert!(t.contains("Care leavers"), "{t}");
    assert!(
        t.contains("Significantly reduce the average size of social workers'"),
        "{t}"
    );
}
