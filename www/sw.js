// The service worker (dist/sw.js): the whole site works offline after one visit, and a new deployment is
// taken only when the person says so. The build (xtask/sw.mjs) replaces the two constants below with the
// build's version (a hash of every file it precaches) and the list of those files, read from dist/.
//
// - Install: every file of the build goes into a cache named after its version, fetched past the HTTP
//   cache. The first worker activates at once and takes control of the open page (there is nothing older
//   to mix with); a later one waits until the page asks (the "Updated version available - Reload" prompt,
//   www/offline.js posts "skip-waiting"), so a page never runs one build's glue with another's .wasm.
// - Fetch: a file of the build comes from this version's cache, always (a page under this worker sees one
//   build, whatever the network has since). Anything else is not answered here and goes to the network
//   as usual: a rate card named by rates-src on another path is not kept for offline use.
// - Activate: the caches of other versions are deleted.
const VERSION = "dev";
const FILES = [];

const PREFIX = "audioconf-pricing-";
const CACHE = `${PREFIX}${VERSION}`;
const scope = new URL(self.registration.scope);
const precached = new Set(FILES.map((f) => new URL(f, scope).pathname));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(FILES.map((f) => new Request(new URL(f, scope), { cache: "reload" })));
      // The first visit: no older build to keep the page consistent with.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "skip-waiting") self.skipWaiting();
  else if (event.data?.type === "version") event.source?.postMessage({ type: "version", version: VERSION });
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin) return;
  // The query of embed.html (?locale=...&parent=...) does not change the file.
  if (precached.has(url.pathname)) event.respondWith(caches.match(url.href, { cacheName: CACHE, ignoreSearch: true }).then((r) => r ?? fetch(request)));
  // Anything else (a rate card named by rates-src, say) is left to the browser: not answered here.
});
