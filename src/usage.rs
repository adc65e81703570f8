//! Re-rating a Teams PSTN usage report: the admin center's per-call export read as a stream of bytes,
//! every Audio Conferencing call rated on its own against a [`RateCard`], and the calls added up into
//! a [`Quote`](crate::Quote) with one line per (country, kind), per calendar month.
//!
//! ```
//! use audioconf_pricing::{builtin, usage::{UsageOptions, UsageReader}};
//!
//! let card = builtin::rate_card();
//! let mut reader = UsageReader::new(&card, UsageOptions::default());
//! reader.feed(b"Call Type,Number Type,Destination Dialed,Duration Seconds,Start Time\r\n").unwrap();
//! reader.feed(b"conf_in,toll,DE,61,2024-03-05T10:00:00Z\r\nuser_out,,DE,30,2024-03-05T11:00:00Z\r\n").unwrap();
//! let usage = reader.finish().unwrap();
//! let usd = card.currency_index("USD").unwrap();
//! let report = usage.report(&card, usd, None).unwrap();
//! // 61 seconds bill as 2 minutes at USD 0.0180.
//! assert_eq!((report.quote.total.as_str(), report.quote.lines[0].billable_minutes.as_str()), ("0.04", "2"));
//! assert_eq!(report.skipped[0].call_type.as_deref(), Some("user_out"));
//! ```
//!
//! # The file
//!
//! RFC 4180 CSV read by `csv-core` in chunks of any size, in constant memory: a UTF-8 byte-order mark is
//! dropped, CRLF and LF both end a row, quoted fields may hold commas, quotes (doubled) and line breaks,
//! blank lines are ignored. The separator is the one the header row holds more of, comma or tab (the
//! older Skype for Business export was tab-separated under a `.csv` name). Columns are found by name,
//! in any order and case, ignoring spaces, underscores, dashes and slashes (`Duration Seconds`,
//! `durationseconds` and `DURATION_SECONDS` are one column); other columns are ignored; a row with
//! fewer fields than the header has the missing ones empty.
//!
//! | problem | outcome |
//! |---|---|
//! | no bytes, or only a byte-order mark and blank lines | `empty_report` error |
//! | first row not UTF-8, or holding a NUL byte (a binary file) | `not_a_report` error |
//! | first row longer than [`MAX_ROW`] bytes (such as a 50 MB file of one line) | `not_a_report` error, as soon as those bytes have arrived |
//! | no `Call Type`, `Number Type`, `Duration Seconds` or `Start Time` column, or none of `Destination Dialed`, `Destination Number`, `Caller ID` | `missing_column` error naming every missing column and the columns found |
//! | a later row longer than [`MAX_ROW`] bytes or of more than [`MAX_FIELDS`] fields | that row is unusable (`row_too_long`); the rows after it are read |
//!
//! # Which rows count, and how
//!
//! | rule | detail |
//! |---|---|
//! | Audio Conferencing rows | `Call Type` is `conf_in` or `conf_out`, any case; any other row is skipped and counted by its call type (lower case; after 32 distinct types, as `other`) |
//! | toll or toll-free | a `conf_in` row is `toll_free` when `Number Type`, with case, spaces, dashes and underscores ignored, contains `tollfree` (`toll-free`, `Toll Free`, `TollFree`); else `toll` |
//! | dial-out kind | a `conf_out` row's number is read as in [`phone`]: `dial_out_mobile` or `dial_out_landline` where the country's numbering plan tells by the leading digits ([`phone::PLANS`]); else an unclassified dial-out, priced as [`UsageOptions::dial_out`] says (landline, mobile, or a percentage of the unclassified calls as mobile, spread evenly over them in file order) |
//! | the number | `Destination Number` for `conf_out`, `Caller ID` for `conf_in` (the number that received the call), each falling back to the other when empty |
//! | country | `Destination Dialed` when it is a two-letter code or a country name of the card (any case); else the country calling code of the number; a number the card has no country for is `country_not_on_card`, no country at all `unknown_country` (unusable) |
//! | duration | `Duration Seconds`: whole seconds (`61`, `61.0`); `0` is a call not connected, not charged, counted as skipped (`not_connected`); negative (`negative_duration`), not a whole number (`bad_duration`), over 24 hours (`absurd_duration`) make the row unusable |
//! | month | the calendar month in UTC of `Start Time` (ISO 8601, with `Z`, an offset such as `+02:00`, or none for UTC); unreadable is `bad_start_time` (unusable) |
//! | per-call rounding | each call's seconds are rounded up to its tariff's increment: a line's billable seconds are Σ ⌈duration ÷ increment⌉ × increment; its fees are calls × connection fee; its cost is rounded once ([`quote_billed`]) |
//! | a kind not offered | calls of a kind the card does not offer in their country go to the quote's `unavailable` with their minutes, not into the total |
//! | months | the report's months run from the month of its first to the month of its last Audio Conferencing call; a month between without calls counts as a month of no usage. The quote is of the average month unless one month is chosen |
//! | charged | the `Charge` column (and `Currency`), where filled, is added up per line and month; a value that is not a decimal is counted (`unreadable_charge`) and left out; with more than one currency no charged total is given |
//! | licensed users | the distinct users of Audio Conferencing rows, by `AAD ObjectId`, else `UPN` (any case), counted by a 64-bit hash of each: offered as the users of the per-user comparison |
//!
//! Memory does not grow with the file: one row's buffer ([`MAX_ROW`] bytes), a sum per (month, country,
//! kind) and one 64-bit hash per distinct user.

