// The CSV writer of the exports (www/export.js) in Node: RFC 4180 quoting, CRLF, and cells a spreadsheet
// would read as a formula kept inert. Run by `cargo xtask test` (node --test tests/node/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { csvField, csvText } from "../../www/export.js";

test("fields are quoted only when they must be, quotes doubled", () => {
  const cases = [
    ["plain", "plain"],
    ["1234.50", "1234.50"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["", ""],
    [null, ""],
    [undefined, ""],
    [42, "42"],
    ["ООО «Ромашка»", "ООО «Ромашка»"],
  ];
  for (const [value, expected] of cases) assert.equal(csvField(value), expected, String(value));
});

test("a cell that starts like a formula gets an apostrophe in front", () => {
  const cases = [
    ['=HYPERLINK("http://x.example","y")', `"'=HYPERLINK(""http://x.example"",""y"")"`],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", "\"'\r=1\""],
    ["a=1", "a=1"],
  ];
  for (const [value, expected] of cases) assert.equal(csvField(value), expected, JSON.stringify(value));
});

test("rows end with CRLF, the last one too", () => {
  assert.equal(csvText([["row", "cost"], ["line", "1.50"], ["total", "1.50"]]), "row,cost\r\nline,1.50\r\ntotal,1.50\r\n");
});
