//! Runs the built `audioconf-pricing` binary on real requests and rate cards.
//!
//! Contract checked here (src/main.rs): exit 0 with the output on stdout; exit 2 with one `error: ` line on
//! stderr for a bad request (naming the field path) and, for a broken rate card, every problem found with
//! its path or CSV line. Nothing ever panics.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_audioconf-pricing");

fn cards_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cards")
}

fn card_file(name: &str) -> String {
    cards_dir().join(name).to_string_lossy().into_owned()
}

/// A scratch file under Cargo's per-target temporary directory.
fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("create the scratch directory");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write a scratch file");
    path
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
    shown: String,
}

fn finish(shown: String, out: Output) -> Run {
    let run = Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        shown,
    };
    for text in [&run.stdout, &run.stderr] {
        assert!(
            !text.contains("panicked") && !text.contains("RUST_BACKTRACE"),
            "{}: the binary panicked:\n{text}",
            run.shown
        );
    }
    run
}

/// Runs the binary with `args` and `stdin` as standard input.
fn run_with(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // A binary that fails before reading its input may close the pipe early; that is not an error here.
    let _ = child.stdin.take().expect("stdin is piped").write_all(stdin.as_bytes());
    let out = child.wait_with_output().expect("the binary finishes");
    let shown = format!("audioconf-pricing {} < {stdin:?}", args.join(" "));
    finish(shown, out)
}

fn run(args: &[&str]) -> Run {
    run_with(args, "")
}

fn success(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(r.status, 0, "{} failed:\n{}{}", r.shown, r.stdout, r.stderr);
    assert_eq!(r.stderr, "", "{}", r.shown);
    r.stdout
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

// ---------------------------------------------------------------------------------------------------------
// quote
// ---------------------------------------------------------------------------------------------------------

/// EUR, 50 users: DE toll 1200 min in 40 calls (1200 × 0.0180 × 0.92 = 19.872) and DE mobile 5000 min
/// (5000 × 0.0650 × 0.92 = 299.00), against the built-in card.
const REQUEST: &str = r#"{"currency": "EUR", "users": 50, "lines": [
  {"country": "DE", "kind": "toll", "minutes": "1200", "calls": 40},
  {"country": "de", "kind": "dial_out_mobile", "minutes": 5000}
]}"#;

#[test]
fn quote_json_from_a_file_and_from_standard_input() {
    let file = scratch("request.json", REQUEST);
    let file = file.to_str().unwrap();
    let from_file = success(&["quote", "--format", "json", file]);
    let q = json(&from_file);
    assert_eq!(q["currency"], "EUR");
    assert_eq!(q["minor_units"], 2);
    assert_eq!(q["lines"][0]["cost"], "19.87");
    assert_eq!(q["lines"][1]["cost"], "299.00");
    assert_eq!(q["lines"][1]["country"], "DE");
    assert_eq!(q["total"], "318.87");
    assert_eq!(q["comparison"]["licence_total"], "303.60");
    assert_eq!(q["comparison"]["cheaper"], "per_user_licence");
    assert_eq!(q["credits"]["minimum_funding"], "46.00");
    assert_eq!(q["rate_card"]["illustrative"], true);

    for args in [&["quote", "--format", "json"][..], &["quote", "--format", "json", "-"]] {
        let r = run_with(args, REQUEST);
        assert_eq!(r.status, 0, "{}: {}", r.shown, r.stderr);
        assert_eq!(r.stdout, from_file, "{} differs from the file's quote", r.shown);
    }
}