pub mod phone;
mod report;

use std::collections::{HashMap, HashSet};

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};
use rust_decimal::Decimal;

use crate::card::{Kind, RateCard};
use crate::error::{Error, ErrorKind};
use crate::quote::quote_billed;
pub use report::{ChargedLine, Count, MonthSummary, UsageReport};

/// The longest row read, bytes: far above any real row (a few hundred bytes), small enough to keep.
pub const MAX_ROW: usize = 64 * 1024;
/// The most fields a row may have.
pub const MAX_FIELDS: usize = 512;
/// The longest call counted, seconds: 24 hours.
pub const MAX_CALL_SECONDS: u64 = 24 * 3600;
/// Distinct call types counted by name; any more are counted as `other`.
const MAX_CALL_TYPES: usize = 32;

/// How dial-out calls whose number does not tell mobile from landline are priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialOut {
    /// As landline calls.
    Landline,
    /// As mobile calls.
    Mobile,
    /// This percentage of them (0 to 100) as mobile calls, the rest as landline.
    MobilePercent(u8),
}

/// Options of a [`UsageReader`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsageOptions {
    /// How unclassified dial-out calls are priced (default: landline).
    pub dial_out: DialOut,
}

impl Default for UsageOptions {
    fn default() -> Self {
        UsageOptions { dial_out: DialOut::Landline }
    }
}

/// Why a row was left out. Skipped rows are not Audio Conferencing charges; unusable ones are, but could
/// not be rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// Another call type (counted with its name).
    CallType,
    /// Duration 0: not connected, not charged.
    NotConnected,
    /// A negative duration.
    NegativeDuration,
    /// A duration that is not a whole number of seconds.
    BadDuration,
    /// A duration over [`MAX_CALL_SECONDS`].
    AbsurdDuration,
    /// A start time that is not ISO 8601.
    BadStartTime,
    /// No country from `Destination Dialed` or the number.
    UnknownCountry,
    /// A country the rate card does not list.
    CountryNotOnCard,
    /// A row over [`MAX_ROW`] bytes or [`MAX_FIELDS`] fields.
    RowTooLong,
}

/// Every [`Reason`], in the order of its declaration (its position).
const REASONS: [Reason; 9] = [
    Reason::CallType,
    Reason::NotConnected,
    Reason::NegativeDuration,
    Reason::BadDuration,
    Reason::AbsurdDuration,
    Reason::BadStartTime,
    Reason::UnknownCountry,
    Reason::CountryNotOnCard,
    Reason::RowTooLong,
];

