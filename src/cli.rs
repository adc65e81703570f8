//! The command-line interface (native builds only): argument parsing, file IO and output formats.
//! The rating itself is the library's.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use audioconf_pricing::card::Kind;
use audioconf_pricing::card_csv;
use audioconf_pricing::{builtin, quote, Error, Quote, RateCard, RateCardData};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "audioconf-pricing",
    version,
    about = "Price Audio Conferencing pay-per-minute usage exactly (illustrative built-in rates unless --rates is given)"
)]
struct Cli {
    /// A rate card to use instead of the built-in one (JSON, or the CSV authoring format by its .csv name).
    #[arg(long, global = true, value_name = "FILE")]
    rates: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Price a QuoteRequest JSON (a file, or - / nothing for standard input).
    Quote {
        /// The request file; standard input when absent or "-".
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = QuoteFormat::Table)]
        format: QuoteFormat,
    },
    /// List every offered (country, kind) with its rate, in the card's currency.
    Rates {
        #[arg(long, value_enum, default_value_t = ListFormat::Csv)]
        format: ListFormat,
    },
    /// List the quote currencies with minor units and exchange rate.
    Currencies {
        #[arg(long, value_enum, default_value_t = ListFormat::Csv)]
        format: ListFormat,
    },
    /// List the countries and regions with what is offered there.
    Countries {
        #[arg(long, value_enum, default_value_t = ListFormat::Csv)]
        format: ListFormat,
    },
    /// Print the whole rate card (JSON, or the CSV authoring format).
    Card {
        #[arg(long, value_enum, default_value_t = CardFormat::Json)]
        format: CardFormat,
    },
    /// Check a rate card (JSON or CSV) and print a summary, or every problem found.
    Validate { file: PathBuf },
    /// Re-rate a Teams PSTN usage report (CSV or the older tab-separated export; a file, or - / nothing
    /// for standard input) with this card: the average month, or --month, beside what was charged.
    Usage {
        /// The report file; standard input when absent or "-".
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = QuoteFormat::Table)]
        format: QuoteFormat,
        /// One month of the report (YYYY-MM) instead of the average month.
        #[arg(long, value_name = "YYYY-MM")]
        month: Option<String>,
        /// The quote currency (default: the card's).
        #[arg(long)]
        currency: Option<String>,
        /// How dial-out numbers that do not say mobile or landline are priced: landline, mobile, or the
        /// percentage of them priced as mobile (0-100).
        #[arg(long, value_name = "landline|mobile|PERCENT", default_value = "landline", value_parser = crate::cli_usage::dial_out)]
        dial_out: audioconf_pricing::usage::DialOut,
    },
    /// Compile a CSV rate card to JSON (standard output unless -o is given).
    Compile {
        file: PathBuf,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum QuoteFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum CardFormat {
    Json,
    Csv,
}

/// A failure to report: one line on stderr, exit 2. A broken rate card also lists its problems.
pub(crate) struct Failure(pub(crate) String);

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        if e.problems.len() > 1 {
            let mut s = e.message.clone();
            for p in &e.problems {
                s.push_str(&format!("\n  {p}"));
            }
            Failure(s)
        } else {
            Failure(e.to_string())
        }
    }
}

/// Runs the CLI with the process arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let card = || match &cli.rates {
        Some(path) => load_card(path),
        None => Ok(builtin::rate_card()),
    };
    let out = match cli.command {
        Command::Quote { file, format } => {
            let card = card()?;
            let text = read_input(file.as_deref())?;
            let request = audioconf_pricing::request::parse(&text)?;
            let q = quote(&card, &request)?;
            match format {
                QuoteFormat::Json => json(&q),
                QuoteFormat::Csv => quote_csv(&q),
                QuoteFormat::Table => quote_table(&q),
            }
        }
        Command::Usage { file, format, month, currency, dial_out } => {
            crate::cli_usage::run(&card()?, file.as_deref(), format, month.as_deref(), currency.as_deref(), dial_out)?
        }
        Command::Rates { format } => rates(&card()?, format),
        Command::Currencies { format } => currencies(&card()?, format),
        Command::Countries { format } => countries(&card()?, format),
        Command::Card { format } => {
            let card = card()?;
            match format {
                CardFormat::Json => json(card.data()),
                CardFormat::Csv => card_csv::write(card.data()),
            }
        }
        Command::Validate { file } => {
            let card = load_card(&file)?;
            let d = card.data();
            let offered: usize = card.countries().iter().map(|c| c.offered().count()).sum();
            format!(
                "ok: {} version {} effective {}, {} countries/regions, {} offered (country, kind) pairs, currencies {}{}\n",
                file.display(),
                d.version,
                d.effective_date,
                card.countries().len(),
                offered,
                card.currencies().iter().map(|c| c.code.as_str()).collect::<Vec<_>>().join(" "),
                if d.illustrative { ", illustrative rates" } else { "" }
            )
        }
        Command::Compile { file, output } => {
            let text = read_file(&file)?;
            let out = json(card_csv::compile(&text)?.data());
            if let Some(path) = output {
                std::fs::write(&path, out).map_err(|e| Failure(format!("{}: cannot write: {e}", path.display())))?;
                String::new()
            } else {
                out
            }
        }
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(terminal_safe(&out).as_bytes()).and_then(|()| stdout.flush()) {
        // A closed pipe (`| head`) is not an error worth a message; a full disk is.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure(format!("standard output: cannot write: {e}")))
        }
        _ => Ok(()),
    }
}

