// The size budget of the WebAssembly module (issue 7): the optimised .wasm that ships
// (target/pkg-web/planwatch_wasm_bg.wasm, the same bytes as pkg-node's), built on stable
// Rust, measured as `gzip -9 -c planwatch_wasm_bg.wasm | wc -c`. Issue 14 asks for at
// most 300 KB, and the test holds exactly that. Sessions 5 to 7 brought the module from
// 316.5 KB to 298.5 KB without taking API or data from JavaScript users (BENCHMARKS.md,
// "Session 5: what each lever did", "Session 6", "Session 7"); a change that crosses the
// budget has to pay for itself. BENCHMARKS.md records the figure and where the bytes are.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { pkgNode, pkgWeb } from "./load.mjs";

const BUDGET = 300 * 1000;

const path = fileURLToPath(new URL("planwatch_wasm_bg.wasm", pkgWeb));
const wasm = readFileSync(path);
// GNU gzip, as BENCHMARKS.md measures (zlib's level 9 differs by a few hundred bytes).
const gzipped = execFileSync("gzip", ["-9", "-c", path], { maxBuffer: 1 << 26 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

test("both packages ship the same optimised module", () => {
  assert.ok(readFileSync(new URL("planwatch_wasm_bg.wasm", pkgNode)).equals(wasm));
  // wasm-opt drops the name section: an unoptimised module still has it.
  assert.ok(!wasm.includes(Buffer.from("\u0004name")), "the module is optimised (no name section)");
});

test(`the .wasm is at most ${kb(BUDGET)} gzipped`, (t) => {
  t.diagnostic(`planwatch_wasm_bg.wasm: ${wasm.length} bytes, ${gzipped} gzipped (gzip -9)`);
  assert.ok(gzipped <= BUDGET, `${kb(gzipped)} gzipped (${kb(wasm.length)} raw) exceeds ${kb(BUDGET)}`);
});
