//! Parse renderers: a summary card and tables for the terminal, Markdown, and CSV with
//! one row per document and one column per judgement area.

use super::style::Style;
use crate::model::{Area, Document};
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

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
    ];
    for (label, value) in card {
        if value != "—" {
            out.push_str(&format!("  {label:<15} {value}\n"));
        }
    }
    if !doc.judgements.is_empty() {
        let mut t = new_table(style);
        t.set_header(["Judgement", "Grade"]);
        for j in &doc.judgements {
            let area = if j.reported {
                format!("{} (reported)", j.area.label())
            } else {
                j.area.label().to_string()
            };
            t.add_row([area, style.grade(j.grade)]);
        }
        out.push_str(&format!("{t}\n"));
    }
    if !doc.recommendations.is_empty() {
        let mut t = new_table(style);
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

fn new_table(style: &Style) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    t
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

/// The CSV header: the columns of the national summary of grades, one per judgement area,
/// then the recommendation count.
pub const CSV_COLUMNS: [&str; 11] = [
    "source",
    "kind",
    "framework",
    "local_authority",
    "inspection_start",
    "inspection_end",
    "published",
    "document_date",
    "lead_inspector",
    "recommendations",
    "warnings",
];

/// CSV for `docs`: one header row, then one row per document.
pub fn csv(docs: &[Document]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<&str> = CSV_COLUMNS[..9].to_vec();
    header.extend(Area::ALL.iter().map(|a| a.as_str()));
    header.extend(&CSV_COLUMNS[9..]);
    let _ = w.write_record(&header);
    for doc in docs {
        let _ = w.write_record(csv_row(doc));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// One document's CSV cells, in [`csv`]'s column order.
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
        row.push(
            doc.grade(area)
                .map(|g| g.as_str().to_string())
                .unwrap_or_default(),
        );
    }
    row.push(doc.recommendations.len().to_string());
    row.push(doc.warnings.join("; "));
    row
}
