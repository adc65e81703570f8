//! The JavaScript binding (compiled for wasm32 only): the only module that knows about wasm-bindgen, js-sys and
//! web-sys. It converts at the edge and keeps the validated rate card inside Rust behind the
//! `Calculator` handle, so that a quote call carries only the request across.
//!
//! Errors become JS `Error` objects with the core's one-line message and stable `code` and `path`
//! properties (and `problems`, an array of `{path, message}`, for a broken rate card); see [`js_error`].

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::card::{Kind, RateCard, RateCardData};
use crate::error::{Error, Problem};
use crate::{builtin, request};

#[cfg(feature = "usage")]
#[path = "wasm_usage.rs"]
mod usage;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("wasm_types.d.ts");

/// Builds a JS `Error` with `message`, the stable `code`, the field `path` and `problems`, an array of
/// `{path, message}` (empty unless a rate card is broken).
fn error_object(message: &str, code: &str, path: &str, problems: &[Problem]) -> JsValue {
    let err = js_sys::Error::new(message);
    // Setting a property on a fresh plain object cannot fail.
    let set = |o: &JsValue, k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), v);
    };
    set(&err, "code", &JsValue::from_str(code));
    set(&err, "path", &JsValue::from_str(path));
    let list = js_sys::Array::new();
    for p in problems {
        let o = js_sys::Object::new();
        set(&o, "path", &JsValue::from_str(&p.path));
        set(&o, "message", &JsValue::from_str(&p.message));
        list.push(&o);
    }
    set(&err, "problems", &list);
    err.into()
}

/// The JS `Error` for a core error: the one-line text (`path: message`), its code, path and problems.
fn js_error(e: &Error) -> JsValue {
    error_object(&e.to_string(), e.code(), &e.path, &e.problems)
}

/// Plain JSON-like JS values: `null` for `None`, objects for structs, numbers for integers. Written as
/// one JSON text and parsed by `JSON.parse`, which builds the objects far faster than setting each
/// property across the boundary (see ARCHITECTURE.md).
fn to_js<T: Serialize>(value: &T) -> JsValue {
    // The output types hold only strings, integers within 2^53, booleans and lists: writing and parsing
    // cannot fail.
    crate::json_write::to_string(value).ok().and_then(|text| js_sys::JSON::parse(&text).ok()).unwrap_or(JsValue::NULL)
}

/// JSON text of a JS value, for [`crate::json`]: numbers keep their text and never become Rust floats.
fn json_text(value: &JsValue, what: &str) -> Result<String, Error> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| Error::new(crate::ErrorKind::InvalidRequest, "", format!("the {what} is not a JSON value")))
}

#[wasm_bindgen(module = "/src/compact.js")]
extern "C" {
    /// The compact text of a well-formed request object, or `undefined`; see `src/compact.js`.
    #[wasm_bindgen(js_name = compactRequest)]
    fn compact_request(request: &JsValue) -> Option<String>;
    /// The object of `price_lines`' compact text.
    #[wasm_bindgen(js_name = linePrices)]
    fn line_prices(text: &str) -> JsValue;
}

/// `price` of the request: read from its compact text when `src/compact.js` makes one and it prices;
/// otherwise (and for every error) from its JSON, exactly as before. The fast path never changes an
/// outcome: whatever fails on it is decided again by the JSON path.
fn with_request<T>(request: &JsValue, price: impl Fn(&request::RequestView) -> Result<T, Error>) -> Result<T, JsValue> {
    if let Some(text) = compact_request(request) {
        if let Some(Ok(out)) = request::read_compact(&text).map(|view| price(&view)) {
            return Ok(out);
        }
    }
    let request = json_text(request, "request").and_then(|text| request::parse(&text)).map_err(|e| js_error(&e))?;
    price(&request.view()).map_err(|e| js_error(&e))
}

fn card_from_js(value: &JsValue) -> Result<RateCard, Error> {
    RateCard::new(RateCardData::parse(&json_text(value, "rate card")?)?)
}

/// A rate card held in Rust, ready to price quotes.
#[wasm_bindgen]
pub struct Calculator {
    card: RateCard,
}

/// A country as `countries()` returns it.
#[derive(Serialize)]
struct CountryOut<'a> {
    code: &'a str,
    name: &'a str,
    offered: Vec<Kind>,
    unavailable: Vec<UnavailableOut<'a>>,
    audio_conferencing: bool,
    zone_a: bool,
    comm_credits: Option<bool>,
    ppm_only: bool,
    notes: &'a str,
}

#[derive(Serialize)]
struct UnavailableOut<'a> {
    kind: Kind,
    reason_code: &'static str,
    reason: &'a str,
}

#[derive(Serialize)]
struct CardOut<'a> {
    version: &'a str,
    effective_date: &'a str,
    currency: &'a str,
    illustrative: bool,
    source: &'a str,
    currencies: Vec<CurrencyOut<'a>>,
}

#[derive(Serialize)]
struct CurrencyOut<'a> {
    code: &'a str,
    minor_units: u32,
    rate: String,
}

