// parseQuantity: a quantity as plain data (tests of target/pkg-node, made by
// scripts/test.sh). Run with `node --test tests/js/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pw } from "./load.mjs";

const { parseQuantity } = pw;

test("parseQuantity returns plain data with decimals as strings", () => {
  const q = parseQuantity("590 亿元");
  assert.equal(q.value, "59000000000");
  assert.equal(q.unit, "元");
  assert.equal(q.dimension, "money");
  assert.equal(q.zh, "590亿元");
  assert.equal(q.en, "59 billion yuan");
  assert.equal(Object.getPrototypeOf(q), Object.prototype);
  assert.deepEqual(Object.keys(q).sort(), ["dimension", "en", "unit", "value", "zh"]);
});

test("decimals stay exact", () => {
  assert.equal(parseQuantity("16.4亿").value, "1640000000");
  assert.equal(parseQuantity("4738.01 亿元").value, "473801000000");
  assert.equal(parseQuantity("0.1%").value, "0.1");
});

test("a bad input throws an Error with a code and offsets", () => {
  const text = "12亿x";
  assert.throws(
    () => parseQuantity(text),
    (err) => {
      assert.ok(err instanceof Error);
      assert.equal(err.code, "parse");
      assert.equal(typeof err.charOffset, "number");
      assert.equal(typeof err.byteOffset, "number");
      // charOffset counts code points; byteOffset counts UTF-8 bytes up to the same place.
      const prefix = [...text].slice(0, err.charOffset).join("");
      assert.equal(Buffer.byteLength(prefix), err.byteOffset);
      assert.ok(err.expected === null || typeof err.expected === "string");
      assert.deepEqual(err.issues, []);
      return true;
    },
  );
});

test("an unknown unit is a parse error at the unit", () => {
  assert.throws(() => parseQuantity("5 furlongs"), { code: "parse", charOffset: 2, byteOffset: 2 });
});
