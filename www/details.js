// The quote details a representative types: the customer and who prepared the quote. Shown on the printed
// quote, in the exports and kept in the share link; the element's `details` property holds them
// (lazy-feature.js), this module draws their inputs once the first total is on the page.

import { setUp } from "./quote-kit.js";

export function create(host, kit) {
  setUp(host, kit);
  const { html, live, DETAILS_MAX } = kit;
  const field = (key, id, label) => html`<label for=${id}>${label}<input id=${id} type="text" data-key=${id} maxlength=${DETAILS_MAX} autocomplete="off"
    .value=${live(host.details[key])} @input=${(e) => (host.details = { ...host.details, [key]: e.target.value })}></label>`;
  return {
    toolbar(tx) {
      const t = tx.t;
      const customer = host.details.customer;
      return html`<details class="qt-details" data-key="quote-details">
        <summary>${customer ? t("quote_details_for", { customer }) : t("quote_details")}</summary>
        <div class="qt-fields">${field("customer", "q-customer", t("customer"))}${field("preparedBy", "q-prepared-by", t("prepared_by"))}</div>
        <p class="hint">${t("details_hint")}</p>
      </details>`;
    },
  };
}
