//! The usage report's semantics (the table in `src/usage.rs`), case by case, against the test card
//! (`tests/cards/test-card.json`: DE per started minute without fee; FR toll 30 s increments and a 0.01
//! fee, FR landline 30 s and 0.05; EG without toll-free; card currency USD).

use audioconf_pricing::usage::{DialOut, UsageOptions, UsageReader, UsageReport};
use audioconf_pricing::{RateCard, RateCardData};

const HEAD: &str = "Call Type,Number Type,Destination Dialed,Destination Number,Caller ID,Duration Seconds,Start Time,Charge,Currency,AAD ObjectId,UPN\n";

fn card() -> RateCard {
    RateCard::new(RateCardData::parse(include_str!("cards/test-card.json")).unwrap()).unwrap()
}

fn read(
    bytes: &[u8],
    options: UsageOptions,
    chunk: usize,
) -> Result<audioconf_pricing::usage::Usage, audioconf_pricing::Error> {
    let card = card();
    let mut reader = UsageReader::new(&card, options);
    for piece in bytes.chunks(chunk.max(1)) {
        reader.feed(piece)?;
    }
    reader.finish()
}

fn report_of(text: &str, options: UsageOptions, currency: &str, month: Option<&str>) -> UsageReport {
    let card = card();
    let usage = read(text.as_bytes(), options, 7).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let month = month.map(|m| audioconf_pricing::usage::parse_month(m).unwrap());
    usage.report(&card, card.currency_index(currency).unwrap(), month).unwrap()
}

fn report<S: AsRef<str>>(rows: &[S]) -> UsageReport {
    let rows: Vec<&str> = rows.iter().map(AsRef::as_ref).collect();
    report_of(&format!("{HEAD}{}\n", rows.join("\n")), UsageOptions::default(), "USD", None)
}

/// (country, kind, calls, billable seconds, fees, cost) of each quote line.
type Line = (String, String, Option<u64>, String, String, String);

fn lines(r: &UsageReport) -> Vec<Line> {
    r.quote
        .lines
        .iter()
        .map(|l| {
            (
                l.country.to_string(),
                l.kind.name().to_string(),
                l.calls,
                l.billable_seconds.to_string(),
                l.connection_fees.to_string(),
                l.cost.to_string(),
            )
        })
        .collect()
}

fn call(kind: &str, number_type: &str, dialed: &str, number: &str, seconds: &str) -> String {
    format!("{kind},{number_type},{dialed},{number},,{seconds},2024-03-05T10:00:00Z,,,,")
}

fn reasons(counts: &[audioconf_pricing::usage::Count]) -> Vec<(String, u64)> {
    counts.iter().map(|c| (c.call_type.clone().unwrap_or_else(|| c.reason.to_string()), c.rows)).collect()
}

#[test]
fn each_call_is_rounded_up_on_its_own() {
    // (country, kind column, durations) → (billable seconds, fees, cost in USD)
    type Case<'a> = (&'a str, &'a str, &'a str, &'a [u64], &'a str, &'a str, &'a str);
    let cases: &[Case] = &[
        // Per started minute: 1 s and 60 s are a minute each, 61 s two: 4 minutes × 0.018 = 0.072.
        ("DE", "conf_in", "", &[1, 60, 61], "240", "0", "0.07"),
        // 30 s increments with a 0.01 fee: 30 + 30 + 60 + 60 = 180 s (3 × 0.02) + 4 × 0.01 = 0.10; the
        // typed rule (121 s over 4 calls, on the average call) would give 240 s and 0.12.
        ("FR", "conf_in", "", &[1, 29, 31, 60], "180", "0.04", "0.10"),
        // Dial-out to a French landline: 45 s → 60 s × 0.03 + 0.05.
        ("FR", "conf_out", "+33123456789", &[45], "60", "0.05", "0.08"),
        // A single second is still an increment.
        ("FR", "conf_in", "", &[1], "30", "0.01", "0.02"),
        // Exactly one increment is not rounded further.
        ("DE", "conf_in", "", &[120, 120], "240", "0", "0.07"),
    ];
    for (country, kind, number, durations, billable, fees, cost) in cases {
        let rows: Vec<String> = durations.iter().map(|d| call(kind, "toll", country, number, &d.to_string())).collect();
        let r = report(&rows);
        let l = &lines(&r)[0];
        assert_eq!(
            (l.3.as_str(), l.4.as_str(), l.5.as_str(), l.2),
            (*billable, *fees, *cost, Some(durations.len() as u64)),
            "{country} {kind} {durations:?}"
        );
        assert_eq!(r.quote.total, *cost);
    }
}

