//! The CSV authoring format of a rate card: what operations staff keep in a spreadsheet, compiled to the
//! JSON card ([`crate::RateCardData`]).
//!
//! ```text
//! # version: 2026.12
//! # effective_date: 2026-12-01
//! # currency: USD
//! # source: Contoso price list of December 2026
//! # illustrative: false
//! # increment_seconds: 60
//! # connection_fee: 0
//! # rounding: half_up
//! # licence_price_per_user_month: 4.00
//! # licence_pooled_minutes_per_user: 60
//! # licence_pool_kinds: dial_out_landline dial_out_mobile
//! # licence_pool_zone_a_only: true
//! # credits_minimum_funding: 50.00
//! # currency_rate: EUR 0.92
//! country,name,kind,rate_per_minute,connection_fee,increment_seconds,rounding,audio_conferencing,ppm_only,comm_credits,zone_a,notes,reason
//! DE,Germany,toll,0.0180,,,,y,n,y,y,,
//! EG,Egypt,toll,,,,,y,n,y,n,,Toll numbers are on request only
//! ```
//!
//! - Lines before the header whose first cell starts with `#` hold `key: value` settings (a spreadsheet
//!   may add trailing commas; they are ignored). `currency_rate` repeats, one per quote currency.
//! - One row per country and kind. An empty `connection_fee`, `increment_seconds` or `rounding` keeps the
//!   card default. An empty `rate_per_minute` means the kind is not offered; `reason` says why.
//! - `audio_conferencing`, `ppm_only`, `zone_a` are `y`/`n`; `comm_credits` is `y`, `n` or empty (unknown).
//!   They, `name` and `notes` describe the country and must agree on all its rows.
//! - Fields follow RFC 4180: quote a field that holds a comma, a quote or a line break.
//!
//! Every problem is reported with its line and column, not just the first.

use crate::card::{
    BillingData, BillingOverride, CountryData, CreditsData, CurrencyData, Kind, KindMap, LicenceData, RateCard,
    RateCardData, FORMAT,
};
use crate::error::{quoted, Error, Problem};
use crate::money::Rounding;

/// The header row, in order.
pub const HEADER: [&str; 13] = [
    "country",
    "name",
    "kind",
    "rate_per_minute",
    "connection_fee",
    "increment_seconds",
    "rounding",
    "audio_conferencing",
    "ppm_only",
    "comm_credits",
    "zone_a",
    "notes",
    "reason",
];

/// Splits RFC 4180 text into records, each with the 1-based line it starts on. Accepts `\n` and `\r\n`.
pub fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, Problem> {
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let (mut line, mut start) = (1usize, 1usize);
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        match (in_quotes, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => in_quotes = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => in_quotes = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
                any = false;
            }
            (false, c) => field.push(c),
        }
    }
    if in_quotes {
        return Err(Problem { path: format!("line {start}"), message: "a quoted field is never closed".to_string() });
    }
    if any {
        record.push(field);
        out.push((start, record));
    }
    Ok(out)
}

fn quote_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes one CSV row (RFC 4180 quoting where needed), ending in `\n`.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = cells.iter().map(|c| quote_field(c.as_ref())).collect::<Vec<_>>().join(",");
    out.push('\n');
    out
}

