// The TypeScript declarations (target/pkg-node/planwatch_wasm.d.ts) describe the real
// objects: each value the API returns is checked, key by key and type by type, against
// the interface the .d.ts declares for it, using the TypeScript compiler's own reading of
// the file. A field added in Rust but not in the declarations (or the reverse), or a
// decimal that arrives as a number, fails here. (`tsc --noEmit` on types-check.ts checks
// the other direction: that code written against the declarations compiles.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { pw, pkgNode, readText } from "./load.mjs";

const ts = createRequire(import.meta.url)("typescript");

const dts = fileURLToPath(new URL("planwatch_wasm.d.ts", pkgNode));
const program = ts.createProgram([dts], { strict: true, noEmit: true, types: [] });
const checker = program.getTypeChecker();
const source = program.getSourceFile(dts);

/** The declared type of an exported interface or type alias of the .d.ts. */
function declared(name) {
  for (const stmt of source.statements) {
    if ((ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt)) && stmt.name.text === name) {
      return checker.getTypeAtLocation(stmt.name);
    }
  }
  throw new Error(`${name} is not declared in ${dts}`);
}

/**
 * Every way `value` does not fit `type`, as "path: problem" lines. Objects must have
 * exactly the declared keys (optional ones may be absent); `extra` lists keys allowed
 * beyond them (an Error's own `stack` and `message`).
 */
function mismatches(value, type, path, extra = []) {
  const F = ts.TypeFlags;
  if (type.flags & F.Union) {
    const fits = type.types.map((t) => mismatches(value, t, path, extra));
    return fits.some((m) => m.length === 0) ? [] : fits.sort((a, b) => a.length - b.length)[0];
  }
  const show = () => `${path}: ${JSON.stringify(value)?.slice(0, 60)} is not ${checker.typeToString(type)}`;
  if (type.flags & F.Any || type.flags & F.Unknown) return [];
  if (type.flags & F.StringLiteral || type.flags & F.NumberLiteral) return value === type.value ? [] : [show()];
  if (type.flags & F.BooleanLiteral) return value === (checker.typeToString(type) === "true") ? [] : [show()];
  if (type.flags & F.String) return typeof value === "string" ? [] : [show()];
  if (type.flags & F.Number) return typeof value === "number" ? [] : [show()];
  if (type.flags & F.Boolean) return typeof value === "boolean" ? [] : [show()];
  if (type.flags & F.Null) return value === null ? [] : [show()];
  if (type.flags & F.Undefined) return value === undefined ? [] : [show()];
  if (checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(type);
    if (!Array.isArray(value) || value.length !== elements.length) return [show()];
    return elements.flatMap((t, i) => mismatches(value[i], t, `${path}[${i}]`));
  }
  if (checker.isArrayType(type)) {
    if (!Array.isArray(value)) return [show()];
    const [element] = checker.getTypeArguments(type);
    return value.flatMap((v, i) => mismatches(v, element, `${path}[${i}]`));
  }
  if (type.flags & F.Object) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return [show()];
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && !(value instanceof Error)) return [`${path}: not a plain object`];
    const out = [];
    const props = checker.getPropertiesOfType(type);
    const names = new Set(props.map((p) => p.name));
    for (const prop of props) {
      if (value instanceof Error && ["name", "message", "stack", "cause"].includes(prop.name)) continue;
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
      if (!(prop.name in value)) {
        if (!optional) out.push(`${path}.${prop.name}: missing`);
        continue;
      }
      const propType = checker.getTypeOfSymbolAtLocation(prop, source);
      out.push(...mismatches(value[prop.name], propType, `${path}.${prop.name}`));
    }
    for (const key of Object.keys(value)) {
      if (!names.has(key) && !extra.includes(key)) out.push(`${path}.${key}: not declared`);
    }
    return out;
  }
  return [`${path}: cannot check against ${checker.typeToString(type)}`];
}

function assertFits(value, typeName, extra) {
  const problems = mismatches(value, declared(typeName), typeName, extra);
  assert.deepEqual(problems, [], `values that do not fit ${typeName}:\n${problems.join("\n")}`);
}

