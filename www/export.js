// Exports of the quote on screen: CSV and JSON, as text (the element's exportCsv() and exportJson()) and as
// downloads named after the quote reference.
//
// CSV (RFC 4180: CRLF, a header row, fields with a comma, quote or line break quoted): one row per line of
// the breakdown, in its order (grouped by country, as first shown), with the kinds not offered, each
// country's subtotal, the totals by kind and the total; the column `row` says which (line, not_offered,
// subtotal, kind_total, total). Decimals are written as the quote has them ("1234.50", a point, no
// grouping); names are in the language on screen. A cell that a spreadsheet would read as a formula (it
// starts with = + - @, a tab or a carriage return) is prefixed with an apostrophe. The downloaded file starts
// with a UTF-8 byte order mark, so that Excel reads Cyrillic names right; exportCsv() returns it without.
//
// JSON: the Quote as priced (the same object the page shows), the request, the details, the card's identity
// and the reference.

import { download, isoDate, quoteReference, setUp } from "./quote-kit.js";

export const CSV_COLUMNS = [
  "row", "country_code", "country", "kind_code", "kind", "rate_per_minute", "minutes", "billable_minutes", "calls", "cost", "currency",
  "note", "reference", "customer", "prepared_by", "rate_card_version",
];

/** One CSV field: guarded against formula injection, quoted when it must be. */
export function csvField(value) {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (arrays of values) as RFC 4180 text with CRLF line ends. */
export function csvText(rows) {
  return rows.map((r) => `${r.map(csvField).join(",")}\r\n`).join("");
}

/**
 * The breakdown of quote `q` as CSV rows (header first), in the words of `tx`; `groups` and `sort` are the
 * breakdown's (breakdown.js), so that the rows are the lines on screen in their first order.
 */
export function quoteRows(tx, q, { reference, details, groups, sort }) {
  const tail = [reference, details.customer, details.preparedBy, q.rate_card.version];
  const row = (type, country, kind, rate, minutes, billable, calls, cost, note = "") => [
    type, country ?? "", country ? tx.name(country) : "", kind ?? "", kind ? tx.kind(kind) : "", rate, minutes, billable, calls ?? "", cost, q.currency, note, ...tail,
  ];
  const rows = [CSV_COLUMNS];
  for (const g of groups(tx, q, sort)) {
    for (const l of g.lines) rows.push(row("line", l.country, l.kind, l.rate, l.minutes, l.billable_minutes, l.calls, l.cost));
    for (const u of g.unavailable) rows.push(row("not_offered", u.country, u.kind, "", u.minutes, "", null, "", tx.reasonText(u.country, u.reason_code, [u.kind])));
    if (g.subtotal) rows.push(row("subtotal", g.code, null, "", g.subtotal.minutes, g.subtotal.billable_minutes, null, g.subtotal.cost));
  }
  for (const k of q.by_kind) rows.push(row("kind_total", null, k.key, "", k.minutes, k.billable_minutes, null, k.cost));
  rows.push(row("total", null, null, "", q.minutes, q.billable_minutes, null, q.total));
  return rows;
}

export function create(host, kit) {
  setUp(host, kit);
  return new Exports(host, kit);
}

class Exports {
  #tx = null;
  #said = "";
  #txResolve;
  /** Resolves once a render has given the Texts (the language's catalogue may still be loading at first). */
  #txReady = new Promise((resolve) => (this.#txResolve = resolve));

  constructor(host, kit) {
    this.host = host;
    this.kit = kit;
  }

  /** The quote on screen with the Texts it is shown in. */
  async #current() {
    await this.host.ready;
    await this.#txReady;
    await this.host.updateComplete;
    return { tx: this.#tx, q: this.host.quote, reference: quoteReference(this.host), details: this.host.details };
  }

  async csv() {
    const { tx, q, reference, details } = await this.#current();
    return csvText(quoteRows(tx, q, { reference, details, groups: this.kit.groups, sort: this.kit.DEFAULT_SORT }));
  }

  async json() {
    const { tx, q, reference, details } = await this.#current();
    const card = q.rate_card;
    const doc = {
      format: "audioconf-pricing-quote",
      format_version: 1,
      reference,
      date: isoDate(),
      valid_until: isoDate(new Date(), 30),
      locale: tx.locale,
      details: { customer: details.customer, prepared_by: details.preparedBy },
      rate_card: { version: card.version, effective_date: card.effective_date, source: card.source, illustrative: card.illustrative },
      request: this.host.request,
      quote: q,
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  }

  async #download(kind) {
    const text = kind === "csv" ? `\ufeff${await this.csv()}` : await this.json();
    const name = `quote-${quoteReference(this.host)}.${kind}`;
    download(name, text, kind === "csv" ? "text/csv;charset=utf-8" : "application/json");
    this.#said = this.#tx.t("downloaded", { file: name });
    this.host.requestUpdate();
  }

  toolbar(tx) {
    this.#tx = tx;
    this.#txResolve();
    const t = tx.t;
    const { html } = this.kit;
    return html`<button type="button" data-key="download-csv" @click=${() => this.#download("csv")}>${t("download_csv")}</button>
      <button type="button" data-key="download-json" @click=${() => this.#download("json")}>${t("download_json")}</button>
      <p class="qt-status" role="status">${this.#said}</p>`;
  }
}
