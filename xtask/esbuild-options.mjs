// The esbuild options every bundle of www/ shares (dist/ by bundle.mjs, pkg/ by package.mjs, the single
// file): ES modules, minified, for the browsers the element supports; Cyrillic as UTF-8, not \u escapes (the
// Russian catalogue is less than half the size).
import fs from "node:fs";
import path from "node:path";

export const COMMON = {
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2022",
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
};

/**
 * dist/ loads the usage report's panel by URL, a build of its own (xtask/bundle.mjs). Where one bundle
 * holds everything (the npm package's chunks, the single file), this plugin makes that import a plain
 * dynamic import(), which the bundler follows like the other lazy features'.
 */
export const usagePanelImported = {
  name: "usage-panel-imported",
  setup(build) {
    build.onLoad({ filter: /[\\/]www[\\/]usage-import\.js$/ }, (args) => {
      const text = fs.readFileSync(args.path, "utf8");
      const plain = text.replace(/import\(\/\*[^*]*\*\/ new URL\("\.\/usage-panel\.js", import\.meta\.url\)\.href\)/, 'import("./usage-panel.js")');
      if (plain === text) throw new Error("www/usage-import.js: no import of usage-panel.js by URL to make a plain import of");
      return { contents: plain, loader: "js", resolveDir: path.dirname(args.path) };
    });
  },
};
