//! The error matrix: every kind of broken or hostile input has a documented behaviour —
//! a result with warnings, or one sentence on stderr naming the file — an exit code per
//! CONTRACT.md, nothing partial on stdout, and bounded time.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_ofsted-diff");
const REPORT: &str = "fixtures/seeds/luton_2016_inspection.txt";
const LETTER: &str = "fixtures/seeds/luton_2022_monitoring.txt";

fn run(args: &[&str]) -> Output {
    let start = Instant::now();
    let out = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{args:?} took {:?}",
        start.elapsed()
    );
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// An error: exit 2, nothing on stdout, one line on stderr naming `file`.
fn assert_error(out: &Output, file: &str, says: &str) {
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(out));
    assert!(
        out.stdout.is_empty(),
        "partial stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = stderr(out);
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err}");
    assert!(err.contains(file), "does not name {file}: {err}");
    assert!(err.contains(says), "does not say {says:?}: {err}");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::File::create(&p)
        .and_then(|mut f| f.write_all(bytes))
        .expect("temp file");
    p
}

fn parse_json(path: &str) -> serde_json::Value {
    let out = run(&["parse", path, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn empty_and_whitespace_only_files_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", &b"  \n\t\r\n \n"[..]),
    ] {
        let p = write(dir.path(), name, bytes);
        let p = p.to_str().unwrap();
        assert_error(&run(&["parse", p]), p, "is empty");
        assert_error(&run(&["diff", p, REPORT]), p, "is empty");
        assert_error(&run(&["validate", p]), p, "is empty");
    }
}

#[test]
fn binary_files_are_refused_naming_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        ("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
        ("archive.zip", b"PK\x03\x04\x14\0\0\0\x08\0", "zip archive"),
        ("nul.txt", b"Luton\0Borough\0Council", "NUL bytes"),
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    ];
    for (name, bytes, says) in cases {
        let p = write(dir.path(), name, bytes);
        let p = p.to_str().unwrap();
        assert_error(&run(&["parse", p, "--format", "json"]), p, says);
    }
}

#[test]
fn windows_1252_and_utf16_text_are_read_with_a_warning() {
    let text = std::fs::read_to_string(LETTER).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Windows-1252: the apostrophe as 0x92 and a pound sign as 0xA3.
    let cp1252: Vec<u8> = text
        .replace('\'', "\u{2019}")
        .chars()
        .map(|c| match c {
            '\u{2019}' => 0x92,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect();
    let p = write(dir.path(), "cp1252.txt", &cp1252);
    let doc = parse_json(p.to_str().unwrap());
    assert_eq!(doc["kind"], "monitoring_visit");
    let warnings = doc["warnings"].to_string();
    assert!(warnings.contains("Windows-1252"), "{warnings}");

    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let p = write(dir.path(), "utf16.txt", &utf16);
    let doc = parse_json(p.to_str().unwrap());
    assert_eq!(doc["kind"], "monitoring_visit");
    assert!(
        doc["warnings"].to_string().contains("UTF-16"),
        "{}",
        doc["warnings"]
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    let p = p.to_str().unwrap();
    assert_error(&run(&["parse", p]), p, "over the 32 MB limit");
}

#[test]
fn a_ten_megabyte_single_line_is_parsed_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let line = "Children wait too long for help and protection. ".repeat(10 * 1024 * 1024 / 48);
    let p = write(dir.path(), "line.txt", line.as_bytes());
    let doc = parse_json(p.to_str().unwrap());
    assert_eq!(doc["kind"], "unknown");
}

#[test]
fn deeply_nested_markdown_does_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let mut md = String::from("# Inspection of children's social care services\n\n## Luton\n\n");
    md.push_str(&"> ".repeat(20_000));
    md.push_str("quoted\n\n");
    for depth in 0..2_000 {
        md.push_str(&"  ".repeat(depth));
        md.push_str("- item\n");
    }
    let p = write(dir.path(), "nested.md", md.as_bytes());
    let out = run(&["parse", p.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_directory_or_a_missing_path_given_to_diff_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    assert_error(&run(&["diff", d, REPORT]), d, "is a directory");
    assert_error(
        &run(&["diff", REPORT, "no/such/report.txt"]),
        "no/such/report.txt",
        "no such file",
    );
    assert_error(
        &run(&["validate", "no/such/report.txt"]),
        "no/such/report.txt",
        "no such file",
    );
}

#[test]
fn a_truncated_report_parses_with_what_it_has_and_fails_validation() {
    let text = std::fs::read_to_string(REPORT).unwrap();
    let cut: String = text.chars().take(1200).collect();
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "truncated.txt", cut.as_bytes());
    let p = p.to_str().unwrap();
    let doc = parse_json(p);
    assert_eq!(doc["kind"], "inspection");
    let out = run(&["validate", p]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("INVALID") && said.contains("no recommendations"),
        "{said}"
    );
}

#[test]
fn text_that_is_not_an_ofsted_document_is_unknown_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "minutes.txt",
        b"Minutes of the parish council meeting\nThe bins will be collected on Tuesdays.\n",
    );
    let p = p.to_str().unwrap();
    let doc = parse_json(p);
    assert_eq!(doc["kind"], "unknown");
    assert!(doc["warnings"].to_string().contains("not recognised"));
    let out = run(&["validate", p]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_same_file_twice_gives_two_documents_and_a_diff_where_everything_persists() {
    let out = run(&["parse", REPORT, REPORT, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(docs.as_array().map(Vec::len), Some(2));
    assert_eq!(docs[0], docs[1]);
    let out = run(&["diff", REPORT, REPORT, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let diff: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for r in diff["recommendations"].as_array().unwrap() {
        assert_eq!(r["status"], "persists", "{r}");
    }
    for j in diff["judgements"].as_array().unwrap() {
        assert_eq!(j["change"], "unchanged", "{j}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let out = run(&["parse", REPORT, "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = run(&["diff", REPORT]);
    assert_eq!(out.status.code(), Some(2));
}
