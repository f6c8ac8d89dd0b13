// The browser build (target/pkg-web, made by scripts/test.sh) loads and works: its
// `initSync` takes the module's bytes, so Node can check it without a browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const pkg = new URL("../../target/pkg-web/", import.meta.url);

test("the web build instantiates the optimised module and parses", async () => {
  const { initSync, parseQuantity } = await import(new URL("planwatch_wasm.js", pkg));
  initSync({ module: readFileSync(new URL("planwatch_wasm_bg.wasm", pkg)) });
  const q = parseQuantity("1.5 万人");
  assert.equal(q.value, "15000");
  assert.equal(q.zh, "1.5万人");
  assert.throws(() => parseQuantity("furlongs"), (err) => err instanceof Error && typeof err.code === "string");
});
