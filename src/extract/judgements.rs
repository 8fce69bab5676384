//! Judgement tables (SIF and ILACS, in both pdftotext modes) and judgements reported in prose.

use crate::input::Source;
use crate::model::Document;

/// Fill this extractor's fields of `doc` from `source`.
pub fn extract(_source: &Source, _doc: &mut Document) {}
