// Runs every ```js block of README.md against the Node build, checking each
// `expression; // expected` line whose comment is a JSON value.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

test("the README has JavaScript examples", () => {
  assert.ok(blocks.length >= 1);
});

blocks.forEach((code, i) => {
  test(`README js block ${i + 1} runs and prints what it says`, () => {
    const checks = [];
    const body = code
      .split("\n")
      .map((line) => {
        const m = line.match(/^(.*?);\s*\/\/\s*(["\[{].*|\d.*|true|false|null)$/);
        if (!m) return line;
        checks.push(m[2]);
        return `__check(${checks.length - 1}, ${m[1]});`;
      })
      .join("\n")
      .replaceAll('require("./target/', `require(${JSON.stringify(root + "/target/")} + "`);
    const seen = [];
    const run = new Function("require", "__check", body);
    run(require, (k, value) => seen.push([k, value]));
    assert.equal(seen.length, checks.length);
    for (const [k, value] of seen) {
      assert.deepEqual(value, JSON.parse(checks[k]), `line ${k + 1} of block ${i + 1}`);
    }
  });
});
