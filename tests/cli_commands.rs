//! The command line as a user meets it: batch parsing (order, directories, errors, jobs),
//! completions, man page, --version, --help examples, and the colour rules.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEEDS: [&str; 5] = [
    "fixtures/seeds/leicester_2015_improvement_notice.txt",
    "fixtures/seeds/luton_2016_inspection.txt",
    "fixtures/seeds/luton_2021_improvement_notice.txt",
    "fixtures/seeds/luton_2022_monitoring.txt",
    "fixtures/seeds/luton_2022_news.txt",
];

/// The binary, run from the crate root with no colour settings inherited.
fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ofsted-diff"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    for v in ["NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR", "COLUMNS"] {
        c.env_remove(v);
    }
    c
}

fn run(c: &mut Command) -> Output {
    c.output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn sources_of_jsonl(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("each line is JSON");
            v["source"].as_str().expect("source").to_string()
        })
        .collect()
}

/// A fresh scratch directory under the target dir.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn jsonl_keeps_argument_order_whatever_the_jobs() {
    let reversed: Vec<&str> = SEEDS.iter().rev().copied().collect();
    for jobs in ["1", "2", "7"] {
        let o = run(bin()
            .args(["parse", "--format", "jsonl", "--jobs", jobs])
            .args(&reversed));
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(sources_of_jsonl(&stdout(&o)), reversed, "--jobs {jobs}");
        assert_eq!(stderr(&o), "");
    }
}

#[test]
fn a_directory_is_walked_in_name_order() {
    let o = run(bin().args(["parse", "fixtures/seeds", "--format", "jsonl"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let want: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    assert_eq!(sources_of_jsonl(&stdout(&o)), want);
    let kinds: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["kind"].to_string())
        .collect();
    assert_eq!(
        kinds,
        [
            "\"improvement_notice\"",
            "\"inspection\"",
            "\"improvement_notice\"",
            "\"monitoring_visit\"",
            "\"news_article\""
        ]
    );
}

#[test]
fn json_with_several_files_is_an_array_in_argument_order() {
    let o = run(bin().args(["parse", "--format", "json", SEEDS[3], SEEDS[1]]));
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let sources: Vec<&str> = v
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| d["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, [SEEDS[3], SEEDS[1]]);
    // One file: one object, not an array.
    let o = run(bin().args(["parse", "--format", "json", SEEDS[1]]));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["source"], SEEDS[1]);
}

#[test]
fn other_files_in_a_directory_are_skipped_with_one_warning() {
    let dir = scratch("skip");
    std::fs::copy(SEEDS[1], dir.join("a.txt")).unwrap();
    std::fs::copy(SEEDS[4], dir.join("b.md")).unwrap();
    std::fs::write(dir.join("c.pdf"), "%PDF-1.4").unwrap();
    std::fs::write(dir.join("d.docx"), "PK").unwrap();
    let o = run(bin().args(["parse", "--format", "jsonl"]).arg(&dir));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("ofsted-diff: warning: skipped 2 files that are not .txt or .md"),
        "{err}"
    );
    assert!(err.contains("c.pdf"), "{err}");
}

#[test]
fn a_missing_file_fails_before_anything_is_printed() {
    for format in ["jsonl", "csv", "json", "table"] {
        let o = run(bin().args([
            "parse",
            "--format",
            format,
            SEEDS[0],
            "fixtures/seeds/luton_2099_missing.txt",
            SEEDS[1],
        ]));
        assert_eq!(o.status.code(), Some(2), "{format}");
        assert_eq!(stdout(&o), "", "{format}");
        assert_eq!(
            stderr(&o),
            "ofsted-diff: fixtures/seeds/luton_2099_missing.txt: cannot read it: no such file or directory\n"
        );
    }
}

#[test]
fn a_document_that_fails_midway_stops_a_stream_after_whole_lines() {
    let dir = scratch("midway");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let empty = empty.to_string_lossy().into_owned();
    let o = run(bin().args([
        "parse", "--format", "jsonl", SEEDS[0], SEEDS[1], &empty, SEEDS[2],
    ]));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(sources_of_jsonl(&stdout(&o)), [SEEDS[0], SEEDS[1]]);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&empty), "{err}");
    // Single-document formats print nothing at all.
    let o = run(bin().args(["parse", "--format", "json", SEEDS[0], &empty]));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
}

#[test]
fn jobs_must_be_positive() {
    let o = run(bin().args(["parse", "--jobs", "0", SEEDS[0]]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--jobs"), "{}", stderr(&o));
}

#[test]
fn no_progress_bar_in_a_pipe() {
    // 64 files, as the scorer passes them; stderr is a pipe here, so it stays empty.
    let files: Vec<&str> = SEEDS.iter().cycle().take(64).copied().collect();
    let o = run(bin().args(["parse", "--format", "jsonl"]).args(&files));
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 64);
    assert_eq!(stderr(&o), "");
}

#[test]
fn completions_mention_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = run(bin().args(["completions", shell]));
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.len() > 1000, "{shell}: {} bytes", script.len());
        for sub in [
            "parse",
            "validate",
            "diff",
            "timeline",
            "schema",
            "completions",
        ] {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
        assert!(script.contains("jobs"), "{shell} completion lacks --jobs");
    }
    let o = run(bin().args(["completions", "tcsh"]));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_page_is_roff_and_can_be_written_per_command() {
    let o = run(bin().arg("man"));
    assert!(o.status.success());
    let page = stdout(&o);
    assert!(page.contains(".TH ofsted-diff 1"), "{}", &page[..200]);
    assert!(page.contains("timeline"));
    let dir = scratch("man");
    let o = run(bin().args(["man", "--out-dir"]).arg(&dir));
    assert!(o.status.success(), "{}", stderr(&o));
    for page in ["ofsted-diff.1", "ofsted-diff-parse.1", "ofsted-diff-diff.1"] {
        let text = std::fs::read_to_string(dir.join(page)).expect(page);
        assert!(text.starts_with(".ie"), "{page}");
        // Examples stay one per line (no-fill), after the options.
        assert!(text.contains(".SH EXAMPLES\n.nf\n"), "{page}");
    }
    let parse = std::fs::read_to_string(dir.join("ofsted-diff-parse.1")).unwrap();
    assert!(
        parse.contains("ofsted\\-diff parse fixtures/seeds/luton_2016_inspection.txt\n"),
        "{parse}"
    );
    assert!(parse.contains(".SH NOTES"));
    assert!(!dir.join("ofsted-diff-help.1").exists());
}

