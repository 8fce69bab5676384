//! `ofsted-diff`: parse Ofsted children's-services reports, letters, DfE notices and news
//! into typed documents, and diff two of them to see which recommendations persist.
//!
//! Data flows one way: bytes → text ([`input`]) → kind ([`classify`]) → document
//! ([`extract`]) → diff or timeline ([`diff`]) → output ([`render`]).

// No input may make the library panic: no unwrap, expect or indexing outside tests (a
// reasoned `allow` marks each place where an index is in range by construction).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod classify;
pub mod cli;
pub mod diff;
pub mod extract;
pub mod input;
pub mod model;
pub mod pattern;
pub mod render;
pub mod validate;
pub mod wordhash;

use anyhow::Result;
use model::Document;

/// Read and parse the document at `path` (`-` for stdin).
pub fn parse_path(path: &str) -> Result<Document> {
    parse_path_with(path, extract::Fields::ALL)
}

/// Read the document at `path` and extract `fields` of it.
pub fn parse_path_with(path: &str, fields: extract::Fields) -> Result<Document> {
    let source = input::read(path)?;
    Ok(extract::extract_with(&source, fields))
}

/// Parse a document from its bytes; `name` is what `source` will say.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<Document> {
    let source = input::read_bytes(name, bytes)?;
    Ok(extract::extract(&source))
}