/** A plan whose targets reach every kind of verdict and most optional fields. */
const MIXED = `
[plan]
id = "mixed"
period = "2024"

[reference]
quota = "3个"

[[indicator]]
id = "jobs"
name = { zh = "新增就业人数", en = "New jobs" }
unit = "人"
kind = "binding"
flow = true
section = "二.(二)"

[[indicator]]
id = "gdp"
name = { zh = "本地生产总值", en = "GDP" }
unit = "亿元"
flow = true

[[indicator]]
id = "gdp_growth"
name = { zh = "本地生产总值增长", en = "GDP growth" }
unit = "%"
measure = "growth"
of = "gdp"

[[indicator]]
id = "parks"
name = { zh = "公园", en = "Parks" }
unit = "个"
kind = "task"

[[indicator]]
id = "outline"
name = { zh = "五年规划", en = "Outline" }
unit = "亿元"

[[indicator]]
id = "retail_sales"
name = { zh = "社会消费品零售总额", en = "Retail sales" }
unit = "亿元"
flow = true

[[indicator]]
id = "retail_growth"
name = { zh = "社会消费品零售总额增长", en = "Retail sales growth" }
unit = "%"
measure = "growth"
nominal = true
of = "retail_sales"

[[target]]
indicator = "retail_growth"
condition = ">= 10%"

[[target]]
indicator = "jobs"
condition = ">= 1.5万人"
source = { quote = "新增就业人数1.5万人", section = "二.(二)", span = [0, 11] }

[[target]]
id = "jobs_stretch"
indicator = "jobs"
condition = ">= 2万人"
tier = "stretch"

[[target]]
indicator = "gdp_growth"
condition = "~ 5.5%"

[[target]]
indicator = "parks"
condition = "between 1 and 2 个"

[[target]]
id = "parks_quota"
indicator = "parks"
condition = ">= ref:quota"

[[target]]
indicator = "outline"
period = "2021..2025"
condition = ">= 1200亿元"
`;
const MIXED_OBS = [
  "indicator,period,value,unit,status,vintage,source",
  "jobs,2024-01..2024-06,9000,人,preliminary,2024-07-15,bureau",
  "gdp,2023,1000,亿元,final,2024-01-20,",
  "gdp,2024H1,520,亿元,preliminary,2024-07-20,",
  "gdp_growth,2024H1,5.2,%,preliminary,2024-07-20,",
  "parks,2024,3,个,final,2025-01-10,",
  // A second figure of the same release that disagrees: a conflict.
  "parks,2024,2,个,final,2025-01-10,",
  "outline,2020,900,亿元,final,2021-01-10,",
  "outline,2023,1050,亿元,final,2024-01-10,",
  "retail_sales,2023,1000,亿元,final,2024-01-10,",
  "retail_sales,2023-01..2023-06,400,亿元,final,2023-07-10,",
  "retail_sales,2024-01..2024-06,410,亿元,final,2024-07-10,",
  "",
].join("\n");

test("assessments, summaries and whole scorecards fit their declarations", () => {
  const plan = pw.Plan.fromToml(MIXED);
  for (const asOf of [null, "2024-07-31", "2025-02-01"]) {
    const card = plan.evaluate(MIXED_OBS, { asOf });
    for (const record of card.records()) assertFits(record, "Assessment");
    assertFits(card.summary(), "Summary");
    assertFits(card.toJSON(), "ScorecardData");
  }
  const nanshan = pw.Plan.builtin("nanshan-2024").evaluate(pw.Observations.builtin("nanshan-2024"));
  assertFits(nanshan.toJSON(), "ScorecardData");
  // The fixtures cover the optional parts: every nullable field is non-null somewhere.
  const all = [null, "2024-07-31", "2025-02-01"].flatMap((asOf) => plan.evaluate(MIXED_OBS, { asOf }).records())
    .concat(nanshan.records());
  const neverSet = Object.keys(all[0]).filter((k) => all.every((r) => r[k] === null || (Array.isArray(r[k]) && r[k].length === 0)));
  assert.deepEqual(neverSet.filter((k) => !["expected_progress", "target_high"].includes(k)), []);
});

test("extractions and quantities fit their declarations", () => {
  const found = pw.extract(readText("core/data/nanshan-2024/report.txt"));
  assert.ok(found.findings.length > 100);
  assertFits(found, "Extraction");
  assertFits(pw.extract(""), "Extraction");
  assertFits(pw.parseQuantity("1.5万人"), "QuantityInfo");
});

test("plan checks fit PlanCheck", () => {
  const plan = pw.Plan.builtin("nanshan-2024");
  assertFits(plan.check(pw.Observations.builtin("nanshan-2024")), "PlanCheck");
  const checked = plan.check("indicator,period,value,unit\nnope,2024年1-9月,1,人\n");
  assert.equal(checked.errors.length, 1);
  assertFits(checked, "PlanCheck");
});

test("thrown errors fit PlanwatchError", () => {
  const cases = [
    () => pw.parseQuantity("12亿x"),
    () => pw.Plan.fromToml(MIXED.replace('unit = "人"', 'unit = "furlong"')),
    () => pw.Plan.fromJson("{"),
    () => pw.Plan.fromToml(MIXED).evaluate("indicator,period,value,unit\njobs,2024,x,人\n"),
    () => pw.Plan.fromToml(MIXED).evaluate([{ indicator: "jobs" }]),
    () => pw.draftPlan("no year"),
    () => pw.Plan.builtin("atlantis"),
  ];
  for (const fn of cases) {
    let err;
    try {
      fn();
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof Error);
    assertFits(err, "PlanwatchError", ["stack", "message"]);
  }
});

test("the check rejects values that do not fit", () => {
  const [record] = pw.Plan.fromToml(MIXED).evaluate(MIXED_OBS).records();
  const type = declared("Assessment");
  const { observed, ...missing } = record;
  assert.deepEqual(mismatches(missing, type, "a"), ["a.observed: missing"]);
  assert.deepEqual(mismatches({ ...record, extra: 1 }, type, "a"), ["a.extra: not declared"]);
  assert.match(mismatches({ ...record, completion: 1.25 }, type, "a").join(), /a\.completion: 1\.25 is not/);
  assert.match(mismatches({ ...record, status: "done" }, type, "a").join(), /a\.status/);
  assert.match(mismatches({ ...record, name: { zh: "x" } }, type, "a").join(), /a\.name\.en: missing/);
  assert.equal(typeof observed === "string" || observed === null, true);
});