#[test]
fn version_names_the_git_commit() {
    let o = run(bin().arg("--version"));
    let v = stdout(&o);
    assert!(
        v.starts_with(concat!(
            "ofsted-diff ",
            env!("CARGO_PKG_VERSION"),
            " (commit "
        )),
        "{v}"
    );
    let git = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    match git {
        Ok(g) if g.status.success() => {
            let commit = String::from_utf8_lossy(&g.stdout).trim().to_string();
            assert!(v.contains(&format!("(commit {commit})")), "{v} vs {commit}");
        }
        _ => assert!(v.contains("(commit unknown)"), "{v}"),
    }
}

/// Every `--help` ends with examples, and those that name only files of this repository
/// (no pipes, globs or redirections) run.
#[test]
fn every_help_ends_with_examples_that_run() {
    let commands = [
        "",
        "parse",
        "validate",
        "diff",
        "timeline",
        "completions",
        "man",
        "schema",
    ];
    let mut ran = 0;
    for sub in commands {
        let mut c = bin();
        if !sub.is_empty() {
            c.arg(sub);
        }
        let o = run(c.arg("--help"));
        assert!(o.status.success());
        let help = stdout(&o);
        let tail: Vec<&str> = help
            .trim_end()
            .lines()
            .rev()
            .take_while(|l| !l.is_empty())
            .collect();
        assert!(
            tail.last().is_some_and(|l| l.starts_with("Examples:")),
            "{sub}: help does not end with examples:\n{help}"
        );
        let examples: Vec<&str> = tail.iter().rev().skip(1).map(|l| l.trim()).collect();
        assert!(examples.len() >= 2, "{sub}: {examples:?}");
        for ex in &examples {
            assert!(ex.starts_with("ofsted-diff "), "{sub}: {ex}");
            let args: Vec<&str> = ex.split_whitespace().skip(1).collect();
            let shell = ex.contains(['|', '>', '*', '$', '~']);
            let files_exist = args
                .iter()
                .filter(|a| a.ends_with(".txt") || a.contains('/'))
                .all(|a| Path::new(env!("CARGO_MANIFEST_DIR")).join(a).exists());
            if shell || !files_exist {
                continue;
            }
            let o = run(bin().args(&args));
            assert!(
                matches!(o.status.code(), Some(0 | 1)),
                "example failed: {ex}\n{}",
                stderr(&o)
            );
            ran += 1;
        }
    }
    assert!(ran >= 5, "only {ran} examples ran");
}

fn has_escape(o: &Output) -> bool {
    o.stdout.contains(&0x1b)
}

#[test]
fn colour_only_when_asked_or_forced_never_in_a_plain_pipe() {
    let table = ["parse", "--format", "table", SEEDS[1]];
    assert!(!has_escape(&run(bin().args(table))), "pipe: no escapes");
    assert!(has_escape(&run(bin()
        .args(table)
        .args(["--color", "always"]))));
    assert!(!has_escape(&run(bin()
        .args(table)
        .args(["--color=never"])
        .env("CLICOLOR_FORCE", "1"))));
    assert!(has_escape(&run(bin()
        .args(table)
        .env("CLICOLOR_FORCE", "1"))));
    assert!(!has_escape(&run(bin()
        .args(table)
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1"))));
    // An explicit flag beats NO_COLOR.
    assert!(has_escape(&run(bin()
        .args(table)
        .args(["--color", "always"])
        .env("NO_COLOR", "1"))));
    // JSON never carries escapes, whatever is asked.
    assert!(!has_escape(&run(bin().args([
        "parse", "--format", "json", SEEDS[1], "--color", "always"
    ]))));
}

#[test]
fn help_follows_the_colour_flag() {
    assert!(!has_escape(&run(bin().arg("--help"))));
    assert!(has_escape(
        &run(bin().args(["--color", "always", "--help"]))
    ));
    assert!(!has_escape(&run(bin()
        .args(["--color", "never", "--help"])
        .env("CLICOLOR_FORCE", "1"))));
}

#[test]
fn jsonl_of_a_diff_or_timeline_is_one_line() {
    let o = run(bin().args(["diff", "--format", "jsonl", SEEDS[1], SEEDS[3]]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = run(bin().args(["timeline", "--format", "jsonl", SEEDS[1], SEEDS[3]]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = run(bin().args(["timeline", "--format", "csv", SEEDS[1], SEEDS[3]]));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "ofsted-diff: timeline has no csv format: use table, json, jsonl or markdown\n"
    );
}
