//! Council, dates (published, inspection start and end, the letter's date), lead inspector and team.

use crate::input::Source;
use crate::model::Document;

/// Fill this extractor's fields of `doc` from `source`.
pub fn extract(_source: &Source, _doc: &mut Document) {}
