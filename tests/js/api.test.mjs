// The JavaScript API over the core: plans, observations, scorecards, extraction, and
// the errors each throws. Tests target/pkg-node, made by scripts/test.sh.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pw, readText } from "./load.mjs";

const { Plan, Observations, Scorecard, extract, draftPlan } = pw;

const DEMO = `
[plan]
id = "demo"
period = "2024"

[[indicator]]
id = "new_jobs"
name = { zh = "新增就业人数", en = "New urban jobs" }
unit = "人"
kind = "binding"
flow = true

[[target]]
indicator = "new_jobs"
condition = ">= 1.5万人"
`;
const JOBS_CSV = "indicator,period,value,unit\nnew_jobs,2024,18746,人\n";

/** Asserts that `fn` throws a planwatch error with `code`, and returns the error. */
function thrown(fn, code) {
  let caught;
  assert.throws(fn, (err) => {
    caught = err;
    return true;
  });
  assert.ok(caught instanceof Error, "an Error is thrown");
  assert.equal(caught.code, code, `code of: ${caught.message}`);
  for (const key of ["file", "line", "column", "path", "byteOffset", "charOffset", "expected"]) {
    assert.ok(key in caught, `the error has ${key}`);
  }
  assert.ok(Array.isArray(caught.issues));
  return caught;
}

test("the README example: a plan from TOML, observations as CSV, one verdict", () => {
  const plan = Plan.fromToml(DEMO, "demo.toml");
  assert.equal(plan.id, "demo");
  assert.equal(plan.period, "2024");
  assert.equal(plan.targetCount, 1);
  const card = plan.evaluate(JOBS_CSV);
  assert.ok(card instanceof Scorecard);
  const [jobs] = card.records();
  assert.equal(jobs.status, "met");
  assert.equal(jobs.grade, "exceeded");
  assert.equal(jobs.observed, "18746");
  assert.equal(jobs.target_value, "15000");
  assert.equal(jobs.unit, "人");
  assert.equal(jobs.explanation.zh, "新增就业人数18746人，目标不少于1.5万人，完成率125.0%，已完成（超额完成）");
});

test("observations as an array of plain objects, values as strings or numbers", () => {
  const plan = Plan.fromToml(DEMO);
  const asText = plan.evaluate([{ indicator: "new_jobs", period: "2024", value: "1.2万", unit: "人" }]);
  assert.equal(asText.assessment("new_jobs").status, "missed");
  assert.equal(asText.assessment("new_jobs").observed, "12000");
  const asNumber = plan.evaluate([{ indicator: "new_jobs", period: "2024", value: 18746, unit: "人" }]);
  assert.equal(asNumber.assessment("new_jobs").status, "met");
  assert.equal(asNumber.assessment("nothing"), undefined);
});

test("results are plain objects and arrays, decimals are strings", () => {
  const card = Plan.builtin("nanshan-2024").evaluate(Observations.builtin("nanshan-2024"));
  const records = card.records();
  assert.ok(Array.isArray(records));
  assert.equal(records.length, 55);
  for (const r of records) {
    assert.equal(Object.getPrototypeOf(r), Object.prototype);
    assert.equal(Object.getPrototypeOf(r.name), Object.prototype);
    for (const key of ["observed", "target_value", "completion", "gap", "previous"]) {
      assert.ok(r[key] === null || typeof r[key] === "string", `${r.target}.${key}`);
    }
  }
  const gdp = card.assessment("gdp_growth");
  assert.equal(gdp.status, "missed"); // 4.1% < 5.5%
  assert.equal(gdp.observed, "4.1");
  const summary = card.summary();
  assert.equal(Object.getPrototypeOf(summary), Object.prototype);
  assert.equal(summary.all.total, 55);
  assert.ok(Array.isArray(summary.by_section));
});

test("toJSON is the core's JSON: JSON.stringify(scorecard) round-trips", () => {
  const card = Plan.builtin("nanshan-2024").evaluate(Observations.builtin("nanshan-2024"), { asOf: "2025-06-30" });
  const data = card.toJSON();
  assert.equal(data.plan, "nanshan-2024");
  assert.equal(data.as_of, "2025-06-30");
  assert.equal(card.asOf, "2025-06-30");
  assert.deepEqual(JSON.parse(JSON.stringify(card)), data);
  assert.deepEqual(data.assessments, card.records());
  assert.deepEqual(data.summary, card.summary());
});

