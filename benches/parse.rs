//! `cargo bench`: parse throughput (MB/s) per document kind and pdftotext mode over the
//! dev corpus, the same parse stage by stage, diff time per hand-labelled pair, and a
//! four-document Luton timeline.
//! Reads ../shared/corpus/dev; falls back to fixtures/seeds when it is absent.
//! Kept quick (well under two minutes): few samples, one pass over a group per sample.

use divan::counter::BytesCount;
use divan::Bencher;
use ofsted_diff::input::{self, Source};
use ofsted_diff::model::Document;
use ofsted_diff::{classify, diff, extract, parse_bytes, render};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

fn main() {
    divan::main();
}

/// The kinds the dev corpus holds. A kind the parser gives no document is reported by
/// divan as "no benchmark function registered".
const KINDS: [&str; 5] = [
    "inspection",
    "monitoring_visit",
    "focused_visit",
    "joint_inspection",
    "news_article",
];

fn dev() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev")
}

/// (name, bytes) of every .txt file in `dir`, in name order.
fn read_dir(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
        .into_iter()
        .filter_map(|p| Some((p.to_string_lossy().into_owned(), std::fs::read(&p).ok()?)))
        .collect()
}

/// One pdftotext mode's documents grouped by the kind the parser gives them.
type ByKind = BTreeMap<&'static str, Vec<(String, Vec<u8>)>>;

fn group(mode: &str) -> ByKind {
    let mut files = read_dir(&dev().join(mode));
    if files.is_empty() {
        files = read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds"));
    }
    let mut by_kind = ByKind::new();
    for (name, bytes) in files {
        let Ok(doc) = parse_bytes(&name, &bytes) else {
            continue;
        };
        by_kind
            .entry(doc.kind.as_str())
            .or_default()
            .push((name, bytes));
    }
    by_kind
}

static TEXT: LazyLock<ByKind> = LazyLock::new(|| group("text"));
static LAYOUT: LazyLock<ByKind> = LazyLock::new(|| group("layout"));

fn parse_group(bencher: Bencher, docs: Option<&Vec<(String, Vec<u8>)>>) {
    let Some(docs) = docs.filter(|d| !d.is_empty()) else {
        return;
    };
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for (name, b) in docs {
            divan::black_box(parse_bytes(name, b).ok());
        }
    });
}

/// Parse every document of one kind, pdftotext default mode.
#[divan::bench(args = KINDS, sample_count = 5, sample_size = 1)]
fn parse_text(bencher: Bencher, kind: &str) {
    parse_group(bencher, TEXT.get(kind));
}

/// Parse every document of one kind, pdftotext -layout mode.
#[divan::bench(args = KINDS, sample_count = 5, sample_size = 1)]
fn parse_layout(bencher: Bencher, kind: &str) {
    parse_group(bencher, LAYOUT.get(kind));
}

fn parse_file(name: &str) -> Option<Document> {
    let path = dev().join("text").join(format!("{name}.txt"));
    let bytes = std::fs::read(&path).ok()?;
    parse_bytes(&path.to_string_lossy(), &bytes).ok()
}

/// The hand-labelled pairs of ../shared/corpus/dev/diffgold, parsed once.
static PAIRS: LazyLock<Vec<(Document, Document)>> = LazyLock::new(|| {
    let mut names: Vec<String> = std::fs::read_dir(dev().join("diffgold"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".json"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .filter_map(|n| {
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(dev().join("diffgold").join(n)).ok()?)
                    .ok()?;
            let old = v.get("old")?.as_str()?.to_string();
            let new = v.get("new")?.as_str()?.to_string();
            Some((parse_file(&old)?, parse_file(&new)?))
        })
        .collect()
});

/// Diff one labelled pair (documents already parsed).
#[divan::bench(args = [0, 1, 2, 3, 4], sample_count = 20)]
fn diff_pair(bencher: Bencher, pair: usize) {
    let Some((old, new)) = PAIRS.get(pair) else {
        return;
    };
    bencher.bench(|| divan::black_box(diff::diff(old, new)));
}

const LUTON: [&str; 4] = [
    "80520_luton__29_march_2016",
    "80520_luton__24_february_2020",
    "80520_luton__05_september_2022",
    "80520_luton__10_march_2026",
];

/// A four-document timeline (Luton 2016, 2020, 2022, 2026), documents already parsed.
#[divan::bench(sample_count = 20)]
fn timeline_luton(bencher: Bencher) {
    let docs: Vec<Document> = LUTON.iter().filter_map(|n| parse_file(n)).collect();
    if docs.len() != LUTON.len() {
        return;
    }
    bencher.bench(|| divan::black_box(diff::timeline(&docs)));
}

/// The same timeline from the files' bytes: four parses and the timeline.
#[divan::bench(sample_count = 5)]
fn timeline_luton_from_text(bencher: Bencher) {
    let files: Vec<(String, Vec<u8>)> = LUTON
        .iter()
        .filter_map(|n| {
            let p = dev().join("text").join(format!("{n}.txt"));
            Some((p.to_string_lossy().into_owned(), std::fs::read(&p).ok()?))
        })
        .collect();
    if files.len() != LUTON.len() {
        return;
    }
    bencher.bench(|| {
        let docs: Vec<Document> = files
            .iter()
            .filter_map(|(n, b)| parse_bytes(n, b).ok())
            .collect();
        divan::black_box(diff::timeline(&docs))
    });
}

/// The text-mode corpus read once, and each document as it stands before each stage.
static STAGED: LazyLock<Vec<(Source, Document)>> = LazyLock::new(|| {
    TEXT.values()
        .flatten()
        .filter_map(|(name, bytes)| {
            let source = input::read_bytes(name, bytes).ok()?;
            let doc = extract::extract(&source);
            Some((source, doc))
        })
        .collect()
});

/// The stages of a parse, in order.
const STAGES: [&str; 8] = [
    "input",
    "classify",
    "header",
    "judgements",
    "recommendations",
    "findings",
    "letters",
    "json",
];

/// One stage of the parse over the whole text-mode corpus, to see where a parse's time
/// goes. Each stage gets the document as the stages before it leave it.
#[divan::bench(args = STAGES, sample_count = 5, sample_size = 1)]
fn stage(bencher: Bencher, stage: &str) {
    let staged = &*STAGED;
    let bytes: usize = staged.iter().map(|(s, _)| s.text.len()).sum();
    let before = |doc: &Document| {
        let mut d = Document::new(doc.source.clone());
        d.kind = doc.kind;
        d.framework = doc.framework;
        if matches!(stage, "findings" | "letters" | "json") {
            d.recommendations = doc.recommendations.clone();
        }
        if stage == "json" {
            d = doc.clone();
        }
        d
    };
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| staged.iter().map(|(_, d)| before(d)).collect::<Vec<_>>())
        .bench_local_values(|mut docs: Vec<Document>| {
            for ((source, _), doc) in staged.iter().zip(&mut docs) {
                match stage {
                    "input" => {
                        divan::black_box(
                            input::read_bytes(&source.name, source.text.as_bytes()).ok(),
                        );
                    }
                    "classify" => {
                        divan::black_box(classify::classify(&source.text));
                    }
                    "header" => extract::header::extract(source, doc),
                    "judgements" => extract::judgements::extract(source, doc),
                    "recommendations" => extract::recommendations::extract(source, doc),
                    "findings" => extract::findings::extract(source, doc, true),
                    "letters" => extract::letters::extract(source, doc),
                    _ => {
                        divan::black_box(render::json_line(doc));
                    }
                }
            }
            docs
        });
}
