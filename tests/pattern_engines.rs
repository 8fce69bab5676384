//! Both regex engines give the same documents: `regex-lite` (what a one-file run mostly
//! uses) and `regex` (what a corpus batch moves to), forced in turn over the seeds, the
//! fixtures and the dev corpus in both pdftotext modes.
//!
//! It also proves every pattern's word list (`Pattern::requiring`, `starting_with`): each
//! search the words answer without an engine is run on the engine too.
//!
//! This is its own test binary because the engine choice is process-wide.

use ofsted_diff::pattern::{check_skipped_searches, set_engine, Engine};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt" || e == "md") {
            out.push(p);
        }
    }
}

fn parse_all(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| match ofsted_diff::parse_path(&p.to_string_lossy()) {
            Ok(doc) => serde_json::to_string(&doc).expect("documents serialise"),
            Err(e) => format!("error: {e}"),
        })
        .collect()
}

#[test]
fn lite_and_full_engines_parse_alike() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    files(&root.join("fixtures"), &mut paths);
    files(&root.join("../shared/seeds"), &mut paths);
    files(&root.join("../shared/corpus/dev/text"), &mut paths);
    files(&root.join("../shared/corpus/dev/layout"), &mut paths);
    assert!(paths.len() > 40, "only {} files found", paths.len());

    // Every search a pattern's words skip is checked against the engine, in release
    // builds too (`cargo test --release`, as CI runs it).
    check_skipped_searches(true);
    set_engine(Engine::Lite);
    let lite = parse_all(&paths);
    set_engine(Engine::Full);
    let full = parse_all(&paths);
    set_engine(Engine::Adaptive);
    for ((path, a), b) in paths.iter().zip(&lite).zip(&full) {
        assert_eq!(a, b, "{} parses differently by engine", path.display());
    }
}
