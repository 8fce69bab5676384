//! Character-level normalisation: line endings, spaces, quotes, ligatures, invisible marks.
//!
//! Quotes are folded to ASCII so that every later stage (and every evidence quote) works
//! on one spelling of "children's"; the text the tool prints is this normalised text.

/// Normalise `text` in one pass.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
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
    out
}

#[cfg(test)]
mod tests {
    use super::normalise;

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
    fn keeps_page_breaks_and_drops_soft_hyphens() {
        assert_eq!(
            normalise("deci\u{00AD}sion\n\u{000C}next"),
            "decision\n\u{000C}next"
        );
    }
}