/// Writes a card in the CSV authoring format; [`compile`] reads it back to the same card.
pub fn write(card: &RateCardData) -> String {
    let mut out = String::new();
    let mut set = |k: &str, v: &str| out.push_str(&row(&[format!("# {k}: {v}")]));
    set("version", &card.version);
    set("effective_date", &card.effective_date);
    set("currency", &card.currency);
    set("source", &card.source);
    set("illustrative", if card.illustrative { "true" } else { "false" });
    set("increment_seconds", &card.billing.increment_seconds.to_string());
    set("connection_fee", &card.billing.connection_fee);
    set("rounding", &card.billing.rounding);
    set("licence_price_per_user_month", &card.licence.price_per_user_month);
    set("licence_pooled_minutes_per_user", &card.licence.pooled_dial_out_minutes_per_user);
    set("licence_pool_kinds", &card.licence.pool_kinds.join(" "));
    set("licence_pool_zone_a_only", if card.licence.pool_zone_a_only { "true" } else { "false" });
    set("credits_minimum_funding", &card.credits.minimum_funding);
    for c in &card.currencies {
        match c.minor_units {
            Some(m) => set("currency_rate", &format!("{} {} {m}", c.code, c.rate)),
            None => set("currency_rate", &format!("{} {}", c.code, c.rate)),
        }
    }
    out.push_str(&row(&HEADER));
    let yn = |b: bool| if b { "y" } else { "n" };
    for c in &card.countries {
        for kind in Kind::ALL {
            let rate = c.rates.get(kind);
            let reason = c.unavailable.get(kind);
            // A country that offers nothing still gets one row, so that it is not lost.
            let offers_nothing = Kind::ALL.iter().all(|k| c.rates.get(*k).is_none() && c.unavailable.get(*k).is_none());
            if rate.is_none() && reason.is_none() && !(offers_nothing && kind == Kind::ALL[0]) {
                continue;
            }
            let b = c.billing.get(kind).cloned().unwrap_or_default();
            out.push_str(&row(&[
                c.code.as_str(),
                &c.name,
                kind.name(),
                rate.map_or("", String::as_str),
                b.connection_fee.as_deref().unwrap_or(""),
                &b.increment_seconds.map(|s| s.to_string()).unwrap_or_default(),
                b.rounding.as_deref().unwrap_or(""),
                yn(c.audio_conferencing),
                yn(c.ppm_only),
                c.comm_credits.map_or("", yn),
                yn(c.zone_a),
                &c.notes,
                reason.map_or("", String::as_str),
            ]));
        }
    }
    out
}

/// Collects settings and rows while compiling.
struct Compiler {
    problems: Vec<Problem>,
    /// For each country of the card, in order: the line of each of its rows and that row's kind.
    lines: Vec<Vec<(usize, Kind)>>,
    /// For each country: whether its first row had a problem in its country columns (then later rows
    /// are not compared with it: one mistake, one problem).
    flawed: Vec<bool>,
}

/// `y`, `yes`, `true` or `n`, `no`, `false`, in any case; the same words in settings and rows.
fn parse_flag(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "y" | "yes" | "true" => Some(true),
        "n" | "no" | "false" => Some(false),
        _ => None,
    }
}

impl Compiler {
    fn problem(&mut self, line: usize, column: &str, message: String) {
        let path = if column.is_empty() { format!("line {line}") } else { format!("line {line}, {column}") };
        self.problems.push(Problem { path, message });
    }

    fn flag(&mut self, line: usize, column: &str, cell: &str, allow_empty: bool) -> Option<bool> {
        if cell.is_empty() && allow_empty {
            return None;
        }
        let flag = parse_flag(cell);
        if flag.is_none() {
            let expected = if allow_empty { "y, n or empty" } else { "y or n" };
            self.problem(line, column, format!("{} is not {expected}", quoted(cell)));
        }
        flag
    }

    /// Where a problem the card's validation found sits in the CSV: `countries[3].rates.toll` becomes the
    /// line of that country's toll row and its `rate_per_minute` column; a setting keeps its name.
    fn locate(&self, p: Problem) -> Problem {
        let located = p.path.strip_prefix("countries[").and_then(|rest| {
            let (i, field) = rest.split_once("].")?;
            let rows = self.lines.get(i.parse::<usize>().ok()?)?;
            let (section, rest) = field.split_once('.').unwrap_or((field, ""));
            let (kind, setting) = rest.split_once('.').unwrap_or((rest, ""));
            let row = Kind::from_name(kind).and_then(|k| rows.iter().find(|(_, rk)| *rk == k));
            let (line, column) = match (section, row) {
                ("rates", Some(&(line, _))) => (line, "rate_per_minute"),
                ("billing", Some(&(line, _))) => (line, setting),
                ("code", _) => (rows.first()?.0, "country"),
                _ => (rows.first()?.0, field),
            };
            Some(Problem { path: format!("line {line}, {column}"), message: p.message.clone() })
        });
        located.unwrap_or_else(|| Problem { path: format!("setting {}", p.path), message: p.message })
    }
}

