//! What a usage report re-rates to, as the CLI prints it and the binding returns it.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{month_text, Month, Reason, Usage};
use crate::card::{Kind, RateCard};
use crate::error::{Error, ErrorKind};
use crate::money::{iso_minor_units, text, Rounding};
use crate::quote::{quote_billed, BilledLine, Quote};

/// A re-rated usage report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UsageReport {
    /// The quote of the chosen month, or of the average month.
    pub quote: Quote,
    /// The month quoted (`YYYY-MM`); `null` for the average month.
    pub month: Option<String>,
    /// How many months the average is of (1 for a chosen month).
    pub months_in_quote: u32,
    /// Every month from the first to the last call, with what it re-rates to.
    pub months: Vec<MonthSummary>,
    /// The currency of the report's `Charge` column; `null` without charges or with several currencies.
    pub charged_currency: Option<String>,
    /// What the report says was charged in the period quoted (averaged like the quote); `null` as above.
    pub charged_total: Option<String>,
    /// Charged against re-rated, one entry per line of the quote (and of its `unavailable`), by `index`.
    pub charged_lines: Vec<ChargedLine>,
    /// Rows skipped by design: other call types, calls not connected.
    pub skipped: Vec<Count>,
    /// Audio Conferencing rows that could not be rated, by reason.
    pub unusable: Vec<Count>,
    /// Data rows read.
    pub rows: u64,
    /// Rows rated.
    pub rated_rows: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Distinct users of Audio Conferencing rows (the users of the quote's comparison).
    pub users: u64,
    /// Dial-out calls whose number did not tell mobile from landline.
    pub unclassified_dial_out: u64,
    /// Of those, the calls priced as mobile.
    pub unclassified_as_mobile: u64,
    /// How they were priced: `landline`, `mobile`, or `share` (with `mobile_percent`).
    pub dial_out_priced_as: &'static str,
    /// The percentage priced as mobile, for `share`.
    pub mobile_percent: Option<u8>,
    /// Rows whose `Charge` was not a decimal (left out of the charged sums).
    pub unreadable_charges: u64,
}

/// One month of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthSummary {
    /// `YYYY-MM`.
    pub month: String,
    /// Calls rated.
    pub calls: u64,
    /// Talked minutes, half-up to 2 places.
    pub minutes: String,
    /// Billable minutes after per-call rounding.
    pub billable_minutes: String,
    /// The month re-rated by the card.
    pub total: String,
    /// What the report says was charged that month; `null` without a single charge currency.
    pub charged: Option<String>,
}

/// A line's charged amount beside its re-rated cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChargedLine {
    /// The line's `index` in the quote.
    pub index: usize,
    /// Country code.
    pub country: String,
    /// Kind of call.
    pub kind: Kind,
    /// Charged in the report (averaged like the quote); `null` without a single charge currency.
    pub charged: Option<String>,
    /// The line's re-rated cost; `null` for a kind the card does not offer there.
    pub re_rated: Option<String>,
}

/// Rows left out for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The reason's stable code (see [`Reason::code`]).
    pub reason: &'static str,
    /// The call type, for `call_type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_type: Option<String>,
    /// How many rows.
    pub rows: u64,
    /// The first such row, numbered as a spreadsheet shows it (the header is row 1).
    pub first_row: u64,
}

impl Usage {
    /// The billed lines of `month` (`None`: every month) with their charged sums, and how many months they
    /// span. Lines are in the card's country order, then kind order.
    pub(crate) fn lines(&self, month: Option<Month>) -> (Vec<(BilledLine, Decimal)>, u32) {
        let mut lines: Vec<(BilledLine, Decimal)> = Vec::new();
        let mut keys: Vec<_> = self.sums.keys().filter(|k| month.map_or(true, |m| k.0 == m)).collect();
        keys.sort_unstable_by_key(|k| (k.1, k.2, k.0));
        for key in keys {
            let s = &self.sums[key];
            let (country, kind) = (usize::from(key.1), Kind::ALL[usize::from(key.2)]);
            match lines.last_mut() {
                Some((l, charged)) if l.country == country && l.kind == kind => {
                    l.calls += s.calls;
                    l.talk_seconds += s.talk;
                    l.billable_seconds += s.billable;
                    *charged += s.charged;
                }
                _ => lines.push((
                    BilledLine { country, kind, calls: s.calls, talk_seconds: s.talk, billable_seconds: s.billable },
                    s.charged,
                )),
            }
        }
        let months = if month.is_some() { 1 } else { self.months().len().max(1) as u32 };
        (lines, months)
    }