#[test]
fn quote_as_a_table() {
    let file = scratch("request-table.json", REQUEST);
    let out = success(&["quote", file.to_str().unwrap()]);
    let default = out.clone();
    assert_eq!(success(&["quote", "--format", "table", file.to_str().unwrap()]), default);
    for want in [
        "Audio Conferencing pay-per-minute, monthly quote in EUR",
        "ILLUSTRATIVE",
        "DE Germany",
        "dial_out_mobile",
        "19.87",
        "299.00",
        "318.87",
        "Per-user licence for 50 users: 184.00 licence + 119.60 usage = 303.60; pay-per-minute 318.87",
        "The per-user licence is cheaper by 15.27 EUR a month",
        "Break-even at 71.55 minutes per user",
        "Communications Credits: fund 319.00 EUR first; auto-recharge 160.00 EUR when the balance falls below 80.00 EUR",
        "Effective price per minute: 0.05143 EUR",
    ] {
        assert!(out.contains(want), "{want:?} missing from the table:\n{out}");
    }
    let total = out.lines().find(|l| l.starts_with("Total")).expect("a Total row");
    assert!(total.trim_end().ends_with("318.87"), "{total}");
    let r = run_with(&["quote"], REQUEST);
    assert_eq!(r.stdout, default, "the table from standard input");
}

#[test]
fn quote_as_csv() {
    let r = run_with(&["quote", "--format", "csv"], REQUEST);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let want = "\
country,kind,minutes,calls,billable_minutes,rate,connection_fees,cost,currency
DE,toll,1200,40,1200,0.01656,0,19.87,EUR
DE,dial_out_mobile,5000,,5000,0.0598,0,299.00,EUR
total,,6200,,6200,,0,318.87,EUR
";
    assert_eq!(r.stdout, want);
}

#[test]
fn quote_with_another_rate_card() {
    // FR toll on the test card: 10 min in 3 calls, 30-second increments: 630 s × 0.02 / 60 + 3 × 0.01.
    let request = r#"{"lines":[{"country":"FR","kind":"toll","minutes":"10","calls":3}]}"#;
    for card in ["test-card.json", "test-card.csv"] {
        let card = card_file(card);
        for args in
            [vec!["--rates", &card, "quote", "--format", "json"], vec!["quote", "--rates", &card, "--format", "json"]]
        {
            let r = run_with(&args, request);
            assert_eq!(r.status, 0, "{}: {}", r.shown, r.stderr);
            let q = json(&r.stdout);
            assert_eq!(q["lines"][0]["billable_seconds"], "630", "{}", r.shown);
            assert_eq!(q["total"], "0.24", "{}", r.shown);
            assert_eq!(q["rate_card"]["version"], "test-1", "{}", r.shown);
        }
    }
    // The built-in card has no FR fees: 10 min in 3 calls of 240 s at 0.0180.
    let r = run_with(&["quote", "--format", "json"], request);
    assert_eq!(json(&r.stdout)["total"], "0.22");

    // A broken or missing card is refused before the request is read.
    for card in [card_file("broken/bad-date.json"), card_file("no-such-card.json")] {
        let r = run_with(&["--rates", &card, "quote"], request);
        assert_eq!(r.status, 2, "{}: {}", r.shown, r.stdout);
        assert!(r.stderr.starts_with("error: "), "{}: {}", r.shown, r.stderr);
        assert!(r.stderr.contains(&card), "{}: the message should name the file: {}", r.shown, r.stderr);
        assert_eq!(r.stdout, "", "{}", r.shown);
    }
}

// ---------------------------------------------------------------------------------------------------------
// Bad requests
// ---------------------------------------------------------------------------------------------------------

