//! A small JSON reader for requests and rate cards, shared by the CLI and the WebAssembly binding.
//!
//! Why not serde_json and derived `Deserialize`: numbers stay **text** from the document to the decimal
//! parser, so no value ever passes through binary floating point; every error carries the path of the
//! field it concerns (`lines[2].minutes`), the same in the CLI and in the browser; and the WebAssembly
//! module stays small (derived visitors and float formatting were half of it).
//!
//! [`parse`] builds a [`Json`] tree (RFC 8259; a byte-order mark and surrounding whitespace are allowed,
//! nesting is limited to [`MAX_DEPTH`]); types read themselves from it with [`FromJson`], objects through
//! [`Fields`], which refuses unknown and duplicate members.

use core::fmt;

/// How deep arrays and objects may nest; deeper documents are refused rather than risking the stack.
pub const MAX_DEPTH: usize = 64;

/// A JSON value. Numbers keep their text exactly as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written (`1200`, `0.5`, `1e3`).
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, members in document order.
    Object(Vec<(String, Json)>),
}

/// An error: where (a field path such as `lines[0].minutes`, or empty for the document) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The field path; empty for the document as a whole.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl JsonError {
    /// An error at `path`.
    pub fn at(path: &str, message: impl Into<String>) -> JsonError {
        JsonError { path: path.to_string(), message: message.into() }
    }

    fn new(message: String) -> JsonError {
        JsonError { path: String::new(), message }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for JsonError {}

/// Parses a JSON document.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser { bytes: text.as_bytes(), pos: 0 };
    if text.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.skip_ws();
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("unexpected text after the JSON value"));
    }
    Ok(value)
}

/// Parses `text` and reads a `T` from it.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_json(parse(text)?, "")
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> JsonError {
        let before = &self.bytes[..self.pos.min(self.bytes.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        JsonError::new(format!("{what} at line {line} column {column}"))
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, literal: &str) -> bool {
        let ok = self.bytes[self.pos..].starts_with(literal.as_bytes());
        if ok {
            self.pos += literal.len();
        }
        ok
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("the document nests too deeply"));
        }
        match self.bytes.get(self.pos) {
            None => Err(self.error("the document ends where a value was expected")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("true") => Ok(Json::Bool(true)),
            _ if self.eat("false") => Ok(Json::Bool(false)),
            _ if self.eat("null") => Ok(Json::Null),
            _ => Err(self.error("expected a JSON value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.eat("}") {
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.error("expected a member name in double quotes"));
            }
            let key = self.string()?;
            self.skip_ws();
            if !self.eat(":") {
                return Err(self.error("expected ':' after a member name"));
            }
            self.skip_ws();
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_ws();
            if self.eat("}") {
                return Ok(Json::Object(members));
            }
            if !self.eat(",") {
                return Err(self.error("expected ',' or '}' in an object"));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.eat("]") {
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            if self.eat("]") {
                return Ok(Json::Array(items));
            }
            if !self.eat(",") {
                return Err(self.error("expected ',' or ']' in an array"));
            }
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        let digits = |p: &mut Parser| {
            let s = p.pos;
            while p.bytes.get(p.pos).is_some_and(u8::is_ascii_digit) {
                p.pos += 1;
            }
            p.pos > s
        };
        self.eat("-");
        if !self.eat("0") && !digits(self) {
            return Err(self.error("a number needs digits"));
        }
        if self.eat(".") && !digits(self) {
            return Err(self.error("a number needs digits after its decimal point"));
        }
        if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if !self.eat("+") {
                self.eat("-");
            }
            if !digits(self) {
                return Err(self.error("a number needs digits in its exponent"));
            }
        }
        // The slice is ASCII digits and signs, so it is valid UTF-8.
        Ok(Json::Number(String::from_utf8_lossy(&self.bytes[start..self.pos]).into_owned()))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let hex = self.bytes.get(self.pos..self.pos + 4).and_then(|h| core::str::from_utf8(h).ok());
        let v = hex
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.error("expected four hex digits after \\u"))?;
        self.pos += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        // The run up to the first quote, escape or control character is copied at once; the loop below
        // goes on from there byte by byte.
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20) {
            self.pos += 1;
        }
        let mut out = self.bytes[start..self.pos].to_vec();
        loop {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(self.error("a string is never closed"));
            };
            self.pos += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.bytes.get(self.pos) else {
                        return Err(self.error("a string is never closed"));
                    };
                    self.pos += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            // A high surrogate must be followed by a low one; anything else is refused
                            // rather than silently replaced.
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                let lo = if self.eat("\\u") { self.hex4()? } else { 0 };
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error("an unpaired surrogate in a \\u escape"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or_else(|| self.error("an unpaired surrogate in a \\u escape"))?
                        }
                        _ => return Err(self.error("unknown escape in a string")),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return Err(self.error("a control character must be escaped in a string")),
                _ => out.push(b),
            }
        }
        // The input is a &str and escapes are encoded as UTF-8, so this cannot fail.
        String::from_utf8(out).map_err(|_| self.error("invalid UTF-8 in a string"))
    }
}