impl Reason {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Reason::CallType => "call_type",
            Reason::NotConnected => "not_connected",
            Reason::NegativeDuration => "negative_duration",
            Reason::BadDuration => "bad_duration",
            Reason::AbsurdDuration => "absurd_duration",
            Reason::BadStartTime => "bad_start_time",
            Reason::UnknownCountry => "unknown_country",
            Reason::CountryNotOnCard => "country_not_on_card",
            Reason::RowTooLong => "row_too_long",
        }
    }

    /// Whether the row was skipped by design (not an Audio Conferencing charge) rather than unusable.
    pub fn is_skip(self) -> bool {
        matches!(self, Reason::CallType | Reason::NotConnected)
    }
}

/// The columns a rating reads, by position in the header.
#[derive(Debug, Clone, Copy)]
struct Columns {
    call_type: usize,
    number_type: usize,
    duration: usize,
    start: usize,
    dialed: Option<usize>,
    number: Option<usize>,
    caller: Option<usize>,
    charge: Option<usize>,
    currency: Option<usize>,
    object_id: Option<usize>,
    upn: Option<usize>,
}

/// The sums of one (month, country, kind).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Sums {
    pub calls: u64,
    pub talk: u64,
    pub billable: u64,
    pub charged: Decimal,
}

/// A month as `year × 12 + month - 1`.
pub type Month = u32;

/// Formats a [`Month`] as `YYYY-MM`.
pub fn month_text(m: Month) -> String {
    format!("{:04}-{:02}", m / 12, m % 12 + 1)
}

/// Reads `YYYY-MM` as a [`Month`].
pub fn parse_month(text: &str) -> Option<Month> {
    let b = text.as_bytes();
    if b.len() != 7 || b[4] != b'-' {
        return None;
    }
    let (y, m) = (digits(&b[..4])?, digits(&b[5..])?);
    (1..=12).contains(&m).then(|| y * 12 + m - 1)
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0')))
}

/// Streams a usage report: [`feed`](UsageReader::feed) it chunks of bytes as they arrive, then
/// [`finish`](UsageReader::finish) it. It keeps what it needs of the card, not the card.
pub struct UsageReader {
    options: UsageOptions,
    /// Increment seconds per (country, kind), `None` when not offered.
    increments: Vec<[Option<u32>; 4]>,
    by_name: HashMap<String, usize>,
    code_index: Box<[Option<u16>]>,
    /// The first line, until its end (and so the separator) is known.
    head: Vec<u8>,
    csv: Option<Reader>,
    row: Vec<u8>,
    ends: Vec<usize>,
    row_len: usize,
    ends_len: usize,
    too_long: bool,
    columns: Option<Columns>,
    bytes: u64,
    rows: u64,
    usage: Usage,
    unclassified_seen: u64,
    number_buf: String,
    /// Rows left out and the first of them, per [`Reason`] (by position), and per call type.
    reasons: [(u64, u64); 9],
    call_types: Vec<(String, (u64, u64))>,
}

/// What a report adds up to, for [`Usage::report`].
#[derive(Debug, Clone, Default)]
pub struct Usage {
    /// Data rows read (the header not counted).
    pub rows: u64,
    /// Rows rated (Audio Conferencing calls, connected, usable).
    pub rated_rows: u64,
    /// Bytes read.
    pub bytes: u64,
    pub(crate) sums: HashMap<(Month, u16, u8), Sums>,
    /// (reason, call type for [`Reason::CallType`]) → (rows, first row number).
    pub(crate) left_out: HashMap<(Reason, String), (u64, u64)>,
    pub(crate) users: HashSet<u64>,
    /// Unclassified dial-out calls, and how many of them were priced as mobile.
    pub unclassified_dial_out: u64,
    /// Of [`Usage::unclassified_dial_out`], the calls priced as mobile.
    pub unclassified_as_mobile: u64,
    /// Rows whose `Charge` was not a decimal.
    pub unreadable_charges: u64,
    pub(crate) charge_currency: Option<String>,
    pub(crate) mixed_currencies: bool,
    pub(crate) dial_out: Option<DialOut>,
}