test("ordered(): binding misses first, then sections in document order", () => {
  const plan = Plan.builtin("nanshan-2024");
  const extra = Observations.fromCsv("indicator,period,value,unit\nnew_jobs,2024,1,人\n");
  const card = plan.evaluate(Observations.builtin("nanshan-2024").concat(extra));
  const ordered = card.ordered();
  assert.equal(ordered.length, card.records().length);
  assert.equal(ordered[0].target, "new_jobs");
  assert.equal(ordered[0].severity, "error");
  assert.deepEqual(card.summary().binding_misses, ["new_jobs"]);
});

test("as-of dates: only figures published by then count", () => {
  const plan = Plan.builtin("nanshan-2024");
  const obs = Observations.builtin("nanshan-2024");
  const later = plan.evaluate(obs);
  const early = plan.evaluate(obs, { asOf: "2024-03-01" });
  assert.equal(later.assessment("gdp_growth").status, "missed");
  assert.notEqual(early.assessment("gdp_growth").status, "missed");
  assert.equal(early.asOf, "2024-03-01");
  assert.equal(later.asOf, undefined);
  assert.deepEqual(plan.evaluate(obs, { asOf: null }).toJSON(), later.toJSON());
});

test("Observations: built-in, CSV, JSON and records batches; concat keeps both", () => {
  const builtin = Observations.builtin("nanshan-2024");
  assert.equal(builtin.length, 23);
  const mine = Observations.fromRecords([{ indicator: "new_jobs", period: "2024", value: "18746", unit: "人" }]);
  const json = Observations.fromJson(JSON.stringify([{ indicator: "new_jobs", period: "2024", value: 18746, unit: "人" }]));
  const both = builtin.concat(mine);
  assert.equal(both.length, 24);
  assert.equal(builtin.length, 23, "concat does not change the batch");
  assert.equal(mine.length, 1, "a batch stays usable after it is passed in");
  assert.equal(json.length, 1);
  assert.equal(builtin.concat(JOBS_CSV).length, 24);
  const plan = Plan.builtin("nanshan-2024");
  assert.equal(plan.evaluate(builtin).assessment("new_jobs").status, "no_data");
  assert.equal(plan.evaluate(both).assessment("new_jobs").status, "met");
  // The same batch can be evaluated again.
  assert.equal(plan.evaluate(both).assessment("new_jobs").status, "met");
  assert.match(mine.toCsv(), /^indicator,period,value,unit,status,vintage,source,jurisdiction\nnew_jobs,2024,18746,人,final,,,\n$/);
});

test("plans round-trip through TOML and JSON", () => {
  const plan = Plan.builtin("nanshan-2024");
  const again = Plan.fromToml(plan.toToml());
  assert.equal(again.toToml(), plan.toToml());
  const viaJson = Plan.fromJson(plan.toJson());
  assert.equal(viaJson.toToml(), plan.toToml());
  assert.equal(plan.title, "南山区2024年国民经济和社会发展计划");
  assert.equal(plan.jurisdiction, "深圳市南山区");
});

test("reports: HTML page and fragment, text, Markdown, CSV; zh by default", () => {
  const card = Plan.builtin("nanshan-2024").evaluate(Observations.builtin("nanshan-2024"));
  const html = card.toHtml();
  assert.match(html, /^<!DOCTYPE html>/);
  assert.equal(card.toHtml("zh"), html);
  assert.notEqual(card.toHtml("en"), html);
  assert.match(card.toHtml("en"), /Real GDP growth/);
  assert.match(card.toHtmlFragment("en"), /^<div class="pw-report"/);
  // Text and Markdown reports are left out of the module (issue 14's size budget).
  assert.equal(card.toText, undefined);
  assert.equal(card.toMarkdown, undefined);
  const csv = card.toCsv();
  assert.match(csv, /^target,indicator,name\.zh,name\.en,/);
  assert.match(csv, /\ngdp_growth,gdp_growth,本地生产总值增长,/);
  thrown(() => card.toHtml("fr"), "invalid_value");
});

test("extract: targets and actuals with character spans", () => {
  const text = "二、2024年主要目标\n- 本地生产总值增长 5.5%。\n- 新增就业人数 1.5 万人。";
  const found = extract(text);
  assert.equal(found.plan_year, 2024);
  assert.deepEqual(found.warnings, []);
  const jobs = found.findings[1];
  assert.equal(jobs.indicator, "新增就业人数");
  assert.equal(jobs.status, "target");
  assert.equal(jobs.op, ">=");
  assert.equal(jobs.value, "15000");
  assert.equal(jobs.unit, "人");
  const chars = [...text];
  assert.equal(chars.slice(...jobs.span).join(""), "1.5 万人");
  assert.equal(chars.slice(...jobs.indicator_span).join(""), "新增就业人数");
});

