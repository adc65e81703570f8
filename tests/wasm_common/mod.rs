//! Shared by `wasm_node.rs` and `wasm_browser.rs`: the golden cases and error cases through the
//! JavaScript binding, compared with the same expected output as the native run (`tests/golden.rs`).

use audioconf_pricing::json::{parse, Json};
use audioconf_pricing::wasm::Calculator;
use wasm_bindgen::{JsCast, JsValue};

/// Objects with their members sorted by name, so that key order does not matter.
fn canon(j: Json) -> Json {
    match j {
        Json::Object(mut members) => {
            members.sort_by(|a, b| a.0.cmp(&b.0));
            Json::Object(members.into_iter().map(|(k, v)| (k, canon(v))).collect())
        }
        Json::Array(items) => Json::Array(items.into_iter().map(canon).collect()),
        other => other,
    }
}

fn json_of(value: &JsValue) -> Json {
    let text = js_sys::JSON::stringify(value).unwrap().as_string().unwrap();
    canon(parse(&text).unwrap())
}

fn get(o: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(o, &key.into()).unwrap()
}

/// `{"quote": ...}` or `{"error": {"code", "path", "message"}}`, as `tests/golden.rs` records it.
fn outcome(calc: &Calculator, request: JsValue) -> JsValue {
    let out = js_sys::Object::new();
    match calc.quote(request) {
        Ok(q) => {
            js_sys::Reflect::set(&out, &"quote".into(), &q).unwrap();
        }
        Err(e) => {
            assert!(e.is_instance_of::<js_sys::Error>(), "errors are JS Error objects");
            let err = js_sys::Object::new();
            for k in ["code", "path"] {
                js_sys::Reflect::set(&err, &k.into(), &get(&e, k)).unwrap();
            }
            js_sys::Reflect::set(&err, &"message".into(), &get(&e, "message")).unwrap();
            js_sys::Reflect::set(&out, &"error".into(), &err).unwrap();
        }
    }
    out.into()
}

pub fn golden_cases_match() {
    let cases = js_sys::JSON::parse(include_str!("../golden/requests.json")).unwrap();
    let expected = js_sys::JSON::parse(include_str!("../golden/expected.json")).unwrap();
    let cases: js_sys::Array = cases.dyn_into().unwrap();
    let expected: js_sys::Array = expected.dyn_into().unwrap();
    assert_eq!(cases.length(), expected.length());
    assert!(cases.length() >= 20, "the golden file has its cases");
    let calc = Calculator::with_default_rates();
    for i in 0..cases.length() {
        let case = cases.get(i);
        let name = get(&case, "name").as_string();
        let out = outcome(&calc, get(&case, "request"));
        let want = json_of(&get(&expected.get(i), "outcome"));
        assert_eq!(json_of(&out), want, "golden case {name:?}");
        // priceLines: the quote's total and line costs, or the same error.
        match calc.price_lines(get(&case, "request")) {
            Ok(p) => {
                let quote = get(&out, "quote");
                assert_eq!(json_of(&get(&p, "total")), json_of(&get(&quote, "total")), "{name:?}");
                let costs = |o: &JsValue| {
                    let lines: js_sys::Array = get(o, "lines").dyn_into().unwrap();
                    lines.iter().map(|l| json_of(&get(&l, "cost"))).collect::<Vec<_>>()
                };
                assert_eq!(costs(&p), costs(&quote), "{name:?}");
            }
            Err(e) => {
                assert_eq!(json_of(&get(&e, "message")), json_of(&get(&get(&out, "error"), "message")), "{name:?}")
            }
        }
    }
}

pub fn errors_carry_code_and_path() {
    let calc = Calculator::with_default_rates();
    let request = js_sys::JSON::parse(
        r#"{"lines":[{"country":"DE","kind":"toll","minutes":"5"},{"country":"DE","kind":"toll","minutes":"abc"}]}"#,
    )
    .unwrap();
    let e = calc.quote(request).unwrap_err();
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_number"));
    assert_eq!(get(&e, "path").as_string().as_deref(), Some("lines[1].minutes"));
    let message = get(&e, "message").as_string().unwrap();
    assert!(message.starts_with("lines[1].minutes: \"abc\" is not a number"), "{message}");

    let broken = r#"{"format": 1, "version": "", "effective_date": "2026-02-30", "currency": "USD", "source": "t", "illustrative": true,
        "billing": {"increment_seconds": 0, "connection_fee": "0", "rounding": "half_up"}, "currencies": [],
        "licence": {"price_per_user_month": "4", "pooled_dial_out_minutes_per_user": "60", "pool_kinds": [], "pool_zone_a_only": true},
        "credits": {"minimum_funding": "50"}, "countries": [{"code": "DE", "name": "Germany", "audio_conferencing": true, "rates": {"toll": "-0.1"}}]}"#;
    let e = Calculator::from_json(broken).err().expect("a broken card is refused");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_rate_card"));
    let problems: js_sys::Array = get(&e, "problems").dyn_into().unwrap();
    let paths: Vec<String> = problems.iter().map(|p| get(&p, "path").as_string().unwrap()).collect();
    assert_eq!(paths, ["version", "effective_date", "billing.increment_seconds", "countries[0].rates.toll"]);
    let e = Calculator::new(JsValue::from_str("not a card")).err().expect("a string is not a card");
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_rate_card"));
}

/// The card given as an object and as text prices like the built-in one.
pub fn cards_load_from_objects_and_text() {
    let builtin = Calculator::with_default_rates();
    let text = include_str!("../golden/requests.json");
    let request = get(&js_sys::Array::from(&js_sys::JSON::parse(text).unwrap()).get(0), "request");
    let want = json_of(&builtin.quote(request.clone()).unwrap());
    let card_text = serde_free_card_text();
    let from_text = Calculator::from_json(&card_text).ok().unwrap();
    let from_object = Calculator::new(js_sys::JSON::parse(&card_text).unwrap()).ok().unwrap();
    assert_eq!(json_of(&from_text.quote(request.clone()).unwrap()), want);
    assert_eq!(json_of(&from_object.quote(request).unwrap()), want);
}

/// The built-in card as JSON text, rebuilt from `countries()`-independent data: the CLI's `card` output
/// is what `dist/rate-card.json` holds, and this is the same document.
fn serde_free_card_text() -> String {
    let data = audioconf_pricing::builtin::data();
    let value = serde_wasm_bindgen::to_value(&data).unwrap();
    js_sys::JSON::stringify(&value).unwrap().as_string().unwrap()
}

/// The allocator reuses freed memory: pricing the same request many times does not grow the heap.
pub fn memory_is_reused() {
    let calc = Calculator::with_default_rates();
    let request = js_sys::JSON::parse(r#"{"users": 20, "lines":[{"country":"DE","kind":"toll","minutes":"1200","calls":40},{"country":"FR","kind":"dial_out_mobile","minutes":"300"}]}"#).unwrap();
    let memory = || {
        wasm_bindgen::memory()
            .unchecked_into::<js_sys::WebAssembly::Memory>()
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length()
    };
    for _ in 0..200 {
        calc.quote(request.clone()).unwrap();
    }
    let before = memory();
    for _ in 0..5000 {
        calc.quote(request.clone()).unwrap();
    }
    assert_eq!(memory(), before, "5000 more quotes needed no more memory");
}
