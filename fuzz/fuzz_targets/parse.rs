//! Any bytes: parse must return a document or an error, never panic, with either regex
//! engine (inputs whose length is a multiple of four run on `regex-lite`, the rest on the
//! adaptive default, which for inputs this small soon settles on `regex`). Every search a
//! pattern's words skip is checked against the engine, so an input that a word list would
//! get wrong is a crash too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ofsted_diff::pattern::{check_skipped_searches, set_engine, Engine};

fuzz_target!(|data: &[u8]| {
    check_skipped_searches(true);
    set_engine(if data.len() % 4 == 0 {
        Engine::Lite
    } else {
        Engine::Adaptive
    });
    if let Ok(doc) = ofsted_diff::parse_bytes("fuzz.txt", data) {
        let _ = ofsted_diff::validate::problems(&doc);
        let _ = ofsted_diff::render::json(&doc);
    }
});