/// Appends the decimal digits of `i`.
fn push_index(out: &mut String, i: usize) {
    let mut buf = [0; 20];
    // Digits are ASCII.
    out.push_str(core::str::from_utf8(crate::json_write::digits(i as u64, &mut buf)).unwrap_or_default());
}

/// Implements [`FromJson`] for a struct read from an object, each field with a [`Fields`] method:
/// `req` (required), `opt` (an `Option`, absent or `null` is `None`) or `or_default` (absent or `null`
/// is the type's default). Unknown members are refused.
///
/// ```text
/// from_json_struct!(BillingOverride { increment_seconds: opt, connection_fee: opt, rounding: opt });
/// ```
macro_rules! from_json_struct {
    ($ty:ident { $($field:ident: $how:ident),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(value: $crate::json::Json, path: &str) -> Result<Self, $crate::json::JsonError> {
                let mut f = $crate::json::Fields::new(value, path)?;
                let v = $ty { $($field: f.$how(stringify!($field))?),* };
                f.end()?;
                Ok(v)
            }
        }
    };
}
pub(crate) use from_json_struct;

/// A type that reads itself from a JSON value found at `path` (such as `lines[0].minutes`).
pub trait FromJson: Sized {
    /// Converts `value`, or names `path` and what is wrong.
    fn from_json(value: Json, path: &str) -> Result<Self, JsonError>;
}

impl Json {
    /// How a value is described in an error: its type, and short values themselves.
    pub fn describe(&self) -> String {
        match self {
            Json::Null => "null".to_string(),
            Json::Bool(b) => format!("{b}"),
            Json::Number(n) => format!("the number {n}"),
            Json::String(s) => format!("the string {}", crate::error::quoted(s)),
            Json::Array(_) => "an array".to_string(),
            Json::Object(_) => "an object".to_string(),
        }
    }
}

/// The error for a value of the wrong type.
pub fn expected(value: &Json, path: &str, what: &str) -> JsonError {
    JsonError::at(path, format!("{} is not {what}", value.describe()))
}

