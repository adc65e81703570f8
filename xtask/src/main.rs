//! Build automation for audioconf-pricing, run as `cargo xtask <command>`:
//!
//! - `cargo xtask test`: installs what is missing, then `cargo fmt --check`, `cargo clippy -D warnings`,
//!   the native tests, `cargo doc -D warnings`, the build, the WebAssembly tests in Node and headless
//!   Chromium, the npm package in Node, `tsc --strict` on its declarations, the browser tests (Playwright
//!   in Debian Chromium) and the size report with its budget. `--native` stops after the docs.
//! - `cargo xtask build`: `pkg/` (the npm package) and `dist/` (the static site).
//! - `cargo xtask serve [--port N]`: builds, then serves `dist/` on http://127.0.0.1:8080.
//! - `cargo xtask serve-dist [--port N]`: serves `dist/` as it is (the browser tests' server).
//! - `cargo xtask size`: raw, gzip and brotli size of each file in `pkg/` and `dist/`, and the weight
//!   budget: what the page fetches before its first total, at most 100 KB brotli.
//! - `cargo xtask bench`: builds, then the native criterion benches (`benches/`), the WebAssembly core's
//!   per-call timings in Node and its comparison with a decimal.js peer (figures for BENCHMARKS.md).
//! - `cargo xtask bench --page [--rounds N] [--no-lighthouse]`: builds, then measures the page in Chromium
//!   against blank baselines in the same run (first total, typing, painting big requests) and runs
//!   Lighthouse (`tests/bench/page.mjs`).
//! - `cargo xtask setup`: only installs what is missing (wasm32 target, wasm-bindgen-cli, npm packages,
//!   Chromium, ChromeDriver and poppler-utils).
//!
//! Everything a fresh machine lacks is installed on first use; nothing here downloads a binary outside
//! the package registries (crates.io, npm, Debian).

mod serve;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(&args[1..]),
        // Chromium too: the build draws the page's first total with it (xtask/prerender.mjs).
        Some("build") => setup_build().and_then(|_| setup_browser()).and_then(|_| build()),
        Some("serve") => port(&args[1..]).and_then(|p| {
            setup_build()?;
            setup_browser()?;
            build()?;
            serve::serve(&root().join("dist"), p)
        }),
        Some("serve-dist") => port(&args[1..]).and_then(|p| serve::serve(&root().join("dist"), p)),
        Some("size") => size(),
        Some("bench") if args.get(1).is_some_and(|a| a == "--page") => {
            setup_build().and_then(|_| setup_browser()).and_then(|_| build()).and_then(|_| page_bench(&args[2..]))
        }
        Some("bench") => setup_build().and_then(|_| setup_browser()).and_then(|_| build()).and_then(|_| core_bench()),
        Some("setup") => setup_build().and_then(|_| setup_browser()),
        _ => Err("usage: cargo xtask <test [--native]|build|serve [--port N]|serve-dist [--port N]|size|bench [--page]|setup>"
            .to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the parent of `xtask/`). `cargo run` sets `CARGO_MANIFEST_DIR` for the process, so
/// a binary built in another work tree (a `target/` copied from it, which cargo finds fresh) still builds
/// and tests the tree it is run in; the compile-time value is the fallback.
fn root() -> PathBuf {
    let dir =
        std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    dir.parent().expect("xtask lives in the repository").to_path_buf()
}

/// Runs a command in the repository root, failing with its name when it fails.
fn run(program: &str, args: &[&str]) -> Result {
    run_env(program, args, &[])
}

fn run_env(program: &str, args: &[&str], env: &[(&str, &str)]) -> Result {
    eprintln!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program} {} failed ({status})", args.join(" ")))
    }
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).current_dir(root()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn cargo_bin(name: &str) -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo"));
    home.join("bin").join(name)
}

/// The wasm-bindgen version locked in Cargo.lock: the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".to_string())
}

