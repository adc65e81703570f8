// <acp-usage-panel>: the usage report import's dialog, loaded on first use by usage-import.js. A person
// picks or drops a PSTN usage report; a Web Worker (usage-worker.js) reads it chunk by chunk through the
// usage WebAssembly module, with progress and Cancel (the worker is terminated: nothing changes); the result
// fills the calculator through its public `request` and is shown beside it (usage-view.js).
//
// How the calculator is filled: one exact-minutes line per (country, kind) of the chosen month (or the
// average month), its minutes being the line's billable minutes after per-call rounding, without calls,
// and the report's distinct users as the licensed users. Each call was already rounded up on its own by
// the core, so the calculator (which rounds per line) gives the same line costs and total: exactly for
// one month, and for the average month whenever its minutes (billable seconds ÷ 60 ÷ months) end within
// 6 decimal places (always with the built-in card's 60-second increments when months divide them evenly;
// otherwise they are rounded half-up to 6 places, the request's limit, which can move a line by a minor
// unit at most). Connection fees cannot cross that way (a calculator line with calls re-rounds on the
// average call): the panel says so when the card charges any, and shows the report's figure.

import { LitElement, html, nothing } from "lit";
import { divRound, toScaled, fromScaled } from "./decimal.js";
import { USAGE_CSS, results } from "./usage-view.js";
import { usageTexts } from "./i18n-usage.js";

/** The request that puts `report`'s quote into the calculator (see the module comment). */
export function requestOf(report) {
  const q = report.quote;
  const months = BigInt(report.months_in_quote || 1);
  const lines = q.lines.map((l) => {
    // The line's exact billable seconds over the period: billable_seconds × months, an integer.
    const total = (toScaled(l.billable_seconds, 6) * months + 500000n) / 1000000n;
    return { country: l.country, kind: l.kind, minutes: divRound(fromScaled(total, 0), String(60n * months), 6) };
  });
  const request = { currency: q.currency, lines };
  if (report.users > 0) request.users = report.users;
  return request;
}

class UsagePanel extends LitElement {
  static properties = {
    tx: { attribute: false },
    host: { attribute: false },
    _phase: { state: true },
    _progress: { state: true },
    _report: { state: true },
    _error: { state: true },
    _month: { state: true },
    _dialOut: { state: true },
    _share: { state: true },
    _said: { state: true },
  };
  static styles = USAGE_CSS;

  #worker = null;
  #file = null;
  #closed = false;

  constructor() {
    super();
    this.tx = null;
    this.host = null;
    this._phase = "idle"; // idle | reading | done | error
    this._progress = { rows: 0, bytes: 0, size: 0 };
    this._report = null;
    this._error = null;
    this._month = "";
    this._dialOut = "landline";
    this._share = "50";
    this._said = "";
  }

  firstUpdated() {
    this.renderRoot.querySelector("dialog").showModal();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#stop();
  }