impl FromJson for String {
    fn from_json(value: Json, path: &str) -> Result<String, JsonError> {
        match value {
            Json::String(s) => Ok(s),
            other => Err(expected(&other, path, "a string")),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: Json, path: &str) -> Result<bool, JsonError> {
        match value {
            Json::Bool(b) => Ok(b),
            other => Err(expected(&other, path, "true or false")),
        }
    }
}

impl FromJson for u32 {
    fn from_json(value: Json, path: &str) -> Result<u32, JsonError> {
        match &value {
            Json::Number(n) => n.parse().map_err(|_| expected(&value, path, "a whole number from 0 to 4294967295")),
            _ => Err(expected(&value, path, "a whole number")),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Json, path: &str) -> Result<Vec<T>, JsonError> {
        match value {
            Json::Array(items) => {
                // One path buffer for every item, written by hand: `format!` per item was a tenth of reading
                // a long request.
                let mut at = String::with_capacity(path.len() + 8);
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| {
                        at.clear();
                        at.push_str(path);
                        at.push('[');
                        push_index(&mut at, i);
                        at.push(']');
                        T::from_json(v, &at)
                    })
                    .collect()
            }
            other => Err(expected(&other, path, "an array")),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    /// `null` is `None`; an absent member is `None` too (see [`Fields::opt`]).
    fn from_json(value: Json, path: &str) -> Result<Option<T>, JsonError> {
        match value {
            Json::Null => Ok(None),
            other => T::from_json(other, path).map(Some),
        }
    }
}

/// The members of a JSON object being read into a struct. Take each field with [`Fields::req`] or
/// [`Fields::opt`], then call [`Fields::end`], which refuses members nobody took.
pub struct Fields {
    members: Vec<(String, Json)>,
    path: String,
    known: Vec<&'static str>,
}

impl Fields {
    /// The members of `value`, which must be an object. Repeated names are refused when taken.
    pub fn new(value: Json, path: &str) -> Result<Fields, JsonError> {
        let Json::Object(members) = value else {
            return Err(expected(&value, path, "an object"));
        };
        Ok(Fields { members, path: path.to_string(), known: Vec::new() })
    }

    fn child(path: &str, name: &str) -> String {
        let mut child = String::with_capacity(path.len() + 1 + name.len());
        if !path.is_empty() {
            child.push_str(path);
            child.push('.');
        }
        child.push_str(name);
        child
    }

    /// An optional member; absent and `null` are both `None`.
    pub fn opt<T: FromJson>(&mut self, name: &'static str) -> Result<Option<T>, JsonError> {
        self.known.push(name);
        // Repeats are looked for only among the names a struct takes, so a very wide object costs linear
        // time; any other member is refused by `end`.
        match self.members.iter().position(|(n, _)| n == name) {
            Some(i) => {
                let (_, value) = self.members.swap_remove(i);
                let path = Fields::child(&self.path, name);
                if self.members.iter().any(|(n, _)| n == name) {
                    return Err(JsonError::at(&path, format!("{} is given twice", crate::error::quoted(name))));
                }
                Option::<T>::from_json(value, &path)
            }
            None => Ok(None),
        }
    }

    /// A required member.
    pub fn req<T: FromJson>(&mut self, name: &'static str) -> Result<T, JsonError> {
        self.opt(name)?.ok_or_else(|| JsonError::at(&self.path, format!("the field \"{name}\" is missing")))
    }

    /// An optional member that defaults when absent or `null`.
    pub fn or_default<T: FromJson + Default>(&mut self, name: &'static str) -> Result<T, JsonError> {
        Ok(self.opt(name)?.unwrap_or_default())
    }

    /// Refuses members that no `req` or `opt` call took.
    pub fn end(self) -> Result<(), JsonError> {
        match self.members.first() {
            None => Ok(()),
            Some((name, _)) => Err(JsonError::at(
                &Fields::child(&self.path, name),
                format!("{} is not a known field; expected {}", crate::error::quoted(name), self.known.join(", ")),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_documents_and_keeps_number_text() {
        let j = parse("\u{feff} {\"a\": [1, -2.50, 1e3, true, null], \"b\\u00e9\\ud83d\\ude00\": \"x\\n\"} ").unwrap();
        let Json::Object(m) = j else { panic!("object") };
        assert_eq!(
            m[0].1,
            Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-2.50".into()),
                Json::Number("1e3".into()),
                Json::Bool(true),
                Json::Null
            ])
        );
        assert_eq!(m[1], ("bé😀".to_string(), Json::String("x\n".into())));
    }

    #[test]
    fn syntax_errors_say_where() {
        let cases = [
            ("", "the document ends where a value was expected at line 1 column 1"),
            ("{\"a\" 1}", "expected ':' after a member name at line 1 column 6"),
            ("[1,\n2,]", "expected a JSON value at line 2 column 3"),
            ("\"abc", "a string is never closed at line 1 column 5"),
            ("01", "unexpected text after the JSON value at line 1 column 2"),
            ("{} x", "unexpected text after the JSON value at line 1 column 4"),
            ("1.", "a number needs digits after its decimal point at line 1 column 3"),
            ("nul", "expected a JSON value at line 1 column 1"),
            (r#""D\ud800\u0045""#, "an unpaired surrogate in a \\u escape at line 1 column 15"),
            (r#""\udc00""#, "an unpaired surrogate in a \\u escape at line 1 column 8"),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text).unwrap_err().to_string(), want, "{text:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2);
        assert!(parse(&deep).unwrap_err().message.contains("nests too deeply"));
    }

    struct Line {
        n: u32,
        s: Option<String>,
    }

    impl FromJson for Line {
        fn from_json(value: Json, path: &str) -> Result<Line, JsonError> {
            let mut f = Fields::new(value, path)?;
            let line = Line { n: f.req("n")?, s: f.opt("s")? };
            f.end()?;
            Ok(line)
        }
    }

    #[test]
    fn errors_carry_the_field_path() {
        let cases = [
            (r#"[{"n":1,"s":"a"},{"n":"x"}]"#, "[1].n: the string \"x\" is not a whole number"),
            (r#"[{"s":"a"}]"#, "[0]: the field \"n\" is missing"),
            (r#"[{"n":1,"t":2}]"#, "[0].t: \"t\" is not a known field; expected n, s"),
            (r#"[{"n":1,"n":2}]"#, "[0].n: \"n\" is given twice"),
            (r#"[{"n":1.5}]"#, "[0].n: the number 1.5 is not a whole number from 0 to 4294967295"),
            (r#"[{"n":-1}]"#, "[0].n: the number -1 is not a whole number from 0 to 4294967295"),
            (r#"[{"n":1,"s":true}]"#, "[0].s: true is not a string"),
            (r#"{}"#, "an object is not an array"),
        ];
        for (text, want) in cases {
            assert_eq!(from_str::<Vec<Line>>(text).err().map(|e| e.to_string()).as_deref(), Some(want), "{text}");
        }
        let ok: Vec<Line> = from_str(r#"[{"n":7,"s":null}]"#).unwrap();
        assert_eq!((ok[0].n, ok[0].s.is_none()), (7, true));
    }
}
