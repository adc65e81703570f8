// Type-checks the declarations in pkg/ the way a TypeScript user meets them (`tsc --noEmit --strict`, run by
// `cargo xtask test`). Each `@ts-expect-error` line must fail to compile, or tsc reports it as unused.
import init, { Calculator, type Quote, type LinePrices, type QuoteRequest, type CountryInfo, type CalculatorError } from "../../pkg/audioconf_pricing.js";

export async function example(): Promise<string> {
  await init();
  const calc: Calculator = Calculator.withDefaultRates();
  const request: QuoteRequest = { currency: "EUR", users: 50, lines: [{ country: "DE", kind: "toll", minutes: "1200", calls: 40 }] };
  const quote: Quote = calc.quote(request);
  const total: string = quote.total;
  const firstCost: string = quote.lines[0].cost;
  const prices: LinePrices = calc.priceLines(request);
  const sameTotal: boolean = prices.total === quote.total && prices.lines[0].index === 0;
  const cheaper: "pay_per_minute" | "per_user_licence" | "equal" | undefined = quote.comparison?.cheaper;
  const countries: CountryInfo[] = calc.countries();
  const why: string | undefined = countries[0].unavailable[0]?.reason;
  // @ts-expect-error: money is a decimal string, never a number
  const asNumber: number = quote.total;
  // @ts-expect-error: kinds are a closed set
  calc.quote({ lines: [{ country: "DE", kind: "tolls", minutes: "1" }] });
  // @ts-expect-error: lines are required
  calc.quote({ currency: "EUR" });
  try {
    calc.quote({ lines: [] });
  } catch (e) {
    const err = e as CalculatorError;
    return `${err.code} ${err.path} ${err.problems.length}`;
  }
  return [total, firstCost, cheaper, why, asNumber, sameTotal].join(" ");
}
