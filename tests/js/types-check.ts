// Compiled, not run, by scripts/test.sh (`tsc -p tests/js/tsconfig.json`): code written
// against the TypeScript declarations that wasm-bindgen emits compiles, and the
// declarations give the types the bindings promise (exact types, not `any`).
// types-match.test.mjs checks the other direction: the real objects fit the declarations.
import { Observations, Plan, Scorecard, draftPlan, extract, parseQuantity } from "../../target/pkg-node/planwatch_wasm.js";
import type {
  Assessment,
  BuiltinName,
  EvaluateOptions,
  Extraction,
  Finding,
  LenientObservations,
  ObservationInput,
  ObservationsInput,
  PlanCheck,
  PlanwatchError,
  PlanwatchIssue,
  QuantityInfo,
  ScorecardData,
  Status,
  Summary,
} from "../../target/pkg-node/planwatch_wasm.js";
import * as web from "../../target/pkg-web/planwatch_wasm.js";

// True only when A and B are the same type (`any` does not pass).
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// parseQuantity
const returnsQuantityInfo: Equals<ReturnType<typeof parseQuantity>, QuantityInfo> = true;
const takesText: Equals<Parameters<typeof parseQuantity>, [text: string]> = true;
const valueIsText: Equals<QuantityInfo["value"], string> = true;

// Plans and evaluation
const fromToml: Equals<ReturnType<typeof Plan.fromToml>, Plan> = true;
const fromJson: Equals<ReturnType<typeof Plan.fromJson>, Plan> = true;
const builtin: Equals<ReturnType<typeof Plan.builtin>, Plan> = true;
const builtinNames: Equals<ReturnType<typeof Plan.builtinNames>, BuiltinName[]> = true;
const evaluates: Equals<ReturnType<Plan["evaluate"]>, Scorecard> = true;
const observationsArg: Equals<Parameters<Plan["evaluate"]>[0], ObservationsInput> = true;
const inputs: Equals<ObservationsInput, string | ObservationInput[] | Observations> = true;
const asOf: Equals<EvaluateOptions["asOf"], string | null | undefined> = true;
const toToml: Equals<ReturnType<Plan["toToml"]>, string> = true;
const optionsOptional: Equals<Parameters<Plan["evaluate"]>, [observations: ObservationsInput, options?: EvaluateOptions]> = true;

// Scorecards
const records: Equals<ReturnType<Scorecard["records"]>, Assessment[]> = true;
const ordered: Equals<ReturnType<Scorecard["ordered"]>, Assessment[]> = true;
const one: Equals<ReturnType<Scorecard["assessment"]>, Assessment | undefined> = true;
const summary: Equals<ReturnType<Scorecard["summary"]>, Summary> = true;
const toJSON: Equals<ReturnType<Scorecard["toJSON"]>, ScorecardData> = true;
const toHtml: Equals<ReturnType<Scorecard["toHtml"]>, string> = true;
const status: Equals<Assessment["status"], Status> = true;
const decimalsAreText: Equals<Assessment["completion"], string | null> = true;

// Extraction
const extracts: Equals<ReturnType<typeof extract>, Extraction> = true;
const drafts: Equals<ReturnType<typeof draftPlan>, Plan> = true;
const spans: Equals<Finding["span"], [number, number]> = true;

// Errors
const offsetIsNumber: Equals<PlanwatchError["charOffset"], number | null> = true;
const lineIsNumber: Equals<PlanwatchIssue["line"], number | null> = true;
// An issue is the core's issue record: the same keys as Python's issue dicts.
const issueOffset: Equals<PlanwatchIssue["char_offset"], number | null> = true;
const issueHint: Equals<PlanwatchIssue["hint"], string | null> = true;

// The web build has the same API plus `init`.
const webPlan: Equals<ReturnType<typeof web.Plan.builtin>, web.Plan> = true;
const webInit: Promise<unknown> = web.default();

/** How a program uses the API; compiled only. */
function usage(csv: string): string {
  const plan = Plan.builtin("nanshan-2024");
  plan.bindReference("city_quota", "8.5立方米/万元");
  const base = Observations.builtin("nanshan-2024");
  const mine: ObservationInput[] = [{ indicator: "new_jobs", period: "2024", value: "18746", unit: "人" }];
  const checked: PlanCheck = plan.check(base.concat(mine));
  const firstWarning: PlanwatchIssue | undefined = checked.warnings[0];
  const card = plan.evaluate(base.concat(mine).concat(csv), { asOf: "2024-12-31" });
  const missed = card.records().filter((a) => a.status === "missed" && a.kind === "binding");
  const firstSection: string | null = card.ordered()[0]?.section ?? null;
  const total: number = card.summary().all.total;
  const found = extract("新增就业人数 1.5 万人。").findings.map((f) => `${f.indicator} ${f.op} ${f.value ?? "?"}${f.unit ?? ""}`);
  try {
    Plan.fromToml("[plan");
  } catch (e) {
    const err = e as PlanwatchError;
    return `${err.code} ${err.issues.map((i) => `${i.line ?? "?"}:${i.column ?? "?"} ${i.message}`).join("; ")}`;
  }
  // Options and languages may be left out.
  const defaults = `${plan.evaluate(csv).toHtml().length} ${draftPlan(csv).id} ${plan.evaluate(mine).toCsv()}`;
  return `${missed.length} ${firstSection} ${total} ${found.join(",")} ${card.toHtml("en").length} ${draftPlan("", { period: "2024" }).toToml()} ${defaults}`;
}

export {
  returnsQuantityInfo, takesText, valueIsText, fromToml, fromJson, builtin, evaluates, observationsArg, inputs, asOf,
  toToml, optionsOptional, records, ordered, one, summary, toJSON, toHtml, status, decimalsAreText, extracts, drafts, spans,
  offsetIsNumber, lineIsNumber, issueOffset, issueHint, webPlan, webInit, usage,
};

// A lenient load returns the batch and the rejected rows' problems.
const lenient: LenientObservations = Observations.fromCsvLenient("indicator,period,value,unit\n");
const firstRejected: PlanwatchIssue | undefined = lenient.rejected[0];
void firstRejected;
