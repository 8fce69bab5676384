//! Two documents from one input (split at the first NUL or halfway): diff must not panic,
//! and every evidence quote must come from NEW.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len() / 2);
    let (old, new) = data.split_at(cut);
    let new = new.get(1..).unwrap_or_default();
    let (Ok(old), Ok(new)) = (
        ofsted_diff::parse_bytes("old.txt", old),
        ofsted_diff::parse_bytes("new.txt", new),
    ) else {
        return;
    };
    let d = ofsted_diff::diff::diff(&old, &new);
    for r in &d.recommendations {
        for e in &r.evidence {
            let quoted = new.findings.iter().any(|f| f.text.contains(&e.quote))
                || new.recommendations.iter().any(|x| x.text.contains(&e.quote));
            assert!(quoted, "evidence not in NEW: {:?}", e.quote);
        }
    }
    let _ = ofsted_diff::diff::timeline(&[old, new]);
});
