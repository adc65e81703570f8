// Lists kept in the browser's storage for <audioconf-pricing>: the saved quotes and the scenarios. Pure, no
// DOM: the storage is passed in as a function that returns it (reading `window.localStorage` itself throws
// where storage is blocked), so tests/node/quote-store.test.mjs runs it against a fake one.
//
// Each list is one key holding {"format": 1, "items": [...]}; the key names the format, so that a later
// format can live beside this one. Reading never throws and never drops data: an item this version cannot
// read is counted, kept as it is and written back after the others; a value that is not such a list at all
// (damaged, or written by a newer version) is copied to `<key>:unreadable` before the first write replaces
// it. Writing throws a StorageProblem that says whether storage is full or unavailable.

export const SAVED_QUOTES_KEY = "audioconf-pricing:saved-quotes:v1";
export const SCENARIOS_KEY = "audioconf-pricing:scenarios:v1";
const FORMAT = 1;
/** The longest name kept, in characters. */
export const NAME_MAX = 80;

/** Storage refused: `kind` is "full" (quota exceeded) or "unavailable" (access throws, e.g. cookies blocked). */
export class StorageProblem extends Error {
  constructor(kind, cause) {
    super(`storage ${kind}: ${cause?.message ?? cause}`);
    this.name = "StorageProblem";
    this.kind = kind;
  }
}

function isQuota(e) {
  // Chromium and Safari: QuotaExceededError (legacy code 22); Firefox: NS_ERROR_DOM_QUOTA_REACHED (1014).
  return e?.name === "QuotaExceededError" || e?.name === "NS_ERROR_DOM_QUOTA_REACHED" || e?.code === 22 || e?.code === 1014;
}

const str = (v) => typeof v === "string";
// A plain non-negative decimal, as decimal.js's isDecimal (not imported: see scenario-diff.js).
const isDecimal = (v) => str(v) && /^\d+(?:\.\d+)?$/.test(v);
const isRequest = (r) => !!r && typeof r === "object" && Array.isArray(r.lines);

/** Whether `x` is a saved quote this version can open. */
export function isSavedQuote(x) {
  return (
    !!x &&
    str(x.id) &&
    str(x.name) &&
    str(x.savedAt) &&
    !Number.isNaN(Date.parse(x.savedAt)) &&
    str(x.cardVersion) &&
    str(x.currency) &&
    (x.total === null || isDecimal(x.total)) &&
    isRequest(x.request) &&
    (x.details === undefined || (!!x.details && str(x.details.customer ?? "") && str(x.details.preparedBy ?? "")))
  );
}

/** Whether `x` is a scenario this version can show. */
export function isScenario(x) {
  return !!x && str(x.id) && str(x.name) && isRequest(x.request);
}

/**
 * The list under `key`: {items, unreadable, problem, raw, kept}. `items` are those `isItem` accepts;
 * `unreadable` counts the others (kept in `kept`, written back unchanged); `problem` is null,
 * "unavailable" (storage cannot be read), "damaged" (not such a list) or "newer" (a later format).
 */
export function readList(getStorage, key, isItem) {
  let raw;
  try {
    raw = getStorage().getItem(key);
  } catch {
    return { items: [], unreadable: 0, problem: "unavailable", raw: null, kept: [] };
  }
  const empty = (problem) => ({ items: [], unreadable: 0, problem, raw, kept: [] });
  if (raw === null || raw === undefined) return empty(null);
  let doc;
  try {
    doc = JSON.parse(raw);
  } catch {
    return empty("damaged");
  }
  if (!doc || typeof doc !== "object" || !Array.isArray(doc.items) || !Number.isInteger(doc.format)) return empty("damaged");
  if (doc.format > FORMAT) return empty("newer");
  if (doc.format !== FORMAT) return empty("damaged");
  const items = doc.items.filter((x) => isItem(x));
  const kept = doc.items.filter((x) => !isItem(x));
  return { items, unreadable: kept.length, problem: null, raw, kept };
}

/**
 * Writes `items` under `key` after `previous` (what readList gave): its unreadable items follow them, and a
 * value it could not read is first copied aside. Throws a StorageProblem.
 */
export function writeList(getStorage, key, items, previous) {
  const text = JSON.stringify({ format: FORMAT, items: [...items, ...(previous?.kept ?? [])] });
  try {
    const storage = getStorage();
    if (previous?.raw && previous.problem && storage.getItem(`${key}:unreadable`) === null) storage.setItem(`${key}:unreadable`, previous.raw);
    storage.setItem(key, text);
  } catch (e) {
    throw new StorageProblem(isQuota(e) ? "full" : "unavailable", e);
  }
}

/**
 * Reads the list afresh (another tab may have changed it), applies `change` (items -> new items) and
 * writes it. Returns the new read state; throws a StorageProblem (and then nothing is changed).
 */
export function updateList(getStorage, key, isItem, change) {
  const previous = readList(getStorage, key, isItem);
  if (previous.problem === "unavailable") throw new StorageProblem("unavailable", "cannot be read");
  const items = change(previous.items);
  writeList(getStorage, key, items, previous);
  return { ...previous, items, problem: null, raw: null };
}

/** A name as kept: trimmed, at most NAME_MAX characters ("" when only spaces). */
export function cleanName(text) {
  return [...String(text ?? "").trim()].slice(0, NAME_MAX).join("");
}

/** A new id, unique enough for one browser's lists. */
export function newId(now = Date.now()) {
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** `items` with the item of `id` changed by `f`. */
export function changeItem(items, id, f) {
  return items.map((x) => (x.id === id ? f(x) : x));
}

/** `items` without the item of `id`. */
export function removeItem(items, id) {
  return items.filter((x) => x.id !== id);
}
