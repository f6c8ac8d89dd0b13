// The shared conformance fixtures of tests/conformance/ (format: its README.md), run
// through the JavaScript API. The Rust and Python suites run the same files with the
// same comparisons, so the three APIs cannot drift apart.
//
// As in the other runners, every mismatch of every case is reported in one failure; a
// case marked `known_bug` must still fail (it is reported as a warning), and the test
// fails when it starts to pass, so whoever fixes the bug also removes the mark.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { pw, root } from "./load.mjs";

const { Plan, Observations } = pw;

const DIR = new URL("tests/conformance/", root);
const MIN_CASES = 40;
const CASE_KEYS = new Set(["description", "as_of", "expected", "known_bug", "strict_error"]);
const DECIMAL_FIELDS = new Set([
  "observed", "target_value", "target_high", "completion", "gap", "time_progress",
  "expected_progress", "required_growth", "cagr", "required_cagr", "previous",
]);

/**
 * A decimal string in normal form, compared exactly without floating point: no leading
 * "+", no leading zeros of the integer part, no trailing zeros of the fraction, no bare
 * ".", and "-0" written "0". Null for text that is not a plain decimal.
 */
export function normaliseDecimal(text) {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(String(text));
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const int = m[2].replace(/^0+/, "") || "0";
  const frac = (m[3] ?? "").replace(/0+$/, "");
  const body = frac ? `${int}.${frac}` : int;
  return m[1] === "-" && body !== "0" ? `-${body}` : body;
}

