//! # audioconf-pricing
//!
//! An exact pricing core for Audio Conferencing pay-per-minute (Microsoft Teams / Skype for Business):
//! every toll dial-in, toll-free dial-in and dial-out minute is charged at a per-country rate against
//! prepaid Communications Credits. Price a month of usage against a rate card, compare it with the per-user
//! licence and plan the Communications Credits.
//!
//! The core is pure Rust: no IO, no JavaScript, no floating point. Money is [`rust_decimal::Decimal`],
//! rounded once per line with a named strategy ([`money::Rounding`]).
//!
//! ```
//! use audioconf_pricing::{builtin, quote, QuoteRequest, LineRequest};
//!
//! let card = builtin::rate_card();
//! let request = QuoteRequest {
//!     currency: Some("EUR".into()),
//!     lines: vec![LineRequest { country: "DE".into(), kind: "toll".into(), minutes: "1200".into(), calls: Some(40.into()) }],
//!     ..QuoteRequest::default()
//! };
//! let q = quote(&card, &request).unwrap();
//! // 1200 minutes × USD 0.0180 × 0.92 EUR/USD = EUR 19.872, rounded half-up once.
//! assert_eq!(q.total, "19.87");
//! ```
//!
//! Modules: [`card`] (the rate card format and its validation), [`builtin`] (the illustrative card),
//! [`request`] (the request and its limits), [`quote`](mod@quote) (the rating semantics), [`card_csv`] (the CSV
//! authoring format), [`money`] (currencies and rounding), [`json`] (the JSON reader), [`json_write`] (the binding's JSON writer), [`usage`] (re-rating a
//! Teams PSTN usage report), [`error`] (typed errors with field paths).

#![deny(missing_docs)]

pub mod builtin;
pub mod card;
pub mod card_csv;
pub mod error;
pub mod json;
pub mod json_write;
pub mod money;
pub mod quote;
pub mod request;
// Natively (the CLI) and in the usage module only: the page's first-load module does not carry it.
#[cfg(any(feature = "usage", not(target_arch = "wasm32")))]
pub mod usage;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use card::{Kind, RateCard, RateCardData};
pub use error::{Error, ErrorKind, Problem};
pub use quote::{quote, Quote};
pub use request::{LineRequest, Number, QuoteRequest};