    /// The report of `month` (`None`: the average month) in the card's currency number `currency`.
    pub fn report(&self, card: &RateCard, currency: usize, month: Option<Month>) -> Result<UsageReport, Error> {
        let all = self.months();
        if let Some(m) = month.filter(|m| !all.contains(m)) {
            let range = match (all.first(), all.last()) {
                (Some(f), Some(l)) => format!("from {} to {}", month_text(*f), month_text(*l)),
                _ => "none: it has no Audio Conferencing calls".to_string(),
            };
            return Err(Error::new(
                ErrorKind::InvalidRequest,
                "month",
                format!("the report has no calls in {}; its months are {range}", month_text(m)),
            ));
        }
        let (lines, months) = self.lines(month);
        let billed: Vec<BilledLine> = lines.iter().map(|l| l.0).collect();
        let users = Some(self.users()).filter(|u| *u > 0);
        let quote = quote_billed(card, currency, users, &billed, months)?;
        let currency = self.charge_currency.clone().filter(|_| !self.mixed_currencies);
        let dp = currency.as_deref().and_then(iso_minor_units).unwrap_or(2);
        let charged = |sum: Decimal, months: u32| {
            currency.as_ref().map(|_| text(Rounding::HalfUp.round(sum / Decimal::from(months), dp)))
        };
        let re_rated = |index: usize| quote.lines.iter().find(|l| l.index == index).map(|l| l.cost.to_string());
        let charged_lines = lines
            .iter()
            .enumerate()
            .map(|(index, (l, sum))| ChargedLine {
                index,
                country: card.countries()[l.country].code.clone(),
                kind: l.kind,
                charged: charged(*sum, months),
                re_rated: re_rated(index),
            })
            .collect();
        let charged_total = charged(lines.iter().map(|l| l.1).sum(), months);
        let mut month_rows = Vec::with_capacity(all.len());
        for m in &all {
            let (lines, _) = self.lines(Some(*m));
            let billed: Vec<BilledLine> = lines.iter().map(|l| l.0).collect();
            let q = quote_billed(card, quote_currency(card, &quote), None, &billed, 1)?;
            let talk: u64 = billed.iter().map(|l| l.talk_seconds).sum();
            month_rows.push(MonthSummary {
                month: month_text(*m),
                calls: billed.iter().map(|l| l.calls).sum(),
                minutes: text(Rounding::HalfUp.round(Decimal::from(talk) / Decimal::from(60), 2)),
                billable_minutes: q.billable_minutes.to_string(),
                total: q.total.to_string(),
                charged: charged(lines.iter().map(|l| l.1).sum(), 1),
            });
        }
        let mut counts: Vec<LeftOut> = self.left_out.iter().collect();
        counts.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let count = |((reason, call_type), (rows, first_row)): LeftOut| Count {
            reason: reason.code(),
            call_type: (*reason == Reason::CallType).then(|| call_type.clone()),
            rows: *rows,
            first_row: *first_row,
        };
        let (priced_as, percent) = match self.dial_out {
            Some(super::DialOut::Mobile) => ("mobile", None),
            Some(super::DialOut::MobilePercent(p)) => ("share", Some(p)),
            _ => ("landline", None),
        };
        Ok(UsageReport {
            month: month.map(month_text),
            months_in_quote: months,
            months: month_rows,
            charged_total,
            charged_currency: currency,
            charged_lines,
            skipped: counts.iter().filter(|c| c.0 .0.is_skip()).map(|c| count(*c)).collect(),
            unusable: counts.iter().filter(|c| !c.0 .0.is_skip()).map(|c| count(*c)).collect(),
            rows: self.rows,
            rated_rows: self.rated_rows,
            bytes: self.bytes,
            users: self.users(),
            unclassified_dial_out: self.unclassified_dial_out,
            unclassified_as_mobile: self.unclassified_as_mobile,
            dial_out_priced_as: priced_as,
            mobile_percent: percent,
            unreadable_charges: self.unreadable_charges,
            quote,
        })
    }
}

/// A count of rows left out: (reason, call type) and (rows, first row).
type LeftOut<'a> = (&'a (Reason, String), &'a (u64, u64));

/// The card's position of the quote's currency.
fn quote_currency(card: &RateCard, quote: &Quote) -> usize {
    card.currency_index(&quote.currency).unwrap_or(0)
}
