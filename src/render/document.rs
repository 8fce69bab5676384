//! Parse renderers: a summary card and tables for the terminal, Markdown, and CSV with
//! one row per document and one column per judgement area.

use super::style::Style;
use crate::model::{Area, Document, Scope};

fn or_dash(v: Option<&str>) -> &str {
    v.unwrap_or("—")
}

fn dates(doc: &Document) -> String {
    match (&doc.inspection_start, &doc.inspection_end) {
        (Some(s), Some(e)) if s != e => format!("{s} to {e}"),
        (Some(s), _) => s.clone(),
        _ => "—".to_string(),
    }
}

/// A document as a summary card, then its judgements and recommendations.
pub fn table(doc: &Document, style: &Style) -> String {
    let mut out = String::new();
    let kind = match doc.framework {
        Some(f) => format!("{} ({})", doc.kind.as_str(), f.as_str()),
        None => doc.kind.as_str().to_string(),
    };
    out.push_str(&style.bold(&format!(
        "{} — {}",
        or_dash(doc.local_authority.as_deref()),
        kind
    )));
    out.push('\n');
    let card = [
        ("source", doc.source.clone()),
        ("inspected", dates(doc)),
        ("published", or_dash(doc.published.as_deref()).to_string()),
        ("dated", or_dash(doc.document_date.as_deref()).to_string()),
        (
            "lead inspector",
            or_dash(doc.lead_inspector.as_deref()).to_string(),
        ),
        ("findings", doc.findings.len().to_string()),
        (
            "visit",
            doc.visit_number.map_or_else(
                || "—".to_string(),
                |n| format!("number {n} since the judgement"),
            ),
        ),
        (
            "refers to",
            doc.refers_to
                .as_ref()
                .and_then(|r| r.published.as_deref())
                .map_or_else(|| "—".to_string(), |p| format!("the report published {p}")),
        ),
    ];
    for (label, value) in card {
        if value != "—" {
            out.push_str(&format!("  {label:<15} {value}\n"));
        }
    }
    for area in &doc.areas_covered {
        out.push_str(&format!("  {:<15} {area}\n", "area covered"));
    }
    if !doc.judgements.is_empty() {
        let mut t = style.table();
        t.set_header(["Judgement", "Grade"]);
        for j in &doc.judgements {
            let area = if j.reported {
                format!("{} (reported)", j.area.label())
            } else {
                j.area.label().to_string()
            };
            t.add_row(vec![
                comfy_table::Cell::new(area),
                style.grade_cell(j.grade),
            ]);
        }
        out.push_str(&format!("{t}\n"));
    }
    if !doc.recommendations.is_empty() {
        let mut t = style.table();
        t.set_header(["#", "Recommendation"]);
        for r in &doc.recommendations {
            t.add_row([r.id.as_str(), r.text.as_str()]);
        }
        out.push_str(&format!("{t}\n"));
    }
    for w in &doc.warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    out
}

/// A document as Markdown.
pub fn markdown(doc: &Document) -> String {
    let mut out = format!(
        "## {} — {}\n\n",
        or_dash(doc.local_authority.as_deref()),
        doc.kind.as_str()
    );
    out.push_str(&format!("- Source: `{}`\n", doc.source));
    if let Some(f) = doc.framework {
        out.push_str(&format!("- Framework: {}\n", f.as_str()));
    }
    out.push_str(&format!("- Inspected: {}\n", dates(doc)));
    for (label, v) in [
        ("Published", &doc.published),
        ("Dated", &doc.document_date),
        ("Lead inspector", &doc.lead_inspector),
    ] {
        if let Some(v) = v {
            out.push_str(&format!("- {label}: {v}\n"));
        }
    }
    if !doc.judgements.is_empty() {
        out.push_str("\n| Judgement | Grade |\n|---|---|\n");
        for j in &doc.judgements {
            let reported = if j.reported { " (reported)" } else { "" };
            out.push_str(&format!(
                "| {}{} | {} |\n",
                j.area.label(),
                reported,
                j.grade.label()
            ));
        }
    }
    if !doc.recommendations.is_empty() {
        out.push_str("\n### Recommendations\n\n");
        for r in &doc.recommendations {
            out.push_str(&format!("{}. {}\n", r.id, r.text.replace('\n', " ")));
        }
    }
    if !doc.warnings.is_empty() {
        out.push_str("\n### Warnings\n\n");
        for w in &doc.warnings {
            out.push_str(&format!("- {w}\n"));
        }
    }
    out
}

/// The CSV columns: the national summary of grades. Who and when first, then one column
/// per judgement area (grade ids as in the JSON, empty when not graded), then counts.
pub fn csv_columns() -> Vec<&'static str> {
    let mut cols = vec![
        "source",
        "kind",
        "framework",
        "local_authority",
        "inspection_start",
        "inspection_end",
        "published",
        "document_date",
        "lead_inspector",
    ];
    cols.extend(Area::ALL.iter().map(|a| a.as_str()));
    cols.extend(["recommendations", "lscb_recommendations", "warnings"]);
    cols
}

fn csv_line<I, S>(cells: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<[u8]>,
{
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(cells);
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The CSV header row, with its line end.
pub fn csv_header() -> String {
    csv_line(csv_columns())
}

/// One document's CSV row (RFC 4180 quoting), with its line end.
pub fn csv_record(doc: &Document) -> String {
    csv_line(csv_row(doc))
}

/// CSV for `docs`: one header row, then one row per document.
pub fn csv(docs: &[Document]) -> String {
    let mut out = csv_header();
    for doc in docs {
        out.push_str(&csv_record(doc));
    }
    out
}

/// One document's CSV cells, in [`csv_columns`] order.
pub fn csv_row(doc: &Document) -> Vec<String> {
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut row = vec![
        doc.source.clone(),
        doc.kind.as_str().to_string(),
        doc.framework
            .map(|f| f.as_str().to_string())
            .unwrap_or_default(),
        s(&doc.local_authority),
        s(&doc.inspection_start),
        s(&doc.inspection_end),
        s(&doc.published),
        s(&doc.document_date),
        s(&doc.lead_inspector),
    ];
    for area in Area::ALL {
        // Only grades the document gives itself; reported ones belong to another report.
        let given = doc
            .judgements
            .iter()
            .find(|j| j.area == area && !j.reported);
        row.push(
            given
                .map(|j| j.grade.as_str().to_string())
                .unwrap_or_default(),
        );
    }
    let lscb = doc
        .recommendations
        .iter()
        .filter(|r| r.scope == Scope::Lscb)
        .count();
    row.push((doc.recommendations.len() - lscb).to_string());
    row.push(lscb.to_string());
    row.push(doc.warnings.join("; "));
    row
}
