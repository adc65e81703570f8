// The esbuild options every bundle of www/ shares (dist/ by bundle.mjs, pkg/ by package.mjs, the single
// file): ES modules, minified, for the browsers the element supports; Cyrillic as UTF-8, not \u escapes (the
// Russian catalogue is less than half the size).
export const COMMON = {
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2022",
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
};
