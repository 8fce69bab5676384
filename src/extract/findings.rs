//! Findings: numbered paragraphs with their section, or a letter's paragraphs, each with its polarity.

use crate::input::Source;
use crate::model::Document;

/// Fill this extractor's fields of `doc` from `source`.
pub fn extract(_source: &Source, _doc: &mut Document) {}