  #stop() {
    this.#worker?.terminate();
    this.#worker = null;
  }

  #close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#stop();
    this.renderRoot.querySelector("dialog")?.close();
    this.dispatchEvent(new CustomEvent("close"));
  }

  /** The dial-out choice as the core takes it: landline, mobile or a percentage. */
  #dialOutArg() {
    if (this._dialOut !== "share") return this._dialOut;
    const n = Number.parseInt(this._share, 10);
    return String(Number.isInteger(n) ? Math.min(100, Math.max(0, n)) : 50);
  }

  #read(file) {
    if (!file) return;
    this.#stop();
    this.#file = file;
    performance.mark("audioconf-pricing:usage-start");
    this._phase = "reading";
    this._error = null;
    this._progress = { rows: 0, bytes: 0, size: file.size };
    const worker = new Worker(new URL("./usage-worker.js", import.meta.url), { type: "module" });
    this.#worker = worker;
    worker.onmessage = ({ data }) => this.#message(worker, data);
    // An error inside the worker has a message; a worker that could not start at all has none.
    worker.onerror = (e) => this.#message(worker, { type: "error", error: e.message ? { code: "read_failed", message: String(e.message) } : { code: "reader_failed" } });
    const ratesSrc = this.host.getAttribute("rates-src");
    worker.postMessage({
      type: "read",
      file,
      cardUrl: ratesSrc ? new URL(ratesSrc, document.baseURI).href : null,
      dialOut: this.#dialOutArg(),
      month: this._month,
      currency: this.host.quote?.currency ?? null,
    });
  }

  /** The element's Texts with this panel's messages (i18n-usage.js). */
  get #tx() {
    return usageTexts(this.tx);
  }

  #message(worker, data) {
    if (worker !== this.#worker) return;
    const tx = this.#tx;
    const t = tx.t;
    if (data.type === "progress") {
      this._progress = { ...this._progress, rows: data.rows, bytes: data.bytes };
    } else if (data.type === "error") {
      this.#stop();
      this._phase = "error";
      this._error = data.error;
      this._said = t("usage_failed");
    } else if (data.type === "result") {
      const report = JSON.parse(data.json);
      if (report.rated_rows === 0) {
        this._phase = "error";
        this._error = { code: "no_calls" };
        this._said = t("usage_no_calls");
        return;
      }
      this._report = report;
      this._phase = "done";
      this.host.request = requestOf(report);
      performance.mark("audioconf-pricing:usage-done");
      const period = report.month ? report.month : t("usage_average", { n: report.months_in_quote, count: report.months_in_quote });
      this._said = t("usage_done", { rows: tx.fmt.number(report.rows), calls: tx.fmt.number(report.rated_rows), period });
    }
  }

  #cancel() {
    this.#stop();
    this._phase = this._report ? "done" : "idle";
    this._said = this.#tx.t("usage_cancelled");
  }

  #pickMonth(month) {
    this._month = month;
    this.#worker?.postMessage({ type: "report", month, currency: this.host.quote?.currency ?? null });
  }

  #pickDialOut(kind, share) {
    this._dialOut = kind;
    if (share !== undefined) this._share = share;
    // The choice decides how each call is priced as it is read: the file is read again.
    if (this.#file) this.#read(this.#file);
  }

  #drop(e) {
    e.preventDefault();
    this.renderRoot.querySelector(".drop")?.classList.remove("over");
    this.#read(e.dataTransfer?.files?.[0]);
  }

  render() {
    const tx = this.tx && usageTexts(this.tx);
    if (!tx) return nothing;
    const t = tx.t;
    const p = this._progress;
    const percent = p.size ? Math.min(100, Math.floor((p.bytes * 100) / p.size)) : 0;
    const busy = this._phase === "reading";
    return html`<dialog aria-labelledby="usage-title" lang=${tx.locale} @close=${() => this.#close()} @cancel=${(e) => {
      if (busy) {
        e.preventDefault();
        this.#cancel();
      }
    }}>
      <div class="head">
        <h2 id="usage-title">${t("usage_title")}</h2>
        <button type="button" class="close" @click=${() => this.#close()}>${t("usage_close")}</button>
      </div>
      <p class="private">${t("usage_private")}</p>
      <p class="hint">${t("usage_help")}</p>
      <div class="drop" @dragover=${(e) => {
        e.preventDefault();
        e.currentTarget.classList.add("over");
      }} @dragleave=${(e) => e.currentTarget.classList.remove("over")} @drop=${(e) => this.#drop(e)}>
        <label for="usage-file">${t("usage_file")}</label>
        <input id="usage-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" ?disabled=${busy}
          @change=${(e) => this.#read(e.target.files?.[0])}>
        <span class="hint">${t("usage_drop")}</span>
      </div>
      <fieldset class="dial-out">
        <legend>${t("usage_dial_out")}</legend>
        ${["landline", "mobile", "share"].map(
          (k) => html`<label><input type="radio" name="usage-dial-out" value=${k} .checked=${this._dialOut === k} ?disabled=${busy}
            @change=${() => this.#pickDialOut(k)}>${t(`usage_as_${k}`)}</label>`,
        )}
        ${this._dialOut === "share"
          ? html`<label class="share">${t("usage_share")}<input type="number" min="0" max="100" step="1" inputmode="numeric" .value=${this._share}
              ?disabled=${busy} @change=${(e) => this.#pickDialOut("share", e.target.value)}></label>`
          : nothing}
      </fieldset>
      ${busy
        ? html`<div class="progress">
            <label for="usage-progress">${t("usage_reading", { rows: tx.fmt.number(p.rows), percent: tx.fmt.percent(percent) })}</label>
            <progress id="usage-progress" max="100" .value=${percent}></progress>
            <button type="button" @click=${() => this.#cancel()}>${t("usage_cancel")}</button>
          </div>`
        : nothing}
      ${this._phase === "error" ? html`<div class="alert" role="alert">${this.#errorText()}</div>` : nothing}
      ${this._report && this._phase !== "error" ? results(tx, this._report, this._month, (m) => this.#pickMonth(m)) : nothing}
      <p class="sr-only" role="status" aria-live="polite">${this._said}</p>
    </dialog>`;
  }

  #errorText() {
    const t = this.#tx.t;
    const e = this._error ?? {};
    const known = { empty_report: 1, not_a_report: 1, missing_column: 1, reader_failed: 1 };
    const detail =
      e.code === "no_calls"
        ? t("usage_no_calls")
        : known[e.code]
          ? t(`usage_error_${e.code}`, { columns: e.path })
          : html`<span lang="en">${e.message}</span>`;
    return html`<strong>${t("usage_failed")}</strong><p>${detail}</p>`;
  }
}

customElements.define("acp-usage-panel", UsagePanel);