#[test]
fn rounding_in_other_currencies_is_once_per_line() {
    let r = report_of(
        &format!("{HEAD}{}\n{}\n", call("conf_in", "toll", "DE", "", "61"), call("conf_in", "toll", "DE", "", "60")),
        UsageOptions::default(),
        "JPY",
        None,
    );
    // 3 minutes × 0.018 × 150 = 8.1 JPY, rounded once to 8 (two calls rounded apart would be 5 + 3).
    assert_eq!(r.quote.total, "8");
}

#[test]
fn toll_free_by_number_type() {
    for (number_type, kind) in [
        ("toll-free", "toll_free"),
        ("Toll Free", "toll_free"),
        ("TollFree", "toll_free"),
        ("TOLL_FREE service number", "toll_free"),
        ("toll", "toll"),
        ("service", "toll"),
        ("", "toll"),
    ] {
        let r = report(&[&call("CONF_IN", number_type, "DE", "", "60")]);
        assert_eq!(lines(&r)[0].1, kind, "{number_type:?}");
    }
}

#[test]
fn dial_out_mobile_or_landline_from_the_number() {
    let rows =
        ["+491701234567", "+4930123***", "+33612345678", "+33180000000"].map(|n| call("conf_out", "", "", n, "60"));
    let got: Vec<(String, String)> = lines(&report(&rows)).into_iter().map(|l| (l.0, l.1)).collect();
    let want = [
        ("DE", "dial_out_landline"),
        ("DE", "dial_out_mobile"),
        ("FR", "dial_out_landline"),
        ("FR", "dial_out_mobile"),
    ];
    assert_eq!(got, want.map(|(c, k)| (c.to_string(), k.to_string())));
}

#[test]
fn unclassified_dial_out_is_priced_as_chosen() {
    // Egypt has no plan in the table, so its numbers are unclassified.
    let rows: String = (0..4).map(|_| call("conf_out", "", "", "+20212345678", "60") + "\n").collect();
    let text = format!("{HEAD}{rows}");
    for (choice, landline, mobile) in [
        (DialOut::Landline, Some(4), None),
        (DialOut::Mobile, None, Some(4)),
        (DialOut::MobilePercent(50), Some(2), Some(2)),
        (DialOut::MobilePercent(25), Some(3), Some(1)),
    ] {
        let r = report_of(&text, UsageOptions { dial_out: choice }, "USD", None);
        let calls = |kind: &str| r.quote.lines.iter().find(|l| l.kind.name() == kind).and_then(|l| l.calls);
        assert_eq!((calls("dial_out_landline"), calls("dial_out_mobile")), (landline, mobile), "{choice:?}");
        assert_eq!(r.unclassified_dial_out, 4);
    }
}

#[test]
fn the_country_from_destination_dialed_then_the_number() {
    let cases = [
        ("DE", "", Some("DE")),
        ("de", "", Some("DE")),
        ("Germany", "", Some("DE")),
        ("FRANCE", "+4930123456", Some("FR")),
        ("", "+33 1 23 45 67 89", Some("FR")),
        ("Atlantis", "0033123456789", Some("FR")),
        ("", "", None),
        ("", "+81312345678", None),
    ];
    for (dialed, number, want) in cases {
        let r = report(&[&call("conf_out", "", dialed, number, "60")]);
        assert_eq!(r.quote.lines.first().map(|l| l.country.as_str()), want, "{dialed:?} {number:?}");
    }
    let r = report(&[&call("conf_out", "", "", "", "60"), &call("conf_out", "", "", "+81312345678", "60")]);
    assert_eq!(reasons(&r.unusable), [("unknown_country".to_string(), 1), ("country_not_on_card".to_string(), 1)]);
    // Dial-in takes the number that received the call (Caller ID).
    let text = format!("{HEAD}conf_in,toll,,+4930999,+33123456789,60,2024-03-05T10:00:00Z,,,,\n");
    assert_eq!(report_of(&text, UsageOptions::default(), "USD", None).quote.lines[0].country, "FR");
}

#[test]
fn durations_zero_negative_bad_and_absurd() {
    let rows = ["0", "-5", "abc", "", "61.5", "86401", "86400", "60.00"].map(|d| call("conf_in", "toll", "DE", "", d));
    let r = report(&rows);
    assert_eq!(reasons(&r.skipped), [("not_connected".to_string(), 1)]);
    assert_eq!(
        reasons(&r.unusable),
        [("bad_duration".to_string(), 3), ("negative_duration".to_string(), 1), ("absurd_duration".to_string(), 1)]
    );
    assert_eq!((r.rows, r.rated_rows), (8, 2));
    assert_eq!(r.quote.lines[0].billable_seconds, "86460");
    assert_eq!(r.unusable[0].first_row, 4);
}