/// Compiles the CSV authoring format to a validated card (its document is [`RateCard::data`]). Every
/// problem is reported with its line and column, or, for a setting, with the setting's name.
pub fn compile(text: &str) -> Result<RateCard, Error> {
    // Spreadsheets often save UTF-8 with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let records = records(text).map_err(|p| Error::rate_card(vec![p]))?;
    let mut c = Compiler { problems: Vec::new(), lines: Vec::new(), flawed: Vec::new() };
    let mut card = RateCardData {
        format: FORMAT,
        version: String::new(),
        effective_date: String::new(),
        currency: String::new(),
        source: String::new(),
        illustrative: false,
        billing: BillingData {
            increment_seconds: 60,
            connection_fee: "0".to_string(),
            rounding: Rounding::HalfUp.name().to_string(),
        },
        currencies: Vec::new(),
        licence: LicenceData {
            price_per_user_month: String::new(),
            pooled_dial_out_minutes_per_user: "0".to_string(),
            pool_kinds: Vec::new(),
            pool_zone_a_only: true,
        },
        credits: CreditsData { minimum_funding: "0".to_string() },
        countries: Vec::new(),
    };
    let mut rows = records.into_iter().skip_while(|(_, r)| r.iter().all(|c| c.trim().is_empty()));
    let mut header_line = 0;
    for (line, r) in rows.by_ref() {
        if r.first().is_some_and(|s| s.trim_start().starts_with('#')) {
            // A value with an unquoted comma was split into cells: put it back together.
            let joined = r.join(",");
            setting_line(&mut c, &mut card, line, joined.trim().trim_start_matches('#').trim_end_matches(','));
            continue;
        }
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let got: Vec<&str> = r.iter().map(|s| s.trim()).collect();
        if got != HEADER {
            c.problem(line, "", format!("the header must be {}", HEADER.join(",")));
            return Err(Error::rate_card(c.problems));
        }
        header_line = line;
        break;
    }
    if header_line == 0 {
        c.problem(1, "", format!("no header row; expected {}", HEADER.join(",")));
    }
    for (line, r) in rows {
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if r.len() != HEADER.len() {
            c.problem(line, "", format!("has {} fields; expected {}", r.len(), HEADER.len()));
            continue;
        }
        country_row(&mut c, &mut card, line, &r);
    }
    if !c.problems.is_empty() {
        return Err(Error::rate_card(c.problems));
    }
    RateCard::new(card).map_err(|e| Error::rate_card(e.problems.into_iter().map(|p| c.locate(p)).collect()))
}

fn setting_line(c: &mut Compiler, card: &mut RateCardData, line: usize, setting: &str) {
    let Some((key, value)) = setting.split_once(':') else {
        // A plain comment.
        return;
    };
    let (key, value) = (key.trim(), value.trim().to_string());
    let flag = parse_flag;
    match key {
        "version" => card.version = value,
        "effective_date" => card.effective_date = value,
        "currency" => card.currency = value,
        "source" => card.source = value,
        "illustrative" | "licence_pool_zone_a_only" => match flag(&value) {
            Some(b) if key == "illustrative" => card.illustrative = b,
            Some(b) => card.licence.pool_zone_a_only = b,
            None => c.problem(line, key, format!("{} is not true or false", quoted(&value))),
        },
        "increment_seconds" => match value.parse() {
            Ok(s) => card.billing.increment_seconds = s,
            Err(_) => c.problem(line, key, format!("{} is not a whole number of seconds", quoted(&value))),
        },
        "connection_fee" => card.billing.connection_fee = value,
        "rounding" => card.billing.rounding = value,
        "licence_price_per_user_month" => card.licence.price_per_user_month = value,
        "licence_pooled_minutes_per_user" => card.licence.pooled_dial_out_minutes_per_user = value,
        "licence_pool_kinds" => card.licence.pool_kinds = value.split_whitespace().map(str::to_string).collect(),
        "credits_minimum_funding" => card.credits.minimum_funding = value,
        "currency_rate" => {
            let parts: Vec<&str> = value.split_whitespace().collect();
            let minor = parts.get(2).map(|m| m.parse::<u32>().ok());
            match (parts.len(), minor) {
                (2, None) | (3, Some(Some(_))) => card.currencies.push(CurrencyData {
                    code: parts[0].to_string(),
                    rate: parts[1].to_string(),
                    minor_units: minor.flatten(),
                }),
                _ => c.problem(
                    line,
                    key,
                    format!(
                        "{} is not \"CODE RATE\" or \"CODE RATE MINOR_UNITS\", such as \"EUR 0.92\"",
                        quoted(&value)
                    ),
                ),
            }
        }
        _ => c.problem(line, "", format!("{} is not a setting this format knows", quoted(key))),
    }
}