#[test]
fn every_bad_request_exits_2_with_one_error_line_naming_the_field() {
    // (what, request, the field path the message must name; None for a document-level error)
    #[rustfmt::skip]
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("negative", r#"{"lines":[{"country":"DE","kind":"toll","minutes":"-1"}]}"#, Some("lines[0].minutes")),
        ("negative integer", r#"{"lines":[{"country":"DE","kind":"toll","minutes":-1}]}"#, Some("lines[0].minutes")),
        ("non-numeric", r#"{"lines":[{"country":"DE","kind":"toll","minutes":"12 min"}]}"#, Some("lines[0].minutes")),
        ("JSON number with too many places", r#"{"lines":[{"country":"DE","kind":"toll","minutes":12.1234567}]}"#, Some("lines[0].minutes")),
        ("exponent", r#"{"lines":[{"country":"DE","kind":"toll","minutes":1e3}]}"#, Some("lines[0].minutes")),
        ("too many decimals", r#"{"lines":[{"country":"DE","kind":"toll","minutes":"1.1234567"}]}"#, Some("lines[0].minutes")),
        ("too large", r#"{"lines":[{"country":"DE","kind":"toll","minutes":"1000000001"}]}"#, Some("lines[0].minutes")),
        ("huge integer", r#"{"lines":[{"country":"DE","kind":"toll","minutes":123456789012345678901234567890}]}"#, Some("lines[0].minutes")),
        ("calls 0", r#"{"lines":[{"country":"DE","kind":"toll","minutes":"1","calls":0}]}"#, Some("lines[0].calls")),
        ("calls fractional", r#"{"lines":[{"country":"DE","kind":"toll","minutes":"1","calls":"2.5"}]}"#, Some("lines[0].calls")),
        ("calls too large", r#"{"lines":[{"country":"DE","kind":"toll","minutes":"1","calls":1000000001}]}"#, Some("lines[0].calls")),
        ("unknown country", r#"{"lines":[{"country":"XX","kind":"toll","minutes":"1"}]}"#, Some("lines[0].country")),
        ("unknown kind", r#"{"lines":[{"country":"DE","kind":"fax","minutes":"1"}]}"#, Some("lines[0].kind")),
        ("unknown currency", r#"{"currency":"XYZ","lines":[{"country":"DE","kind":"toll","minutes":"1"}]}"#, Some("currency")),
        ("kind not offered", r#"{"lines":[{"country":"AQ","kind":"toll","minutes":"1"}]}"#, Some("lines[0].kind")),
        ("missing field", r#"{"lines":[{"country":"DE","kind":"toll"}]}"#, Some("lines[0]")),
        ("missing lines", r#"{"currency":"EUR"}"#, None),
        ("unknown field", r#"{"lines":[{"country":"DE","kind":"toll","minutes":"1","call":3}]}"#, Some("lines[0].call")),
        ("unknown top-level field", r#"{"lines":[],"colour":"red"}"#, Some("colour")),
        ("wrong type", r#"{"lines":{"country":"DE"}}"#, Some("lines")),
        ("users 0", r#"{"users":0,"lines":[]}"#, Some("users")),
        ("users negative", r#"{"users":"-5","lines":[]}"#, Some("users")),
        ("users too large", r#"{"users":10000001,"lines":[]}"#, Some("users")),
        ("second line", r#"{"lines":[{"country":"DE","kind":"toll","minutes":"1"},{"country":"DE","kind":"toll","minutes":"x"}]}"#, Some("lines[1].minutes")),
        ("syntax error", r#"{"lines":[{"country":"DE",}]}"#, None),
        ("trailing text", r#"{"lines":[]} {"lines":[]}"#, None),
        ("not an object", "[1, 2]", None),
        ("empty input", "", None),
        ("whitespace only", " \n\t", None),
    ];
    assert!(cases.len() >= 15);
    for (what, request, path) in cases {
        let mut runs = vec![run_with(&["quote"], request)];
        let file = scratch(&format!("bad-{}.json", what.replace(' ', "-")), request);
        for format in ["json", "csv", "table"] {
            runs.push(run(&["quote", "--format", format, file.to_str().unwrap()]));
        }
        for r in runs {
            let shown = format!("{what}: {}", r.shown);
            assert_eq!(r.status, 2, "{shown}: stdout {:?} stderr {:?}", r.stdout, r.stderr);
            assert_eq!(r.stdout, "", "{shown}: nothing on stdout");
            let lines: Vec<&str> = r.stderr.lines().collect();
            assert_eq!(lines.len(), 1, "{shown}: exactly one line on stderr: {:?}", r.stderr);
            assert!(lines[0].starts_with("error: "), "{shown}: {:?}", lines[0]);
            if let Some(path) = path {
                assert!(
                    lines[0].starts_with(&format!("error: {path}: ")),
                    "{shown}: the message should start with the path {path}: {:?}",
                    lines[0]
                );
            }
            assert!(lines[0].len() > "error: ".len() + 5, "{shown}: an empty message");
        }
    }
}

#[test]
fn unreadable_request_file() {
    let missing = cards_dir().join("no-such-request.json");
    let r = run(&["quote", missing.to_str().unwrap()]);
    assert_eq!(r.status, 2, "{}", r.shown);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    assert!(r.stderr.contains("no-such-request.json"), "the message should name the file: {}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------------------------
// rates, currencies, card, compile
// ---------------------------------------------------------------------------------------------------------

#[test]
fn rates_as_csv() {
    let out = success(&["rates", "--format", "csv"]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("country,kind,rate_per_minute,connection_fee,increment_seconds,currency"));
    let rows: Vec<&str> = lines.collect();
    assert!(rows.len() > 500, "every offered (country, kind): {}", rows.len());
    for row in &rows {
        assert_eq!(row.split(',').count(), 6, "{row}");
        assert!(row.ends_with(",60,USD"), "{row}");
    }
    for want in ["DE,toll,0.0180,0,60,USD", "DE,dial_out_mobile,0.0650,0,60,USD", "AQ,dial_out_mobile,0.3200,0,60,USD"]
    {
        assert!(rows.contains(&want), "{want} missing");
    }
    assert!(!rows.iter().any(|r| r.starts_with("AQ,toll")), "AQ has no dial-in");
    assert_eq!(success(&["rates"]), out, "csv is the default");

    let out = success(&["--rates", &card_file("test-card.json"), "rates", "--format", "csv"]);
    assert_eq!(out.lines().count(), 1 + 17);
    for want in ["FR,toll,0.0200,0.0100,30,USD", "FR,dial_out_landline,0.0300,0.0500,30,USD"] {
        assert!(out.lines().any(|l| l == want), "{want} missing from\n{out}");
    }
    assert!(!out.contains("EG,toll_free"), "EG offers no toll-free");

    let list = json(&success(&["rates", "--format", "json"]));
    let de = list.as_array().unwrap().iter().find(|r| r["country"] == "DE" && r["kind"] == "toll").expect("DE toll");
    assert_eq!(de["rate_per_minute"], "0.0180");
}

#[test]
fn currencies_as_csv() {
    let out = success(&["currencies", "--format", "csv"]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("code,minor_units,rate"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.first(), Some(&"USD,2,1"), "the card's currency first");
    for want in ["USD,2,1", "EUR,2,0.92", "GBP,2,0.79", "JPY,0,150", "KWD,3,0.307"] {
        assert!(rows.contains(&want), "{want} missing from\n{out}");
    }
    let out = success(&["--rates", &card_file("test-card.json"), "currencies"]);
    assert_eq!(out, "code,minor_units,rate\nUSD,2,1\nEUR,2,0.92\nJPY,0,150\nKWD,3,0.307\n");
}

#[test]
fn card_as_json_and_csv_and_compile_round_trip() {
    let card_json = success(&["card"]);
    assert_eq!(success(&["card", "--format", "json"]), card_json);
    let card = json(&card_json);
    assert_eq!(card["format"], 1);
    assert_eq!(card["currency"], "USD");
    assert_eq!(card["illustrative"], true);
    assert!(card["countries"].as_array().unwrap().len() >= 249);

    let csv = success(&["card", "--format", "csv"]);
    assert!(csv.starts_with("# version: "), "{}", &csv[..80]);
    assert!(csv.contains(
        "\ncountry,name,kind,rate_per_minute,connection_fee,increment_seconds,rounding,audio_conferencing,ppm_only,comm_credits,zone_a,notes,reason\n"
    ));
    let csv_file = scratch("builtin-card.csv", &csv);
    let csv_path = csv_file.to_str().unwrap();
    assert_eq!(success(&["compile", csv_path]), card_json, "CSV -> JSON round trip");

    // -o writes the file and nothing to stdout.
    let out_file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests/compiled.json");
    let _ = std::fs::remove_file(&out_file);
    assert_eq!(success(&["compile", csv_path, "-o", out_file.to_str().unwrap()]), "");
    assert_eq!(std::fs::read_to_string(&out_file).unwrap(), card_json);

    // The test card: the CSV kept in tests/cards compiles to the JSON card, and both price the same.
    let test_json = success(&["--rates", &card_file("test-card.json"), "card"]);
    assert_eq!(success(&["compile", &card_file("test-card.csv")]), test_json);
    assert_eq!(success(&["--rates", &card_file("test-card.csv"), "card"]), test_json);
    assert_eq!(
        success(&["--rates", &card_file("test-card.json"), "card", "--format", "csv"]),
        std::fs::read_to_string(cards_dir().join("test-card.csv")).unwrap()
    );
}

// ---------------------------------------------------------------------------------------------------------
// validate
// ---------------------------------------------------------------------------------------------------------

#[test]
fn validate_good_cards() {
    for name in ["test-card.json", "test-card.csv"] {
        let path = card_file(name);
        let out = success(&["validate", &path]);
        assert_eq!(
            out,
            format!(
                "ok: {path} version test-1 effective 2026-01-01, 5 countries/regions, 17 offered (country, kind) pairs, currencies USD EUR JPY KWD, illustrative rates\n"
            )
        );
    }
    let builtin = scratch("builtin.json", &success(&["card"]));
    let out = success(&["validate", builtin.to_str().unwrap()]);
    assert!(out.starts_with("ok: "), "{out}");
    assert!(out.contains("version 2026.11-illustrative effective 2026-11-01"), "{out}");
    assert!(out.contains("currencies USD EUR GBP JPY KWD"), "{out}");
}

#[test]
fn validate_lists_every_problem_of_a_broken_card() {
    // (file under tests/cards/broken, every problem's path or CSV position and a fragment of its message)
    #[rustfmt::skip]
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("bad-decimal.json", &[
            ("countries[0].rates.toll", "\"0,0180\""),
            ("currencies[1].rate", "\"1.5e2\""),
        ]),
        ("unknown-kind.json", &[
            ("licence.pool_kinds[1]", "\"dial_out_fax\""),
            ("licence.pool_kinds[2]", "\"tollfree\""),
        ]),
        ("duplicate-country.json", &[("countries[5].code", "\"DE\"")]),
        ("bad-date.json", &[("effective_date", "\"2026-02-30\"")]),
        ("bad-currency.json", &[
            ("currency", "\"US$\""),
            ("currencies[0].code", "\"EURO\""),
        ]),
        ("toll-without-audio-conferencing.json", &[
            ("countries[4].rates.toll", "audio_conferencing is false"),
            ("countries[4].rates.toll_free", "audio_conferencing is false"),
        ]),
        ("wrong-field-count.csv", &[
            ("line 19", "12 fields"),
            ("line 26", "14 fields"),
        ]),
        ("bad-flag.csv", &[
            ("line 22, zone_a", "\"maybe\""),
            ("line 33, comm_credits", "\"x\""),
            ("line 34, audio_conferencing", "\"1\""),
        ]),
        ("unknown-kind.csv", &[("line 21, kind", "\"dial_out_fax\"")]),
    ];
    for (name, problems) in cases {
        let path = card_file(&format!("broken/{name}"));
        for args in [vec!["validate", path.as_str()], vec!["--rates", path.as_str(), "rates"]] {
            let r = run(&args);
            assert_eq!(r.status, 2, "{}: {}", r.shown, r.stdout);
            assert_eq!(r.stdout, "", "{}", r.shown);
            assert!(r.stderr.starts_with(&format!("error: {path}: ")), "{}: {}", r.shown, r.stderr);
            let count = problems.len();
            let summary = if count == 1 {
                "the rate card has 1 problem".to_string()
            } else {
                format!("the rate card has {count} problems")
            };
            assert!(r.stderr.contains(&summary) || *name == "bad-flag.csv", "{}: {summary:?} in {}", r.shown, r.stderr);
            for (at, fragment) in *problems {
                let line = r
                    .stderr
                    .lines()
                    .flat_map(|l| l.split("; "))
                    .find(|l| l.trim_start().starts_with(&format!("{at}: ")))
                    .unwrap_or_else(|| panic!("{}: no problem at {at}:\n{}", r.shown, r.stderr));
                assert!(line.contains(fragment), "{}: {line:?} should contain {fragment:?}", r.shown);
            }
        }
    }
}

#[test]
fn validate_refuses_what_is_not_a_card() {
    // (file contents, file name, what the message names)
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str)] = &[
        ("{", "truncated.json", ""),
        ("", "empty.json", ""),
        (r#"{"format": 1}"#, "incomplete.json", "version"),
        ("country,name\nDE,Germany\n", "bad-header.csv", "line 1"),
        ("", "empty.csv", "line 1"),
    ];
    for (contents, name, names) in cases {
        let file = scratch(name, contents);
        let r = run(&["validate", file.to_str().unwrap()]);
        assert_eq!(r.status, 2, "{}: {}", r.shown, r.stdout);
        assert!(r.stderr.starts_with("error: "), "{}: {}", r.shown, r.stderr);
        assert!(r.stderr.contains(name), "{}: names the file: {}", r.shown, r.stderr);
        assert!(r.stderr.contains(names), "{}: {names:?} in {}", r.shown, r.stderr);
    }
}

// ---------------------------------------------------------------------------------------------------------
// usage
// ---------------------------------------------------------------------------------------------------------

fn usage_fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/usage").join(name).to_string_lossy().into_owned()
}

#[test]
fn usage_report_as_json_from_a_file_and_from_standard_input() {
    let file = usage_fixture("report.csv");
    let from_file = json(&success(&["usage", &file, "--format", "json"]));
    let text = std::fs::read_to_string(&file).unwrap();
    let r = run_with(&["usage", "-", "--format", "json"], &text);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(json(&r.stdout), from_file);
    let q = &from_file["quote"];
    assert_eq!(from_file["rows"], 300);
    assert_eq!(from_file["months"].as_array().map(Vec::len), Some(3));
    assert_eq!(from_file["month"], serde_json::Value::Null);
    assert!(q["total"].as_str().is_some_and(|t| t != "0.00"), "{q}");
    assert_eq!(from_file["skipped"][0]["reason"], "call_type");
    // The quote's total is the exact sum of its lines.
    let lines: Vec<rust_decimal::Decimal> =
        q["lines"].as_array().unwrap().iter().map(|l| l["cost"].as_str().unwrap().parse().unwrap()).collect();
    assert_eq!(lines.iter().sum::<rust_decimal::Decimal>().to_string(), q["total"].as_str().unwrap());
}

#[test]
fn usage_comma_and_tab_exports_rate_the_same() {
    let comma = json(&success(&["usage", &usage_fixture("report.csv"), "--format", "json", "--currency", "eur"]));
    let tab = json(&success(&["usage", &usage_fixture("report-tab.csv"), "--format", "json", "--currency", "EUR"]));
    for key in ["quote", "months", "skipped", "unusable", "charged_lines", "users"] {
        assert_eq!(comma[key], tab[key], "{key}");
    }
}

#[test]
fn usage_one_month_as_table_and_csv() {
    let file = usage_fixture("report.csv");
    let all = json(&success(&["usage", &file, "--format", "json"]));
    let feb = json(&success(&["usage", &file, "--format", "json", "--month", "2025-02"]));
    assert_eq!(feb["month"], "2025-02");
    let month = all["months"].as_array().unwrap().iter().find(|m| m["month"] == "2025-02").unwrap().clone();
    assert_eq!(feb["quote"]["total"], month["total"]);
    let table = success(&["usage", &file, "--month", "2025-02"]);
    assert!(table.starts_with("Usage report, 2025-02: 300 rows"), "{table}");
    assert!(table.contains("You were charged "), "{table}");
    let csv = success(&["usage", &file, "--format", "csv", "--month", "2025-02"]);
    let total = csv.lines().last().unwrap();
    assert!(total.starts_with("total,") && total.contains(month["total"].as_str().unwrap()), "{csv}");
}

#[test]
fn usage_bad_reports_and_options_exit_2_with_a_clear_line() {
    let empty = scratch("empty.csv", "");
    let garbage = scratch("garbage.csv", &"\u{1}\u{0}PK\u{3}\u{4}\n".repeat(100));
    let missing = scratch("missing.csv", "Call Type,Duration Seconds\nconf_in,60\n");
    let file = usage_fixture("report.csv");
    let cases: [(Vec<&str>, &str); 6] = [
        (vec!["usage", empty.to_str().unwrap()], "the file is empty"),
        (vec!["usage", garbage.to_str().unwrap()], "not a text CSV file"),
        (vec!["usage", missing.to_str().unwrap()], "the report has no \"Number Type\", \"Start Time\""),
        (vec!["usage", &file, "--month", "2024-13"], "month: \"2024-13\" is not a month"),
        (vec!["usage", &file, "--month", "2023-01"], "month: the report has no calls in 2023-01"),
        (vec!["usage", &file, "--currency", "XYZ"], "currency: \"XYZ\" is not a currency of this rate card"),
    ];
    for (args, want) in cases {
        let r = run(&args);
        assert_eq!(r.status, 2, "{}: {}", r.shown, r.stdout);
        assert_eq!(r.stderr.lines().count(), 1, "{}: {}", r.shown, r.stderr);
        assert!(r.stderr.starts_with("error: ") && r.stderr.contains(want), "{}: {}", r.shown, r.stderr);
    }
    let r = run(&["usage", &file, "--dial-out", "150"]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("not landline, mobile or a percentage"), "{}", r.stderr);
}

#[test]
fn usage_unclassified_dial_out_as_chosen() {
    let file = usage_fixture("report.csv");
    let landline = json(&success(&["usage", &file, "--format", "json"]));
    let half = json(&success(&["usage", &file, "--format", "json", "--dial-out", "50"]));
    let n = landline["unclassified_dial_out"].as_u64().unwrap();
    assert!(n > 0);
    assert_eq!(landline["unclassified_as_mobile"], 0);
    assert_eq!(half["unclassified_as_mobile"], n / 2);
    assert_eq!((half["dial_out_priced_as"].as_str(), half["mobile_percent"].as_u64()), (Some("share"), Some(50)));
}

/// The fixture's report, recorded: the CLI must print it, and tests/node/usage.test.mjs checks that the
/// WebAssembly module gives the same. `UPDATE_GOLDEN=1 cargo test --test cli` rewrites it.
#[test]
fn usage_report_is_the_recorded_one() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/usage/report.expected.json");
    let out = success(&["usage", &usage_fixture("report.csv"), "--format", "json"]);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let recorded = std::fs::read_to_string(&path).expect("tests/usage/report.expected.json exists");
    assert_eq!(json(&out), json(&recorded), "the usage report changed; UPDATE_GOLDEN=1 records it");
}
