// The web page (examples/web, assembled with the web build into target/web-dist by
// scripts/test.sh) in Debian's headless Chromium, driven by playwright-core and served
// by tests/browser/serve.mjs on 127.0.0.1. Each check compares what the page shows with
// what the library (the Node build) computes for the same inputs, so the page can only
// pass by showing the library's verdicts. Screenshots for a person to look at are
// written to target/browser/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { pw, readText, root } from "../js/load.mjs";

const DIST = fileURLToPath(new URL("target/web-dist/", root));
const SHOTS = fileURLToPath(new URL("target/browser/", root));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// TOOLCHAIN.md: no sandbox (containers), no GPU, and nothing that reaches the network.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TIMEOUT = 30_000;
const JOBS_CSV = "indicator,period,value,unit\nnew_jobs,2024,18746,人\n";

let server;
let context;
let profile;
let page;
const problems = []; // console errors, page errors, failed requests

before(async () => {
  assert.ok(existsSync(join(DIST, "index.html")) && existsSync(join(DIST, "pkg", "planwatch_wasm_bg.wasm")),
    `${DIST} is not assembled: scripts/test.sh builds it (examples/web + target/pkg-web)`);
  mkdirSync(SHOTS, { recursive: true });
  server = await serve(DIST);
  profile = mkdtempSync(join(tmpdir(), "planwatch-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    locale: "zh-CN",
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(TIMEOUT);
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(`${server.url}?lang=zh`);
  await page.waitForSelector("body[data-ready]");
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The scorecard rows the page shows, in order: [target id, status]. */
function shownRows() {
  return page.$$eval("#scorecard tr[data-target]", (rows) => rows.map((r) => [r.dataset.target, r.dataset.status]));
}

/** The same for the library's scorecard, in its reading order. */
function libraryRows(extraCsv, asOf = null) {
  let obs = pw.Observations.builtin("nanshan-2024");
  if (extraCsv) obs = obs.concat(extraCsv);
  return pw.Plan.builtin("nanshan-2024").evaluate(obs, { asOf }).ordered().map((a) => [a.target, a.status]);
}

async function shot(name, options = {}) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), ...options });
}

test("the page opens on the built-in Nanshan 2024 scorecard, rows and statuses as the library says", async () => {
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await page.textContent("#plan-title"), "南山区2024年国民经济和社会发展计划");
  const rows = await shownRows();
  assert.equal(rows.length, 55);
  assert.deepEqual(rows, libraryRows());
  assert.equal(await page.textContent('tr[data-target="gdp_growth"] .badge'), "✗未完成");
  assert.equal(await page.getAttribute('tr[data-target="new_jobs"]', "data-status"), "no_data");
  // Grouped by section, one header row per group; bullet charts where there is a target value.
  const groups = await page.$$eval("#scorecard tr.group th", (ths) => ths.map((th) => th.textContent));
  assert.equal(groups[0], "章节 二.(一)");
  assert.ok(groups.length >= 10);
  const withValue = pw.Plan.builtin("nanshan-2024").evaluate(pw.Observations.builtin("nanshan-2024")).records()
    .filter((a) => a.target_value !== null).length;
  assert.equal(await page.locator("#scorecard svg.bullet").count(), withValue);
  assert.match(await page.getAttribute('tr[data-target="gdp_growth"] svg.bullet', "aria-label"), /4\.1%.*5\.5%/);
  assert.match(await page.textContent("#summary"), /共 55 项目标/);
  await shot("scorecard-zh", { fullPage: true });
});

test("pasting a CSV adds the rows to the built-in data and changes a status at once", async () => {
  await page.fill("#obs-csv", JOBS_CSV);
  await page.waitForSelector('tr[data-target="new_jobs"][data-status="met"]');
  assert.deepEqual(await shownRows(), libraryRows(JOBS_CSV));
  assert.match(await page.textContent("#obs-status"), /已加入 1 条观测数据/);
  assert.match(await page.textContent('tr[data-target="new_jobs"]'), /18746人，目标不少于1\.5万人/);
  assert.match(await page.textContent("#summary"), /已完成 3/);
  await page.locator('tr[data-target="new_jobs"]').scrollIntoViewIfNeeded();
  await shot("scorecard-csv-added");
});

