//! Any bytes: parse must return a document or an error, never panic, with either regex
//! engine (inputs whose length is a multiple of four run on `regex-lite`, the rest on the
//! adaptive default, which for inputs this small soon settles on `regex`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use ofsted_diff::pattern::{set_engine, Engine};

fuzz_target!(|data: &[u8]| {
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