fn country_row(c: &mut Compiler, card: &mut RateCardData, line: usize, r: &[String]) {
    let cell = |i: usize| r[i].trim();
    let code = cell(0);
    let Some(kind) = Kind::from_name(cell(2)) else {
        c.problem(line, "kind", crate::card::unknown_kind(cell(2)));
        return;
    };
    let problems_before = c.problems.len();
    let audio_conferencing = c.flag(line, "audio_conferencing", cell(7), false).unwrap_or(false);
    let ppm_only = c.flag(line, "ppm_only", cell(8), false).unwrap_or(false);
    let comm_credits = c.flag(line, "comm_credits", cell(9), true);
    let zone_a = c.flag(line, "zone_a", cell(10), false).unwrap_or(false);
    let this = CountryData {
        code: code.to_string(),
        name: cell(1).to_string(),
        audio_conferencing,
        ppm_only,
        comm_credits,
        zone_a,
        rates: KindMap::default(),
        billing: KindMap::default(),
        unavailable: KindMap::default(),
        notes: cell(11).to_string(),
    };
    let i = match card.countries.iter().position(|k| k.code == code) {
        Some(i) => {
            let known = &card.countries[i];
            let same = known.name == this.name
                && known.audio_conferencing == this.audio_conferencing
                && known.ppm_only == this.ppm_only
                && known.comm_credits == this.comm_credits
                && known.zone_a == this.zone_a
                && known.notes == this.notes;
            // A row whose flags were already reported is not compared: one mistake, one problem.
            if !same && c.problems.len() == problems_before && !c.flawed[i] {
                c.problem(
                    line,
                    "",
                    format!("the country columns of {code} (name, flags, notes) differ from its earlier rows"),
                );
            }
            i
        }
        None => {
            card.countries.push(this);
            c.lines.push(Vec::new());
            c.flawed.push(c.problems.len() > problems_before);
            card.countries.len() - 1
        }
    };
    c.lines[i].push((line, kind));
    let country = &mut card.countries[i];
    if country.rates.get(kind).is_some() || country.unavailable.get(kind).is_some() {
        c.problem(line, "kind", format!("{code} has a second {} row", kind.name()));
        return;
    }
    let rate = cell(3);
    if rate.is_empty() {
        // Not offered; an empty reason keeps the default one.
        if !cell(12).is_empty() {
            country.unavailable.set(kind, cell(12).to_string());
        }
        return;
    }
    country.rates.set(kind, rate.to_string());
    let mut over = BillingOverride::default();
    if !cell(4).is_empty() {
        over.connection_fee = Some(cell(4).to_string());
    }
    if !cell(6).is_empty() {
        over.rounding = Some(cell(6).to_string());
    }
    let increment = cell(5);
    if !increment.is_empty() {
        match increment.parse() {
            Ok(s) => over.increment_seconds = Some(s),
            Err(_) => {
                c.problem(line, "increment_seconds", format!("{} is not a whole number of seconds", quoted(increment)))
            }
        }
    }
    if over != BillingOverride::default() {
        country.billing.set(kind, over);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_follow_rfc_4180() {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\nx,\"two\nlines\",z\nlast,,";
        let r = records(text).unwrap();
        assert_eq!(r[0], (1, vec!["a".to_string(), "b,c".to_string(), "say \"hi\"".to_string()]));
        assert_eq!(r[1], (2, vec!["x".to_string(), "two\nlines".to_string(), "z".to_string()]));
        assert_eq!(r[2], (4, vec!["last".to_string(), String::new(), String::new()]));
        assert!(records("a,\"open").is_err());
    }

    #[test]
    fn the_built_in_card_round_trips_through_csv() {
        let data = crate::builtin::data();
        let text = write(&data);
        assert_eq!(compile(&text).unwrap().data(), &data);
    }
}
