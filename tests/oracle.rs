//! Runs `tests/oracle.py`, an independent exact implementation of the rating semantics (Python's
//! `fractions.Fraction`), against the built binary on 300 random requests over the built-in card.
//! Skipped, with a message, when `python3` is not installed.

use std::path::Path;
use std::process::Command;

#[test]
fn the_cli_agrees_with_the_exact_python_oracle() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 is not installed, so tests/oracle.py cannot run");
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(["--bin", env!("CARGO_BIN_EXE_audioconf-pricing")])
        .args(["--count", "300"])
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "oracle failed ({}):\n{stdout}\n{stderr}", out.status);
    assert_eq!(stdout.lines().last(), Some("300 passed, 0 failed"), "oracle output:\n{stdout}\n{stderr}");
}