impl UsageReader {
    /// A reader rating against `card`.
    pub fn new(card: &RateCard, options: UsageOptions) -> UsageReader {
        let increments =
            card.countries().iter().map(|c| Kind::ALL.map(|k| c.tariff(k).ok().map(|t| t.increment_seconds))).collect();
        let by_name = card.countries().iter().enumerate().map(|(i, c)| (c.name.to_lowercase(), i)).collect();
        let mut code_index = vec![None; 26 * 26].into_boxed_slice();
        for (i, c) in card.countries().iter().enumerate() {
            if let Some(slot) = code_slot(c.code.as_bytes()) {
                code_index[slot] = u16::try_from(i).ok();
            }
        }
        UsageReader {
            options,
            increments,
            by_name,
            code_index,
            head: Vec::new(),
            csv: None,
            row: vec![0; MAX_ROW],
            ends: vec![0; MAX_FIELDS],
            row_len: 0,
            ends_len: 0,
            too_long: false,
            columns: None,
            bytes: 0,
            rows: 0,
            usage: Usage { dial_out: Some(options.dial_out), ..Usage::default() },
            unclassified_seen: 0,
            number_buf: String::new(),
            reasons: [(0, 0); 9],
            call_types: Vec::new(),
        }
    }

    /// Bytes fed so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Data rows read so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Reads the next chunk. An error (no usable header) is final: later calls give it again.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), Error> {
        if chunk.is_empty() {
            return Ok(());
        }
        self.bytes += chunk.len() as u64;
        if self.csv.is_some() {
            return self.parse(chunk);
        }
        // The separator is chosen from the whole first line, so it is gathered first.
        let start = self.head.len();
        self.head.extend_from_slice(chunk);
        match self.head[start..].iter().position(|&b| b == b'\n') {
            Some(_) => self.start(),
            None if self.head.len() > MAX_ROW + 3 => Err(long_first_line()),
            None => Ok(()),
        }
    }

    /// Reads what is left and returns the sums.
    pub fn finish(mut self) -> Result<Usage, Error> {
        if self.csv.is_none() {
            self.start()?;
        }
        self.parse(&[])?;
        if self.columns.is_none() {
            return Err(empty());
        }
        self.usage.rows = self.rows;
        self.usage.bytes = self.bytes;
        for (reason, counts) in REASONS.into_iter().zip(self.reasons).filter(|(_, c)| c.0 > 0) {
            self.usage.left_out.insert((reason, String::new()), counts);
        }
        for (name, counts) in self.call_types.drain(..) {
            self.usage.left_out.insert((Reason::CallType, name), counts);
        }
        Ok(self.usage)
    }

    /// Chooses the separator from the first line and parses what has arrived.
    fn start(&mut self) -> Result<(), Error> {
        let head = std::mem::take(&mut self.head);
        let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
        let first = body.iter().position(|&b| b == b'\n').map_or(body, |n| &body[..n]);
        if first.len() > MAX_ROW {
            return Err(long_first_line());
        }
        let tabs = first.iter().filter(|&&b| b == b'\t').count();
        let commas = first.iter().filter(|&&b| b == b',').count();
        let delimiter = if tabs > commas { b'\t' } else { b',' };
        self.csv = Some(ReaderBuilder::new().delimiter(delimiter).build());
        let body = body.to_vec();
        self.parse(&body)
    }

    /// Parses `input`; an empty `input` means the end of the file.
    fn parse(&mut self, mut input: &[u8]) -> Result<(), Error> {
        let at_end = input.is_empty();
        loop {
            let Some(csv) = self.csv.as_mut() else { return Ok(()) };
            let (result, n_in, n_out, n_ends) = if self.too_long {
                // The rest of an over-long row is read into the start of the buffers and dropped.
                csv.read_record(input, &mut self.row, &mut self.ends)
            } else {
                csv.read_record(input, &mut self.row[self.row_len..], &mut self.ends[self.ends_len..])
            };
            input = &input[n_in..];
            if !self.too_long {
                self.row_len += n_out;
                self.ends_len += n_ends;
            }
            match result {
                ReadRecordResult::InputEmpty if !at_end => return Ok(()),
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull => self.too_long = true,
                ReadRecordResult::Record => {
                    let outcome = self.record();
                    self.row_len = 0;
                    self.ends_len = 0;
                    self.too_long = false;
                    outcome?;
                }
                ReadRecordResult::End => return Ok(()),
            }
        }
    }

    /// Takes the row read: the header, or a call. The row's buffers are lent out while it is read.
    fn record(&mut self) -> Result<(), Error> {
        let (row, ends) = (std::mem::take(&mut self.row), std::mem::take(&mut self.ends));
        let fields = Fields { row: &row, ends: &ends[..self.ends_len] };
        let outcome = match self.columns {
            None if self.too_long => Err(long_first_line()),
            None => header(&fields).map(|c| self.columns = Some(c)),
            Some(columns) => {
                self.call(&fields, columns);
                Ok(())
            }
        };
        (self.row, self.ends) = (row, ends);
        outcome
    }

    /// Rates one row, or counts why not.
    fn call(&mut self, f: &Fields, columns: Columns) {
        self.rows += 1;
        // The row as a spreadsheet numbers it, the header being row 1.
        let row = self.rows + 1;
        if self.too_long {
            return self.leave_out(Reason::RowTooLong, b"", row);
        }
        let call_type = f.get(columns.call_type);
        let dial_in = if call_type.eq_ignore_ascii_case(b"conf_in") {
            true
        } else if call_type.eq_ignore_ascii_case(b"conf_out") {
            false
        } else {
            return self.leave_out(Reason::CallType, call_type, row);
        };
        let seconds = match duration(f.get(columns.duration)) {
            Ok(0) => return self.leave_out(Reason::NotConnected, b"", row),
            Ok(s) => s,
            Err(reason) => return self.leave_out(reason, b"", row),
        };
        let Some(month) = utc_month(f.get(columns.start)) else {
            return self.leave_out(Reason::BadStartTime, b"", row);
        };
        let (first, second) = if dial_in { (columns.caller, columns.number) } else { (columns.number, columns.caller) };
        let number_field = [first, second].into_iter().flatten().map(|i| f.get(i)).find(|f| !f.is_empty());
        let mut buf = std::mem::take(&mut self.number_buf);
        let number = number_field.and_then(|f| phone::parse(f, &mut buf));
        let from_number = number.and_then(phone::country);
        let country = match columns.dialed.map(|i| f.get(i)).and_then(|d| self.country_named(d)) {
            Some(c) => Ok(c),
            None => match from_number {
                Some((code, _)) => self.country_of_code(code.as_bytes()).ok_or(Reason::CountryNotOnCard),
                None => Err(Reason::UnknownCountry),
            },
        };
        let line = match (number, from_number) {
            (Some(n), Some((code, len))) => phone::classify(code, &n.digits[len..]),
            _ => None,
        };
        self.number_buf = buf;
        let country = match country {
            Ok(c) => c,
            Err(reason) => return self.leave_out(reason, b"", row),
        };
        let kind = if dial_in {
            if toll_free(f.get(columns.number_type)) {
                Kind::TollFree
            } else {
                Kind::Toll
            }
        } else {
            match line {
                Some(phone::Line::Mobile) => Kind::DialOutMobile,
                Some(phone::Line::Landline) => Kind::DialOutLandline,
                None => self.unclassified(),
            }
        };
        let charge = columns.charge.map(|i| f.get(i)).filter(|f| !f.is_empty());
        let charge = match charge.map(|c| std::str::from_utf8(c).ok().and_then(|t| Decimal::from_str_exact(t).ok())) {
            Some(Some(c)) => {
                self.charge_currency(columns.currency.map(|i| f.get(i)));
                c
            }
            Some(None) => {
                self.usage.unreadable_charges += 1;
                Decimal::ZERO
            }
            None => Decimal::ZERO,
        };
        let user = [columns.object_id, columns.upn].into_iter().flatten().map(|i| f.get(i)).find(|f| !f.is_empty());
        if let Some(user) = user {
            self.usage.users.insert(fnv1a(user));
        }
        let billable = self.increments[country][kind as usize].map_or(0, |inc| {
            let inc = u64::from(inc.max(1));
            seconds.div_ceil(inc) * inc
        });
        let sums = self.usage.sums.entry((month, country as u16, kind as u8)).or_default();
        sums.calls += 1;
        sums.talk += seconds;
        sums.billable += billable;
        // A charge column of a usage report is numeric(16,2): their sum fits a Decimal many times over.
        sums.charged = sums.charged.checked_add(charge).unwrap_or(sums.charged);
        self.usage.rated_rows += 1;
    }

    /// Counts a row left out; `call_type` (as written) for [`Reason::CallType`]. Allocates only for a call
    /// type not seen before: most rows of a report are other call types.
    fn leave_out(&mut self, reason: Reason, call_type: &[u8], row: u64) {
        let slot = if reason != Reason::CallType {
            &mut self.reasons[reason as usize]
        } else {
            let name = if call_type.is_empty() { &b"(empty)"[..] } else { call_type };
            let at = match self.call_types.iter().position(|(t, _)| t.as_bytes().eq_ignore_ascii_case(name)) {
                Some(at) => at,
                None => {
                    let known = self.call_types.len() >= MAX_CALL_TYPES;
                    let other = self.call_types.iter().position(|(t, _)| t == "other");
                    match (known, other) {
                        (true, Some(at)) => at,
                        _ => {
                            let text = if known {
                                "other".to_string()
                            } else {
                                String::from_utf8_lossy(name).to_lowercase().chars().take(32).collect()
                            };
                            self.call_types.push((text, (0, row)));
                            self.call_types.len() - 1
                        }
                    }
                }
            };
            &mut self.call_types[at].1
        };
        if slot.0 == 0 {
            slot.1 = row;
        }
        slot.0 += 1;
    }

    fn unclassified(&mut self) -> Kind {
        self.usage.unclassified_dial_out += 1;
        let mobile = match self.options.dial_out {
            DialOut::Landline => false,
            DialOut::Mobile => true,
            // The i-th call is mobile when ⌊(i + 1) × p / 100⌋ passes ⌊i × p / 100⌋: exactly ⌊n × p / 100⌋
            // of n calls, spread evenly.
            DialOut::MobilePercent(p) => {
                let (i, p) = (self.unclassified_seen, u64::from(p.min(100)));
                (i + 1) * p / 100 > i * p / 100
            }
        };
        self.unclassified_seen += 1;
        if mobile {
            self.usage.unclassified_as_mobile += 1;
            Kind::DialOutMobile
        } else {
            Kind::DialOutLandline
        }
    }

    fn charge_currency(&mut self, code: Option<&[u8]>) {
        let code = code.unwrap_or_default();
        if code.is_empty() {
            return;
        }
        match &self.usage.charge_currency {
            Some(c) if c.as_bytes().eq_ignore_ascii_case(code) => {}
            Some(_) => self.usage.mixed_currencies = true,
            None => self.usage.charge_currency = Some(String::from_utf8_lossy(code).to_uppercase()),
        }
    }

    /// The card's country named by a two-letter code or its English name, any case.
    fn country_named(&self, text: &[u8]) -> Option<usize> {
        if text.len() == 2 {
            return self.country_of_code(text);
        }
        let name = std::str::from_utf8(text).ok()?;
        self.by_name.get(&name.to_lowercase()).copied()
    }

    fn country_of_code(&self, code: &[u8]) -> Option<usize> {
        code_slot(code).and_then(|s| self.code_index[s]).map(usize::from)
    }
}

