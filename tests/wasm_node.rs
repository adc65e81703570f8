//! The binding in Node (wasm-bindgen-test's default runner): `cargo xtask test` runs it with
//! `cargo test --target wasm32-unknown-unknown --test wasm_node`.
#![cfg(target_arch = "wasm32")]

#[path = "wasm_common/mod.rs"]
mod common;

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn golden_cases_match_in_node() {
    common::golden_cases_match();
}

#[wasm_bindgen_test]
fn errors_carry_code_and_path_in_node() {
    common::errors_carry_code_and_path();
}

#[wasm_bindgen_test]
fn cards_load_from_objects_and_text_in_node() {
    common::cards_load_from_objects_and_text();
}

#[wasm_bindgen_test]
fn memory_is_reused_in_node() {
    common::memory_is_reused();
}