function caseDirs() {
  return readdirSync(DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/case.json`, DIR)))
    .map((d) => d.name)
    .sort();
}

function read(name, file) {
  const url = new URL(`${name}/${file}`, DIR);
  return existsSync(url) ? readFileSync(url, "utf8") : null;
}

function describeError(what, err) {
  const issues = (err.issues ?? []).map((i) => `\n      ${i.file ?? ""}:${i.line ?? i.path ?? ""}: ${i.message} [${i.code}]`);
  return `${what} does not load: ${err.message}${issues.join("")}`;
}

/** The case's inputs, or the problems that stopped it from loading. */
function load(name) {
  const problems = [];
  let spec;
  try {
    spec = JSON.parse(read(name, "case.json"));
  } catch (e) {
    return { problems: [`case.json: invalid JSON: ${e.message}`] };
  }
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    return { problems: ["case.json must be an object"] };
  }
  for (const key of Object.keys(spec)) {
    if (!CASE_KEYS.has(key)) problems.push(`case.json: unknown key ${JSON.stringify(key)}`);
  }
  if (typeof spec.description !== "string") problems.push('case.json: "description" must be a string');
  if (!("as_of" in spec)) problems.push('case.json: "as_of" is required (a date or null)');
  if (!Array.isArray(spec.expected) || spec.expected.length === 0) {
    problems.push('case.json: "expected" must be a non-empty array');
  }
  if (spec.as_of !== null && spec.as_of !== undefined && typeof spec.as_of !== "string") {
    problems.push(`case.json: as_of must be a date string or null, not ${JSON.stringify(spec.as_of)}`);
  }

  let plan = null;
  const toml = read(name, "plan.toml");
  const json = read(name, "plan.json");
  try {
    if (toml !== null && json === null) plan = Plan.fromToml(toml, "plan.toml");
    else if (json !== null && toml === null) plan = Plan.fromJson(json, "plan.json");
    else problems.push("exactly one of plan.toml and plan.json is required");
  } catch (e) {
    problems.push(describeError("plan", e));
  }

  // Observations are kept as records of text, so they can also be evaluated reversed.
  let observations = null;
  const csv = read(name, "observations.csv");
  const obsJson = read(name, "observations.json");
  try {
    if (csv !== null && obsJson === null) observations = { csv };
    else if (obsJson !== null && csv === null) observations = { json: obsJson };
    else problems.push("exactly one of observations.csv and observations.json is required");
    if (observations?.csv !== undefined) Observations.fromCsv(observations.csv, "observations.csv");
    if (observations?.json !== undefined) Observations.fromJson(observations.json, "observations.json");
  } catch (e) {
    problems.push(describeError("observations", e));
  }
  const options = { asOf: spec.as_of ?? null };
  return problems.length ? { problems } : { spec, plan, observations, options };
}

/** The batch of a case, in file order or reversed. */
function batch({ csv, json }, reversed = false) {
  if (json !== undefined) {
    const records = JSON.parse(json);
    return Observations.fromJson(JSON.stringify(reversed ? records.reverse() : records), "observations.json");
  }
  const obs = Observations.fromCsv(csv, "observations.csv");
  if (!reversed) return obs;
  // The canonical CSV (all eight columns), its records reversed. Quoted fields may hold
  // line breaks, so records are split outside quotes only.
  const records = [];
  let current = "";
  let quoted = false;
  for (const c of obs.toCsv()) {
    if (c === '"') quoted = !quoted;
    if (c === "\n" && !quoted) {
      records.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  if (current) records.push(current);
  const [header, ...rows] = records;
  return Observations.fromCsv([header, ...rows.reverse(), ""].join("\n"), "observations.csv");
}

/** Compares one expected field with the assessment; a message when they differ. */
function compare(key, expected, assessment) {
  if (key === "inputs") {
    if (!Array.isArray(expected) || !expected.every((v) => typeof v === "string")) {
      return `inputs: expected must be an array of "indicator@period" strings, got ${JSON.stringify(expected)}`;
    }
    const want = [...expected].sort();
    const got = (assessment.inputs ?? []).map((i) => `${i.indicator}@${i.period}`).sort();
    return JSON.stringify(want) === JSON.stringify(got) ? null : `inputs: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
  }
  if (key === "notes_contain") {
    if (!Array.isArray(expected)) return `notes_contain: expected must be an array of strings, got ${JSON.stringify(expected)}`;
    const notes = assessment.notes ?? [];
    const missing = expected.filter((w) => typeof w === "string" && !notes.some((n) => n.includes(w)));
    return missing.length ? `notes_contain: ${JSON.stringify(missing)} not in notes ${JSON.stringify(notes)}` : null;
  }
  if (!(key in assessment)) return `${key}: no such assessment field`;
  const actual = assessment[key];
  let same;
  if (DECIMAL_FIELDS.has(key) && expected !== null) {
    const e = normaliseDecimal(expected);
    if (typeof expected !== "string" || e === null) return `${key}: expected ${JSON.stringify(expected)} is not a decimal string`;
    same = typeof actual === "string" && normaliseDecimal(actual) === e;
  } else {
    same = JSON.stringify(expected) === JSON.stringify(actual);
  }
  return same ? null : `${key}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** Every mismatch between a case's expectations and the engine's result. */
function check({ spec, plan, observations, options }) {
  const out = [];
  const card = plan.evaluate(batch(observations), options);
  const assessments = card.records();
  spec.expected.forEach((exp, i) => {
    const target = exp?.target;
    if (typeof target !== "string") {
      out.push(`expected[${i}]: "target" (a target id) is required`);
      return;
    }
    const a = assessments.find((x) => x.target === target);
    if (!a) {
      out.push(`${target}: no assessment for this target`);
      return;
    }
    if (typeof exp.status !== "string") out.push(`${target}: expected "status" is required`);
    for (const [key, value] of Object.entries(exp)) {
      if (key === "target") continue;
      const m = compare(key, value, a);
      if (m) out.push(`${target}: ${m}`);
    }
  });
  // A strict evaluation of the same inputs throws this code.
  if (spec.strict_error !== undefined) {
    try {
      plan.evaluate(batch(observations), { ...options, strict: true });
      out.push(`strict evaluation succeeded; expected error ${JSON.stringify(spec.strict_error)}`);
    } catch (e) {
      if (e.code !== spec.strict_error) {
        out.push(`strict evaluation failed with ${JSON.stringify(e.code)}; expected ${JSON.stringify(spec.strict_error)}`);
      }
    }
  }
  // Same inputs, same bytes; the order of the observations does not matter.
  const first = JSON.stringify(card);
  if (JSON.stringify(plan.evaluate(batch(observations), options)) !== first) {
    out.push("evaluating twice gave different JSON");
  }
  if (JSON.stringify(plan.evaluate(batch(observations, true), options)) !== first) {
    out.push("reversing the observations changed the JSON");
  }
  return out;
}

test("normaliseDecimal compares decimal text exactly", () => {
  assert.equal(normaliseDecimal("1.50"), "1.5");
  assert.equal(normaliseDecimal("+005.0"), "5");
  assert.equal(normaliseDecimal("-0.000"), "0");
  assert.equal(normaliseDecimal("-.5"), "-0.5");
  assert.equal(normaliseDecimal("7."), "7");
  assert.notEqual(normaliseDecimal("0.9523"), normaliseDecimal("0.952381"));
  assert.equal(normaliseDecimal("1e3"), null);
  assert.equal(normaliseDecimal("."), null);
});

test("conformance cases: the same results as the Rust and Python suites", (t) => {
  const names = caseDirs();
  const failures = [];
  const warnings = [];
  for (const name of names) {
    const loaded = load(name);
    if (loaded.problems) {
      failures.push(`${name}:\n    ${loaded.problems.join("\n    ")}`);
      continue;
    }
    const mismatches = check(loaded);
    const bug = loaded.spec.known_bug;
    if (typeof bug === "string") {
      if (mismatches.length === 0) failures.push(`${name}: marked known_bug but now passes; remove "known_bug" (${bug})`);
      else warnings.push(`${name}: KNOWN BUG: ${bug}\n    ${mismatches.join("\n    ")}`);
    } else if (mismatches.length) {
      failures.push(`${name}:\n    ${mismatches.join("\n    ")}`);
    }
  }
  if (warnings.length) t.diagnostic(`${warnings.length} conformance case(s) record known engine bugs:\n${warnings.join("\n")}`);
  assert.ok(names.length >= MIN_CASES, `only ${names.length} conformance cases; at least ${MIN_CASES} are required`);
  assert.equal(failures.length, 0, `conformance failures (${names.length} cases run):\n${failures.join("\n")}`);
});

test("the comparison catches wrong expectations", () => {
  const loaded = load(caseDirs()[0]);
  assert.equal(loaded.problems, undefined);
  const [first] = loaded.spec.expected;
  const wrong = {
    ...loaded,
    spec: {
      ...loaded.spec,
      expected: [
        { ...first, status: first.status === "met" ? "missed" : "met" },
        { target: first.target, status: first.status, completion: "0.123457", inputs: ["nothing@2024"], notes_contain: ["no such note"], typo: 1 },
        { target: "no_such_target", status: "met" },
      ],
    },
  };
  const mismatches = check(wrong);
  assert.equal(mismatches.length, 6, mismatches.join("\n"));
  assert.match(mismatches.join("\n"), /typo: no such assessment field/);
});
