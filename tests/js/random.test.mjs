// Randomized robustness: arbitrary strings and structures fed to every entry point of
// the Node build. Only planwatch errors (Error objects with a known string `code`) may
// come out — never a WebAssembly trap (a Rust panic), never another kind of throw.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pw = require("../../target/pkg-node/planwatch_wasm.js");

const CODES = new Set([
  "parse", "unknown_unit", "dimension_mismatch", "inexact_conversion", "overflow",
  "division_by_zero", "period", "validation", "unknown_indicator", "unknown_dataset",
  "too_large", "invalid_value", "conflict", "not_comparable",
]);

// A small seeded generator (mulberry32), so a failure can be replayed.
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "1", "5.5", "1.5", "万", "亿", "元", "人", "%", "个百分点", "亩", "公顷", ">=", "~", "between", " and ",
  "-", "至", "ref:q", "done by 2024-12-31", "2024", "2024H1", "2024-01..2024-09", "2021..2025",
  "[plan]\nid = \"p\"\nperiod = \"2024\"\n", "[[indicator]]\nid = \"a\"\nname = { zh = \"甲\" }\nunit = \"人\"\n",
  "[[target]]\nindicator = \"a\"\ncondition = \"", "\"\n", "indicator,period,value,unit\n", "a,2024,", ",人\n",
  "{", "}", "[", "]", "\"", ",", ":", "\n", "二、2024年主要目标\n", "新增就业人数", "力争", "增长", "。",
  "\u0000", "\uFFFF", "😀", "1e30", "99999999999999999999999999999", "NaN", "-0", "１２％",
];

function text(r) {
  const n = Math.floor(r() * 12);
  let s = "";
  for (let i = 0; i < n; i++) {
    s += r() < 0.8 ? PIECES[Math.floor(r() * PIECES.length)] : String.fromCharCode(Math.floor(r() * 0x3000));
  }
  return s;
}

function value(r, depth = 0) {
  const k = r();
  if (depth > 2 || k < 0.4) return text(r);
  if (k < 0.5) return Math.floor(r() * 1e6) / (r() < 0.5 ? 1 : 100);
  if (k < 0.55) return null;
  if (k < 0.6) return r() < 0.5;
  if (k < 0.8) return Array.from({ length: Math.floor(r() * 3) }, () => value(r, depth + 1));
  const o = {};
  for (const key of ["indicator", "period", "value", "unit", "vintage", text(r)]) {
    if (r() < 0.7) o[key] = value(r, depth + 1);
  }
  return o;
}

function onlyPlanwatchErrors(name, fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${name}: wasm trap (a panic): ${e}`);
    assert.ok(e instanceof Error, `${name}: threw a non-Error: ${e}`);
    assert.ok(CODES.has(e.code), `${name}: unexpected code ${e.code}: ${e.message}`);
  }
}

test("arbitrary input to every entry point gives a result or a planwatch error", () => {
  const r = rng(20261129);
  const plan = pw.Plan.builtin("nanshan-2024");
  for (let i = 0; i < 1500; i++) {
    const s = text(r);
    onlyPlanwatchErrors("parseQuantity", () => pw.parseQuantity(s));
    onlyPlanwatchErrors("Plan.fromToml", () => pw.Plan.fromToml(s).evaluate([]));
    onlyPlanwatchErrors("Plan.fromJson", () => pw.Plan.fromJson(s));
    onlyPlanwatchErrors("Observations.fromCsv", () => pw.Observations.fromCsv(s));
    onlyPlanwatchErrors("Observations.fromJson", () => pw.Observations.fromJson(s));
    onlyPlanwatchErrors("Observations.fromRecords", () => pw.Observations.fromRecords(value(r)));
    onlyPlanwatchErrors("evaluate", () => plan.evaluate(value(r), { asOf: r() < 0.5 ? s : "2024-06-30" }));
    onlyPlanwatchErrors("extract", () => pw.extract(s));
    onlyPlanwatchErrors("draftPlan", () => pw.draftPlan(s, { period: r() < 0.5 ? "2024" : s }));
  }
});
