//! Comparing documents: judgement changes, recommendation statuses with evidence, and
//! timelines across several documents about one council.

use crate::model::{Diff, Document, DocumentRef, SCHEMA_VERSION};

/// Compare OLD with NEW.
pub fn diff(old: &Document, new: &Document) -> Diff {
    Diff {
        schema_version: SCHEMA_VERSION,
        old: DocumentRef::from(old),
        new: DocumentRef::from(new),
        judgements: Vec::new(),
        recommendations: Vec::new(),
        new_recommendations: Vec::new(),
        warnings: Vec::new(),
    }
}

use crate::model::Timeline;

/// Put `docs` in date order and follow judgements and recommendations across them.
pub fn timeline(docs: &[Document]) -> Timeline {
    Timeline {
        schema_version: SCHEMA_VERSION,
        local_authority: docs.first().and_then(|d| d.local_authority.clone()),
        documents: docs.iter().map(DocumentRef::from).collect(),
        trajectories: Vec::new(),
        lineages: Vec::new(),
        warnings: Vec::new(),
    }
}
