//! Properties that hold for any input: parse never panics; the typed result does not
//! depend on line endings, quote style or trailing whitespace; a document diffed with
//! itself persists everything; evidence is always quoted from NEW; a recommendation reads
//! the same however its lines are wrapped.

use ofsted_diff::model::{Change, Document, Status};
use ofsted_diff::{diff, parse_bytes};
use proptest::prelude::*;

/// Real documents of every kind the fixtures hold.
fn fixture_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in [
        "fixtures/seeds",
        "fixtures/diff",
        "fixtures/recommendations",
    ] {
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

/// The width a converter wrapped `text` at: the 90th percentile of its line lengths.
fn text_width(text: &str) -> usize {
    let mut widths: Vec<usize> = text
        .lines()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    widths.sort_unstable();
    widths.get(widths.len() * 9 / 10).copied().unwrap_or(80)
}

/// `text` with every prose paragraph re-wrapped at `width` columns. A prose paragraph is
/// a block between blank lines whose lines all run long but the last, with no bullets,
/// numbers on their own, column gaps or hyphen at a line end: a block whose structure is
/// plain. Every such block is re-wrapped; blocks of any other shape (titles, tables,
/// lists) stay as they were. Since those keep their width, `width` stays near the
/// document's own: a converter wraps a whole document at one width, and a line much
/// shorter than the rest that ends a sentence rightly reads as a paragraph's end.
fn rewrap(text: &str, width: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let typical = {
        let mut w: Vec<usize> = lines
            .iter()
            .map(|l| l.trim().chars().count())
            .filter(|&n| n > 0)
            .collect();
        w.sort_unstable();
        w.get(w.len() * 9 / 10).copied().unwrap_or(80)
    };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let end = (i..lines.len())
            .find(|&k| lines[k].trim().is_empty())
            .unwrap_or(lines.len());
        let block = &lines[i..end];
        let plain = block.len() >= 2
            && block[..block.len() - 1]
                .iter()
                .all(|l| l.trim().chars().count() * 10 >= typical * 7)
            && block.iter().all(|l| {
                let t = l.trim();
                !t.ends_with('-')
                    && !t.contains("   ")
                    && !t.contains('\t')
                    && !t.starts_with(|c: char| {
                        c.is_ascii_digit() || "\u{25FC}\u{2022}\u{F0B7}-*(".contains(c)
                    })
            })
            && !block.iter().skip(1).any(|l| {
                l.trim().chars().next().is_some_and(char::is_lowercase) && l.trim().len() < 3
            });
        if plain {
            let indent: String = block[0].chars().take_while(|c| c.is_whitespace()).collect();
            let mut line = String::new();
            for w in block.iter().flat_map(|l| l.split_whitespace()) {
                if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
                    out.push(format!("{indent}{line}"));
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(w);
            }
            out.push(format!("{indent}{line}"));
        } else {
            out.extend(block.iter().map(|l| l.to_string()));
        }
        if end < lines.len() {
            out.push(lines[end].to_string());
        }
        i = end + 1;
    }
    out.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn recommendations_read_the_same_however_wrapped(percent in 95usize..=105) {
        for (name, text) in fixture_texts() {
            let base = parse(&name, &text);
            let width = text_width(&text) * percent / 100;
            let again = parse(&name, &rewrap(&text, width));
            prop_assert_eq!(essence(&again), essence(&base), "{} at width {}", name, width);
        }
    }
}
