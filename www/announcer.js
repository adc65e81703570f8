// The polite live region of <audioconf-pricing>: the new total once typing or sliding pauses (with what
// else moved, such as the other shares), and short confirmations such as a new sort. A lit
// ReactiveController: the host renders `text` into its aria-live region.

/** How long input must pause before the total is read out. */
const PAUSE_MS = 700;

export class Announcer {
  text = "";
  #timer = 0;
  #pending = "";

  constructor(host) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  /** Says `text` now. */
  say(text) {
    this.text = text;
    this.host.requestUpdate();
  }

  /** Something to say before the next total (e.g. how the other shares moved). */
  before(text) {
    this.#pending = text;
  }

  /** Says the total once input pauses; `totalText()` gives it then (or "" for nothing to say). */
  total(totalText) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const total = totalText();
      if (!total) return;
      const pending = this.#pending;
      this.#pending = "";
      this.say(pending ? `${pending} ${total}` : total);
    }, PAUSE_MS);
  }
}

/** What is said of a new quote `q` in the Texts `tx`: its total and effective rate ("" before either). */
export function totalMessage(tx, q) {
  if (!q || !tx) return "";
  const f = tx.fmt;
  return q.effective_rate_per_minute === null
    ? tx.t("announce_total_only", { total: f.money(q.total) })
    : tx.t("announce_total", { total: f.money(q.total), rate: f.rate(q.effective_rate_per_minute) });
}
