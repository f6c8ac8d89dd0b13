// Loads the two builds of the WebAssembly bindings that scripts/test.sh makes:
// target/pkg-node (CommonJS, for Node) and target/pkg-web (an ES module for browsers,
// instantiated here from the module's bytes, as a page's `init()` would).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

export const root = new URL("../../", import.meta.url);
export const pkgNode = new URL("target/pkg-node/", root);
export const pkgWeb = new URL("target/pkg-web/", root);

/** The Node build: `require("target/pkg-node/planwatch_wasm.js")`. */
export const pw = require(fileURLToPath(new URL("planwatch_wasm.js", pkgNode)));

/** The web build, initialised synchronously from the optimised module's bytes. */
export async function loadWeb() {
  const web = await import(new URL("planwatch_wasm.js", pkgWeb));
  web.initSync({ module: readFileSync(new URL("planwatch_wasm_bg.wasm", pkgWeb)) });
  return web;
}

/** A file of the repository as text. */
export function readText(path) {
  return readFileSync(new URL(path, root), "utf8");
}
