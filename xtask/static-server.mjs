// The static file server of the Node build steps (xtask/prerender.mjs), the benchmarks (tests/bench/) and
// the browser tests that need a second origin or a folder other than dist/ (the Vite app, the iframe host
// page, a second build for the service worker). Loopback only, never outside `dir`; `.wasm` as
// application/wasm; `headers` are added to every answer (a Content-Security-Policy, say).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * Serves `dir` on 127.0.0.1:`port` (0: a free port, `server.address().port`); resolves with the server once
 * it listens. `routes`: path -> body served instead of a file, or a function that writes the answer itself,
 * `(res, head)`, `head` being the headers this server would have sent (a test streams a page in parts).
 */
export function serve(dir, port = 0, { headers = {}, routes = {} } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (routes[pathname] !== undefined) {
      const head = { "content-type": TYPES[path.extname(pathname) || ".html"] ?? "text/plain", "cache-control": "no-cache", ...headers };
      if (typeof routes[pathname] === "function") return routes[pathname](res, head);
      res.writeHead(200, head);
      return res.end(routes[pathname]);
    }
    let file = path.resolve(root, `.${pathname}`);
    if (file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found\n");
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-cache", ...headers });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
