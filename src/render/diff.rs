//! Diff and timeline renderers: table, markdown and CSV (JSON is serde's).

use super::style::Style;
use crate::model::{
    Diff, DocumentRef, Evidence, Grade, JudgementChange, RecommendationStatus, Status, Timeline,
};
use comfy_table::{
    presets::UTF8_FULL_CONDENSED, ColumnConstraint, ContentArrangement, Table, Width,
};

/// Statuses in the order a reader wants them counted.
const STATUSES: [Status; 4] = [
    Status::Persists,
    Status::Ongoing,
    Status::Resolved,
    Status::NotAssessed,
];

/// "inspection (ilacs), 2020-02-24" for one side of a diff.
fn describe(doc: &DocumentRef) -> String {
    let kind = match doc.framework {
        Some(f) => format!("{} ({})", doc.kind.as_str().replace('_', " "), f.as_str()),
        None => doc.kind.as_str().replace('_', " "),
    };
    match &doc.date {
        Some(d) => format!("{kind}, {d}"),
        None => kind,
    }
}

/// A short name for a document in column headers: its date, else its file name.
fn short_name(doc: &DocumentRef) -> String {
    doc.date.clone().unwrap_or_else(|| {
        std::path::Path::new(&doc.source)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| doc.source.clone())
    })
}

/// "(para 12)" or "(NEW recommendation 3)" for an evidence quote.
fn place(e: &Evidence) -> String {
    match e.finding_id.strip_prefix("rec:") {
        Some(id) => format!("NEW recommendation {id}"),
        None if e.finding_id.is_empty() => "findings".to_string(),
        None => format!("para {}", e.finding_id),
    }
}