#[test]
fn other_call_types_are_skipped_by_name() {
    let r = report(&[
        &call("user_out", "", "DE", "", "60"),
        &call("USER_OUT", "", "DE", "", "60"),
        &call("ucap_in", "", "DE", "", "60"),
        &call("", "", "DE", "", "60"),
    ]);
    assert_eq!(
        reasons(&r.skipped),
        [("user_out".to_string(), 2), ("(empty)".to_string(), 1), ("ucap_in".to_string(), 1)]
    );
    assert!(r.quote.lines.is_empty());
}

#[test]
fn months_are_calendar_months_in_utc() {
    let at = |time: &str, seconds: &str| format!("conf_in,toll,DE,,,{seconds},{time},,,,");
    let rows = [
        at("2024-03-31T23:30:00-02:00", "60"), // 01:30 UTC on 1 April
        at("2024-04-01T00:30:00+02:00", "60"), // 22:30 UTC on 31 March
        at("2024-01-15 08:00:00", "120"),      // no offset: UTC
        at("2024-03-10T08:00:00.1234567Z", "60"),
        at("2024-02-30T08:00:00Z", "60"), // no such day
        at("yesterday", "60"),
    ];
    let text = format!("{HEAD}{}\n", rows.join("\n"));
    let r = report_of(&text, UsageOptions::default(), "USD", None);
    let months: Vec<(&str, u64)> = r.months.iter().map(|m| (m.month.as_str(), m.calls)).collect();
    assert_eq!(months, [("2024-01", 1), ("2024-02", 0), ("2024-03", 2), ("2024-04", 1)]);
    assert_eq!(reasons(&r.unusable), [("bad_start_time".to_string(), 2)]);
    // The average of 4 months: 5 billable minutes × 0.018 / 4 = 0.0225 → 0.02.
    assert_eq!((r.months_in_quote, r.quote.total.as_str(), r.month.as_deref()), (4, "0.02", None));
    let march = report_of(&text, UsageOptions::default(), "USD", Some("2024-03"));
    assert_eq!((march.quote.total.as_str(), march.months_in_quote), ("0.04", 1));
    assert_eq!(march.quote.lines[0].calls, Some(2));
    let card = card();
    let usage = read(text.as_bytes(), UsageOptions::default(), 100).unwrap();
    let err = usage.report(&card, 0, audioconf_pricing::usage::parse_month("2023-12")).unwrap_err();
    assert_eq!(err.to_string(), "month: the report has no calls in 2023-12; its months are from 2024-01 to 2024-04");
}

#[test]
fn charged_beside_re_rated_and_distinct_users() {
    let text = format!(
        "{HEAD}conf_in,toll,DE,,,60,2024-03-05T10:00:00Z,0.05,USD,aaa,a@x.com\n\
         conf_in,toll,DE,,,60,2024-03-05T10:00:00Z,0.05,usd,AAA,a@x.com\n\
         conf_in,toll,FR,,,60,2024-03-05T10:00:00Z,0.10,USD,,B@x.com\n\
         conf_in,toll,FR,,,60,2024-03-05T10:00:00Z,n/a,USD,,b@x.com\n\
         user_out,,FR,,,60,2024-03-05T10:00:00Z,9.99,USD,ccc,\n"
    );
    let r = report_of(&text, UsageOptions::default(), "USD", None);
    assert_eq!((r.charged_currency.as_deref(), r.charged_total.as_deref()), (Some("USD"), Some("0.20")));
    let charged: Vec<(&str, Option<&str>, Option<&str>)> =
        r.charged_lines.iter().map(|c| (c.country.as_str(), c.charged.as_deref(), c.re_rated.as_deref())).collect();
    assert_eq!(charged, [("DE", Some("0.10"), Some("0.04")), ("FR", Some("0.10"), Some("0.06"))]);
    assert_eq!((r.users, r.unreadable_charges), (2, 1));
    assert_eq!(r.quote.comparison.as_ref().map(|c| c.users), Some(2));
    let mixed = text.replace("0.10,USD", "0.10,EUR");
    let r = report_of(&mixed, UsageOptions::default(), "USD", None);
    assert_eq!((r.charged_currency, r.charged_total), (None, None));
}

#[test]
fn a_kind_not_offered_is_listed_not_priced() {
    let r = report(&[&call("conf_in", "toll free", "EG", "", "90")]);
    assert!(r.quote.lines.is_empty());
    assert_eq!(r.quote.unavailable[0].country, "EG");
    assert_eq!(r.quote.unavailable[0].minutes, "1.5");
    assert_eq!(r.charged_lines[0].re_rated, None);
}

