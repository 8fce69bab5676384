//! What only letters and notices carry: a monitoring visit's number and areas, the report a notice refers to.

use crate::input::Source;
use crate::model::Document;

/// Fill this extractor's fields of `doc` from `source`.
pub fn extract(_source: &Source, _doc: &mut Document) {}
