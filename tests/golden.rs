//! The golden cases, natively: each request of `tests/golden/requests.json` priced with the built-in card
//! must give exactly the quote (or error) recorded in `tests/golden/expected.json`. The same two files are
//! run through the WebAssembly binding in Node (`tests/wasm_node.rs`, `tests/node/binding.test.mjs`) and
//! in headless Chromium (`tests/wasm_browser.rs`), with the same expected output.
//!
//! After a deliberate change of output, regenerate with `UPDATE_GOLDEN=1 cargo test --test golden` and
//! review the diff of `expected.json`.

use audioconf_pricing::{builtin, quote, request};
use serde_json::{json, Value};

fn outcome(card: &audioconf_pricing::RateCard, request_json: &str) -> Value {
    match request::parse(request_json).and_then(|r| quote(card, &r)) {
        Ok(q) => json!({ "quote": q }),
        Err(e) => {
            json!({ "error": { "code": e.code(), "path": e.path, "message": e.to_string() } })
        }
    }
}

#[test]
fn golden_cases_match_natively() {
    let card = builtin::rate_card();
    let cases: Vec<Value> = serde_json::from_str(include_str!("golden/requests.json")).unwrap();
    let got: Vec<Value> = cases
        .iter()
        .map(|c| json!({ "name": c["name"], "outcome": outcome(&card, &c["request"].to_string()) }))
        .collect();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/expected.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
    }
    let expected: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(got.len(), expected.len(), "number of cases");
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!(g, e, "golden case {}", e["name"]);
    }
}
