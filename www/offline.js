// The page's offline support, imported by page.js once the first total is on screen (it is not part of the
// first load): registers the service worker (dist/sw.js, source www/sw.js), shows "Updated version
// available - Reload" when a newer build has installed beside the running one, and says when the page is
// offline. Its texts carry data-i18n, so page.js translates them with the rest of the page (embed-frame.js
// in the iframe mode); a line shown later is put in the page's language (its `lang`) as it is shown. The
// iframe mode's page sets none of the --page-* colours: the fallbacks are page.css's.
import { catalogue, loadCatalogue } from "./i18n.js";

const CSS = `
.page-status:empty { display: none; }
.page-status {
  --_band: #f0f1f8; --_border: #d7d9e3; --_accent: #4f52b2; --_bg: #ffffff; --_fg: #1b1d24;
  color-scheme: light dark; background: var(--page-band, var(--_band)); color: var(--page-fg, var(--_fg));
  border-bottom: 1px solid var(--page-border, var(--_border));
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  .page-status { --_band: #1c1d25; --_border: #33374a; --_accent: #a5a8ff; --_bg: #15161b; --_fg: #e9eaf0; }
}
.page-status p { max-width: 1240px; margin: 0 auto; padding: 0.5rem clamp(0.75rem, 3vw, 2rem); display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
.page-status button {
  font: inherit; font-weight: 600; padding: 0.25rem 0.9rem; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--page-accent, var(--_accent)); background: var(--page-accent, var(--_accent)); color: var(--page-bg, var(--_bg));
}
`;

/** Hours between checks for a new build while the page stays open (the browser checks on each visit). */
const CHECK_HOURS = 1;

/** A line of the status, its texts to be filled in when it is shown (`say`). */
function line(keys) {
  const p = document.createElement("p");
  for (const [tag, key] of keys) {
    const node = document.createElement(tag);
    node.dataset.i18n = key;
    if (tag === "button") node.type = "button";
    p.append(node);
  }
  return p;
}

export async function startOffline() {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  await loadCatalogue(document.documentElement.lang || "en");
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  // One polite live region, in place before anything is said in it.
  const status = document.createElement("div");
  status.className = "page-status";
  status.setAttribute("role", "status");
  const skip = document.querySelector(".skip"); // the skip link stays the first stop of Tab
  if (skip) skip.after(status);
  else document.body.prepend(status);
  const offline = line([["span", "offline_notice"]]);
  const update = line([["span", "update_available"], ["button", "update_reload"]]);
  // In the language the page is in by now (the page's translation loaded its catalogue before setting it).
  const say = (p) => {
    const t = catalogue(document.documentElement.lang || "en");
    for (const node of p.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    status.append(p);
  };
  // Back online, the notice goes: the status is empty again and takes no room.
  const show = () => (navigator.onLine ? offline.remove() : offline.isConnected || say(offline));
  addEventListener("offline", show);
  show();

  let registration;
  try {
    registration = await navigator.serviceWorker.register("sw.js", { scope: "./" });
  } catch {
    return; // a browser that refuses workers here (a private window, say): the page works as it is
  }
  let reloading = false;
  // The first worker takes control without a reload; only a person's "Reload" reloads.
  navigator.serviceWorker.addEventListener("controllerchange", () => reloading && location.reload());
  update.querySelector("button").addEventListener("click", () => {
    reloading = true;
    if (registration.waiting) registration.waiting.postMessage({ type: "skip-waiting" });
    else location.reload();
  });
  const offerUpdate = () => {
    if (!registration.waiting || !navigator.serviceWorker.controller || update.isConnected) return;
    say(update);
  };
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => worker.state === "installed" && offerUpdate());
  });
  offerUpdate();
  const check = () => registration.update().catch(() => {});
  addEventListener("online", () => {
    show();
    check();
  });
  setInterval(check, CHECK_HOURS * 3600 * 1000);
}
