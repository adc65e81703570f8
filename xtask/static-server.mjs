// A static server for build steps and benchmarks: `dir` on a free loopback port, never outside `dir`.
// `routes` maps a path to a body served instead of a file (a benchmark's baseline pages).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/** Resolves with a listening `http.Server`; its URL is `http://127.0.0.1:${server.address().port}`. */
export function serveDir(dir, routes = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    if (routes[url.pathname] !== undefined) {
      res.writeHead(200, { "content-type": TYPES[path.extname(url.pathname)], "cache-control": "no-store" });
      return res.end(routes[url.pathname]);
    }
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ""));
    const target = url.pathname.endsWith("/") ? path.join(file, "index.html") : file;
    if (!target.startsWith(dir) || !fs.existsSync(target) || fs.statSync(target).isDirectory()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(target)] ?? "application/octet-stream" });
    fs.createReadStream(target).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
