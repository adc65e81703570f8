// The WebAssembly rating core and rate cards. Importing this module starts fetching and compiling the
// .wasm at once (index.html preloads it): the first total does not wait for the element to connect.

import init, { Calculator } from "../pkg/audioconf_pricing.js";

/** Resolves with {Calculator} once the module is instantiated; rejects with the reason it could not be. */
export const core = init().then(() => ({ Calculator }));
core.catch(() => {}); // a failure is reported by the element that awaits it, not as an unhandled rejection

/** An error shaped like the core's: a stable code, a path and a one-line message. */
function cardError(code, message) {
  return Object.assign(new Error(message), { code, path: "url", problems: [] });
}

/**
 * Fetches a rate card and validates it in the core. Rejects with code "rate_card_fetch" when it cannot be
 * fetched, or the core's "invalid_rate_card" (with every problem) when it is not a valid card.
 */
export async function fetchCard(url) {
  const { Calculator: Calc } = await core;
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } });
  } catch (e) {
    throw cardError("rate_card_fetch", `${url} could not be fetched: ${e?.message ?? e}`);
  }
  if (!response.ok) throw cardError("rate_card_fetch", `${url} answered HTTP ${response.status} ${response.statusText}`.trim());
  let text;
  try {
    text = await response.text();
  } catch (e) {
    throw cardError("rate_card_fetch", `${url} could not be read: ${e?.message ?? e}`);
  }
  return Calc.fromJson(text);
}

/** The built-in card's Calculator. */
export async function builtInCard() {
  return (await core).Calculator.withDefaultRates();
}

let reasons = null;
/**
 * The built-in card's reasons, "CC|kind" -> English text: what a loaded card's own reason is compared with
 * to tell whether it says more than its reason_code.
 */
export async function builtInReasons() {
  if (!reasons) {
    const calc = await builtInCard();
    try {
      reasons = new Map();
      for (const c of calc.countries()) for (const u of c.unavailable) reasons.set(`${c.code}|${u.kind}`, u.reason);
    } finally {
      calc.free?.();
    }
  }
  return reasons;
}