fn status_counts(diff: &Diff) -> String {
    STATUSES
        .iter()
        .map(|&s| {
            let n = diff
                .recommendations
                .iter()
                .filter(|r| r.status == s)
                .count();
            format!("{n} {}", s.as_str().replace('_', " "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn change_note(j: &JudgementChange) -> String {
    let mut notes = Vec::new();
    if let Some(a) = j.new_area {
        notes.push(format!("as {}", a.label()));
    }
    if j.cross_framework && j.new.is_none() {
        notes.push("no successor in NEW's framework".to_string());
    } else if j.cross_framework {
        notes.push("across frameworks".to_string());
    }
    if j.reported {
        notes.push("reported".to_string());
    }
    notes.join("; ")
}

fn grade_or_dash(g: Option<Grade>, style: &Style) -> String {
    g.map(|g| style.grade(g)).unwrap_or_else(|| "—".to_string())
}

fn new_table(style: &Style) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width.max(40));
    t
}

/// The evidence cell of a recommendation: the restating item, then quotes.
fn evidence_lines(r: &RecommendationStatus, limit: usize) -> String {
    r.evidence
        .iter()
        .take(limit)
        .map(|e| format!("\"{}\" ({}, {})", e.quote, place(e), e.polarity.as_str()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A diff as tables for the terminal: judgements, then one row per old recommendation
/// with its status and the evidence, wrapped to the terminal width.
pub fn table(diff: &Diff, style: &Style) -> String {
    let mut out = String::new();
    let council = diff
        .old
        .local_authority
        .as_deref()
        .or(diff.new.local_authority.as_deref())
        .unwrap_or("—");
    out.push_str(&style.bold(&format!(
        "{council}: {} → {}",
        describe(&diff.old),
        describe(&diff.new)
    )));
    out.push('\n');
    out.push_str(&format!(
        "  old  {}\n  new  {}\n",
        diff.old.source, diff.new.source
    ));

    if !diff.judgements.is_empty() {
        let mut t = new_table(style);
        let notes = diff.judgements.iter().any(|j| !change_note(j).is_empty());
        let mut header = vec!["Judgement", "Old", "New", "Change"];
        if notes {
            header.push("Note");
        }
        t.set_header(header);
        for j in &diff.judgements {
            let mut row = vec![
                j.area.label().to_string(),
                grade_or_dash(j.old, style),
                grade_or_dash(j.new, style),
                style.change(j.change),
            ];
            if notes {
                row.push(change_note(j));
            }
            t.add_row(row);
        }
        out.push_str(&format!("{t}\n"));
    }

    if !diff.recommendations.is_empty() {
        out.push_str(&format!("Recommendations: {}\n", status_counts(diff)));
        let mut t = new_table(style);
        t.set_header(["#", "Recommendation", "Status", "Evidence"]);
        for r in &diff.recommendations {
            let id = match r.scope {
                crate::model::Scope::Lscb if !r.old_id.starts_with('L') => format!("L{}", r.old_id),
                _ => r.old_id.clone(),
            };
            let mut status = style.status(r.status);
            if let Some(m) = &r.matched_new_id {
                status.push_str(&format!("\n→ #{m}"));
            }
            let mut evidence = evidence_lines(r, 2);
            if let Some(x) = &r.explanation {
                evidence.push_str(&format!(
                    "\n[areas: {}; best match: {}; +{} −{}]",
                    x.practice_areas.join(", "),
                    best_match(x),
                    x.positive,
                    x.negative
                ));
            }
            t.add_row([id, r.old_text.clone(), status, evidence.trim().to_string()]);
        }
        // Keep the narrow columns narrow so the text columns get the width.
        if let Some(c) = t.column_mut(0) {
            c.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(5)));
        }
        if let Some(c) = t.column_mut(2) {
            c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(13)));
        }
        out.push_str(&format!("{t}\n"));
    }

    if !diff.new_recommendations.is_empty() {
        out.push_str(&style.bold("New in NEW"));
        out.push('\n');
        let mut t = new_table(style);
        t.set_header(["#", "Recommendation"]);
        for n in &diff.new_recommendations {
            t.add_row([n.id.as_str(), n.text.as_str()]);
        }
        out.push_str(&format!("{t}\n"));
    }
    for w in &diff.warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    out
}

/// Escape text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// A diff as Markdown, for a briefing note: a summary, judgements, a status table, then
/// the evidence behind each status.
pub fn markdown(diff: &Diff) -> String {
    let council = diff
        .old
        .local_authority
        .as_deref()
        .or(diff.new.local_authority.as_deref())
        .unwrap_or("Council");
    let mut out = format!(
        "# {council}: what changed between {} and {}\n\n",
        short_name(&diff.old),
        short_name(&diff.new)
    );
    out.push_str(&format!(
        "- **Old:** `{}` ({})\n- **New:** `{}` ({})\n",
        diff.old.source,
        describe(&diff.old),
        diff.new.source,
        describe(&diff.new)
    ));
    if !diff.recommendations.is_empty() {
        out.push_str(&format!(
            "- **Old recommendations:** {}\n",
            status_counts(diff)
        ));
    }
    if !diff.judgements.is_empty() {
        out.push_str("\n## Judgements\n\n| Area | Old | New | Change |\n|---|---|---|---|\n");
        for j in &diff.judgements {
            let note = change_note(j);
            let change = if note.is_empty() {
                j.change.as_str().to_string()
            } else {
                format!("{} ({note})", j.change.as_str())
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                j.area.label(),
                j.old.map(Grade::label).unwrap_or("—"),
                j.new.map(Grade::label).unwrap_or("—"),
                change
            ));
        }
    }
    if !diff.recommendations.is_empty() {
        out.push_str("\n## Recommendations\n\n| # | Recommendation | Status | Restated as |\n|---|---|---|---|\n");
        for r in &diff.recommendations {
            out.push_str(&format!(
                "| {} | {} | **{}** | {} |\n",
                r.old_id,
                cell(&r.old_text),
                r.status.as_str().replace('_', " "),
                r.matched_new_id
                    .as_deref()
                    .map(|m| format!("#{m}"))
                    .unwrap_or_default()
            ));
        }
        out.push_str("\n## Evidence\n");
        for r in &diff.recommendations {
            out.push_str(&format!(
                "\n**{}. {}** — {}\n\n",
                r.old_id,
                r.old_text.trim_end_matches('.'),
                r.status.as_str().replace('_', " ")
            ));
            if r.evidence.is_empty() {
                out.push_str("NEW says nothing that bears on this.\n");
            }
            let quotes: Vec<String> = r
                .evidence
                .iter()
                .map(|e| format!("> {} ({}, {})\n", e.quote, place(e), e.polarity.as_str()))
                .collect();
            out.push_str(&quotes.join(">\n"));
            if let Some(x) = &r.explanation {
                out.push_str(&format!(
                    "\n_Practice areas: {}. Best match: {}. Sentences: {} positive, {} negative._\n",
                    x.practice_areas.join(", "),
                    best_match(x),
                    x.positive,
                    x.negative
                ));
            }
        }
    }
    if !diff.new_recommendations.is_empty() {
        out.push_str("\n## New in NEW\n\n");
        for n in &diff.new_recommendations {
            out.push_str(&format!("{}. {}\n", n.id, n.text));
        }
    }
    if !diff.warnings.is_empty() {
        out.push_str("\n## Warnings\n\n");
        for w in &diff.warnings {
            out.push_str(&format!("- {w}\n"));
        }
    }
    out
}

/// The CSV header of [`csv`].
pub const CSV_COLUMNS: [&str; 6] = [
    "old_id",
    "scope",
    "status",
    "matched_new_id",
    "evidence",
    "old_text",
];

/// A diff as CSV, one row per old recommendation.
pub fn csv(diff: &Diff) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(CSV_COLUMNS);
    for r in &diff.recommendations {
        let scope = match r.scope {
            crate::model::Scope::LocalAuthority => "local_authority",
            crate::model::Scope::Lscb => "lscb",
        };
        let _ = w.write_record([
            r.old_id.as_str(),
            scope,
            r.status.as_str(),
            r.matched_new_id.as_deref().unwrap_or(""),
            r.evidence.first().map(|e| e.quote.as_str()).unwrap_or(""),
            r.old_text.as_str(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A grade short enough for a timeline column.
fn short_grade(g: Grade) -> &'static str {
    match g {
        Grade::Outstanding => "Outstanding",
        Grade::Good => "Good",
        Grade::RequiresImprovement => "RI",
        Grade::Inadequate => "Inadequate",
    }
}

fn short_kind(doc: &DocumentRef) -> String {
    match doc.kind {
        crate::model::Kind::Inspection => doc
            .framework
            .map(|f| f.as_str().to_uppercase())
            .unwrap_or_else(|| "inspection".to_string()),
        crate::model::Kind::MonitoringVisit => "monitoring".to_string(),
        crate::model::Kind::FocusedVisit => "focused".to_string(),
        crate::model::Kind::JointInspection => "JTAI".to_string(),
        crate::model::Kind::ImprovementNotice => "notice".to_string(),
        crate::model::Kind::NewsArticle => "news".to_string(),
        k => k.as_str().to_string(),
    }
}

/// "P→R" style compact statuses for a lineage.
fn status_abbrev(s: Status) -> &'static str {
    match s {
        Status::Persists => "persists",
        Status::Ongoing => "ongoing",
        Status::Resolved => "resolved",
        Status::NotAssessed => "—",
    }
}

/// A timeline as tables for the terminal: documents, grades per area, and each
/// recommendation's status in every later document.
pub fn timeline_table(timeline: &Timeline, style: &Style) -> String {
    let mut out = String::new();
    out.push_str(&style.bold(&format!(
        "{}: {} documents",
        timeline.local_authority.as_deref().unwrap_or("—"),
        timeline.documents.len()
    )));
    out.push('\n');
    let mut t = new_table(style);
    t.set_header(["#", "Date", "Kind", "Source"]);
    for (i, d) in timeline.documents.iter().enumerate() {
        t.add_row([
            (i + 1).to_string(),
            d.date.clone().unwrap_or_else(|| "—".to_string()),
            short_kind(d),
            d.source.clone(),
        ]);
    }
    out.push_str(&format!("{t}\n"));

    if !timeline.trajectories.is_empty() {
        let mut t = new_table(style);
        let mut header = vec!["Judgement".to_string()];
        header.extend((1..=timeline.documents.len()).map(|i| format!("#{i}")));
        t.set_header(header);
        for tr in &timeline.trajectories {
            let mut row = vec![tr.area.label().to_string()];
            row.extend(tr.grades.iter().map(|g| match g {
                Some(g) => {
                    let painted = style.grade(*g);
                    painted.replace(g.label(), short_grade(*g))
                }
                None => "·".to_string(),
            }));
            t.add_row(row);
        }
        out.push_str(&format!("{t}\n"));
    }

    if !timeline.lineages.is_empty() {
        let mut t = new_table(style);
        t.set_header(["From", "#", "Recommendation", "Later"]);
        for l in &timeline.lineages {
            let later = l
                .statuses
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let styled = if *s == Status::NotAssessed {
                        status_abbrev(*s).to_string()
                    } else {
                        style.status(*s)
                    };
                    format!("#{} {}", l.raised_in + k + 2, styled)
                })
                .collect::<Vec<_>>()
                .join("\n");
            t.add_row([
                format!("#{}", l.raised_in + 1),
                l.id.clone(),
                l.text.clone(),
                if later.is_empty() {
                    "—".to_string()
                } else {
                    later
                },
            ]);
        }
        if let Some(c) = t.column_mut(3) {
            c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(14)));
        }
        out.push_str(&format!("{t}\n"));
    }
    for w in &timeline.warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    out
}

