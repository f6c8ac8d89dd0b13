// Compiled, not run, by scripts/test.sh (`tsc -p tests/js/tsconfig.json`): checks that
// the TypeScript declarations wasm-bindgen emits give the types the bindings promise.
import { parseQuantity } from "../../target/pkg-node/planwatch_wasm.js";
import type { PlanwatchError, QuantityInfo } from "../../target/pkg-node/planwatch_wasm.js";

// True only when A and B are the same type (`any` does not pass).
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const returnsQuantityInfo: Equals<ReturnType<typeof parseQuantity>, QuantityInfo> = true;
const takesText: Equals<Parameters<typeof parseQuantity>, [text: string]> = true;
const valueIsText: Equals<QuantityInfo["value"], string> = true;
const offsetIsNumber: Equals<PlanwatchError["charOffset"], number | null> = true;

function describe(err: PlanwatchError): string {
  return `${err.code} at ${err.charOffset ?? "?"}: ${err.message} (${err.issues.length} issues)`;
}

export { returnsQuantityInfo, takesText, valueIsText, offsetIsNumber, describe };
