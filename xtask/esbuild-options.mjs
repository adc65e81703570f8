// The esbuild options every bundle of www/ shares (dist/ by bundle.mjs, pkg/ by package.mjs, the single
// file): ES modules, minified, for the browsers the element supports; Cyrillic as UTF-8, not \u escapes (the
// Russian catalogue is less than half the size).
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";

/**
 * The element's styles are CSS in JavaScript strings (`export const CSS = String.raw\`...\``, in
 * www/styles*.js and www/feature-styles.js), which the JavaScript minifier keeps as written, comments and
 * all. This plugin minifies each such string as CSS (esbuild's CSS minifier: no comments or spaces, shorter
 * numbers and colours, and two neighbouring rules with the same declarations made one; what matches what is
 * unchanged), so the sources keep their comments at no cost to the first load. A stylesheet string with a
 * `${...}` in it is refused: it would not be CSS alone.
 */
export const cssMinified = {
  name: "css-minified",
  setup(build) {
    build.onLoad({ filter: /[\\/]www[\\/](styles[\w-]*|feature-styles)\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, "utf8");
      const sheets = [...text.matchAll(/String\.raw`([^`]*)`/g)];
      const name = path.basename(args.path);
      if (!sheets.length) throw new Error(`www/${name}: no String.raw\`...\` stylesheet to minify`);
      let contents = text;
      for (const [whole, css] of sheets) {
        if (css.includes("${")) throw new Error(`www/${name}: a stylesheet with \${...} in it cannot be minified as CSS`);
        const { code } = await esbuild.transform(css, { loader: "css", minify: true, sourcefile: name });
        contents = contents.replace(whole, () => `String.raw\`${code.trim()}\``);
      }
      return { contents, loader: "js", resolveDir: path.dirname(args.path) };
    });
  },
};

export const COMMON = {
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2022",
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
  // A build with plugins of its own lists these first.
  plugins: [cssMinified],
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
