// Type-checks pkg/element.d.ts as an app meets it: the tag's element type, its properties and the events'
// detail types. Each `@ts-expect-error` line must fail to compile, or tsc reports it as unused.
import "../../pkg/element.js";
import type { AudioconfPricing, QuoteChangeDetail, QuoteErrorDetail } from "../../pkg/element.js";

export async function watch(): Promise<string> {
  const el = document.querySelector("audioconf-pricing");
  if (!el) return "";
  const typed: AudioconfPricing = el;
  const created: AudioconfPricing = document.createElement("audioconf-pricing");
  created.locale = "en-GB";
  created.ratesSrc = null;
  created.request = { currency: "GBP", lines: [{ country: "GB", kind: "toll", minutes: "100" }] };
  const first = await typed.ready;
  const total: string = first.total;
  typed.addEventListener("quote-change", (e) => {
    const detail: QuoteChangeDetail = e.detail;
    const lines: number = detail.request.lines.length;
    const cost: string = detail.quote.total;
    // @ts-expect-error: money is a decimal string, never a number
    const asNumber: number = e.detail.quote.total;
    return [lines, cost, asNumber];
  });
  typed.addEventListener("quote-error", (e) => {
    const detail: QuoteErrorDetail = e.detail;
    return detail.code + detail.path + detail.message;
  });
  typed.addEventListener("locale-change", (e) => e.detail.locale.toUpperCase());
  typed.addEventListener("details-change", (e) => e.detail.customer + e.detail.preparedBy);
  typed.details = { customer: "Contoso" };
  const link: string = await typed.shareUrl();
  const csv: string = await typed.exportCsv();
  // @ts-expect-error: the exports are Promises of text
  const json: string = typed.exportJson();
  const currency: string | undefined = typed.quote?.currency;
  // @ts-expect-error: quote is read-only
  typed.quote = null;
  // @ts-expect-error: a request needs its lines
  typed.request = { currency: "EUR" };
  return total + (currency ?? "") + typed.details.preparedBy + link + csv + json;
}
