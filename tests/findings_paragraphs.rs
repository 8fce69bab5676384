//! Findings: numbered paragraphs with their practice area, summaries and letter
//! paragraphs, over excerpts cut from real reports and letters in both pdftotext modes.

use ofsted_diff::model::{Finding, Polarity};

fn findings(stem: &str) -> [(String, Vec<Finding>); 2] {
    ["text", "layout"].map(|mode| {
        let path = format!("fixtures/findings/{stem}_{mode}.txt");
        let doc = ofsted_diff::parse_path(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        (path, doc.findings)
    })
}

fn find<'a>(findings: &'a [Finding], start: &str, path: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.text.starts_with(start))
        .unwrap_or_else(|| panic!("{path}: no finding starts with {start:?}: {findings:#?}"))
}

#[test]
fn ilacs_summary_then_numbered_paragraphs_of_an_area() {
    for (path, findings) in findings("ilacs_summary_and_area") {
        let first = &findings[0];
        assert_eq!(first.section, "summary", "{path}");
        assert!(
            first
                .text
                .starts_with("This is the first inspection of North Northamptonshire"),
            "{path}"
        );
        let leaders = find(&findings, "Leaders have developed and implemented", &path);
        assert_eq!(leaders.section, "summary", "{path}");
        assert!(leaders
            .text
            .ends_with("sufficient senior management oversight."));
        assert_eq!(leaders.polarity, Polarity::Mixed, "{path}");
        // The 'What needs to improve?' bullets are recommendations, not findings.
        assert!(
            !findings.iter().any(|f| f
                .text
                .starts_with("The effectiveness of planning when children")),
            "{path}"
        );
        let one = findings.iter().find(|f| f.id == "1").expect("paragraph 1");
        assert_eq!(one.section, "help_and_protection", "{path}");
        assert_eq!(
            one.text,
            "Early help has been strengthened and children are identified early when they need help. While there is sometimes a short delay before intervention, children and families benefit from an increasing number of services which, for many, help to improve their lives.",
            "{path}"
        );
        let two = findings.iter().find(|f| f.id == "2").expect("paragraph 2");
        assert_eq!(two.section, "help_and_protection", "{path}");
        assert_eq!(two.polarity, Polarity::Mixed, "{path}");
    }
}

#[test]
fn sif_area_heading_with_its_grade_and_numbers_on_their_own_lines() {
    for (path, findings) in findings("sif_area_with_grade") {
        assert!(
            findings.iter().all(|f| f.section == "help_and_protection"),
            "{path}: {findings:#?}"
        );
        let summary = find(
            &findings,
            "Children benefit from effective early help",
            &path,
        );
        assert!(summary.id.starts_with('p'), "{path}");
        let thirteen = findings.iter().find(|f| f.id == "13").expect("13");
        assert!(
            thirteen
                .text
                .starts_with("Well-developed early help services ensure that children"),
            "{path}"
        );
        assert!(
            thirteen
                .text
                .ends_with("the local child bereavement and trauma service."),
            "{path}: {}",
            thirteen.text
        );
        let fourteen = findings.iter().find(|f| f.id == "14").expect("14");
        assert!(
            fourteen.text.starts_with("The Flying Start programme"),
            "{path}"
        );
        let private = find(&findings, "Private fostering is not being given", &path);
        assert_eq!(private.polarity, Polarity::Negative, "{path}");
    }
}

#[test]
fn letter_paragraphs_from_salutation_to_signature() {
    for (path, findings) in findings("focused_visit_letter") {
        assert!(
            findings[0]
                .text
                .starts_with("This letter summarises the findings of a focused visit"),
            "{path}"
        );
        let overview = find(&findings, "This focused visit highlighted the need", &path);
        assert_eq!(overview.section, "overview", "{path}");
        assert_eq!(overview.polarity, Polarity::Negative, "{path}");
        let first_finding = find(&findings, "Children come into care when it is in", &path);
        assert_eq!(first_finding.section, "findings", "{path}");
        assert!(first_finding.id.starts_with('p'), "{path}");
        let caseloads = find(&findings, "Caseloads are too high for many social", &path);
        assert_eq!(caseloads.id, findings.last().expect("some").id, "{path}");
        // Neither the list of what needs to improve nor the signature block.
        assert!(!findings
            .iter()
            .any(|f| f.text == "Caseloads are too high in some teams."));
        assert!(!findings.iter().any(|f| f.text.contains("Yours sincerely")));
        let ids: Vec<&str> = findings.iter().map(|f| f.id.as_str()).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{path}: ids repeat");
    }
}

#[test]
fn a_document_for_comparison_has_the_same_findings_without_their_polarity() {
    use ofsted_diff::extract::Fields;
    for stem in [
        "ilacs_summary_and_area",
        "focused_visit_letter",
        "sif_area_with_grade",
    ] {
        let path = format!("fixtures/findings/{stem}_text.txt");
        let whole = ofsted_diff::parse_path(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let compared = ofsted_diff::parse_path_with(&path, Fields::FOR_COMPARISON)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(!whole.findings.is_empty(), "{path}");
        assert!(
            whole
                .findings
                .iter()
                .any(|f| f.polarity != Polarity::Neutral),
            "{path}"
        );
        assert_eq!(compared.findings.len(), whole.findings.len(), "{path}");
        for (c, w) in compared.findings.iter().zip(&whole.findings) {
            assert_eq!((&c.id, &c.section, &c.text), (&w.id, &w.section, &w.text));
            assert_eq!(c.polarity, Polarity::Neutral, "{path}");
        }
        assert_eq!(compared.recommendations, whole.recommendations, "{path}");
        assert_eq!(compared.judgements, whole.judgements, "{path}");
    }
}
