//! `validate` passes every real report of the dev corpus, in both pdftotext modes.

use std::process::Command;

#[test]
fn validate_passes_every_dev_document() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");
    for mode in ["text", "layout"] {
        let dir = format!("{root}/{mode}");
        let out = Command::new(env!("CARGO_BIN_EXE_ofsted-diff"))
            .args(["validate", &dir])
            .output()
            .expect("the binary runs");
        let said = String::from_utf8_lossy(&out.stdout);
        let invalid: Vec<&str> = said.lines().filter(|l| !l.starts_with("OK")).collect();
        assert!(invalid.is_empty(), "{mode}: {invalid:#?}");
        assert!(said.lines().count() >= 300, "{mode}: only {} documents", said.lines().count());
        assert_eq!(out.status.code(), Some(0), "{mode}");
    }
}
