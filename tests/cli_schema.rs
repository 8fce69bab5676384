//! `schema parse|diff|timeline` prints a valid JSON Schema, and the real JSON output of
//! `parse`, `diff` and `timeline` on the seeds and on a sample of the dev corpus (both
//! pdftotext modes) validates against it.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ofsted-diff"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn json_of(args: &[&str]) -> Value {
    let o = bin().args(args).output().expect("the binary runs");
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON: {e}"))
}

fn validator(of: &str) -> jsonschema::Validator {
    let schema = json_of(&["schema", of]);
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!("schema {of} is not a valid JSON Schema: {e}");
    }
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

const SEEDS: [&str; 5] = [
    "fixtures/seeds/leicester_2015_improvement_notice.txt",
    "fixtures/seeds/luton_2016_inspection.txt",
    "fixtures/seeds/luton_2021_improvement_notice.txt",
    "fixtures/seeds/luton_2022_monitoring.txt",
    "fixtures/seeds/luton_2022_news.txt",
];

/// Every 32nd file of a dev corpus folder (about ten per pdftotext mode).
fn corpus_sample(mode: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/dev")
        .join(mode);
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.into_iter().step_by(32).collect()
}

#[test]
fn parse_output_of_seeds_and_dev_documents_matches_the_schema() {
    let v = validator("parse");
    let mut checked = 0;
    for seed in SEEDS {
        assert_valid(&v, &json_of(&["parse", "--format", "json", seed]), seed);
        checked += 1;
    }
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    if !dev.exists() {
        eprintln!(
            "note: {} absent, only the seeds were checked",
            dev.display()
        );
    }
    for mode in ["text", "layout"] {
        for file in corpus_sample(mode) {
            let f = file.to_string_lossy();
            assert_valid(&v, &json_of(&["parse", "--format", "json", &f]), &f);
            checked += 1;
        }
    }
    assert!(checked == 5 || checked >= 20, "{checked} documents checked");
    // Several files: an array whose every item is a document.
    let array = json_of(&["parse", "--format", "json", SEEDS[0], SEEDS[1]]);
    let items = array.as_array().expect("an array");
    assert_eq!(items.len(), 2);
    items.iter().for_each(|d| assert_valid(&v, d, "array item"));
}

#[test]
fn schema_rejects_what_the_contract_forbids() {
    let v = validator("parse");
    let good = json_of(&["parse", "--format", "json", SEEDS[1]]);
    assert!(v.is_valid(&good));
    let mut bad_grade = good.clone();
    bad_grade["judgements"] =
        serde_json::json!([{"area": "overall_effectiveness", "grade": "satisfactory"}]);
    assert!(!v.is_valid(&bad_grade), "a grade outside the contract");
    let mut bad_date = good.clone();
    bad_date["published"] = Value::String("29 March 2016".into());
    assert!(!v.is_valid(&bad_date), "a date that is not ISO");
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("published");
    assert!(
        !v.is_valid(&missing),
        "published is always printed (null when absent)"
    );
    let mut extra = good;
    extra["a_field_added_later"] = Value::Bool(true);
    assert!(v.is_valid(&extra), "the contract allows added fields");
}

#[test]
fn diff_and_timeline_output_match_their_schemas() {
    let d = json_of(&["diff", "--format", "json", "--explain", SEEDS[1], SEEDS[3]]);
    assert_valid(&validator("diff"), &d, "diff");
    let t = json_of(&["timeline", "--format", "json", SEEDS[1], SEEDS[3], SEEDS[4]]);
    assert_valid(&validator("timeline"), &t, "timeline");
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev/text");
    let (old, new) = (
        dev.join("80520_luton__24_february_2020.txt"),
        dev.join("80520_luton__05_september_2022.txt"),
    );
    if old.exists() && new.exists() {
        let (old, new) = (old.to_string_lossy(), new.to_string_lossy());
        let d = json_of(&["diff", "--format", "json", "--explain", &old, &new]);
        assert_valid(&validator("diff"), &d, "diff of two Luton inspections");
    }
}
