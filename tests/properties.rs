//! Properties that hold for any input: parse never panics; the typed result does not
//! depend on line endings, quote style or trailing whitespace; a document diffed with
//! itself persists everything; evidence is always quoted from NEW.

use ofsted_diff::model::{Change, Document, Status};
use ofsted_diff::{diff, parse_bytes};
use proptest::prelude::*;

/// Real documents of every kind the fixtures hold.
fn fixture_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["fixtures/seeds", "fixtures/diff"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt" || e == "md") {
                if let Ok(text) = std::fs::read_to_string(&p) {
                    out.push((p.display().to_string(), text));
                }
            }
        }
    }
    assert!(out.len() >= 5, "fixtures missing");
    out
}

fn parse(name: &str, text: &str) -> Document {
    parse_bytes(name, text.as_bytes()).expect("fixture parses")
}

/// What must not change under cosmetic edits.
fn essence(d: &Document) -> impl PartialEq + std::fmt::Debug {
    (
        d.kind,
        d.framework,
        d.local_authority.clone(),
        d.inspection_start.clone(),
        d.judgements.clone(),
        d.recommendations
            .iter()
            .map(|r| (r.id.clone(), r.text.clone()))
            .collect::<Vec<_>>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = parse_bytes("fuzz.txt", &bytes);
    }

    #[test]
    fn parse_never_panics_on_report_shaped_text(lines in proptest::collection::vec(
        prop_oneof![
            Just("Inspection of children's social care services".to_string()),
            Just("Inspection dates: 13 January 2020 to 24 January 2020".to_string()),
            Just("Lead inspector: Tracey Scott".to_string()),
            Just("What needs to improve".to_string()),
            Just("Overall effectiveness".to_string()),
            Just("Requires improvement".to_string()),
            Just("to be good".to_string()),
            Just("\u{25FC} The quality of plans.".to_string()),
            Just("1.".to_string()),
            Just("\u{000C}".to_string()),
            Just("".to_string()),
            "[0-9]{1,3}".prop_map(|s| s),
            "[ -~\u{2018}\u{2019}\u{25FC}\u{2013}]{0,80}".prop_map(|s| s),
        ],
        0..80,
    )) {
        let text = lines.join("\n");
        let _ = parse_bytes("shaped.txt", text.as_bytes());
    }
}

#[test]
fn cosmetic_changes_do_not_change_the_result() {
    for (name, text) in fixture_texts() {
        let base = essence(&parse(&name, &text));
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(essence(&parse(&name, &crlf)), base, "{name}: CRLF");
        let curly = text.replace('\'', "\u{2019}").replace('"', "\u{201D}");
        assert_eq!(essence(&parse(&name, &curly)), base, "{name}: curly quotes");
        let trailing: String = text.lines().map(|l| format!("{l}  \n")).collect();
        assert_eq!(
            essence(&parse(&name, &trailing)),
            base,
            "{name}: trailing spaces"
        );
        let nbsp = text.replace(" the ", " the\u{00A0}");
        assert_eq!(
            essence(&parse(&name, &nbsp)),
            base,
            "{name}: non-breaking spaces"
        );
    }
}

#[test]
fn a_document_diffed_with_itself_persists_everything() {
    for (name, text) in fixture_texts() {
        let doc = parse(&name, &text);
        let d = diff::diff(&doc, &doc);
        assert_eq!(d.recommendations.len(), doc.recommendations.len(), "{name}");
        for r in &d.recommendations {
            assert_eq!(r.status, Status::Persists, "{name}: {}", r.old_text);
        }
        for j in &d.judgements {
            assert_eq!(j.change, Change::Unchanged, "{name}: {:?}", j.area);
        }
    }
}

#[test]
fn evidence_is_always_quoted_from_new() {
    let docs: Vec<Document> = fixture_texts().iter().map(|(n, t)| parse(n, t)).collect();
    for old in &docs {
        for new in &docs {
            let d = diff::diff(old, new);
            for r in &d.recommendations {
                for e in &r.evidence {
                    let in_findings = new.findings.iter().any(|f| f.text.contains(&e.quote));
                    let in_recs = new
                        .recommendations
                        .iter()
                        .any(|x| x.text.contains(&e.quote));
                    assert!(
                        in_findings || in_recs,
                        "{} → {}: quote not in NEW: {:?}",
                        old.source,
                        new.source,
                        e.quote
                    );
                }
            }
        }
    }
}