/// The output with every control character but line breaks and tabs replaced by U+FFFD, so that text from a
/// rate card (names, reasons, notes) cannot drive the terminal. JSON output has none to begin with.
fn terminal_safe(out: &str) -> std::borrow::Cow<'_, str> {
    if out.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        out.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{fffd}' } else { c }).collect()
    } else {
        out.into()
    }
}

fn read_file(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure(format!("{}: cannot read: {e}", path.display())))
}

fn read_input(file: Option<&Path>) -> Result<String, Failure> {
    match file {
        Some(p) if p != Path::new("-") => read_file(p),
        _ => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| Failure(format!("standard input: cannot read: {e}")))?;
            Ok(s)
        }
    }
}

/// Reads a card: the CSV authoring format when the name ends in `.csv`, JSON otherwise.
fn load_card(path: &Path) -> Result<RateCard, Failure> {
    let text = read_file(path)?;
    let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let card = if is_csv { card_csv::compile(&text) } else { RateCardData::parse(&text).and_then(RateCard::new) };
    card.map_err(|e| in_file(path, e))
}

fn in_file(path: &Path, e: Error) -> Failure {
    let Failure(message) = Failure::from(e);
    Failure(format!("{}: {message}", path.display()))
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

fn rates(card: &RateCard, format: ListFormat) -> String {
    let currency = &card.data().currency;
    let mut rows = Vec::new();
    for c in card.countries() {
        for kind in c.offered() {
            let t = c.tariff(kind).expect("offered kinds have a tariff");
            rows.push([
                c.code.clone(),
                kind.name().to_string(),
                t.rate.to_string(),
                t.connection_fee.to_string(),
                t.increment_seconds.to_string(),
                currency.clone(),
            ]);
        }
    }
    list(&["country", "kind", "rate_per_minute", "connection_fee", "increment_seconds", "currency"], rows, format)
}

fn currencies(card: &RateCard, format: ListFormat) -> String {
    let rows =
        card.currencies().iter().map(|c| [c.code.clone(), c.minor_units.to_string(), c.rate.to_string()]).collect();
    list(&["code", "minor_units", "rate"], rows, format)
}

fn countries(card: &RateCard, format: ListFormat) -> String {
    let yn = |b: bool| if b { "y" } else { "n" }.to_string();
    let rows = card
        .countries()
        .iter()
        .map(|c| {
            let offered: Vec<&str> = c.offered().map(Kind::name).collect();
            [
                c.code.clone(),
                c.name.clone(),
                offered.join(" "),
                yn(c.audio_conferencing),
                yn(c.zone_a),
                c.comm_credits.map(yn).unwrap_or_default(),
                yn(c.ppm_only),
                c.notes.clone(),
            ]
        })
        .collect();
    list(
        &["code", "name", "offered", "audio_conferencing", "zone_a", "comm_credits", "ppm_only", "notes"],
        rows,
        format,
    )
}

/// Rows as CSV with a header, or as a JSON array of objects keyed by the header.
fn list<const N: usize>(header: &[&str; N], rows: Vec<[String; N]>, format: ListFormat) -> String {
    match format {
        ListFormat::Csv => {
            let mut out = card_csv::row(header);
            for r in rows {
                out.push_str(&card_csv::row(&r));
            }
            out
        }
        ListFormat::Json => {
            let objects: Vec<serde_json::Map<String, serde_json::Value>> = rows
                .into_iter()
                .map(|r| {
                    header.iter().map(|h| h.to_string()).zip(r.into_iter().map(serde_json::Value::String)).collect()
                })
                .collect();
            json(&objects)
        }
    }
}

/// One row per line, then a `total` row: `country,kind,minutes,calls,billable_minutes,rate,connection_fees,cost,currency`.
pub(crate) fn quote_csv(q: &Quote) -> String {
    let mut out = card_csv::row(&[
        "country",
        "kind",
        "minutes",
        "calls",
        "billable_minutes",
        "rate",
        "connection_fees",
        "cost",
        "currency",
    ]);
    for l in &q.lines {
        let calls = l.calls.map(|c| c.to_string()).unwrap_or_default();
        out.push_str(&card_csv::row(&[
            &l.country,
            l.kind.name(),
            &l.minutes,
            &calls,
            &l.billable_minutes,
            &l.rate,
            &l.connection_fees,
            &l.cost,
            &q.currency,
        ]));
    }
    out.push_str(&card_csv::row(&[
        "total",
        "",
        &q.minutes,
        "",
        &q.billable_minutes,
        "",
        &q.connection_fees,
        &q.total,
        &q.currency,
    ]));
    out
}

pub(crate) fn quote_table(q: &Quote) -> String {
    let mut out = String::new();
    let card = &q.rate_card;
    out.push_str(&format!("Audio Conferencing pay-per-minute, monthly quote in {}\n", q.currency));
    out.push_str(&format!("Rate card {} effective {}", card.version, card.effective_date));
    if card.illustrative {
        out.push_str(" (ILLUSTRATIVE rates, not Microsoft's prices)");
    }
    out.push_str("\n\n");
    let header = ["Country", "Kind", "Minutes", "Calls", "Billable min", "Rate/min", "Fees", "Cost"];
    let mut rows: Vec<[String; 8]> = q
        .lines
        .iter()
        .map(|l| {
            [
                format!("{} {}", l.country, l.country_name),
                l.kind.name().to_string(),
                l.minutes.to_string(),
                l.calls.map(|c| c.to_string()).unwrap_or_default(),
                l.billable_minutes.to_string(),
                l.rate.to_string(),
                l.connection_fees.to_string(),
                l.cost.to_string(),
            ]
        })
        .collect();
    rows.push([
        "Total".into(),
        String::new(),
        q.minutes.to_string(),
        String::new(),
        q.billable_minutes.to_string(),
        String::new(),
        q.connection_fees.to_string(),
        q.total.to_string(),
    ]);
    let mut widths = header.map(|h| h.chars().count());
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            if i < 2 {
                s.push_str(&format!("{c:<w$}  "));
            } else {
                s.push_str(&format!("{c:>w$}  "));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    out.push_str(&line(&header.map(String::from)));
    for r in &rows {
        out.push_str(&line(r));
    }
    out.push('\n');
    if let Some(e) = &q.effective_rate_per_minute {
        out.push_str(&format!("Effective price per minute: {e} {}\n", q.currency));
    }
    for u in &q.unavailable {
        out.push_str(&format!("Not priced: lines[{}] {} {}: {}\n", u.index, u.country, u.kind.name(), u.reason));
    }
    if let Some(c) = &q.comparison {
        out.push_str(&format!(
            "Per-user licence for {} users: {} licence + {} usage = {}; pay-per-minute {}\n",
            c.users, c.licence_cost, c.licence_usage_cost, c.licence_total, c.pay_per_minute_total
        ));
        let cheaper = match c.cheaper.as_str() {
            "pay_per_minute" => format!("Pay-per-minute is cheaper by {} {} a month", c.savings, q.currency),
            "per_user_licence" => format!("The per-user licence is cheaper by {} {} a month", c.savings, q.currency),
            _ => "Both cost the same".to_string(),
        };
        out.push_str(&format!(
            "{cheaper}; pool of {} dial-out minutes, {} used\n",
            c.pool.minutes, c.pool.used_minutes
        ));
        match &c.break_even {
            Some(b) => out.push_str(&format!(
                "Break-even at {} minutes per user a month ({} minutes in all, {} {})\n",
                b.minutes_per_user, b.monthly_minutes, b.monthly_cost, q.currency
            )),
            None => out.push_str("No break-even: for this call mix one option is cheaper at every volume\n"),
        }
    }
    let cr = &q.credits;
    out.push_str(&format!(
        "Communications Credits: fund {} {cur} first; auto-recharge {} {cur} when the balance falls below {} {cur}\n",
        cr.first_funding,
        cr.recharge_amount,
        cr.recharge_trigger,
        cur = q.currency
    ));
    for w in &cr.warnings {
        out.push_str(&format!("Warning: {}\n", w.message));
    }
    for n in &q.notes {
        out.push_str(&format!("Note: {}\n", n.message));
    }
    out
}