/// The wasm32 target, the matching wasm-bindgen-cli and the npm packages.
fn setup_build() -> Result {
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        run("rustup", &["target", "add", "wasm32-unknown-unknown"])?;
    }
    let want = locked_wasm_bindgen()?;
    let have = output(cargo_bin("wasm-bindgen").to_str().unwrap_or("wasm-bindgen"), &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(want.as_str()) {
        // Not --locked: the registry lacks a version the upstream lock file pins (see the README).
        run("cargo", &["install", "wasm-bindgen-cli", "--version", &want])?;
    }
    // npm records what it installed in node_modules/.package-lock.json: reinstall when that is missing or
    // older than the lock file.
    let modified = |p: &str| std::fs::metadata(root().join(p)).and_then(|m| m.modified()).ok();
    let installed = modified("node_modules/.package-lock.json");
    if installed.is_none() || installed < modified("package-lock.json") {
        run("npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    Ok(())
}

/// Debian's Chromium and ChromeDriver, for the build's drawn first total, wasm-bindgen-test and Playwright,
/// and poppler-utils, whose `pdftotext` the browser tests read the printed quote with.
fn setup_browser() -> Result {
    let wanted = ["/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/pdftotext"];
    if wanted.iter().all(|p| Path::new(p).exists()) {
        return Ok(());
    }
    run("apt-get", &["update", "-qq"])?;
    run_env(
        "apt-get",
        &["install", "-y", "-qq", "chromium", "chromium-driver", "poppler-utils"],
        &[("DEBIAN_FRONTEND", "noninteractive")],
    )
}

/// Builds `pkg/` and `dist/`.
fn build() -> Result {
    let root = root();
    // Build paths are remapped so that no path of the build machine ends up in the module's panic
    // messages.
    let cargo_home = cargo_bin("x").parent().and_then(Path::parent).map(|p| p.display().to_string());
    let flags = format!(
        "--remap-path-prefix={}=cargo --remap-path-prefix={}=.",
        cargo_home.unwrap_or_default(),
        root.display()
    );
    let wasm = root.join("target/wasm32-unknown-unknown/release/audioconf_pricing.wasm");
    let pkg = root.join("pkg");
    let _ = std::fs::remove_dir_all(&pkg);
    run_env("cargo", &["build", "--lib", "--release", "--target", "wasm32-unknown-unknown"], &[("RUSTFLAGS", &flags)])?;
    bindgen(&wasm, "pkg", "audioconf_pricing", "-Oz")?;
    // The second module: the same core with the usage report's binding, loaded only when a report is
    // imported; built for speed in its own profile (and so its own folder of target/).
    run_env(
        "cargo",
        &["build", "--lib", "--profile", "wasm-usage", "--target", "wasm32-unknown-unknown", "--features", "usage"],
        &[("RUSTFLAGS", &flags)],
    )?;
    let usage = root.join("target/wasm32-unknown-unknown/wasm-usage/audioconf_pricing.wasm");
    bindgen(&usage, "pkg/usage", "audioconf_pricing_usage", "-O3")?;
    write(&pkg.join("package.json"), &package_json()?)?;
    write(
        &pkg.join("README.md"),
        "# audioconf-pricing\n\nThe WebAssembly rating core of audioconf-pricing. See the repository README.\n",
    )?;
    // The element, its declarations and manifest, and the package's exports map.
    run("node", &["xtask/package.mjs"])?;
    assemble_dist()
}

/// wasm-bindgen of `wasm` into `out_dir` as `name`, its JS snippets inlined into the glue, then wasm-opt
/// at `level` (`-Oz` or `-O3`).
fn bindgen(wasm: &Path, out_dir: &str, name: &str, level: &str) -> Result {
    run(
        cargo_bin("wasm-bindgen").to_str().unwrap_or("wasm-bindgen"),
        &["--target", "web", "--out-dir", out_dir, "--out-name", name, wasm.to_str().ok_or("non-UTF-8 path")?],
    )?;
    // The binding's JS snippets (`#[wasm_bindgen(module = ...)]`, in pkg/snippets/) go into the glue, so
    // that pkg/ and dist/ keep their two files (and `cargo xtask size` counts them).
    let pkg = root().join(out_dir);
    let glue_path = pkg.join(format!("{name}.js"));
    let mut glue = String::new();
    for line in std::fs::read_to_string(&glue_path).map_err(|e| e.to_string())?.lines() {
        match line.strip_prefix("import ").and_then(|l| l.split_once("'./snippets/")) {
            Some((_, path)) => {
                let file = pkg.join("snippets").join(path.trim_end_matches(['\'', ';']));
                let code = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
                // Whole-line comments stay in src/: the glue is shipped as it is, unminified.
                for l in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
                    glue.push_str(&l.replace("export function ", "function "));
                    glue.push('\n');
                }
            }
            None => glue.push_str(line),
        }
        glue.push('\n');
    }
    // The public `quote` and `priceLines`, wrapping wasm-bindgen's methods (see src/binding.js).
    let binding = std::fs::read_to_string(root().join("src/binding.js")).map_err(|e| format!("src/binding.js: {e}"))?;
    for l in binding.lines().filter(|l| !l.trim_start().starts_with("//")) {
        glue.push_str(l);
        glue.push('\n');
    }
    write(&glue_path, &glue)?;
    let _ = std::fs::remove_dir_all(pkg.join("snippets"));
    let bg = format!("{out_dir}/{name}_bg.wasm");
    run(
        "node_modules/.bin/wasm-opt",
        &[
            level,
            "--strip-debug",
            "--strip-producers",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            &bg,
            "-o",
            &bg,
        ],
    )?;
    // wasm-bindgen types the raw ABI functions of `InitOutput` with `any`; nobody calls them, and
    // `unknown` keeps the package's declarations free of `any`.
    for d_ts in [format!("{name}.d.ts"), format!("{name}_bg.wasm.d.ts")] {
        let path = pkg.join(d_ts);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        write(&path, &text.replace(": any", ": unknown").replace("=> any", "=> unknown"))?;
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("copy {} -> {}: {e}", from.display(), to.display()))
}

fn package_json() -> Result<String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .map(|v| v.trim_end_matches('"').to_string())
        .ok_or("no version in Cargo.toml")?;
    Ok(format!(
        r#"{{
  "name": "audioconf-pricing",
  "version": "{version}",
  "description": "Exact pricing of Audio Conferencing pay-per-minute, as WebAssembly",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "audioconf_pricing.js",
  "module": "audioconf_pricing.js",
  "types": "audioconf_pricing.d.ts",
  "files": ["audioconf_pricing.js", "audioconf_pricing_bg.wasm", "audioconf_pricing.d.ts", "audioconf_pricing_bg.wasm.d.ts", "usage/"],
  "sideEffects": false
}}
"#
    ))
}