#[wasm_bindgen]
impl Calculator {
    /// Validates a rate card object (as `JSON.parse` gives it) and keeps it. Throws with every problem.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "RateCardData")] rate_card: JsValue,
    ) -> Result<Calculator, JsValue> {
        install_panic_hook();
        card_from_js(&rate_card).map(|card| Calculator { card }).map_err(|e| js_error(&e))
    }

    /// A calculator with the built-in, illustrative rate card.
    #[wasm_bindgen(js_name = withDefaultRates)]
    pub fn with_default_rates() -> Calculator {
        install_panic_hook();
        Calculator { card: builtin::rate_card() }
    }

    /// Validates a rate card given as JSON text (what `fetch(url).then(r => r.text())` gives) and keeps
    /// it. Syntax errors name the line and column; every other problem its field path.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Calculator, JsValue> {
        install_panic_hook();
        let card = RateCardData::parse(text).and_then(RateCard::new).map_err(|e| js_error(&e))?;
        mark("audioconf-pricing:rate-card-ready");
        Ok(Calculator { card })
    }

    /// Prices a request (the CLI's QuoteRequest JSON shape) and returns the Quote, decimals as strings.
    #[wasm_bindgen(unchecked_return_type = "Quote")]
    pub fn quote(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        with_request(&request, |r| crate::quote::quote_view(&self.card, r)).map(|q| to_js(&q))
    }

    /// The lines and the total of `quote` for the same request (same validation, same errors), without the
    /// rest of the Quote: `{currency, minor_units, total, lines: [{index, billable_minutes, connection_fees,
    /// cost}], unavailable_minutes}`, decimals as strings formatted as the Quote formats them.
    #[wasm_bindgen(js_name = priceLines, unchecked_return_type = "LinePrices")]
    pub fn price_lines(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        with_request(&request, |r| crate::quote::price_lines(&self.card, r)).map(|text| line_prices(&text))
    }

    /// The Quote's JSON text for a request's compact text (`compactRequest`'s), or `undefined` when the
    /// text does not read or the request does not price. Not in the package's types: `src/binding.js`
    /// calls it from the public `quote` (one string in, one out) and falls back to the method above.
    #[wasm_bindgen(js_name = quoteText, skip_typescript)]
    pub fn quote_text(&self, compact: &str) -> Option<String> {
        let view = request::read_compact(compact)?;
        let quote = crate::quote::quote_view(&self.card, &view).ok()?;
        crate::json_write::to_string(&quote).ok()
    }

    /// `price_lines`' compact answer for a request's compact text, or `undefined`, as [`Self::quote_text`].
    #[wasm_bindgen(js_name = priceLinesText, skip_typescript)]
    pub fn price_lines_text(&self, compact: &str) -> Option<String> {
        let view = request::read_compact(compact)?;
        crate::quote::price_lines(&self.card, &view).ok()
    }

    /// Every country and region of the card with what is offered there and why the rest is not.
    #[wasm_bindgen(unchecked_return_type = "CountryInfo[]")]
    pub fn countries(&self) -> JsValue {
        let list: Vec<CountryOut> = self
            .card
            .countries()
            .iter()
            .map(|c| CountryOut {
                code: &c.code,
                name: &c.name,
                offered: c.offered().collect(),
                unavailable: Kind::ALL
                    .into_iter()
                    .filter_map(|k| {
                        c.tariff(k).err().map(|reason| UnavailableOut {
                            kind: k,
                            reason_code: c.unavailable_code(k),
                            reason,
                        })
                    })
                    .collect(),
                audio_conferencing: c.audio_conferencing,
                zone_a: c.zone_a,
                comm_credits: c.comm_credits,
                ppm_only: c.ppm_only,
                notes: &c.notes,
            })
            .collect();
        to_js(&list)
    }

    /// The card's identity and its currencies with minor units. (The licence and credits terms show in
    /// each quote, converted: `comparison.licence_price_per_user`, `credits.minimum_funding`.)
    #[wasm_bindgen(js_name = rateCard, unchecked_return_type = "RateCardInfo")]
    pub fn rate_card(&self) -> JsValue {
        let d = self.card.data();
        to_js(&CardOut {
            version: &d.version,
            effective_date: &d.effective_date,
            currency: &d.currency,
            illustrative: d.illustrative,
            source: &d.source,
            currencies: self
                .card
                .currencies()
                .iter()
                .map(|c| CurrencyOut { code: &c.code, minor_units: c.minor_units, rate: crate::money::plain(c.rate) })
                .collect(),
        })
    }
}

/// A performance mark (`performance.mark`) for the page's timeline; silently nothing where there is no
/// `performance` (Node without it, old browsers).
fn mark(name: &str) {
    let performance: Option<web_sys::Performance> =
        js_sys::Reflect::get(&js_sys::global(), &"performance".into()).ok().and_then(|p| p.dyn_into().ok());
    if let Some(p) = performance {
        let _ = p.mark(name);
    }
}

fn install_panic_hook() {
    #[cfg(feature = "panic-hook")]
    console_error_panic_hook::set_once();
}
