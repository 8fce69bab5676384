//! Bytes to text: UTF-8, else UTF-16 with a byte-order mark, else Windows-1252.

use anyhow::{bail, Result};
use std::borrow::Cow;

/// The decoded text and, when the bytes were not UTF-8, a warning saying how they were read.
/// UTF-8 text is borrowed from the bytes: normalising copies it anyway.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub warning: Option<String>,
}

/// Decode `bytes`; refuses what is evidently not text (NUL bytes outside UTF-16, known
/// binary signatures).
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (enc, bom_len) =
            encoding_rs::Encoding::for_bom(bytes).unwrap_or((encoding_rs::UTF_16LE, 2));
        let (text, had_errors) =
            enc.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or_default());
        if had_errors {
            bail!("is not valid {} text", enc.name());
        }
        return Ok(Decoded {
            text: Cow::Owned(text.into_owned()),
            warning: Some(format!("read as {} (byte-order mark)", enc.name())),
        });
    }
    if let Some(what) = binary_signature(bytes) {
        bail!("is {what}, not text");
    }
    if memchr::memchr(0, bytes).is_some() {
        bail!("contains NUL bytes: it is binary, not text");
    }
    utf8(bytes)
}

/// UTF-8 when the bytes are, else Windows-1252.
fn utf8(bytes: &[u8]) -> Result<Decoded<'_>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            warning: None,
        }),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(Decoded {
                text,
                warning: Some("not UTF-8: read as Windows-1252".to_string()),
            })
        }
    }
}

/// Names the kind of a binary file from its first bytes.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 8] = [
        (b"%PDF-", "a PDF (convert it with pdftotext first)"),
        (b"PK\x03\x04", "a zip archive (or an Office document)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "gzip-compressed"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
        (b"\x7FELF", "an executable"),
    ];
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, what)| *what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Children’s services".as_bytes()).unwrap();
        assert_eq!(d.text, "Children’s services");
        assert!(d.warning.is_none());
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        let d = decode(b"Children\x92s services").unwrap();
        assert_eq!(d.text, "Children’s services");
        assert!(d.warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Good".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Good");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"%PDF-1.7 ...")
            .unwrap_err()
            .to_string()
            .contains("PDF"));
        assert!(decode(b"abc\0def").is_err());
    }
}