/// `dist/`: the module and its wasm, the built-in card as `rate-card.json`, then `www/` bundled and
/// minified by esbuild with its other files copied (`xtask/bundle.mjs`, which also writes the iframe
/// loader, the single file, the first total drawn into `index.html` and the service worker from what is
/// in `dist/` by then).
fn assemble_dist() -> Result {
    let root = root();
    let dist = root.join("dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for f in ["audioconf_pricing.js", "audioconf_pricing_bg.wasm"] {
        copy(&root.join("pkg").join(f), &dist.join(f))?;
    }
    for f in ["audioconf_pricing_usage.js", "audioconf_pricing_usage_bg.wasm"] {
        copy(&root.join("pkg/usage").join(f), &dist.join(f))?;
    }
    let card = Command::new("cargo")
        .args(["run", "--quiet", "--bin", "audioconf-pricing", "--", "card"])
        .current_dir(&root)
        .output()
        .map_err(|e| e.to_string())?;
    if !card.status.success() {
        return Err(format!("audioconf-pricing card failed: {}", String::from_utf8_lossy(&card.stderr)));
    }
    std::fs::write(dist.join("rate-card.json"), card.stdout).map_err(|e| e.to_string())?;
    // Last: the service worker's precache list and the single file are read from dist/ as it is.
    run("node", &["xtask/bundle.mjs"])?;
    eprintln!("built pkg/ and dist/");
    Ok(())
}

fn port(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(8080),
        [flag, p] if flag == "--port" => p.parse().map_err(|_| format!("--port {p}: not a port number")),
        _ => Err("expected no arguments or --port N".to_string()),
    }
}

fn size() -> Result {
    run("node", &["tests/size-report.mjs", "pkg", "dist"])
}

