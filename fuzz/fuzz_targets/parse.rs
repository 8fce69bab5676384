//! Any bytes: parse must return a document or an error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = ofsted_diff::parse_bytes("fuzz.txt", data) {
        let _ = ofsted_diff::validate::problems(&doc);
        let _ = ofsted_diff::render::json(&doc);
    }
});
