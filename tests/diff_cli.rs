//! `ofsted-diff OLD NEW` end to end on the seed documents: Luton's 2016 inspection
//! against the January 2022 monitoring letter (statuses as hand-labelled in
//! ../shared/corpus/dev/diffgold).

use std::process::Command;

fn run(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_ofsted-diff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("binary runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

const OLD: &str = "fixtures/seeds/luton_2016_inspection.txt";
const NEW: &str = "fixtures/seeds/luton_2022_monitoring.txt";

#[test]
fn csv_statuses_match_the_labels() {
    let (out, code) = run(&[OLD, NEW, "--format", "csv"]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<(String, String)> = reader
        .records()
        .map(|r| r.expect("row"))
        .filter(|r| &r[1] == "local_authority")
        .map(|r| (r[0].to_string(), r[2].to_string()))
        .collect();
    let want = [
        ("1", "ongoing"),
        ("2", "not_assessed"),
        ("3", "ongoing"),
        ("4", "ongoing"),
        ("5", "ongoing"),
        ("6", "ongoing"),
        ("7", "not_assessed"),
        ("8", "not_assessed"),
        ("9", "not_assessed"),
        ("10", "not_assessed"),
        ("11", "not_assessed"),
        ("12", "not_assessed"),
    ];
    let got: Vec<(&str, &str)> = rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(got, want);
}

#[test]
fn json_quotes_the_letter_and_explain_adds_reasons() {
    let (out, _) = run(&[OLD, NEW, "--format", "json"]);
    let d: serde_json::Value = serde_json::from_str(&out).expect("json");
    let plans = &d["recommendations"][5];
    assert_eq!(plans["status"], "ongoing");
    let quotes: Vec<&str> = plans["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .filter_map(|e| e["quote"].as_str())
        .collect();
    assert!(
        quotes.contains(&"However, some child protection plans are still too long."),
        "{quotes:?}"
    );
    assert!(plans.get("explanation").is_none());
    let (out, _) = run(&[OLD, NEW, "--format", "json", "--explain"]);
    let d: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        d["recommendations"][5]["explanation"]["practice_areas"][0],
        "plans"
    );
}

#[test]
fn a_document_against_itself_persists_throughout() {
    let (out, code) = run(&[OLD, OLD, "--format", "json", "--exit-code"]);
    let d: serde_json::Value = serde_json::from_str(&out).expect("json");
    let recs = d["recommendations"].as_array().expect("recommendations");
    assert!(recs.len() >= 12);
    assert!(recs.iter().all(|r| r["status"] == "persists"));
    assert!(d["judgements"]
        .as_array()
        .expect("judgements")
        .iter()
        .all(|j| j["change"] == "unchanged"));
    // --exit-code flags persisting recommendations.
    assert_eq!(code, 1);
}
