//! `audioconf-pricing`: price Audio Conferencing pay-per-minute usage from the command line.
//!
//! Exit status: 0 on success; 2 with one line on stderr for bad input (a request, a rate card, a file
//! that cannot be read). The built-in illustrative rate card is used unless `--rates FILE` is given.

#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod cli_usage;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The CLI is native only; on wasm32 (where `cargo test --target wasm32-unknown-unknown` builds every
/// target) the binary is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}