/// A row's fields, without surrounding spaces; a field past the row's end is empty.
struct Fields<'a> {
    row: &'a [u8],
    ends: &'a [usize],
}

impl Fields<'_> {
    fn get(&self, i: usize) -> &[u8] {
        let Some(&end) = self.ends.get(i) else { return b"" };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.row[start..end].trim_ascii()
    }
}

/// The columns of a header row.
fn header(fields: &Fields) -> Result<Columns, Error> {
    let names: Vec<String> = (0..fields.ends.len())
        .map(|i| {
            let f = fields.get(i);

            if f.contains(&0) {
                return Err(binary());
            }
            std::str::from_utf8(f).map(str::to_string).map_err(|_| binary())
        })
        .collect::<Result<_, _>>()?;
    if names.iter().all(String::is_empty) {
        return Err(empty());
    }
    let keys: Vec<String> = names.iter().map(|n| column_key(n)).collect();
    let find = |name: &str| keys.iter().position(|k| *k == column_key(name));
    let mut missing = Vec::new();
    let mut need = |name: &'static str| {
        find(name).unwrap_or_else(|| {
            missing.push(name);
            0
        })
    };
    let (call_type, number_type, duration, start) =
        (need("Call Type"), need("Number Type"), need("Duration Seconds"), need("Start Time"));
    let (dialed, number, caller) = (find("Destination Dialed"), find("Destination Number"), find("Caller ID"));
    if dialed.is_none() && number.is_none() && caller.is_none() {
        missing.push("Destination Dialed, Destination Number or Caller ID");
    }
    if !missing.is_empty() {
        let found: Vec<String> = names.iter().take(8).map(|n| crate::error::quoted(n)).collect();
        let more = if names.len() > 8 { format!(" and {} more", names.len() - 8) } else { String::new() };
        let list: Vec<String> = missing.iter().map(|m| format!("\"{m}\"")).collect();
        return Err(Error::new(
            ErrorKind::MissingColumn,
            missing.join("; "),
            format!(
                "the report has no {} column{} (its first row has {}{more}); export the PSTN usage report \
                     from the Teams admin center with its header row",
                list.join(", "),
                if missing.len() > 1 { "s" } else { "" },
                found.join(", ")
            ),
        ));
    }
    Ok(Columns {
        call_type,
        number_type,
        duration,
        start,
        dialed,
        number,
        caller,
        charge: find("Charge"),
        currency: find("Currency"),
        object_id: find("AAD ObjectId"),
        upn: find("UPN"),
    })
}

