// Where the bytes of the WebAssembly module are: code size per crate (and per module
// of planwatch), from a module that still has its name section, and the sizes of the
// code and data sections raw and gzipped. BENCHMARKS.md ("## WebAssembly") quotes it.
//
//     node bindings-wasm/tools/wasm-size.mjs target/pkg-web/planwatch_wasm_bg.wasm [names.wasm]
//
// The first module is the one that ships (no names); the second, optional, is the same
// build optimised with names kept, for the breakdown. After ./scripts/test.sh (which
// builds target/wasm32-unknown-unknown/wasm-release/planwatch_wasm.wasm on stable):
//
//     wasm-bindgen target/wasm32-unknown-unknown/wasm-release/planwatch_wasm.wasm \
//         --target web --out-dir target/size-names
//     node_modules/.bin/wasm-opt -Oz -g target/size-names/planwatch_wasm_bg.wasm -o target/size-names/named.wasm
//     node bindings-wasm/tools/wasm-size.mjs target/pkg-web/planwatch_wasm_bg.wasm target/size-names/named.wasm
//
// Names of the rebuilt standard library carry a crate hash (`core[1a2b…]::fmt`); it is
// ignored when grouping.
import { readFileSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";

function leb(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function sections(buf) {
  const out = [];
  let at = 8;
  while (at < buf.length) {
    const id = buf[at++];
    let size;
    [size, at] = leb(buf, at);
    out.push({ id, start: at, size });
    at += size;
  }
  return out;
}

const gz = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;

function summary(path) {
  const buf = readFileSync(path);
  const secs = sections(buf);
  const part = (id) => secs.find((s) => s.id === id);
  const line = (name, s) => s && console.log(`  ${name.padEnd(6)} ${String(s.size).padStart(9)} B raw ${String(gz(buf.subarray(s.start, s.start + s.size))).padStart(9)} B gzip`);
  console.log(`${path}: ${buf.length} B raw, ${gz(buf)} B gzip (zlib level 9)`);
  line("code", part(10));
  line("data", part(11));
}

function breakdown(path) {
  const buf = readFileSync(path);
  const secs = sections(buf);
  let imported = 0;
  const bodies = [];
  const names = new Map();
  for (const s of secs) {
    let at = s.start;
    if (s.id === 2) {
      let n;
      [n, at] = leb(buf, at);
      for (let i = 0; i < n; i++) {
        let len;
        [len, at] = leb(buf, at);
        at += len;
        [len, at] = leb(buf, at);
        at += len;
        const kind = buf[at++];
        if (kind === 0) {
          [, at] = leb(buf, at);
          imported++;
        } else if (kind === 1) {
          at++;
          let flags;
          [flags, at] = leb(buf, at);
          [, at] = leb(buf, at);
          if (flags & 1) [, at] = leb(buf, at);
        } else if (kind === 2) {
          let flags;
          [flags, at] = leb(buf, at);
          [, at] = leb(buf, at);
          if (flags & 1) [, at] = leb(buf, at);
        } else if (kind === 3) {
          at += 2;
        } else {
          [, at] = leb(buf, at);
        }
      }
    } else if (s.id === 10) {
      let n;
      [n, at] = leb(buf, at);
      for (let i = 0; i < n; i++) {
        let size;
        [size, at] = leb(buf, at);
        bodies.push(size);
        at += size;
      }
    } else if (s.id === 0) {
      let len;
      [len, at] = leb(buf, at);
      if (buf.toString("utf8", at, at + len) !== "name") continue;
      at += len;
      const end = s.start + s.size;
      while (at < end) {
        const sub = buf[at++];
        let size;
        [size, at] = leb(buf, at);
        if (sub === 1) {
          let k = at;
          let n;
          [n, k] = leb(buf, k);
          for (let i = 0; i < n; i++) {
            let index;
            let l;
            [index, k] = leb(buf, k);
            [l, k] = leb(buf, k);
            names.set(index, buf.toString("utf8", k, k + l));
            k += l;
          }
        }
        at += size;
      }
    }
  }
  if (names.size === 0) {
    console.log(`${path} has no name section: optimise with wasm-opt -g for a breakdown`);
    return;
  }
  const byCrate = new Map();
  const byModule = new Map();
  bodies.forEach((size, i) => {
    const name = (names.get(i + imported) ?? "?").replace(/::h[0-9a-f]{16}$/, "");
    const m = /^[<&\s]*(?:mut\s+|dyn\s+)*([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?(?:::([A-Za-z_][A-Za-z0-9_]*))?/.exec(name);
    const crate = m ? m[1] : "?";
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
    if (crate === "planwatch" && m[2]) byModule.set(m[2], (byModule.get(m[2]) ?? 0) + size);
  });
  const total = bodies.reduce((a, b) => a + b, 0);
  const show = (title, map, limit) => {
    console.log(title);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
      console.log(`  ${String(v).padStart(8)} B  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
    }
  };
  console.log(`code of ${path}: ${total} B in ${bodies.length} functions`);
  show("by crate (generic code counts where it is defined; glue of exported functions under their JS names):", byCrate, 25);
  show("planwatch, by module:", byModule, 15);
}

const [shipped, named] = process.argv.slice(2);
if (!shipped) {
  console.error("usage: node bindings-wasm/tools/wasm-size.mjs <module.wasm> [module-with-names.wasm]");
  process.exit(2);
}
summary(shipped);
if (named) breakdown(named);
