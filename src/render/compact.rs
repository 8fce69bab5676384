//! One-line JSON written straight into a buffer, byte for byte what `serde_json::to_string`
//! writes, for the shapes of this crate's output.
//!
//! `serde_json` looks up every byte of every string in a table to find what needs an
//! escape: most of the time of a JSONL batch's output, as findings are long strings that
//! hardly ever need one. Here a string is scanned eight bytes at a time, and copied whole
//! when nothing needs an escape. Numbers are still written by `serde_json`. Maps (which
//! the output types do not have) are refused, and [`to_string`]'s caller falls back on
//! `serde_json`.

use serde::ser::{self, Serialize};
use std::fmt::Display;

/// Why a value was not written: a shape this writer leaves to `serde_json`, or an error
/// of a `Serialize` implementation.
#[derive(Debug)]
pub struct Unsupported(String);

impl Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

/// `value` as one line of JSON (no final newline), as `serde_json::to_string` writes it;
/// an error for a shape left to `serde_json` (maps, byte strings).
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Unsupported> {
    let mut out = Writer {
        out: Vec::with_capacity(4096),
    };
    value.serialize(&mut out)?;
    // Only whole `str`s and ASCII punctuation were written.
    String::from_utf8(out.out).map_err(|e| Unsupported(e.to_string()))
}

struct Writer {
    out: Vec<u8>,
}

impl Writer {
    /// A number, as `serde_json` writes it.
    fn number<N: Serialize>(&mut self, n: N) -> Result<(), Unsupported> {
        serde_json::to_writer(&mut self.out, &n).map_err(|e| Unsupported(e.to_string()))
    }

    fn string(&mut self, s: &str) {
        self.out.push(b'"');
        escape_into(&mut self.out, s.as_bytes());
        self.out.push(b'"');
    }
}

/// Whether any of the eight bytes of `word` is below 0x20, a `"` or a `\`: the bytes JSON
/// escapes (bit tricks on a `u64`: a borrow carries a false flag only into a byte above
/// one that is itself flagged, so the answer for the word as a whole is exact).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte under 0x20 (its high bit clear, so that subtracting cannot carry it), or
    // equal to '"' or '\' (a zero byte after XOR).
    let low = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let zero = |x: u64| x.wrapping_sub(ONES) & !x;
    (low | zero(quote) | zero(backslash)) & HIGH != 0
}

/// The escape `serde_json` writes for `byte`, if it needs one.
fn escape_of(byte: u8) -> Option<&'static [u8]> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    static CONTROL: std::sync::LazyLock<Vec<[u8; 6]>> = std::sync::LazyLock::new(|| {
        (0u8..0x20)
            .map(|b| {
                let hi = HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
                let lo = HEX.get(usize::from(b & 0xF)).copied().unwrap_or(b'0');
                [b'\\', b'u', b'0', b'0', hi, lo]
            })
            .collect()
    });
    Some(match byte {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        0x08 => b"\\b",
        0x0C => b"\\f",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        0..0x20 => CONTROL.get(usize::from(byte))?.as_slice(),
        _ => return None,
    })
}

/// Append `bytes` to `out` with JSON's escapes.
fn escape_into(out: &mut Vec<u8>, bytes: &[u8]) {
    let word = |at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|chunk| <[u8; 8]>::try_from(chunk).ok())
            .map(u64::from_le_bytes)
    };
    let mut start = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Sixteen bytes at a time while none needs an escape ...
        while let (Some(a), Some(b)) = (word(at), word(at + 8)) {
            if needs_escape(a) || needs_escape(b) {
                break;
            }
            at += 16;
        }
        // ... then the next sixteen (or the rest) one by one.
        let end = bytes.len().min(at + 16);
        while at < end {
            let Some(&byte) = bytes.get(at) else { break };
            if byte >= 0x20 && byte != b'"' && byte != b'\\' {
                at += 1;
                continue;
            }
            if let Some(escape) = escape_of(byte) {
                out.extend_from_slice(bytes.get(start..at).unwrap_or_default());
                out.extend_from_slice(escape);
                start = at + 1;
            }
            at += 1;
        }
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
}

