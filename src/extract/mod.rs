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

/// Parse a prepared source into a document.
pub fn extract(source: &Source) -> Document {
    let mut doc = Document::new(source.name.clone());
    doc.warnings.extend(source.warnings.iter().cloned());
    let class = classify(&source.text);
    doc.kind = class.kind;
    doc.framework = class.framework;
    doc.warnings.extend(class.warning);
    header::extract(source, &mut doc);
    judgements::extract(source, &mut doc);
    recommendations::extract(source, &mut doc);
    findings::extract(source, &mut doc);
    letters::extract(source, &mut doc);
    doc
}
