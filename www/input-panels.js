// Panels 2 to 4: the call mix (linked shares by kind, and the mix bar), the volume (minutes a month, or
// meetings × participants × minutes) and the licensed users the licence comparison needs.

import { html } from "lit";
import { kindSwatch, mixBar } from "./chart.js";
import { sharesControl } from "./shares.js";
import { numberedPanel, segmented, textField } from "./ui.js";
import { KINDS, exactMix, exactTotal, volume } from "./state.js";
import * as D from "./decimal.js";

/** Panel 2. `on.mix(values, announcement)` sets the mix; `barWidth` is the bar's width in pixels. */
export function mixPanel(tx, form, barWidth, on) {
  const t = tx.t;
  const exact = form.split === "exact";
  const shares = exact ? exactMix(form) : form.mix;
  const labels = Object.fromEntries(KINDS.map((k) => [k, tx.kind(k)]));
  const bar = html`<div class="mixbar-wrap">${mixBar({ prefix: tx.uid, shares, width: Math.max(120, barWidth || 300), labels })}</div>`;
  if (exact) {
    return numberedPanel(
      "mix",
      "2",
      t("mix_heading"),
      html`${bar}<p class="hint">${t("mix_from_exact")}</p>
        <ul class="legend">${KINDS.map((k) => html`<li>${kindSwatch(tx.uid, k)}${`${tx.kind(k)}: ${tx.fmt.percent(shares[k])}`}</li>`)}</ul>`,
    );
  }
  const hints = (k) => {
    const missing = form.countries.filter((c) => tx.countries.has(c) && !tx.countries.get(c).offered.includes(k));
    return missing.length ? t("kind_missing_in", { countries: tx.conjunction.format(missing.map((c) => tx.name(c))) }) : null;
  };
  return numberedPanel(
    "mix",
    "2",
    t("mix_heading"),
    html`${bar}<p class="hint" id="mix-hint">${t("mix_hint")}</p>
      ${sharesControl(tx, {
        id: "mix",
        keys: KINDS,
        values: form.mix,
        label: (k) => tx.kind(k),
        groupLabel: t("mix_heading"),
        swatch: (k) => kindSwatch(tx.uid, k),
        hints,
        onChange: on.mix,
      })}`,
  );
}

/** Panel 3. `on.volumeMode(mode)`, `on.field(name, text)`. */
export function volumePanel(tx, form, on) {
  const t = tx.t;
  const f = tx.fmt;
  if (form.split === "exact") {
    const total = exactTotal(form);
    return numberedPanel("volume", "3", t("volume_heading"), html`<p>${t("volume_from_exact")} <output aria-live="off">${t("minutes_count", { count: f.number(total), n: total })}</output></p>`);
  }
  const modes = ["minutes", "meetings"].map((m) => ({ value: m, label: t(`volume_${m}`) }));
  let body;
  if (form.volume === "minutes") {
    body = textField(tx, form, "minutes", t("minutes_label"), on.field, { unit: t("minutes_unit"), hint: t("minutes_hint") });
  } else {
    const v = volume(form);
    const result = v ? t("meetings_result", { minutes: f.number(D.fromScaled(v.hundredths, 2)), calls: f.number(v.calls.toString()), n: v.calls.toString() }) : "";
    body = html`<div class="meetings">
        ${textField(tx, form, "meetings", t("meetings_label"), on.field)}${textField(tx, form, "participants", t("participants_label"), on.field)}${textField(
          tx,
          form,
          "duration",
          t("duration_label"),
          on.field,
        )}
      </div>
      <p><output for="f-meetings f-participants f-duration">${result}</output></p>
      <p class="hint">${t("meetings_hint")}</p>`;
  }
  return numberedPanel("volume", "3", t("volume_heading"), html`<fieldset><legend>${t("volume_mode")}</legend>${segmented("volume", modes, form.volume, on.volumeMode)}</fieldset>${body}`);
}

/** Panel 4: licensed users, for the comparison with the per-user licence. */
export function licencePanel(tx, form, on) {
  const t = tx.t;
  return numberedPanel("users", "4", t("users_heading"), textField(tx, form, "users", t("users_label"), on.field, { hint: t("users_hint"), unit: t("users_unit") }));
}

