//! The whole pipeline (parse, then diff) on every labelled dev pair in
//! ../shared/corpus/dev (beside the repository in CI): every evidence quote must be a
//! verbatim substring of the NEW text it cites, and a document diffed with itself must
//! keep every recommendation and judgement.

mod common;
use common::assert_quotes_verbatim;
use ofsted_diff::diff::diff;
use ofsted_diff::model::{Change, Document, Status};
use ofsted_diff::parse_path;
use std::path::{Path, PathBuf};

fn dev() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev")
}

/// (old, new) text paths of every labelled pair, in both pdftotext modes.
fn pairs() -> Vec<(PathBuf, PathBuf)> {
    let labels = dev().join("diffgold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&labels)
        .expect("../shared/corpus/dev/diffgold exists beside the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "labelled pairs in {}", labels.display());
    let mut out = Vec::new();
    for f in files {
        let label: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).expect("label")).expect("json");
        for mode in ["text", "layout"] {
            let dir = dev().join(mode);
            let old = dir.join(format!("{}.txt", label["old"].as_str().expect("old")));
            let new = dir.join(format!("{}.txt", label["new"].as_str().expect("new")));
            if old.exists() && new.exists() {
                out.push((old, new));
            }
        }
    }
    out
}

fn parse(p: &Path) -> Document {
    parse_path(p.to_str().expect("utf-8 path")).expect("parses")
}

#[test]
fn evidence_quotes_are_verbatim_on_every_labelled_pair() {
    let pairs = pairs();
    assert!(pairs.len() >= 5);
    for (old, new) in pairs {
        let (o, n) = (parse(&old), parse(&new));
        let d = diff(&o, &n);
        assert_eq!(d.recommendations.len(), o.recommendations.len());
        assert_quotes_verbatim(&d, &n);
    }
}

#[test]
fn parsed_documents_diffed_with_themselves() {
    for (old, _) in pairs() {
        let doc = parse(&old);
        let d = diff(&doc, &doc);
        for r in &d.recommendations {
            assert_eq!(
                r.status,
                Status::Persists,
                "{}: #{} {}",
                doc.source,
                r.old_id,
                r.old_text
            );
        }
        assert!(d.judgements.iter().all(|j| j.change == Change::Unchanged));
        assert_quotes_verbatim(&d, &doc);
    }
}