test("extract and draftPlan on the Nanshan report", () => {
  const text = readText("core/data/nanshan-2024/report.txt");
  const found = extract(text);
  const targets = found.findings.filter((f) => f.status === "target");
  assert.ok(targets.length >= 30, `${targets.length} targets`);
  assert.ok(found.findings.some((f) => f.status === "actual"));
  assert.ok(targets.some((f) => f.indicator.includes("本地生产总值") && f.value === "5.5"));
  const draft = draftPlan(text);
  assert.equal(draft.period, "2024");
  assert.equal(draft.targetCount, targets.length);
  const toml = draft.toToml();
  assert.equal(Plan.fromToml(toml).targetCount, draft.targetCount);
  const named = draftPlan(text, { id: "nanshan-draft", title: "草案", document: "seed" });
  assert.equal(named.id, "nanshan-draft");
  assert.equal(named.title, "草案");
});

test("references: a quota bound in JavaScript decides a pending target", () => {
  const plan = Plan.builtin("nanshan-2024");
  assert.equal(plan.document, "seed:000_e2dc67d99fd687ff");
  const obs = Observations.builtin("nanshan-2024").concat("indicator,period,value,unit\nwater_per_10k_gdp,2024,6.8,立方米/万元\n");
  assert.equal(plan.evaluate(obs).assessment("water_per_10k_gdp").status, "pending");
  plan.bindReference("city_quota", "8.5立方米/万元");
  const card = plan.evaluate(obs);
  assert.equal(card.assessment("water_per_10k_gdp").status, "met");
  assert.equal(card.assessment("water_per_10k_gdp").target_value, "8.5");
  assert.deepEqual([card.title, card.jurisdiction, card.period, card.plan], [plan.title, plan.jurisdiction, "2024", "nanshan-2024"]);
});

// --- Errors: each bad input throws an Error with a stable code and its location. ---

test("bad plan: every problem with its line and column", () => {
  const toml = DEMO.replace('unit = "人"', 'unit = "furlong"').replace("1.5万人", "lots");
  const err = thrown(() => Plan.fromToml(toml, "bad.toml"), "validation");
  assert.ok(err.issues.length >= 2);
  const unit = err.issues.find((i) => i.code === "unknown_unit");
  assert.deepEqual(
    { file: unit.file, line: unit.line, column: unit.column, path: unit.path },
    { file: "bad.toml", line: 9, column: 8, path: "indicator[0].unit" },
  );
  assert.ok(err.issues.every((i) => typeof i.message === "string" && i.line > 0));
});

test("builtinNames: every built-in dataset loads with its observations", () => {
  const names = Plan.builtinNames();
  assert.deepEqual(names, ["nanshan-2024", "china-14fyp"]);
  for (const name of names) {
    const plan = Plan.builtin(name);
    assert.equal(plan.id, name);
    const card = plan.evaluate(Observations.builtin(name), { asOf: "2026-12-02" });
    assert.equal(card.records().length, plan.targetCount);
  }
  const income = Plan.builtin("china-14fyp").evaluate(Observations.builtin("china-14fyp")).assessment("income_growth");
  assert.equal(income.reference, "gdp_growth");
});

test("bad plan: TOML syntax, JSON syntax, unknown built-in", () => {
  const syntax = thrown(() => Plan.fromToml("[plan\nid ="), "validation");
  assert.equal(syntax.issues[0].code, "syntax");
  assert.equal(syntax.issues[0].line, 1);
  thrown(() => Plan.fromJson("{"), "validation");
  thrown(() => Plan.builtin("atlantis"), "unknown_dataset");
});

test("bad unit: an observation row with an unknown unit names its row and column", () => {
  const plan = Plan.fromToml(DEMO);
  const csv = "indicator,period,value,unit\nnew_jobs,2024,18746,人\nnew_jobs,2023,3,furlong\n";
  const err = thrown(() => plan.evaluate(csv), "validation");
  assert.equal(err.issues.length, 1);
  assert.deepEqual(
    { code: err.issues[0].code, line: err.issues[0].line, column: err.issues[0].column },
    { code: "unknown_unit", line: 3, column: 4 },
  );
});

