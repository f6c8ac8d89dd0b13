// The records of the schema, whole: JavaScript returns what Rust returns, field for
// field. The Rust suite (core/tests/records.rs) writes, for every conformance case, the
// records of the Rust API to target/conformance-records/; here the same inputs go
// through the JavaScript API and every record is compared with Rust's (the Python suite
// does the same in tests/python/test_schema.py). types-match.test.mjs checks the
// TypeScript declarations against the same kind of records.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { pw, root } from "./load.mjs";

const { Plan, Observations } = pw;
const RECORDS = new URL("target/conformance-records/", root);
const CASES = new URL("tests/conformance/", root);

function read(url) {
  return existsSync(url) ? readFileSync(url, "utf8") : null;
}

test("the Rust suite wrote the records", () => {
  assert.ok(existsSync(RECORDS), "target/conformance-records is missing: run the Rust suite first");
  assert.ok(readdirSync(RECORDS).filter((n) => !n.startsWith("_")).length >= 40);
});

test("JavaScript records are Rust's, field for field", () => {
  const names = readdirSync(RECORDS).filter((n) => n.endsWith(".json") && !n.startsWith("_"));
  for (const file of names) {
    const name = file.replace(/\.json$/, "");
    const rust = JSON.parse(readFileSync(new URL(file, RECORDS), "utf8"));
    const dir = new URL(`${name}/`, CASES);
    const toml = read(new URL("plan.toml", dir));
    const plan = toml !== null ? Plan.fromToml(toml, "plan.toml") : Plan.fromJson(read(new URL("plan.json", dir)), "plan.json");
    const csv = read(new URL("observations.csv", dir));
    const obs = csv !== null
      ? Observations.fromCsv(csv, "observations.csv")
      : Observations.fromJson(read(new URL("observations.json", dir)), "observations.json");
    const spec = JSON.parse(read(new URL("case.json", dir)));
    const card = plan.evaluate(obs, { asOf: spec.as_of ?? null });
    assert.deepEqual(card.records(), rust.scorecard.assessments, `${name}: records()`);
    assert.deepEqual(card.summary(), rust.scorecard.summary, `${name}: summary()`);
    assert.deepEqual(card.toJSON(), rust.scorecard, `${name}: toJSON()`);
  }
});

test("JavaScript findings are Rust's, field for field", () => {
  const rust = JSON.parse(readFileSync(new URL("_extract.json", RECORDS), "utf8"));
  const report = readFileSync(new URL("core/data/nanshan-2024/report.txt", root), "utf8");
  const found = pw.extract(report);
  assert.deepEqual(found.findings, rust.findings);
  assert.deepEqual(found.warnings, rust.warnings);
});

test("JavaScript issues are Rust's issue records, whole", () => {
  // core/tests/records.rs wrote each failing input with the issues Rust reports for it.
  const { cases } = JSON.parse(readFileSync(new URL("_issues.json", RECORDS), "utf8"));
  const FILE = "<string>";
  const issuesOf = (fn) => {
    try {
      fn();
    } catch (e) {
      return e.issues;
    }
    return assert.fail("the input loaded");
  };
  assert.ok(cases.length >= 8);
  for (const c of cases) {
    const what = `${c.api}: ${c.text}`;
    const plan = c.plan === null ? null : Plan.fromToml(c.plan, FILE);
    switch (c.api) {
      case "plan_toml":
        assert.deepEqual(issuesOf(() => Plan.fromToml(c.text, FILE)), c.issues, what);
        break;
      case "plan_json":
        assert.deepEqual(issuesOf(() => Plan.fromJson(c.text, FILE)), c.issues, what);
        break;
      case "observations_csv":
        assert.deepEqual(issuesOf(() => Observations.fromCsv(c.text, FILE)), c.issues, what);
        break;
      case "observations_json":
        assert.deepEqual(issuesOf(() => Observations.fromJson(c.text, FILE)), c.issues, what);
        break;
      case "observations_csv_lenient":
        assert.deepEqual(Observations.fromCsvLenient(c.text, FILE).rejected, c.issues, what);
        break;
      case "check": {
        const checked = plan.check(Observations.fromCsv(c.text, FILE));
        assert.deepEqual(checked.errors, c.errors, what);
        assert.deepEqual(checked.warnings, c.warnings, what);
        break;
      }
      case "evaluate":
        assert.deepEqual(plan.evaluate(Observations.fromCsv(c.text, FILE)).issues(), c.issues, what);
        break;
      default:
        assert.fail(`unknown case ${c.api}`);
    }
  }
});
