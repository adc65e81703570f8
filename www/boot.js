// index.html's one script at first: it starts the calculator's modules once the first paint is on screen.
//
// That paint already holds the first total (drawn at build time, xtask/prerender.mjs), so nothing the
// calculator fetches or runs may delay it. The page's own module scripts and their preload hints (the
// .wasm, the static import graph: xtask/bundle.mjs writes them) wait in <template id="calculator-modules">,
// where a browser neither fetches nor runs them. On a 2-core machine, fetching, compiling and running them
// beside the first frame's layout and raster made that frame 30-40 ms later (BENCHMARKS.md, "Where the
// page's first paint goes").
//
// When this runs:
// - after the first contentful paint has been reported;
// - at once if the page is hidden (it does not paint) or the browser does not report paint timing;
// - when the page is shown, or after a second, if that report never comes.
// What it does: puts a copy of each <link> and <script> of the template at the end of <head>, in order;
// scripts without `async` run in that order, as the parser would have run them.
//
// Until the element takes over, its drawn copy is inert, so a click on it reaches the element itself. This
// keeps the last such click (where on the page, and when) on the element, under EARLY_CLICK, for the
// element to replay on what is then at that place (www/prerender.js). Meanwhile the control pressed looks
// pressed (the background a button has under the pointer), so a person does not press again; it goes
// with the copy. Once the copy is gone, the first click on the element removes this listener: every later
// click would look through its whole shadow tree.
const EARLY_CLICK = Symbol.for("audioconf-pricing.early-click");
let shownPressed;
function keepEarlyClick({ target, pageX, pageY, clientX, clientY, timeStamp }) {
  if (target.localName !== "audioconf-pricing") return;
  const copy = target.shadowRoot?.querySelector("[data-prerender]");
  if (!copy) return document.removeEventListener("click", keepEarlyClick, true);
  target[EARLY_CLICK] = { x: pageX, y: pageY, at: timeStamp };
  // The copy is inert, so hit testing passes through it: the control is the one whose box holds the point
  // (or the select of the label that does).
  const holds = (el) => {
    const box = el.getBoundingClientRect();
    return clientX >= box.left && clientX < box.right && clientY >= box.top && clientY < box.bottom;
  };
  const pressed = [...copy.querySelectorAll("button, summary, select")].find(holds) ?? [...copy.querySelectorAll("label")].find(holds)?.control;
  shownPressed?.style.removeProperty("background");
  pressed?.style.setProperty("background", "var(--_surface-2)");
  shownPressed = pressed;
}
document.addEventListener("click", keepEarlyClick, true);

const template = document.getElementById("calculator-modules");
let started = false;

function start() {
  if (started || !template) return;
  started = true;
  for (const node of template.content.children) {
    const copy = document.createElement(node.localName);
    for (const { name, value } of node.attributes) copy.setAttribute(name, value);
    if (copy.localName === "script") copy.async = node.hasAttribute("async");
    document.head.append(copy);
  }
}

const reportsPaint = typeof PerformanceObserver === "function" && PerformanceObserver.supportedEntryTypes?.includes("paint");
if (document.visibilityState !== "visible" || !reportsPaint) {
  start();
} else {
  new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName("first-contentful-paint").length) return;
    observer.disconnect();
    start();
  }).observe({ type: "paint", buffered: true });
  document.addEventListener("visibilitychange", start, { once: true });
  setTimeout(start, 1000);
}