/// The slot of a two-letter code, either case, in a table of all 26 × 26.
fn code_slot(code: &[u8]) -> Option<usize> {
    std::str::from_utf8(code).ok().and_then(crate::card::code_slot)
}

/// A header name as compared: lower case, without spaces, underscores, dashes and slashes.
fn column_key(name: &str) -> String {
    name.chars().filter(|c| !matches!(c, ' ' | '_' | '-' | '/' | '\t')).flat_map(char::to_lowercase).collect()
}

fn toll_free(number_type: &[u8]) -> bool {
    let key: Vec<u8> =
        number_type.iter().filter(|b| !matches!(b, b' ' | b'-' | b'_')).map(u8::to_ascii_lowercase).collect();
    key.windows(8).any(|w| w == b"tollfree")
}

/// Whole seconds of a `Duration Seconds` field.
fn duration(field: &[u8]) -> Result<u64, Reason> {
    let (negative, body) = match field.strip_prefix(b"-") {
        Some(rest) => (true, rest),
        None => (false, field.strip_prefix(b"+").unwrap_or(field)),
    };
    let (int, frac) = match body.iter().position(|&b| b == b'.') {
        Some(p) => (&body[..p], &body[p + 1..]),
        None => (body, &b""[..]),
    };
    if int.is_empty() || !int.iter().all(u8::is_ascii_digit) || !frac.iter().all(|&b| b == b'0') {
        return Err(Reason::BadDuration);
    }
    if negative && int.iter().any(|&b| b != b'0') {
        return Err(Reason::NegativeDuration);
    }
    let mut seconds: u64 = 0;
    for d in int {
        seconds = seconds.saturating_mul(10).saturating_add(u64::from(d - b'0'));
    }
    if seconds > MAX_CALL_SECONDS {
        return Err(Reason::AbsurdDuration);
    }
    Ok(seconds)
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The UTC calendar month of an ISO 8601 date and time (`2024-03-31T23:30:00+02:00`, `...Z`, none: UTC).
pub fn utc_month(text: &[u8]) -> Option<Month> {
    let num = |r: std::ops::Range<usize>| text.get(r).and_then(digits);
    if text.len() < 10 || text[4] != b'-' || text[7] != b'-' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&month) || day == 0 || day > days_in(year, month) {
        return None;
    }
    let this = year * 12 + month - 1;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(this);
    }
    if !matches!(rest[0], b'T' | b't' | b' ') || rest.len() < 6 || rest[3] != b':' {
        return None;
    }
    let (hour, minute) = (digits(&rest[1..3])?, digits(&rest[4..6])?);
    if hour > 23 || minute > 59 {
        return None;
    }
    // Seconds and their fraction, then the offset.
    let mut i = 6;
    if rest.get(i) == Some(&b':') {
        if !rest.get(i + 1..i + 3).is_some_and(|s| s.iter().all(u8::is_ascii_digit)) {
            return None;
        }
        i += 3;
        if matches!(rest.get(i), Some(b'.' | b',')) {
            i += 1;
            while rest.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
    }
    let offset = match &rest[i..] {
        b"" | b"Z" | b"z" => 0i64,
        [sign @ (b'+' | b'-'), o @ ..] => {
            let (h, m) = match o {
                [a, b, b':', c, d] | [a, b, c, d] => (digits(&[*a, *b])?, digits(&[*c, *d])?),
                [a, b] => (digits(&[*a, *b])?, 0),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = i64::from(h * 60 + m);
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    let utc = i64::from(hour * 60 + minute) - offset;
    Some(if utc < 0 && day == 1 {
        this - 1
    } else if utc >= 24 * 60 && day == days_in(year, month) {
        this + 1
    } else {
        this
    })
}

/// FNV-1a of `bytes` in ASCII lower case: a user's key without keeping the name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3))
}

fn empty() -> Error {
    Error::new(ErrorKind::EmptyReport, "file", "the file is empty; choose the CSV file of the PSTN usage report")
}

fn binary() -> Error {
    Error::new(
        ErrorKind::NotAReport,
        "file",
        "the file is not a text CSV file (its first row is not UTF-8 text); choose the CSV file of the PSTN \
         usage report, not the zip it came in",
    )
}

fn long_first_line() -> Error {
    Error::new(
        ErrorKind::NotAReport,
        "file",
        format!(
            "the first row is longer than {} KB, so it is not the header of a usage report; choose the CSV \
             file of the PSTN usage report",
            MAX_ROW / 1024
        ),
    )
}

impl Usage {
    /// The months from the first to the last rated call, in order.
    pub fn months(&self) -> Vec<Month> {
        let first = self.sums.keys().map(|k| k.0).min();
        let last = self.sums.keys().map(|k| k.0).max();
        match (first, last) {
            (Some(f), Some(l)) => (f..=l).collect(),
            _ => Vec::new(),
        }
    }

    /// The distinct users of Audio Conferencing rows.
    pub fn users(&self) -> u64 {
        self.users.len() as u64
    }

    /// The quote of `month` (`None`: the average month) in the card's currency number `currency`.
    pub fn quote(&self, card: &RateCard, currency: usize, month: Option<Month>) -> Result<crate::Quote, Error> {
        let (lines, months) = self.lines(month);
        let users = Some(self.users()).filter(|u| *u > 0);
        quote_billed(card, currency, users, &lines.iter().map(|l| l.0).collect::<Vec<_>>(), months)
    }
}
