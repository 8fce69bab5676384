//! `parse --format csv`: the national-summary columns, RFC 4180 quoting, streaming in
//! argument order, and a round trip through LibreOffice (csv → xlsx → csv, every cell
//! the same). The LibreOffice test is ignored by default; CI runs it with
//! `cargo test --release -- --ignored libreoffice`.

use ofsted_diff::model::{Area, Document, Grade, Judgement, Kind, Recommendation, Scope};
use std::path::{Path, PathBuf};
use std::process::Command;

const SEEDS: [&str; 5] = [
    "fixtures/seeds/leicester_2015_improvement_notice.txt",
    "fixtures/seeds/luton_2016_inspection.txt",
    "fixtures/seeds/luton_2021_improvement_notice.txt",
    "fixtures/seeds/luton_2022_monitoring.txt",
    "fixtures/seeds/luton_2022_news.txt",
];

const COLUMNS: [&str; 22] = [
    "source",
    "kind",
    "framework",
    "local_authority",
    "inspection_start",
    "inspection_end",
    "published",
    "document_date",
    "lead_inspector",
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care_and_care_leavers",
    "children_in_care",
    "care_leavers",
    "children_looked_after",
    "adoption",
    "leadership_management_governance",
    "lscb",
    "recommendations",
    "lscb_recommendations",
    "warnings",
];

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ofsted-diff"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn cells(csv_text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

fn parse_csv(args: &[&str]) -> String {
    let o = bin()
        .args(["parse", "--format", "csv"])
        .args(args)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("UTF-8")
}

#[test]
fn csv_has_the_national_summary_columns_and_one_row_per_document() {
    let text = parse_csv(&SEEDS);
    let rows = cells(&text);
    assert_eq!(rows[0], COLUMNS);
    assert_eq!(rows.len(), 1 + SEEDS.len());
    for (row, seed) in rows[1..].iter().zip(SEEDS) {
        assert_eq!(row.len(), COLUMNS.len());
        assert_eq!(row[0], seed);
    }
    let kinds: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        kinds,
        [
            "improvement_notice",
            "inspection",
            "improvement_notice",
            "monitoring_visit",
            "news_article"
        ]
    );
    assert_eq!(
        rows[2][2], "sif",
        "the 2016 Luton report is a SIF inspection"
    );
    // RFC 4180: CRLF is not required by readers, but every row ends with a newline.
    assert!(text.ends_with('\n'));
    // Streaming on two threads gives the same bytes as one.
    let mut one = vec!["--jobs", "1"];
    one.extend(SEEDS);
    assert_eq!(parse_csv(&one), text);
}

/// A document whose cells need every kind of CSV quoting.
fn awkward_document() -> Document {
    let mut d = Document::new("reports/Kingston upon Hull, City of \"2019\".txt");
    d.kind = Kind::Inspection;
    d.local_authority = Some("Kingston upon Hull".into());
    d.published = Some("2019-03-04".into());
    d.lead_inspector = Some("Zoë O'Neill".into());
    d.judgements = vec![
        Judgement {
            area: Area::OverallEffectiveness,
            grade: Grade::RequiresImprovement,
            reported: false,
        },
        Judgement {
            area: Area::CareLeavers,
            grade: Grade::Good,
            reported: false,
        },
    ];
    d.recommendations = vec![Recommendation {
        id: "L1".into(),
        scope: Scope::Lscb,
        text: "Ensure that partners, including schools, attend.".into(),
        cross_references: Vec::new(),
        category: None,
    }];
    d.warnings = vec![
        "recommendation 3 spans a page break\nand was joined".into(),
        "- a line that starts like a list; with \"quotes\", commas".into(),
    ];
    d
}

#[test]
fn awkward_cells_are_quoted_and_read_back_whole() {
    let d = awkward_document();
    let text = ofsted_diff::render::document::csv(std::slice::from_ref(&d));
    let rows = cells(&text);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], d.source);
    assert_eq!(rows[1][8], "Zoë O'Neill");
    assert_eq!(rows[1][9], "requires_improvement");
    assert_eq!(rows[1][14], "good");
    assert_eq!(rows[1][19], "0");
    assert_eq!(rows[1][20], "1");
    assert_eq!(rows[1][21], d.warnings.join("; "));
}

fn soffice_convert(input: &Path, to: &str, infilter: Option<&str>, out_dir: &Path) -> PathBuf {
    let profile = out_dir.join("lo-profile");
    let mut c = Command::new("soffice");
    c.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args(["--headless", "--norestore"]);
    if let Some(f) = infilter {
        c.arg(format!("--infilter={f}"));
    }
    let o = c
        .args(["--convert-to", to, "--outdir"])
        .arg(out_dir)
        .arg(input)
        .output()
        .expect("soffice runs (apt-get install libreoffice-calc)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ext = to.split(':').next().unwrap_or(to);
    let stem = input.file_stem().expect("a file name");
    let out = out_dir.join(stem).with_extension(ext);
    assert!(out.exists(), "soffice wrote no {}", out.display());
    out
}

#[test]
#[ignore = "needs LibreOffice (soffice); CI runs it with --ignored libreoffice"]
fn libreoffice_round_trip_keeps_every_cell() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("libreoffice");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("xlsx")).unwrap();
    std::fs::create_dir_all(dir.join("back")).unwrap();
    // Real output over the seeds and a sample of the dev corpus, plus awkward cells.
    let mut args: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev/text");
    if let Ok(rd) = std::fs::read_dir(&dev) {
        let mut files: Vec<String> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.path().to_string_lossy().into_owned())
            .filter(|p| p.ends_with(".txt"))
            .collect();
        files.sort();
        args.extend(files.into_iter().step_by(8));
    }
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut text = parse_csv(&arg_refs);
    text.push_str(&ofsted_diff::render::document::csv_record(
        &awkward_document(),
    ));
    let original = dir.join("summary.csv");
    std::fs::write(&original, &text).unwrap();

    let xlsx = soffice_convert(&original, "xlsx", Some("CSV:44,34,76,1"), &dir.join("xlsx"));
    let back = soffice_convert(
        &xlsx,
        "csv:Text - txt - csv (StarCalc):44,34,76,1",
        None,
        &dir.join("back"),
    );
    let want = cells(&text);
    let got = cells(&std::fs::read_to_string(&back).expect("UTF-8 CSV back"));
    assert_eq!(got.len(), want.len(), "rows");
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "row {i} changed in LibreOffice");
    }
}