test("bad unit: a quota in the wrong dimension is dimension_mismatch", () => {
  const plan = Plan.builtin("nanshan-2024");
  const err = thrown(() => plan.bindReference("city_quota", "8人"), "dimension_mismatch");
  assert.match(err.message, /立方米\/万元/);
  thrown(() => plan.bindReference("city_quota", "lots"), "parse");
});

test("bad observations: every bad row, with CSV lines or record paths", () => {
  const plan = Plan.fromToml(DEMO);
  const err = thrown(() => plan.evaluate("indicator,period,value,unit\nnew_jobs,2024,lots,人\nnew_jobs,2024Q5,1,人\n"), "validation");
  assert.deepEqual(err.issues.map((i) => [i.line, i.column]), [[2, 3], [3, 2]]);
  const rec = thrown(() => plan.evaluate([{ indicator: "new_jobs", period: "2024", value: "x", unit: "人" }, { colour: "red" }]), "validation");
  assert.deepEqual(rec.issues.map((i) => i.path), ["[0].value", "[1]"]);
  assert.deepEqual(rec.issues.map((i) => i.file), ["records", "records"]);
});

test("bad text: draftPlan of text without a plan year, and the size limit", () => {
  const err = thrown(() => draftPlan("Nothing to see here."), "period");
  assert.match(err.message, /plan year/);
  // The period can be given instead.
  assert.equal(draftPlan("新增就业人数 1.5 万人。", { period: "2024" }).period, "2024");
  thrown(() => draftPlan("x", { period: "2024Q5" }), "period");
  thrown(() => extract("。".repeat(22_400_000)), "too_large");
});

test("bad numbers: more digits than an exact decimal holds is an overflow error", () => {
  const err = thrown(() => pw.parseQuantity("1e30亿"), "overflow");
  assert.equal(typeof err.charOffset, "number");
});

test("bad arguments: wrong types are invalid_value errors, not crashes", () => {
  const plan = Plan.fromToml(DEMO);
  thrown(() => plan.evaluate(42), "invalid_value");
  thrown(() => plan.evaluate({ indicator: "new_jobs" }), "invalid_value");
  thrown(() => plan.evaluate(JOBS_CSV, { asOf: 20240101 }), "invalid_value");
  // A period that is not a day: the core's parse_date refuses it, as in Python.
  thrown(() => plan.evaluate(JOBS_CSV, { asOf: "2024" }), "parse");
  const date = thrown(() => plan.evaluate(JOBS_CSV, { asOf: "2024-02-30" }), "period");
  assert.equal(typeof date.charOffset, "number");
  thrown(() => plan.evaluate(JOBS_CSV, "2024-01-01"), "invalid_value");
  // A record that is not an object is a bad row, reported like every other one.
  const notRecord = thrown(() => plan.evaluate([1n]), "validation");
  assert.deepEqual(notRecord.issues.map((i) => [i.code, i.row, i.path]), [["bad_row", 0, "[0]"]]);
  thrown(() => draftPlan("x", { id: 3 }), "invalid_value");
});

test("options: 基本完成 margins as decimal strings", () => {
  const plan = Plan.fromToml(DEMO);
  const obs = [{ indicator: "new_jobs", period: "2024", value: "14000", unit: "人" }];
  assert.equal(plan.evaluate(obs).assessment("new_jobs").grade, "not_achieved"); // 93.3% < 95%
  assert.equal(plan.evaluate(obs, { basicRatio: "0.9" }).assessment("new_jobs").grade, "basically_achieved");
  thrown(() => plan.evaluate(obs, { basicRatio: "most" }), "parse");
});

test("nothing lost: a lenient CSV load keeps the good rows and lists every rejected one", () => {
  const text = "indicator,period,value,unit\nnew_jobs,2024,18746,人\nnew_jobs,2024Q5,1,人\ngdp,2024,lots,亿元\n";
  const strict = thrown(() => Observations.fromCsv(text), "validation");
  assert.equal(strict.issues.length, 2);
  const { observations, rejected } = Observations.fromCsvLenient(text);
  assert.equal(observations.length, 1);
  assert.deepEqual(rejected.map((r) => [r.line, r.column, r.code]), [[3, 2, "bad_period"], [4, 3, "bad_value"]]);
});

