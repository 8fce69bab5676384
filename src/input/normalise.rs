//! Character-level normalisation: line endings, spaces, quotes, ligatures, invisible marks.
//!
//! Quotes are folded to ASCII so that every later stage (and every evidence quote) works
//! on one spelling of "children's"; the text the tool prints is this normalised text.

/// Normalise `text` in one pass.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Runs of bytes that stay as they are are copied whole; only the rest is read char
    // by char.
    let mut rest = text;
    while !rest.is_empty() {
        let plain = plain_len(rest.as_bytes());
        // Every byte before `plain` is ASCII, so `plain` is a char boundary.
        let (run, tail) = rest.split_at(plain);
        out.push_str(run);
        let mut chars = tail.chars();
        let Some(c) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        fold_char(c, rest.chars().next(), &mut out);
    }
    out
}

/// How many bytes at the start of `bytes` are [`kept_as_is`]. Blocks are checked whole,
/// without an early exit, so that the check runs over vectors; most text is such bytes.
fn plain_len(bytes: &[u8]) -> usize {
    const BLOCK: usize = 32;
    let mut len = 0;
    let mut blocks = bytes.chunks_exact(BLOCK);
    for block in &mut blocks {
        if !block.iter().fold(true, |all, &b| all & usual(b)) {
            if let Some(i) = block.iter().position(|&b| !kept_as_is(b)) {
                return len + i;
            }
        }
        len += BLOCK;
    }
    let tail = blocks.remainder();
    len + tail
        .iter()
        .position(|&b| !kept_as_is(b))
        .unwrap_or(tail.len())
}

/// The bytes kept as they are that fill most lines: printable ASCII but the backtick, and
/// line feeds. Fewer tests than [`kept_as_is`], so blocks of them are passed over faster;
/// a block with a tab or a form feed is read byte by byte.
fn usual(b: u8) -> bool {
    ((b' '..=b'~').contains(&b) & (b != b'`')) | (b == b'\n')
}

/// An ASCII byte [`fold_char`] leaves as it is: printable characters other than the
/// backtick, and tab, line feed and form feed. Written with `&` and `|` rather than
/// branches so that [`plain_len`] can check many bytes at once.
fn kept_as_is(b: u8) -> bool {
    ((b' '..=b'~').contains(&b) & (b != b'`')) | (b == b'\t') | (b == b'\n') | (b == b'\x0C')
}

/// Push the folded form of `c`, followed by `next`, to `out`.
fn fold_char(c: char, next: Option<char>, out: &mut String) {
    match c {
        '\r' => {
            if next != Some('\n') {
                out.push('\n');
            }
        }
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' | '\u{2002}'
        | '\u{2003}' | '\u{3000}' => out.push(' '),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => out.push('"'),
        '\u{2010}' | '\u{2011}' | '\u{2212}' => out.push('-'),
        '\u{FB00}' => out.push_str("ff"),
        '\u{FB01}' => out.push_str("fi"),
        '\u{FB02}' => out.push_str("fl"),
        '\u{FB03}' => out.push_str("ffi"),
        '\u{FB04}' => out.push_str("ffl"),
        '\u{2026}' => out.push_str("..."),
        // Keep form feeds (pdftotext page breaks), tabs and newlines; drop other controls.
        '\u{000C}' | '\t' | '\n' => out.push(c),
        c if c.is_control() => {}
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn plain_len_is_the_first_byte_not_kept(text in "[ -~\\t\\n\\x0C]{0,80}([\\r\\x07`\\u{a0}\\u{2019}é][ -~]{0,40}){0,3}") {
            let bytes = text.as_bytes();
            let first = bytes.iter().position(|&b| !kept_as_is(b)).unwrap_or(bytes.len());
            prop_assert_eq!(plain_len(bytes), first);
        }
    }

    #[test]
    fn folds_quotes_spaces_ligatures_and_crlf() {
        assert_eq!(
            normalise(
                "Children\u{2019}s \u{201C}front door\u{201D}\r\nef\u{FB01}cient\u{00A0}work"
            ),
            "Children's \"front door\"\nefficient work"
        );
    }

    #[test]
    fn plain_runs_are_copied_and_the_rest_folded() {
        assert_eq!(normalise("a\rb\r\nc`d\u{7}e\u{7F}f"), "a\nb\nc'def");
        assert_eq!(normalise("\u{2026}"), "...");
        assert_eq!(normalise("end\r"), "end\n");
        assert_eq!(
            normalise("£5 ◼ Children\u{2019}s services"),
            "£5 ◼ Children's services"
        );
    }

    #[test]
    fn keeps_page_breaks_and_drops_soft_hyphens() {
        assert_eq!(
            normalise("deci\u{00AD}sion\n\u{000C}next"),
            "decision\n\u{000C}next"
        );
    }
}
