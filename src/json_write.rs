//! A compact JSON writer for the crate's output types (`Serialize` into one `String`), for the binding:
//! one string and one `JSON.parse` build the JS result in a fraction of the time that setting each
//! property across the WebAssembly boundary takes (figures in BENCHMARKS.md). It writes what the output
//! types hold: structs, sequences, strings, booleans, integers, `None` as `null`, unit variants as their
//! names. Anything else (floats, maps, bytes, data-carrying variants) is an error: none of the output
//! types has one, and no float may ever carry an amount.

use std::fmt;

use serde::ser::{self, Impossible, Serialize, SerializeSeq, SerializeStruct};

/// The value as compact JSON text (the same text serde_json writes for these types).
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Unsupported> {
    // Bytes, not a String: pushing a byte is a store, pushing a char an encoding call.
    let mut out = Vec::with_capacity(1024);
    value.serialize(Writer { out: &mut out })?;
    // Only whole UTF-8 strings and ASCII punctuation were written.
    String::from_utf8(out).map_err(|_| Unsupported("invalid UTF-8".to_string()))
}

/// A value this writer does not write (see the module docs).
#[derive(Debug)]
pub struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

fn unsupported<T>(what: &str) -> Result<T, Unsupported> {
    Err(Unsupported(format!("{what} is not written as JSON here")))
}

struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

/// Writes `s` as a JSON string: quotes, backslashes and control characters escaped.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    // Almost every string (names, codes, decimals, messages) needs no escape: one copy.
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
        return;
    }
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.extend_from_slice(&s.as_bytes()[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
        } else {
            out.extend_from_slice(escape.as_bytes());
        }
        start = i + 1;
    }
    out.extend_from_slice(&s.as_bytes()[start..]);
    out.push(b'"');
}

/// The decimal digits of `v`, written into the end of `buf`.
pub(crate) fn digits(v: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    let mut v = v;
    loop {
        at -= 1;
        buf[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    &buf[at..]
}

/// A struct or sequence being written: whether a member was written yet.
struct Compound<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.out.push(b',');
        }
    }
}

impl<'a> ser::Serializer for Writer<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Impossible<(), Unsupported>;
    type SerializeTupleStruct = Impossible<(), Unsupported>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Impossible<(), Unsupported>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        if v < 0 {
            self.out.push(b'-');
        }
        self.serialize_u64(v.unsigned_abs())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        // Integers in the output (indices, counts) are far below 2^53, so JSON.parse keeps them exact.
        self.out.extend_from_slice(digits(v, &mut [0; 20]));
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        unsupported("a float")
    }
    fn serialize_f64(self, _: f64) -> Result<(), Unsupported> {
        unsupported("a float")
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        string(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        unsupported("bytes")
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
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Unsupported> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        unsupported("a variant with data")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.out.push(b'[');
        Ok(Compound { out: self.out, first: true })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        unsupported("a tuple")
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Unsupported> {
        unsupported("a tuple struct")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        unsupported("a variant with data")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        unsupported("a map")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Unsupported> {
        self.out.push(b'{');
        Ok(Compound { out: self.out, first: true })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        unsupported("a variant with data")
    }
}

impl SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.comma();
        value.serialize(Writer { out: self.out })
    }
    fn end(self) -> Result<(), Unsupported> {
        self.out.push(b']');
        Ok(())
    }
}

impl SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unsupported> {
        self.comma();
        string(self.out, key);
        self.out.push(b':');
        value.serialize(Writer { out: self.out })
    }
    fn end(self) -> Result<(), Unsupported> {
        self.out.push(b'}');
        Ok(())
    }
}

// serde_json is a native dependency (the CLI's).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::{builtin, quote, request};

    /// The binding's JSON is serde_json's, for quotes with every optional part, countries and escapes.
    #[test]
    fn same_text_as_serde_json() {
        let card = builtin::rate_card();
        let requests = [
            r#"{"currency": "EUR", "users": 50, "lines": [{"country": "DE", "kind": "toll", "minutes": "1200", "calls": 40},
                {"country": "us", "kind": "dial_out_mobile", "minutes": 5}, {"country": "CU", "kind": "toll_free", "minutes": "7.25"}],
                "skip_unavailable": true}"#,
            r#"{"lines": []}"#,
            r#"{"currency": "jpy", "lines": [{"country": "IN", "kind": "dial_out_landline", "minutes": "0.000001", "calls": 3}]}"#,
        ];
        for text in requests {
            let q = quote(&card, &request::parse(text).unwrap()).unwrap();
            assert_eq!(super::to_string(&q).unwrap(), serde_json::to_string(&q).unwrap(), "{text}");
        }
        let odd = ["\"quoted\" \\ back", "tab\tnew\nline\r", "\u{1}\u{1f} control", "ünïcödé ✓"];
        assert_eq!(super::to_string(&odd[..]).unwrap(), serde_json::to_string(&odd[..]).unwrap());
        assert_eq!(
            super::to_string(&(-5i64, u64::MAX)).map_err(|e| e.to_string()),
            Err("a tuple is not written as JSON here".into())
        );
        let ints = vec![-5i64, 0, i64::MIN, i64::MAX];
        assert_eq!(super::to_string(&ints).unwrap(), serde_json::to_string(&ints).unwrap());
        assert!(super::to_string(&1.5f64).is_err());
    }
}