#[test]
fn comma_and_tab_exports_give_the_same_result() {
    let rows = [
        call("conf_in", "toll", "DE", "", "61"),
        call("conf_out", "", "", "+33612345678", "45"),
        call("conf_in", "Toll Free", "France", "", "600"),
    ];
    let comma = format!("{HEAD}{}\n", rows.join("\n"));
    let tab = comma.replace(',', "\t");
    let a = report_of(&comma, UsageOptions::default(), "EUR", None);
    let b = report_of(&tab, UsageOptions::default(), "EUR", None);
    assert_eq!(a, b);
    assert_eq!(a.quote.lines.len(), 3);
}

#[test]
fn bom_crlf_quotes_case_order_and_extra_columns() {
    let text = "\u{feff}UsageId,START TIME,duration_seconds,Extra,call type,number type,\"Destination Dialed\"\r\n\
                1,2024-03-05T10:00:00Z,61,\"a, \"\"quoted\"\"\r\nvalue\",Conf_In,toll,DE\r\n\
                \r\n\
                2,2024-03-05T10:00:00Z,60,,conf_in,toll,DE";
    let r = report_of(text, UsageOptions::default(), "USD", None);
    assert_eq!((r.rows, r.rated_rows, r.quote.lines[0].billable_seconds.as_str()), (2, 2, "180"));
}

#[test]
fn any_chunking_gives_the_same_result() {
    let rows: String = (0..50).map(|i| call("conf_in", "toll", "DE", "", &(i * 7).to_string()) + "\r\n").collect();
    let text = format!("\u{feff}{HEAD}{rows}");
    let card = card();
    let whole = read(text.as_bytes(), UsageOptions::default(), usize::MAX).unwrap().report(&card, 0, None).unwrap();
    for chunk in [1, 2, 3, 64, 1000] {
        let r = read(text.as_bytes(), UsageOptions::default(), chunk).unwrap().report(&card, 0, None).unwrap();
        assert_eq!(r, whole, "chunks of {chunk}");
    }
}

fn error(bytes: &[u8]) -> (String, String) {
    let e = read(bytes, UsageOptions::default(), 1 << 20).unwrap_err();
    (e.code().to_string(), e.to_string())
}

#[test]
fn files_that_are_not_reports_get_a_clear_error() {
    assert_eq!(error(b"").0, "empty_report");
    assert_eq!(error(b"\xEF\xBB\xBF\r\n\r\n").0, "empty_report");
    let garbage: Vec<u8> = (0..100_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_eq!(error(&garbage).0, "not_a_report");
    let (code, message) = error(b"Call Type,Duration Seconds,Foo\nconf_in,60,x\n");
    assert_eq!(code, "missing_column");
    assert_eq!(
        message,
        "Number Type; Start Time; Destination Dialed, Destination Number or Caller ID: the report has no \
         \"Number Type\", \"Start Time\", \"Destination Dialed, Destination Number or Caller ID\" columns (its \
         first row has \"Call Type\", \"Duration Seconds\", \"Foo\"); export the PSTN usage report from the \
         Teams admin center with its header row"
    );
}

#[test]
fn a_50_mb_line_is_refused_without_being_held() {
    let card = card();
    let mut reader = UsageReader::new(&card, UsageOptions::default());
    let chunk = vec![b'a'; 1 << 20];
    let mut fed = 0;
    let err = loop {
        match reader.feed(&chunk) {
            Ok(()) => fed += 1,
            Err(e) => break e,
        }
        assert!(fed < 50, "50 MB were read without an error");
    };
    assert_eq!(err.code(), "not_a_report");
    assert!(err.to_string().contains("longer than 64 KB"), "{err}");
    assert_eq!(fed, 0, "refused within the first megabyte");
}

#[test]
fn a_long_row_is_one_unusable_row() {
    let long = "x".repeat(200_000);
    let text = format!(
        "{HEAD}{}\nconf_in,toll,DE,,,60,2024-03-05T10:00:00Z,\"{long}\",,,\n{}\n",
        call("conf_in", "toll", "DE", "", "60"),
        call("conf_in", "toll", "DE", "", "60")
    );
    let r = report_of(&text, UsageOptions::default(), "USD", None);
    assert_eq!(reasons(&r.unusable), [("row_too_long".to_string(), 1)]);
    assert_eq!((r.rows, r.rated_rows), (3, 2));
}

#[test]
fn a_header_only_report_rates_to_nothing() {
    let r = report_of(HEAD, UsageOptions::default(), "USD", None);
    assert!(r.quote.lines.is_empty() && r.months.is_empty());
    assert_eq!(r.quote.total, "0.00");
}
