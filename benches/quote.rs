//! Native timings of the rating core (`cargo bench`, or quickly through `cargo xtask bench`). Figures go
//! to BENCHMARKS.md; they are measurements, not tests.

use std::hint::black_box;

use audioconf_pricing::quote::price_call;
use audioconf_pricing::{builtin, quote, Kind, LineRequest, QuoteRequest, RateCard, RateCardData};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use support::every_pair;

mod support;

fn request(lines: &[LineRequest], n: usize, users: Option<i64>) -> QuoteRequest {
    QuoteRequest {
        currency: Some("EUR".into()),
        users: users.map(Into::into),
        lines: lines.iter().cycle().take(n).cloned().collect(),
        ..QuoteRequest::default()
    }
}

fn quotes(c: &mut Criterion) {
    let card = builtin::rate_card();
    let pairs = every_pair(&card);
    c.bench_function("quote: 1 line", |b| {
        let r = request(&pairs, 1, None);
        b.iter(|| quote(&card, black_box(&r)))
    });
    c.bench_function("quote: 12 lines with users", |b| {
        let r = request(&pairs, 12, Some(100));
        b.iter(|| quote(&card, black_box(&r)))
    });
    let mut by_lines = c.benchmark_group("quote by lines");
    for n in [1, 10, 100, pairs.len()] {
        let r = request(&pairs, n, None);
        by_lines.throughput(Throughput::Elements(n as u64));
        by_lines.bench_with_input(BenchmarkId::from_parameter(n), &r, |b, r| b.iter(|| quote(&card, black_box(r))));
    }
    by_lines.finish();
    // The lines and the total only, as `calc.priceLines` answers (its compact text), every pair.
    c.bench_function("price_lines: every pair", |b| {
        let r = request(&pairs, pairs.len(), None);
        b.iter(|| audioconf_pricing::quote::price_lines(&card, &black_box(&r).view()))
    });
}

fn calls(c: &mut Criterion) {
    let card = builtin::rate_card();
    let (de, eur) = (card.country_index("DE").unwrap_or(0), card.currency_index("EUR").unwrap_or(0));
    c.bench_function("price_call: one call by index", |b| {
        b.iter(|| price_call(&card, black_box(de), Kind::Toll, eur, black_box(187)))
    });
}

fn card_validation(c: &mut Criterion) {
    let data: RateCardData = builtin::data();
    c.bench_function("card validation: built-in card (RateCard::new)", |b| {
        b.iter(|| RateCard::new(black_box(data.clone())))
    });
}

criterion_group!(benches, quotes, calls, card_validation);
criterion_main!(benches);