test("uploading a CSV file works as pasting it", async () => {
  await page.click("#obs-clear");
  await page.waitForSelector('tr[data-target="new_jobs"][data-status="no_data"]');
  const csv = "indicator,period,value,unit\nnew_jobs,2024,9000,人\n";
  await page.setInputFiles("#obs-file", { name: "jobs.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForSelector('tr[data-target="new_jobs"][data-status="missed"]');
  assert.equal(await page.inputValue("#obs-csv"), csv);
  assert.deepEqual(await shownRows(), libraryRows(csv));
  // A binding target missed comes first, under its own heading.
  assert.equal(await page.textContent("#scorecard tr.group th"), "约束性指标未完成");
  assert.equal((await shownRows())[0][0], "new_jobs");
  await page.locator("#summary").scrollIntoViewIfNeeded();
  await shot("scorecard-binding-miss");
});

test("a bad CSV shows each problem with its row and column, and is not used", async () => {
  await page.fill("#obs-csv", "indicator,period,value,unit\nnew_jobs,2024,lots,人\nnew_jobs,2023,3,furlong\n");
  await page.waitForSelector("#obs-errors table.errors");
  const cells = await page.$$eval("#obs-errors tbody tr", (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.deepEqual(cells.map((c) => c.slice(0, 3)), [["2", "3", "value"], ["3", "4", "unit"]]);
  assert.match(cells[1][3], /furlong/);
  assert.equal(await page.getAttribute("#obs-csv", "aria-invalid"), "true");
  assert.equal(await page.getAttribute('tr[data-target="new_jobs"]', "data-status"), "no_data");
  await page.locator("#obs-errors").scrollIntoViewIfNeeded();
  await shot("scorecard-csv-errors");
  await page.click("#obs-clear");
  await page.waitForSelector("#obs-errors:empty", { state: "attached" });
  assert.equal(await page.getAttribute('tr[data-target="new_jobs"]', "data-status"), "no_data");
});

test("the as-of date re-evaluates the scorecard", async () => {
  await page.fill("#as-of", "2024-09-01");
  await page.waitForFunction(() => document.querySelector("#scorecard caption").textContent.includes("2024-09-01"));
  assert.deepEqual(await shownRows(), libraryRows(null, "2024-09-01"));
  assert.notDeepEqual(libraryRows(null, "2024-09-01"), libraryRows());
  await page.click("#as-of-clear");
  await page.waitForFunction(() => !document.querySelector("#scorecard caption").textContent.includes("2024-09-01"));
  assert.deepEqual(await shownRows(), libraryRows());
});

test("pasting the seed text yields the extracted targets, each linked to its place in the text", async () => {
  // Keyboard only: from the first tab, ArrowRight opens the extraction view.
  await page.focus("#tab-scorecard");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-extract");
  assert.ok(await page.isVisible("#view-extract"));
  assert.ok(await page.isHidden("#view-scorecard"));

  const text = readText("core/data/nanshan-2024/report.txt");
  await page.fill("#ex-text", text);
  await page.waitForSelector("#findings tr[data-finding]");
  const found = pw.extract(text);
  const targets = found.findings.filter((f) => f.status === "target");
  assert.ok(targets.length >= 30);
  assert.equal(await page.locator('#findings tr[data-status="target"]').count(), targets.length);
  assert.equal(await page.locator("#findings tr[data-finding]").count(), found.findings.length);
  assert.match(await page.textContent("#ex-status"), new RegExp(`找到 ${targets.length} 项目标`));

  const jobs = found.findings.findIndex((f) => f.status === "target" && f.indicator === "新增就业人数");
  assert.ok(jobs >= 0);
  const row = page.locator(`#findings tr[data-finding="${jobs}"]`);
  assert.deepEqual(await row.locator("td").allTextContents(), [String(jobs + 1), "目标", "≥", "1.5万人", "1.5 万人", ""]);
  // Enter on the row's button scrolls the text to the number and focuses it.
  await row.locator("button").focus();
  await page.keyboard.press("Enter");
  const mark = page.locator(`#finding-${jobs}`);
  assert.equal(await mark.textContent(), "1.5 万人");
  assert.equal(await page.evaluate(() => document.activeElement.id), `finding-${jobs}`);
  const inside = await page.evaluate((id) => {
    const m = document.getElementById(id).getBoundingClientRect();
    const p = document.getElementById("ex-highlight").getBoundingClientRect();
    return m.top >= p.top && m.bottom <= p.bottom;
  }, `finding-${jobs}`);
  assert.ok(inside, "the mark is scrolled into the text panel");
  assert.ok(await row.evaluate((r) => r.classList.contains("current")));
  await shot("extract-zh");

  await page.selectOption("#ex-filter", "target");
  assert.equal(await page.locator("#findings tr[data-finding]:visible").count(), targets.length);
});

test("the draft plan downloads as TOML that loads as a plan", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#ex-download")]);
  assert.equal(download.suggestedFilename(), "draft-plan.toml");
  const toml = readFileSync(await download.path(), "utf8");
  const plan = pw.Plan.fromToml(toml, "draft-plan.toml");
  assert.equal(plan.period, "2024");
  assert.equal(plan.targetCount, pw.draftPlan(readText("core/data/nanshan-2024/report.txt")).targetCount);
});

test("the language toggle switches the interface to English and back", async () => {
  await page.click("#lang-toggle");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.textContent("#tab-extract"), "Extract from report text");
  assert.match(await page.textContent("#ex-status"), /^Found \d+ targets/);
  await page.click("#tab-scorecard");
  assert.equal(await page.textContent('tr[data-target="gdp_growth"] .badge'), "✗missed");
  assert.match(await page.textContent('tr[data-target="gdp_growth"] .why'), /Real GDP growth|GDP/);
  assert.equal(await page.textContent("#scorecard thead th"), "Indicator");
  await shot("scorecard-en");
  await page.click("#lang-toggle");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await page.textContent("#tab-scorecard"), "计划执行记分卡");
});

test("keyboard and screen readers: labelled controls, a skip link first, live status regions", async () => {
  const unlabelled = await page.$$eval("input, select, textarea, button", (els) =>
    els.filter((el) => !(el.labels?.length || el.getAttribute("aria-label") || el.textContent.trim())).map((el) => el.id || el.outerHTML));
  assert.deepEqual(unlabelled, []);
  // From a fresh load, Tab goes to the skip link, the language toggle, then the tabs.
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "lang-toggle");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-scorecard");
  for (const id of ["summary", "obs-status", "ex-status"]) {
    assert.ok(await page.evaluate((i) => {
      const el = document.getElementById(i);
      return el.getAttribute("aria-live") === "polite" || el.getAttribute("role") === "status";
    }, id), `#${id} announces changes`);
  }
});

test("readable on a narrow screen: no sideways scrolling, one card per target", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  assert.equal(await page.$eval('tr[data-target="gdp_growth"]', (tr) => getComputedStyle(tr).display), "block");
  await shot("scorecard-narrow-top");
  await page.locator('tr[data-target="gdp_growth"]').scrollIntoViewIfNeeded();
  await shot("scorecard-narrow");
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("no console errors, page errors or failed requests", () => {
  assert.deepEqual(problems, []);
});
