//! Checks shared by the diff test binaries.

use ofsted_diff::model::{Diff, Document};

/// Every evidence quote of `d` is a non-empty, verbatim substring of the NEW finding (or
/// recommendation) it cites.
pub fn assert_quotes_verbatim(d: &Diff, new: &Document) {
    for r in &d.recommendations {
        for e in &r.evidence {
            let source = match e.finding_id.strip_prefix("rec:") {
                Some(id) => new
                    .recommendations
                    .iter()
                    .find(|x| x.id == id)
                    .map(|x| &x.text),
                None => new
                    .findings
                    .iter()
                    .find(|f| f.id == e.finding_id)
                    .map(|f| &f.text),
            };
            let source = source.unwrap_or_else(|| {
                panic!(
                    "{}: #{} cites unknown {}",
                    new.source, r.old_id, e.finding_id
                )
            });
            assert!(
                source.contains(&e.quote),
                "{}: #{} quote is not verbatim: {:?}",
                new.source,
                r.old_id,
                e.quote
            );
            assert!(!e.quote.trim().is_empty());
        }
    }
}
