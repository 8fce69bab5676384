//! Recommendations: SIF and LSCB lists, ILACS 'What needs to improve', focused-visit areas for action, notice requirements.

use crate::input::Source;
use crate::model::Document;

/// Fill this extractor's fields of `doc` from `source`.
pub fn extract(_source: &Source, _doc: &mut Document) {}
