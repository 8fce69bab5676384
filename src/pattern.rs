//! Compiling the crate's own regular expressions.

use regex::Regex;

/// Compile `pattern`, a pattern written in this crate's source (never one built from
/// input), so a pattern that does not compile is a bug of the crate, which the first
/// test reaching it reports; it cannot depend on what a user feeds in.
#[allow(clippy::expect_used)] // A literal pattern that does not compile is a bug the tests catch.
pub fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a pattern of this crate's source compiles")
}
