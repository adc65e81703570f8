//! The binding in headless Chromium (through ChromeDriver): `cargo xtask test` runs it with
//! `cargo test --target wasm32-unknown-unknown --test wasm_browser`.
#![cfg(target_arch = "wasm32")]

#[path = "wasm_common/mod.rs"]
mod common;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn golden_cases_match_in_chromium() {
    common::golden_cases_match();
}

#[wasm_bindgen_test]
fn errors_carry_code_and_path_in_chromium() {
    common::errors_carry_code_and_path();
}

#[wasm_bindgen_test]
fn cards_load_from_objects_and_text_in_chromium() {
    common::cards_load_from_objects_and_text();
}

#[wasm_bindgen_test]
fn memory_is_reused_in_chromium() {
    common::memory_is_reused();
}
