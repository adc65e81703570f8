//! A fixed amount of rating work for `perf stat -e task-clock` or `perf record`, which measure CPU time
//! and so stay comparable on a loaded machine where criterion's wall-clock figures do not:
//! `cargo build --profile native-bench --example quote_loop`, then
//! `perf stat -e task-clock target/native-bench/examples/quote_loop <quote|quote1|lines|lines1> <times>`.
//! `quote` and `lines` price the peer benchmark's every-pair request (661 lines, EUR, 37 calls each),
//! `quote1` and `lines1` its first line; `lines` is `price_lines`, what `calc.priceLines` runs.

use std::hint::black_box;

use audioconf_pricing::quote::price_lines;
use audioconf_pricing::{builtin, quote, QuoteRequest};

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let card = builtin::rate_card();
    let lines = support::every_pair(&card);
    let args: Vec<String> = std::env::args().collect();
    let times: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let all = QuoteRequest { currency: Some("EUR".into()), lines, ..QuoteRequest::default() };
    let one = QuoteRequest { lines: all.lines[..1].to_vec(), ..all.clone() };
    let mut priced = 0;
    for _ in 0..times {
        priced += match args.get(1).map(String::as_str) {
            Some("quote") => quote(&card, black_box(&all)).map_or(0, |q| q.lines.len()),
            Some("quote1") => quote(&card, black_box(&one)).map_or(0, |q| q.lines.len()),
            Some("lines") => price_lines(&card, &black_box(&all).view()).map_or(0, |t| t.len()),
            Some("lines1") => price_lines(&card, &black_box(&one).view()).map_or(0, |t| t.len()),
            _ => {
                eprintln!("usage: quote_loop <quote|quote1|lines|lines1> <times>");
                std::process::exit(2)
            }
        };
    }
    println!("{priced}");
}
