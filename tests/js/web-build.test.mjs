// The browser build (target/pkg-web, made by scripts/test.sh) loads and works: its
// `initSync` takes the module's bytes, so Node can check it without a browser. The
// real browser run is tests/browser/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadWeb, pw } from "./load.mjs";

const web = await loadWeb();

test("the web build instantiates the optimised module and parses", () => {
  const q = web.parseQuantity("1.5 万人");
  assert.equal(q.value, "15000");
  assert.equal(q.zh, "1.5万人");
  assert.throws(() => web.parseQuantity("furlongs"), (err) => err instanceof Error && typeof err.code === "string");
});

test("the web build evaluates and extracts exactly as the Node build", () => {
  const csv = "indicator,period,value,unit\nnew_jobs,2024,18746,人\n";
  const card = (m) => m.Plan.builtin("nanshan-2024").evaluate(m.Observations.builtin("nanshan-2024").concat(csv), { asOf: "2025-03-01" });
  assert.deepEqual(card(web).toJSON(), card(pw).toJSON());
  assert.equal(card(web).assessment("new_jobs").status, "met");
  const text = "二、2024年主要目标\n- 新增就业人数 1.5 万人。";
  assert.deepEqual(web.extract(text), pw.extract(text));
  assert.equal(web.draftPlan(text).toToml(), pw.draftPlan(text).toToml());
});
