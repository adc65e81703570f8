//! The usage report's binding (wasm32 with the `usage` feature only): `UsageImport`, fed a report chunk
//! by chunk. It is built into a second WebAssembly module (`pkg/usage/`), which the page loads in a Web
//! Worker only when a person imports a report, so the first load does not carry the reader.

use wasm_bindgen::prelude::*;

use super::js_error;
use crate::card::{RateCard, RateCardData};
use crate::error::{Error, ErrorKind};
use crate::usage::{parse_month, DialOut, Usage, UsageOptions, UsageReader};

/// A usage report being read: `feed` it `Uint8Array` chunks, read `rows` and `bytes` for progress, then
/// `finish` it for the report as JSON text; `report` quotes another month or currency afterwards.
#[wasm_bindgen]
pub struct UsageImport {
    card: RateCard,
    reader: Option<UsageReader>,
    usage: Option<Usage>,
    rows: u64,
    bytes: u64,
}

fn invalid(path: &str, message: String) -> JsValue {
    js_error(&Error::new(ErrorKind::InvalidRequest, path, message))
}

/// `landline`, `mobile`, or a mobile percentage `0`..`100`.
fn dial_out(text: Option<String>) -> Result<DialOut, JsValue> {
    match text.as_deref().unwrap_or("landline") {
        "landline" => Ok(DialOut::Landline),
        "mobile" => Ok(DialOut::Mobile),
        p => match p.parse::<u8>() {
            Ok(n) if n <= 100 => Ok(DialOut::MobilePercent(n)),
            _ => Err(invalid("dial_out", format!("\"{p}\" is not landline, mobile or a percentage from 0 to 100"))),
        },
    }
}

#[wasm_bindgen]
impl UsageImport {
    /// A reader rating against the rate card given as JSON text (the built-in card when absent); dial-out
    /// numbers that do not tell mobile from landline are priced as `dialOut` says (`landline`, the
    /// default, `mobile`, or a mobile percentage such as `"30"`).
    #[wasm_bindgen(constructor)]
    pub fn new(card_json: Option<String>, dial_out_as: Option<String>) -> Result<UsageImport, JsValue> {
        let card = match card_json {
            Some(text) => RateCardData::parse(&text).and_then(RateCard::new).map_err(|e| js_error(&e))?,
            None => crate::builtin::rate_card(),
        };
        let reader = UsageReader::new(&card, UsageOptions { dial_out: dial_out(dial_out_as)? });
        Ok(UsageImport { card, reader: Some(reader), usage: None, rows: 0, bytes: 0 })
    }

    /// Reads the next chunk. Throws (with `code` `not_a_report`, `missing_column`, …) when the file cannot
    /// be a usage report; later calls throw again.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), JsValue> {
        let reader = self.reader.as_mut().ok_or_else(|| invalid("", "the report was already finished".into()))?;
        reader.feed(chunk).map_err(|e| js_error(&e))?;
        (self.rows, self.bytes) = (reader.rows(), reader.bytes());
        Ok(())
    }

    /// Data rows read so far.
    #[wasm_bindgen(getter)]
    pub fn rows(&self) -> f64 {
        self.rows as f64
    }

    /// Bytes read so far.
    #[wasm_bindgen(getter)]
    pub fn bytes(&self) -> f64 {
        self.bytes as f64
    }

    /// Reads what is left and returns the report of `month` (`YYYY-MM`; the average month when absent)
    /// in `currency` (the card's when absent), as JSON text (the CLI's `--format json`).
    pub fn finish(&mut self, month: Option<String>, currency: Option<String>) -> Result<String, JsValue> {
        if let Some(reader) = self.reader.take() {
            self.usage = Some(reader.finish().map_err(|e| js_error(&e))?);
        }
        self.report(month, currency)
    }

    /// The report of another month or currency, after `finish`.
    pub fn report(&self, month: Option<String>, currency: Option<String>) -> Result<String, JsValue> {
        let usage = self.usage.as_ref().ok_or_else(|| invalid("", "the report is not finished".into()))?;
        let code = currency.unwrap_or_else(|| self.card.data().currency.clone()).to_ascii_uppercase();
        let at = self
            .card
            .currency_index(&code)
            .ok_or_else(|| invalid("currency", format!("\"{code}\" is not a currency of this rate card")))?;
        let month = month
            .map(|m| parse_month(&m).ok_or_else(|| invalid("month", format!("\"{m}\" is not a month such as 2025-03"))))
            .transpose()?;
        let report = usage.report(&self.card, at, month).map_err(|e| js_error(&e))?;
        crate::json_write::to_string(&report).map_err(|_| invalid("", "the report could not be written".into()))
    }
}
