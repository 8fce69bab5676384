//! From a [`Source`] to a typed [`Document`]: classification, then one extractor per
//! field family. Each extractor reads the source text and fills its own fields.

pub mod dates;
pub mod findings;
pub mod header;
pub mod judgements;
pub mod letters;
pub mod polarity;
pub mod recommendations;
pub mod text;

use crate::classify::classify;
use crate::input::Source;
use crate::model::Document;

/// Which of a document's field families to extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    /// Findings, most of the work on a long report.
    pub findings: bool,
    /// Each finding's polarity, most of the work on its findings; neutral when not read.
    pub polarity: bool,
}

impl Fields {
    /// Everything: what `parse` prints and `validate` checks.
    pub const ALL: Fields = Fields {
        findings: true,
        polarity: true,
    };
    /// The OLD side of a diff: its judgements and recommendations, not its findings.
    pub const WITHOUT_FINDINGS: Fields = Fields {
        findings: false,
        polarity: false,
    };
    /// The NEW side of a diff and the documents of a timeline: findings without their
    /// polarity, which the comparison reads afresh, sentence by sentence, by its own
    /// rules; these documents are compared, never printed.
    pub const FOR_COMPARISON: Fields = Fields {
        findings: true,
        polarity: false,
    };
}

/// Parse a prepared source into a document.
pub fn extract(source: &Source) -> Document {
    extract_with(source, Fields::ALL)
}

/// Parse a prepared source into a document with `fields`; the others stay empty.
pub fn extract_with(source: &Source, fields: Fields) -> Document {
    let mut doc = Document::new(source.name.clone());
    doc.warnings.extend(source.warnings.iter().cloned());
    let class = classify(&source.text);
    doc.kind = class.kind;
    doc.framework = class.framework;
    doc.warnings.extend(class.warning);
    header::extract(source, &mut doc);
    judgements::extract(source, &mut doc);
    recommendations::extract(source, &mut doc);
    if fields.findings {
        findings::extract(source, &mut doc, fields.polarity);
    }
    letters::extract(source, &mut doc);
    doc
}