fn test(args: &[String]) -> Result {
    let quick = args.iter().any(|a| a == "--native");
    run("cargo", &["fmt", "--all", "--check"])?;
    run("cargo", &["clippy", "--all-targets", "--", "-D", "warnings"])?;
    run("cargo", &["test", "--all-targets"])?;
    run("cargo", &["test", "--doc"])?;
    run_env("cargo", &["doc", "--no-deps", "--lib"], &[("RUSTDOCFLAGS", "-D warnings")])?;
    if quick {
        return Ok(());
    }
    setup_build()?;
    setup_browser()?;
    build()?;
    wasm_tests()?;
    run("node", &["--test", "tests/node/"])?;
    run("node_modules/.bin/tsc", &["-p", "tests/types"])?;
    run("node_modules/.bin/playwright", &["test"])?;
    // One short round of the page benchmark: it asserts no timing, only that everything was measured and
    // that the page fetches nothing before its first total that the size report leaves out.
    page_bench(&["--smoke".to_string()])?;
    size()
}

/// The core's benchmarks: the native criterion benches (short runs), the per-call timings in Node and the
/// decimal.js peer comparison (which fails when the two disagree on a total).
fn core_bench() -> Result {
    let criterion = ["--warm-up-time", "1", "--measurement-time", "3"];
    run("cargo", &[&["bench", "--profile", "native-bench", "--bench", "quote", "--"][..], &criterion].concat())?;
    per_line()?;
    run("node", &["tests/bench/quote.mjs"])?;
    run("node", &["tests/bench/peer.mjs"])
}

/// How a quote's cost grows with its lines: criterion's mean of each `quote by lines/<n>` bench, in total
/// and a line (the issue's goal: at most 0.5 µs a line for the every-pair quote, the largest n).
fn per_line() -> Result {
    let dir = root().join("target/criterion/quote by lines");
    let mut rows: Vec<(u64, f64)> = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(n) = path.file_name().and_then(|f| f.to_str()).and_then(|f| f.parse::<u64>().ok()) else { continue };
        let text =
            std::fs::read_to_string(path.join("new/estimates.json")).map_err(|e| format!("{}: {e}", path.display()))?;
        // {"mean":{...,"point_estimate":<ns>,...},...}
        let mean = text
            .find("\"mean\"")
            .map(|at| &text[at..])
            .and_then(|t| t.find("\"point_estimate\":").map(|at| &t[at + 17..]));
        let ns = mean.and_then(|t| t.split([',', '}']).next()).and_then(|v| v.trim().parse::<f64>().ok());
        rows.push((n, ns.ok_or_else(|| format!("{}: no mean estimate", path.display()))?));
    }
    rows.sort_by_key(|r| r.0);
    println!("\nquote by lines (criterion mean)     total        a line");
    for (n, ns) in &rows {
        println!("{n:>5} lines {:>24.1} µs {:>10.3} µs", ns / 1000.0, ns / 1000.0 / *n as f64);
    }
    if let Some((n, ns)) = rows.last() {
        println!("every pair ({n} lines): {:.3} µs a line (goal: at most 0.5)\n", ns / 1000.0 / *n as f64);
    }
    Ok(())
}

/// `tests/bench/page.mjs`: the page in Chromium against blank baselines, and Lighthouse.
fn page_bench(args: &[String]) -> Result {
    let mut all = vec!["tests/bench/page.mjs"];
    all.extend(args.iter().map(String::as_str));
    run("node", &all)
}

/// The golden cases and error cases through the binding: in Node, then in headless Chromium.
fn wasm_tests() -> Result {
    let runner = cargo_bin("wasm-bindgen-test-runner");
    let runner = runner.to_str().ok_or("non-UTF-8 path")?;
    let env = [("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", runner)];
    run_env("cargo", &["test", "--target", "wasm32-unknown-unknown", "--test", "wasm_node"], &env)?;
    let chromedriver_env = [
        ("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", runner),
        ("CHROMEDRIVER", "/usr/bin/chromedriver"),
        ("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    ];
    run_env("cargo", &["test", "--target", "wasm32-unknown-unknown", "--test", "wasm_browser"], &chromedriver_env)
}