test("issue 12: field counts, empty units and written periods in observation files", () => {
  const text =
    "indicator,period,value,unit\nnew_jobs,2024,1\nnew_jobs,2024,1,人,final\nnew_jobs,2024,1,\nnew_jobs,2024年1-9月,12000,人\n";
  const strict = thrown(() => Observations.fromCsv(text), "validation");
  assert.deepEqual(
    strict.issues.map((i) => [i.line, i.column, i.code]),
    [[2, 4, "field_count"], [3, 5, "field_count"], [4, 4, "missing_unit"]],
  );
  const { observations, rejected } = Observations.fromCsvLenient(text);
  assert.equal(observations.length, 1);
  assert.equal(rejected.length, 3);
  assert.match(observations.toCsv(), /\nnew_jobs,2024-01\.\.2024-09,12000,人,/);
  const written = Observations.fromJson(
    '[{"indicator":"a","period":"2024年第三季度","value":"1","unit":"人"},{"indicator":"b","period":"2024年末","value":"1","unit":"人"}]',
  );
  assert.match(written.toCsv(), /\na,2024Q3,1,人,.*\nb,2024-12-31,1,人,/s);
  const bad = thrown(() => Observations.fromCsv("indicator,period,value,unit\na,2024年4-6月,1,人\n"), "validation");
  assert.deepEqual(bad.issues.map((i) => [i.line, i.column, i.code]), [[2, 2, "bad_period"]]);
});

test("issue 12: plan.check reports unknown indicator ids at their row, and contradictions", () => {
  const plan = Plan.fromToml(DEMO);
  const checked = plan.check("indicator,period,value,unit\nnew_jobs,2024年1-9月,12000,人\nnew_jbos,2024,18746,人\n");
  assert.deepEqual(
    checked.errors.map((i) => [i.code, i.line, i.column]),
    [["unknown_indicator", 3, 1]],
  );
  assert.deepEqual(checked.warnings, []);
  const stock = Plan.fromToml(DEMO.replace("flow = true\n", ""));
  const warned = stock.check("indicator,period,value,unit\nnew_jobs,2024年1-9月,12000,人\n");
  assert.deepEqual(warned.warnings.map((i) => [i.code, i.line, i.column]), [["ytd_not_flow", 2, 2]]);
  assert.deepEqual(plan.check([]), { errors: [], warnings: [] });
});

test("issue 12: a scorecard lists the observations it could not use", () => {
  const plan = Plan.fromToml(DEMO);
  const card = plan.evaluate("indicator,period,value,unit\nnew_job,2024,12000,人\n");
  assert.deepEqual(card.issues().map((i) => [i.code, i.line]), [["unknown_indicator", 2]]);
  assert.equal(card.records()[0].status, "no_data");
});

test("Observations.fromRecords reads the objects' own properties, every bad record at its index and key", () => {
  // Values JSON text would have refused or changed: a BigInt, undefined, null; numbers
  // by JavaScript's shortest round-trip text, true as a milestone done.
  const ok = Observations.fromRecords([
    { indicator: "a", period: "2024", value: 0.1 + 0.2, unit: "元" },
    { indicator: "a", period: "2023", value: 12345678901234567890n, unit: "元", status: undefined },
    { indicator: "m", period: "2024", value: true, unit: null },
  ]);
  assert.equal(ok.length, 3);
  assert.match(ok.toCsv(), /a,2024,0\.30000000000000004,元/);
  assert.match(ok.toCsv(), /a,2023,12345678901234567890,元/);
  const err = thrown(() => Observations.fromRecords([
    { indicator: "new_jobs", period: "2024", value: "lots", unit: "人" },
    "not a record",
    { indicator: "new_jobs", period: "2024", value: 1, unit: "人", colour: "red" },
    { indicator: "new_jobs", period: "2024", value: { n: 1 }, unit: "人" },
    { indicator: "new_jobs", period: "2024Q5", value: 1, unit: "人" },
  ], "mine"), "validation");
  // Every bad record, in order: its index as `row`, the key as `field`, the issue record
  // of every language (the same keys as Python's issue dicts).
  assert.deepEqual(err.issues.map((i) => [i.code, i.row, i.field, i.path, i.file, i.input]), [
    ["bad_value", 0, "value", "[0].value", "mine", "lots"],
    ["bad_row", 1, null, "[1]", "mine", null],
    ["unknown_field", 2, "colour", "[2]", "mine", null],
    ["bad_value", 3, "value", "[3].value", "mine", null],
    ["bad_period", 4, "period", "[4].period", "mine", "2024Q5"],
  ]);
  assert.deepEqual(Object.keys(err.issues[0]), [
    "code", "message", "file", "line", "column", "path", "row", "field",
    "byte_offset", "char_offset", "input", "hint",
  ]);
  // Not an array at all: a wrong type.
  thrown(() => Observations.fromRecords({ indicator: "a" }), "invalid_value");
});
