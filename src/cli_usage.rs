//! `audioconf-pricing usage`: a Teams PSTN usage report re-rated, streamed from a file or standard input
//! in 1 MiB reads (constant memory at any size).

use std::io::Read;
use std::path::Path;

use audioconf_pricing::usage::{parse_month, DialOut, UsageOptions, UsageReader, UsageReport};
use audioconf_pricing::RateCard;

use crate::cli::{json, quote_csv, quote_table, Failure, QuoteFormat};

/// How unclassified dial-out is priced: `landline`, `mobile`, or a mobile percentage `0`..`100`.
pub fn dial_out(text: &str) -> Result<DialOut, String> {
    match text {
        "landline" => Ok(DialOut::Landline),
        "mobile" => Ok(DialOut::Mobile),
        p => match p.trim_end_matches('%').parse::<u8>() {
            Ok(n) if n <= 100 => Ok(DialOut::MobilePercent(n)),
            _ => Err(format!("\"{p}\" is not landline, mobile or a percentage of mobile calls from 0 to 100")),
        },
    }
}

/// Reads the report at `file` (`-` or nothing: standard input) and prints it in `format`.
pub fn run(
    card: &RateCard,
    file: Option<&Path>,
    format: QuoteFormat,
    month: Option<&str>,
    currency: Option<&str>,
    dial_out: DialOut,
) -> Result<String, Failure> {
    let code = currency.unwrap_or(&card.data().currency).to_ascii_uppercase();
    let currency = card.currency_index(&code).ok_or_else(|| {
        let offered: Vec<&str> = card.currencies().iter().map(|c| c.code.as_str()).collect();
        Failure(format!(
            "currency: \"{code}\" is not a currency of this rate card; choose one of {}",
            offered.join(", ")
        ))
    })?;
    let month = month
        .map(|m| parse_month(m).ok_or_else(|| Failure(format!("month: \"{m}\" is not a month; write it as 2025-03"))))
        .transpose()?;
    let mut reader = UsageReader::new(card, UsageOptions { dial_out });
    let (mut input, name): (Box<dyn Read>, String) = match file {
        Some(p) if p != Path::new("-") => {
            let f = std::fs::File::open(p).map_err(|e| Failure(format!("{}: cannot read: {e}", p.display())))?;
            (Box::new(f), p.display().to_string())
        }
        _ => (Box::new(std::io::stdin().lock()), "standard input".to_string()),
    };
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Failure(format!("{name}: cannot read: {e}"))),
        };
        reader.feed(&buf[..n]).map_err(|e| Failure(format!("{name}: {e}")))?;
    }
    let usage = reader.finish().map_err(|e| Failure(format!("{name}: {e}")))?;
    let report = usage.report(card, currency, month)?;
    Ok(match format {
        QuoteFormat::Json => json(&report),
        QuoteFormat::Csv => quote_csv(&report.quote),
        QuoteFormat::Table => table(&report),
    })
}

/// The quote's table, then the months, charged against re-rated, and every row left out.
fn table(r: &UsageReport) -> String {
    let q = &r.quote;
    let mut out = match &r.month {
        Some(m) => format!("Usage report, {m}: {} rows, {} calls rated\n", r.rows, r.rated_rows),
        None => format!(
            "Usage report: {} rows, {} calls rated; the average month of {} ({} to {})\n",
            r.rows,
            r.rated_rows,
            r.months_in_quote,
            r.months.first().map_or("-", |m| m.month.as_str()),
            r.months.last().map_or("-", |m| m.month.as_str()),
        ),
    };
    out.push_str(&quote_table(q));
    out.push('\n');
    let mut rows = vec![["Month", "Calls", "Minutes", "Re-rated", "Charged"].map(String::from)];
    for m in &r.months {
        rows.push([
            m.month.clone(),
            m.calls.to_string(),
            m.minutes.clone(),
            m.total.clone(),
            m.charged.clone().unwrap_or_default(),
        ]);
    }
    out.push_str(&month_table(&rows));
    match (&r.charged_total, &r.charged_currency) {
        (Some(charged), Some(cur)) => out.push_str(&format!(
            "You were charged {charged} {cur}; this card gives {} {}{}\n",
            q.total,
            q.currency,
            if r.month.is_none() { " (average month)" } else { "" }
        )),
        _ => out.push_str("The report has no charges in a single currency to compare with\n"),
    }
    if r.unclassified_dial_out > 0 {
        out.push_str(&format!(
            "Dial-out calls whose number does not say mobile or landline: {} ({} priced as mobile)\n",
            r.unclassified_dial_out, r.unclassified_as_mobile
        ));
    }
    for c in r.skipped.iter().chain(&r.unusable) {
        let what = c.call_type.as_ref().map_or_else(|| reason_text(c.reason).to_string(), |t| format!("call type {t}"));
        out.push_str(&format!("Left out: {} rows, {what} (first at row {})\n", c.rows, c.first_row));
    }
    out
}

/// Rows as aligned columns, the first left-aligned.
fn month_table(rows: &[[String; 5]]) -> String {
    let mut out = String::new();
    let mut widths = [0; 5];
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    for r in rows {
        let mut line = format!("{:<w$}", r[0], w = widths[0]);
        for (c, w) in r.iter().zip(widths).skip(1) {
            line.push_str(&format!("  {c:>w$}"));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A reason for leaving rows out, in words.
fn reason_text(code: &str) -> &'static str {
    match code {
        "not_connected" => "not connected (0 seconds)",
        "negative_duration" => "negative duration",
        "bad_duration" => "duration not a whole number of seconds",
        "absurd_duration" => "duration over 24 hours",
        "bad_start_time" => "start time not ISO 8601",
        "unknown_country" => "no country in Destination Dialed or the number",
        "country_not_on_card" => "a country this rate card does not list",
        "row_too_long" => "row longer than 64 KB",
        _ => "other",
    }
}