/// A timeline as Markdown.
pub fn timeline_markdown(timeline: &Timeline) -> String {
    let mut out = format!(
        "# {}: timeline of {} documents\n\n| # | Date | Kind | Source |\n|---|---|---|---|\n",
        timeline.local_authority.as_deref().unwrap_or("Council"),
        timeline.documents.len()
    );
    for (i, d) in timeline.documents.iter().enumerate() {
        out.push_str(&format!(
            "| {} | {} | {} | `{}` |\n",
            i + 1,
            d.date.as_deref().unwrap_or("—"),
            short_kind(d),
            d.source
        ));
    }
    if !timeline.trajectories.is_empty() {
        out.push_str("\n## Judgements\n\n| Area |");
        for d in &timeline.documents {
            out.push_str(&format!(" {} |", short_name(d)));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(timeline.documents.len()));
        out.push('\n');
        for tr in &timeline.trajectories {
            out.push_str(&format!("| {} |", tr.area.label()));
            for g in &tr.grades {
                out.push_str(&format!(" {} |", g.map(Grade::label).unwrap_or("")));
            }
            out.push('\n');
        }
    }
    if !timeline.lineages.is_empty() {
        out.push_str("\n## Recommendations followed\n\n| From | # | Recommendation | Later |\n|---|---|---|---|\n");
        for l in &timeline.lineages {
            let later = l
                .statuses
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let d = timeline
                        .documents
                        .get(l.raised_in + k + 1)
                        .map(short_name)
                        .unwrap_or_default();
                    format!("{d}: {}", s.as_str().replace('_', " "))
                })
                .collect::<Vec<_>>()
                .join("; ");
            let from = timeline
                .documents
                .get(l.raised_in)
                .map(short_name)
                .unwrap_or_default();
            out.push_str(&format!(
                "| {from} | {} | {} | {later} |\n",
                l.id,
                cell(&l.text)
            ));
        }
    }
    if !timeline.warnings.is_empty() {
        out.push_str("\n## Warnings\n\n");
        for w in &timeline.warnings {
            out.push_str(&format!("- {w}\n"));
        }
    }
    out
}
/// The NEW recommendation that came closest to restating an old one, with its score.
fn best_match(x: &crate::model::Explanation) -> String {
    x.best_match
        .as_ref()
        .map_or_else(|| "none".to_string(), |(id, s)| format!("#{id} ({s:.2})"))
}