/// A sequence or an object being written: whether an element has been written yet.
struct Compound<'a> {
    writer: &'a mut Writer,
    first: bool,
    /// Closing bytes: `]`, `}`, or `]}` / `}}` inside a variant's object.
    close: &'static [u8],
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.writer.out.push(b',');
        }
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Unsupported> {
        self.comma();
        self.writer.string(key);
        self.writer.out.push(b':');
        value.serialize(&mut *self.writer)
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.comma();
        value.serialize(&mut *self.writer)
    }

    fn finish(self) -> Result<(), Unsupported> {
        self.writer.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        self.number(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.string(v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        Err(Unsupported(
            "byte strings are left to serde_json".to_string(),
        ))
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.out.push(b'{');
        self.string(variant);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.out.push(b'[');
        if len == Some(0) {
            // serde_json closes an empty sequence at once; `end` then writes nothing.
            self.out.push(b']');
            return Ok(Compound {
                writer: self,
                first: true,
                close: b"",
            });
        }
        Ok(Compound {
            writer: self,
            first: true,
            close: b"]",
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        self.out.push(b'{');
        self.string(variant);
        self.out.push(b':');
        self.out.push(b'[');
        if len == 0 {
            self.out.push(b']');
            return Ok(Compound {
                writer: self,
                first: true,
                close: b"}",
            });
        }
        Ok(Compound {
            writer: self,
            first: true,
            close: b"]}",
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported("maps are left to serde_json".to_string()))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Unsupported> {
        self.out.push(b'{');
        if len == 0 {
            self.out.push(b'}');
            return Ok(Compound {
                writer: self,
                first: true,
                close: b"",
            });
        }
        Ok(Compound {
            writer: self,
            first: true,
            close: b"}",
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        self.out.push(b'{');
        self.string(variant);
        self.out.push(b':');
        self.out.push(b'{');
        if len == 0 {
            self.out.push(b'}');
            return Ok(Compound {
                writer: self,
                first: true,
                close: b"}",
            });
        }
        Ok(Compound {
            writer: self,
            first: true,
            close: b"}}",
        })
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;

    #[derive(Debug, Clone, Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Shape {
        Unit,
        Newtype(String),
        Tuple(u8, String),
        EmptyTuple(),
        Struct { text: String, number: i64 },
        EmptyStruct {},
    }

    #[derive(Debug, Clone, Serialize)]
    struct Unit;

    #[derive(Debug, Clone, Serialize)]
    struct Record {
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        maybe: Option<String>,
        always: Option<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        texts: Vec<String>,
        numbers: Vec<u32>,
        empty: Vec<u8>,
        ratio: f64,
        letter: char,
        flag: bool,
        pair: (String, f32),
        shapes: Vec<Shape>,
        unit: Unit,
        wide: (i128, u128),
    }

    fn shape() -> impl Strategy<Value = Shape> {
        prop_oneof![
            Just(Shape::Unit),
            any::<String>().prop_map(Shape::Newtype),
            (any::<u8>(), "[\\x00-\\x7f]{0,20}").prop_map(|(n, s)| Shape::Tuple(n, s)),
            Just(Shape::EmptyTuple()),
            ("[\\x00-\\x7f]{0,20}", any::<i64>())
                .prop_map(|(text, number)| Shape::Struct { text, number }),
            Just(Shape::EmptyStruct {}),
        ]
    }

    proptest! {
        #[test]
        fn writes_what_serde_json_writes(
            text in "[\\x00-\\x7f\u{a0}-\u{10ffff}]{0,80}",
            maybe in proptest::option::of(any::<String>()),
            always in proptest::option::of("[ -~]{0,20}"),
            texts in prop::collection::vec(any::<String>(), 0..3),
            numbers in prop::collection::vec(any::<u32>(), 0..3),
            ratio in any::<f64>(),
            letter in any::<char>(),
            flag in any::<bool>(),
            pair in ("[\"\\\\\\x00-\\x1f a-z]{0,30}", any::<f32>()),
            shapes in prop::collection::vec(shape(), 0..4),
            wide in (any::<i128>(), any::<u128>()),
        ) {
            let record = Record {
                text, maybe, always, texts, numbers, empty: Vec::new(), ratio, letter, flag,
                pair, shapes, unit: Unit, wide,
            };
            prop_assert_eq!(to_string(&record).unwrap(), serde_json::to_string(&record).unwrap());
            prop_assert_eq!(
                to_string(&record.shapes).unwrap(),
                serde_json::to_string(&record.shapes).unwrap()
            );
        }
    }

    #[test]
    fn every_byte_is_escaped_as_serde_json_escapes_it() {
        let all: String = (0u8..0x80).map(char::from).collect();
        for start in 0..all.len() {
            let s = all.get(start..).unwrap();
            assert_eq!(to_string(s).unwrap(), serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn maps_are_left_to_serde_json() {
        let map: std::collections::BTreeMap<u32, String> = [(1, "a".to_string())].into();
        assert!(to_string(&map).is_err());
        assert_eq!(crate::render::json_line(&map), "{\"1\":\"a\"}\n");
    }
}
