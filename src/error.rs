//! Typed errors. Every error names the field path and the offending value, so that a person can find and
//! fix it: `lines[2].minutes: "-1" is negative; it must be 0 or more`.

use core::fmt;

/// What went wrong, as a stable machine-readable code (see [`ErrorKind::code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request does not have the expected shape (a missing field, a wrong JSON type, an unknown field).
    InvalidRequest,
    /// A number field holds text that is not a plain decimal or integer.
    InvalidNumber,
    /// A number that must be 0 or more is negative.
    Negative,
    /// A number is above its documented cap (see [`crate::request::limits`]).
    TooLarge,
    /// A count (calls, users) is 0 or has a fraction.
    InvalidCount,
    /// A country code that the rate card does not list.
    UnknownCountry,
    /// A kind of call that is not one of `toll`, `toll_free`, `dial_out_landline`, `dial_out_mobile`.
    UnknownKind,
    /// A currency the rate card does not offer.
    UnknownCurrency,
    /// The kind of call exists but is not offered in that country; the message says why.
    KindNotOffered,
    /// An intermediate amount would not fit a 96-bit decimal. Only absurd inputs get here.
    Overflow,
    /// The rate card is broken; [`Error::problems`] lists every problem.
    InvalidRateCard,
    /// A usage report with no bytes, or nothing but a byte-order mark and blank lines.
    #[cfg(any(feature = "usage", not(target_arch = "wasm32")))]
    EmptyReport,
    /// A file that is not a usage report: not text, or a first line longer than a header can be.
    #[cfg(any(feature = "usage", not(target_arch = "wasm32")))]
    NotAReport,
    /// A usage report without a column the rating needs; the path names it.
    #[cfg(any(feature = "usage", not(target_arch = "wasm32")))]
    MissingColumn,
}

impl ErrorKind {
    /// The stable code, as carried by the JS binding's `Error.code` and the CLI's messages.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::InvalidRequest => "invalid_request",
            ErrorKind::InvalidNumber => "invalid_number",
            ErrorKind::Negative => "negative",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::InvalidCount => "invalid_count",
            ErrorKind::UnknownCountry => "unknown_country",
            ErrorKind::UnknownKind => "unknown_kind",
            ErrorKind::UnknownCurrency => "unknown_currency",
            ErrorKind::KindNotOffered => "kind_not_offered",
            ErrorKind::Overflow => "overflow",
            ErrorKind::InvalidRateCard => "invalid_rate_card",
            #[cfg(any(feature = "usage", not(target_arch = "wasm32")))]
            ErrorKind::EmptyReport => "empty_report",
            #[cfg(any(feature = "usage", not(target_arch = "wasm32")))]
            ErrorKind::NotAReport => "not_a_report",
            #[cfg(any(feature = "usage", not(target_arch = "wasm32")))]
            ErrorKind::MissingColumn => "missing_column",
        }
    }
}

/// One problem in a rate card: where it is (`countries[3].rates.toll`, or `line 12, rate_per_minute` in a
/// CSV) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field path or CSV position.
    pub path: String,
    /// What is wrong, naming the value.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// An error from the rating core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What kind of error.
    pub kind: ErrorKind,
    /// The field path, such as `lines[2].minutes`; empty for the request as a whole.
    pub path: String,
    /// A sentence naming the value and what is expected.
    pub message: String,
    /// For [`ErrorKind::InvalidRateCard`]: every problem found.
    pub problems: Vec<Problem>,
}

impl Error {
    /// An error at `path`.
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Error {
        Error { kind, path: path.into(), message: message.into(), problems: Vec::new() }
    }

    /// A broken rate card, with every problem found.
    pub fn rate_card(problems: Vec<Problem>) -> Error {
        let message = match problems.len() {
            1 => "the rate card has 1 problem".to_string(),
            n => format!("the rate card has {n} problems"),
        };
        Error { kind: ErrorKind::InvalidRateCard, path: String::new(), message, problems }
    }

    /// The same error at `path`.
    pub fn at(mut self, path: impl Into<String>) -> Error {
        self.path = path.into();
        self
    }

    /// An intermediate amount overflowed while computing `path`.
    pub fn overflow(path: impl Into<String>) -> Error {
        Error::new(ErrorKind::Overflow, path, "the amount is too large to compute exactly; use smaller numbers")
    }

    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

impl fmt::Display for Error {
    /// One line: `path: message`, and for a rate card the first problem and how many more.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if let Some(first) = self.problems.first() {
            write!(f, "; {first}")?;
            if self.problems.len() > 1 {
                write!(f, " (and {} more)", self.problems.len() - 1)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Quotes a value for an error message as JSON would (`"abc"`), so that empty and odd strings are visible.
pub(crate) fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars().take(60) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    if value.chars().count() > 60 {
        out.push('…');
    }
    out.push('"');
    out
}
