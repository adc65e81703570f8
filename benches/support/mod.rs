//! The peer benchmark's request, shared by `benches/quote.rs` and `examples/quote_loop.rs`.

use audioconf_pricing::{LineRequest, RateCard};

/// Every offered (country, kind) pair of the built-in card, 37 calls each (the peer benchmark's request).
pub fn every_pair(card: &RateCard) -> Vec<LineRequest> {
    card.countries()
        .iter()
        .flat_map(|c| c.offered().map(move |k| (c.code.clone(), k)))
        .enumerate()
        .map(|(i, (country, kind))| LineRequest {
            country,
            kind: kind.name().to_string(),
            minutes: format!("{}.{}", 100 + (i * 37) % 900, i % 10).as_str().into(),
            calls: Some(37.into()),
        })
        .collect()
}
