// The planwatch web page: the built-in Nanshan 2024 scorecard, re-evaluated in the
// browser as observations are added or the as-of date changes, and a second view that
// extracts targets and actuals from pasted report text. Every verdict, number and
// sentence comes from the WebAssembly library (./pkg, the --target web build); this
// file only lays them out.
import init, { Observations, Plan, draftPlan, extract, parseQuantity } from "./pkg/planwatch_wasm.js";
import { STRINGS, initialLang } from "./i18n.js";
import { bulletChart } from "./bullet.js";

const DATASET = "nanshan-2024";
const SAMPLE_TEXT = "samples/nanshan-2024.txt";
const STATUS_ORDER = ["missed", "behind", "not_comparable", "on_track", "met", "pending", "no_data"];
const STATUS_ICON = { met: "✓", missed: "✗", on_track: "↗", behind: "↘", no_data: "–", pending: "…", not_comparable: "?" };
const OP_SYMBOL = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "~": "≈", between: "–", reference: "ref" };

const state = {
  lang: initialLang(),
  view: location.hash === "#extract" ? "extract" : "scorecard",
  plan: null,
  builtin: null,
  user: null, // Observations added by the user, or null
  userErrors: null, // the error thrown by the last CSV, or null
  asOf: "",
  card: null,
  text: "",
  found: null, // the last extraction
  utf16: null, // code point index -> UTF-16 index of `text`
  current: null, // the finding shown in the text
};

const $ = (id) => document.getElementById(id);
const t = (key, ...args) => {
  const s = STRINGS[state.lang][key];
  return typeof s === "function" ? s(...args) : s;
};

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// --- Numbers for reading ------------------------------------------------------------

/** Decimal text rounded half away from zero to `places` decimals, trailing zeros dropped. */
function roundDecimal(text, places = 2) {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return text;
  const [, sign, int, frac = ""] = m;
  if (frac.length <= places) return `${sign}${int || "0"}${frac.replace(/0+$/, "") ? `.${frac.replace(/0+$/, "")}` : ""}`;
  const scaled = BigInt(`${int || "0"}${frac}`);
  const drop = 10n ** BigInt(frac.length - places);
  let q = scaled / drop;
  if ((scaled % drop) * 2n >= drop) q += 1n;
  const digits = q.toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const part = digits.slice(digits.length - places).replace(/0+$/, "");
  const body = part ? `${whole}.${part}` : whole;
  return sign && body !== "0" ? `-${body}` : body;
}

/** A value in a unit, written as the library writes quantities ("778.2亿元", "77.82 billion yuan"). */
function quantityText(value, unit) {
  if (value === null || value === undefined) return "";
  const v = roundDecimal(value, Math.abs(Number(value)) < 1 ? 4 : 2);
  if (!unit) return v;
  try {
    return parseQuantity(`${v}${unit}`)[state.lang];
  } catch {
    return `${v} ${unit}`;
  }
}

function percentText(ratio) {
  // One decimal, as the library's explanations write completion ("125.0%").
  return ratio === null ? "" : `${(Number(ratio) * 100).toFixed(1)}%`;
}

function targetText(a) {
  const milestone = /^done by (\S+)$/.exec(a.condition);
  if (milestone) return t("doneBy", milestone[1]);
  if (a.target_value === null) {
    return a.condition
      .replace(/^(>=|<=|~)\s/, (op) => `${OP_SYMBOL[op.trim()]} `)
      .replace(/ref:(\S+)/, (_, key) => t("quota", key));
  }
  const low = quantityText(a.target_value, a.unit);
  if (a.comparator === "between" && a.target_high !== null) return `${low} – ${quantityText(a.target_high, a.unit)}`;
  return `${OP_SYMBOL[a.comparator] ?? a.comparator} ${low}`;
}

// --- Scorecard ------------------------------------------------------------------------

function evaluateNow() {
  const observations = state.user ? state.builtin.concat(state.user) : state.builtin;
  state.card = state.plan.evaluate(observations, { asOf: state.asOf || null });
  renderScorecard();
}

function statusBadge(status, gradeKey) {
  const grade = gradeKey ? t("grades")[gradeKey] : null;
  const label = t("statuses")[status];
  const text = grade ? (state.lang === "zh" ? `${label}（${grade}）` : `${label} (${grade})`) : label;
  return h("span", { class: `badge status-${status}`, "data-status": status },
    h("span", { class: "icon", "aria-hidden": "true" }, STATUS_ICON[status]), text);
}

function renderSummary(card) {
  const all = card.summary().all;
  const parts = STATUS_ORDER.filter((s) => all[s] > 0);
  const summary = $("summary");
  summary.replaceChildren(
    h("span", { class: "total" }, t("summaryLive", all.total, "")),
    ...parts.map((s) => h("span", { class: `count status-${s}` }, h("span", { class: "icon", "aria-hidden": "true" }, STATUS_ICON[s]), `${t("statuses")[s]} ${all[s]}`)),
  );
}

function renderScorecard() {
  const card = state.card;
  const plan = state.plan;
  $("plan-title").textContent = plan.title ?? plan.id;
  $("plan-facts").textContent = [plan.jurisdiction, plan.period, plan.id].filter(Boolean).join(" · ");
  $("scorecard-caption").textContent = t("targetsCaption", plan.title ?? plan.id, card.asOf ?? "");
  renderSummary(card);

  const table = $("scorecard");
  for (const body of table.querySelectorAll("tbody")) body.remove();
  let body = null;
  let key = null;
  for (const a of card.ordered()) {
    const misses = a.severity === "error";
    const groupKey = misses ? "\u0000misses" : a.section ?? "";
    if (groupKey !== key) {
      key = groupKey;
      const title = misses ? t("groupMisses") : a.section ? t("groupSection", a.section) : t("groupNoSection");
      body = h("tbody", { class: misses ? "misses" : null },
        h("tr", { class: "group" }, h("th", { colspan: 6, scope: "colgroup" }, title)));
      table.append(body);
    }
    body.append(scorecardRow(a));
  }
}

function scorecardRow(a) {
  const name = state.lang === "en" && a.name.en ? a.name.en : a.name.zh;
  const observed = quantityText(a.observed, a.unit);
  const partial = a.observed_period && a.observed_period !== a.period ? t("partial", a.observed_period) : null;
  const previous = a.previous !== null ? t("previous", quantityText(a.previous, a.unit), a.previous_period) : null;
  const target = targetText(a);
  const chart = bulletChart(a, t("chartLabel", observed, target));
  return h("tr", { "data-target": a.target, "data-status": a.status, class: `kind-${a.kind}` },
    h("th", { scope: "row", class: "indicator" },
      h("span", { class: "name", lang: state.lang === "en" && a.name.en ? "en" : "zh-CN" }, name),
      " ",
      h("span", { class: `tag kind-${a.kind}` }, t("kinds")[a.kind]),
      a.tier === "stretch" ? h("span", { class: "tag stretch" }, t("stretch")) : null,
      h("span", { class: "why" }, a.explanation[state.lang])),
    cell("colStatus", null, statusBadge(a.status, a.grade)),
    cell("colObserved", "num", observed || "—",
      partial ? h("span", { class: "sub" }, partial) : null,
      previous ? h("span", { class: "sub" }, previous) : null),
    cell("colTarget", "num", target),
    cell("colCompletion", "num", percentText(a.completion) || "—"),
    cell("colChart", chart ? "chart" : "chart empty", chart ?? ""));
}

/** A table cell labelled with its column, for the one-card-per-row layout of narrow screens. */
function cell(label, cls, ...children) {
  return h("td", { "data-label": t(label), class: cls }, h("div", { class: "cell" }, ...children));
}

// --- Observations pasted or uploaded ---------------------------------------------------

function applyObservations() {
  const text = $("obs-csv").value;
  state.user = null;
  state.userErrors = null;
  if (text.trim()) {
    try {
      state.user = Observations.fromCsv(text, "pasted.csv");
    } catch (err) {
      state.userErrors = err;
    }
  }
  evaluateNow();
  renderObservationStatus();
}

function renderObservationStatus() {
  const status = $("obs-status");
  const errors = $("obs-errors");
  const field = $("obs-csv");
  if (!state.userErrors) {
    field.removeAttribute("aria-invalid");
    errors.replaceChildren();
    status.textContent = state.user ? t("obsApplied", state.user.length) : t("obsNone");
    return;
  }
  const err = state.userErrors;
  const issues = err.issues?.length ? err.issues : [err];
  field.setAttribute("aria-invalid", "true");
  status.textContent = t("obsErrors", issues.length);
  const header = $("obs-csv").value.split(/\r?\n/, 1)[0].split(",").map((c) => c.trim());
  errors.replaceChildren(
    h("table", { class: "errors" },
      h("caption", {}, t("errCaption")),
      h("thead", {}, h("tr", {}, ["errRow", "errColumn", "errField", "errMessage"].map((k) => h("th", { scope: "col" }, t(k))))),
      h("tbody", {}, issues.map((i) =>
        h("tr", { "data-line": i.line ?? "", "data-column": i.column ?? "" },
          h("td", { class: "num" }, i.line ?? "—"),
          h("td", { class: "num" }, i.column ?? "—"),
          h("td", {}, i.column ? header[i.column - 1] ?? "" : ""),
          h("td", {}, i.message ?? String(i))))),
    ),
  );
}

// --- Extraction -----------------------------------------------------------------------

/** For each code point index of `text`, the UTF-16 index (spans count code points). */
function utf16Offsets(text) {
  const out = [0];
  let i = 0;
  for (const ch of text) {
    i += ch.length;
    out.push(i);
  }
  return out;
}

function runExtract() {
  const text = $("ex-text").value;
  state.text = text;
  state.current = null;
  if (!text.trim()) {
    state.found = null;
    renderExtraction();
    return;
  }
  try {
    state.found = extract(text);
    state.utf16 = utf16Offsets(text);
  } catch (err) {
    state.found = null;
    $("ex-status").textContent = err.message;
    return;
  }
  renderExtraction();
}

function slice([start, end]) {
  return state.text.slice(state.utf16[start], state.utf16[end]);
}

function renderExtraction() {
  const tbody = $("findings").tBodies[0];
  const highlight = $("ex-highlight");
  const found = state.found;
  if (!found) {
    tbody.replaceChildren();
    highlight.replaceChildren();
    $("ex-status").textContent = t("exEmpty");
    return;
  }
  const targets = found.findings.filter((f) => f.status === "target").length;
  $("ex-status").textContent = t("exStatus", targets, found.findings.length - targets);
  const filter = $("ex-filter").value;
  tbody.replaceChildren(...found.findings.map((f, i) => findingRow(f, i, filter)));
  renderHighlight();
}

function findingRow(f, i, filter) {
  const value = f.value === null ? "—" : quantityText(f.value, f.unit ?? "") + (f.value_hi !== null ? ` – ${quantityText(f.value_hi, f.unit ?? "")}` : "");
  const flags = [
    f.stretch ? t("flagStretch") : null,
    f.cumulative ? t("flagCumulative") : null,
    f.estimate ? t("flagEstimate") : null,
    f.by,
  ].filter(Boolean).join("，");
  const indicator = f.indicator.replace(/\s+/g, "") || "—";
  return h("tr", {
    "data-finding": i,
    "data-status": f.status,
    class: i === state.current ? "current" : null,
    hidden: filter !== "all" && f.status !== filter,
    onclick: (e) => {
      if (!(e.target instanceof HTMLButtonElement)) showFinding(i);
    },
  },
    h("td", { class: "num" }, i + 1),
    h("td", {}, h("span", { class: `badge finding-${f.status}` }, f.status === "target" ? t("typeTarget") : t("typeActual"))),
    h("th", { scope: "row" }, h("button", { type: "button", class: "link", "aria-label": t("jump", indicator), onclick: () => showFinding(i) }, indicator)),
    h("td", { class: "num" }, OP_SYMBOL[f.op] ?? f.op),
    h("td", { class: "num" }, value),
    h("td", {}, slice(f.span)),
    h("td", {}, flags));
}

function renderHighlight() {
  const found = state.found;
  // Number spans first, then indicator phrases; overlapping spans are skipped.
  const marks = [];
  found.findings.forEach((f, i) => marks.push({ span: f.span, i, kind: `num ${f.status}` }));
  found.findings.forEach((f, i) => marks.push({ span: f.indicator_span, i, kind: "ind" }));
  const taken = [];
  const kept = [];
  for (const m of marks) {
    const [s, e] = m.span;
    if (e <= s || taken.some(([a, b]) => s < b && a < e)) continue;
    taken.push([s, e]);
    kept.push(m);
  }
  kept.sort((a, b) => a.span[0] - b.span[0]);
  const parts = [];
  let at = 0;
  for (const m of kept) {
    const [s, e] = m.span;
    parts.push(state.text.slice(state.utf16[at], state.utf16[s]));
    const attrs = { class: m.kind, "data-finding": m.i, onclick: () => showFinding(m.i, true) };
    if (m.kind !== "ind") Object.assign(attrs, { id: `finding-${m.i}`, tabindex: "-1" });
    parts.push(h("mark", attrs, state.text.slice(state.utf16[s], state.utf16[e])));
    at = e;
  }
  parts.push(state.text.slice(state.utf16[at]));
  $("ex-highlight").replaceChildren(...parts);
}

/** Scrolls the text to finding `i` and marks its row; `fromText` scrolls the table instead. */
function showFinding(i, fromText = false) {
  state.current = i;
  for (const el of document.querySelectorAll(".current")) el.classList.remove("current");
  const row = document.querySelector(`#findings tr[data-finding="${i}"]`);
  const mark = $(`finding-${i}`);
  row?.classList.add("current");
  mark?.classList.add("current");
  if (fromText) {
    row?.scrollIntoView({ block: "nearest" });
    row?.querySelector("button")?.focus({ preventScroll: true });
  } else if (mark) {
    // Scroll the text panel to the mark, and the page only as far as needed to show the panel.
    const panel = $("ex-highlight");
    const top = mark.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
    panel.scrollTop = Math.max(0, top - panel.clientHeight / 3);
    panel.scrollIntoView({ block: "nearest" });
    mark.focus({ preventScroll: true });
  }
}

function downloadDraft() {
  const year = $("ex-year").value.trim();
  try {
    const toml = draftPlan(state.text, { period: year || null, document: "pasted report" }).toToml();
    const url = URL.createObjectURL(new Blob([toml], { type: "application/toml" }));
    const a = h("a", { href: url, download: "draft-plan.toml" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (err) {
    $("ex-status").textContent = t("exDownloadFailed", err.message);
  }
}

async function loadSample() {
  const response = await fetch(SAMPLE_TEXT);
  $("ex-text").value = await response.text();
  runExtract();
}

// --- Language, views, start -----------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.title = t("title");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", t(el.dataset.i18nLabel));
  $("lang-toggle").lang = state.lang === "zh" ? "en" : "zh-CN";
  if (state.card) {
    renderScorecard();
    renderObservationStatus();
  }
  if (state.found) renderExtraction();
  else if (state.plan) $("ex-status").textContent = t("exEmpty");
}

function showView(view, focus = false) {
  state.view = view;
  for (const [name, tab, panel] of [["scorecard", "tab-scorecard", "view-scorecard"], ["extract", "tab-extract", "view-extract"]]) {
    const on = name === view;
    $(tab).setAttribute("aria-selected", String(on));
    $(tab).tabIndex = on ? 0 : -1;
    $(panel).hidden = !on;
    if (on && focus) $(tab).focus();
  }
  history.replaceState(null, "", view === "extract" ? "#extract" : location.pathname + location.search);
}

function wire() {
  $("lang-toggle").addEventListener("click", () => {
    state.lang = state.lang === "zh" ? "en" : "zh";
    try {
      localStorage.setItem("planwatch.lang", state.lang);
    } catch {
      // Not saved; the toggle still works for this visit.
    }
    applyLanguage();
  });
  const tabs = ["scorecard", "extract"];
  for (const view of tabs) {
    const tab = $(`tab-${view}`);
    tab.addEventListener("click", () => showView(view));
    tab.addEventListener("keydown", (e) => {
      const i = tabs.indexOf(view);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      showView(tabs[(next + tabs.length) % tabs.length], true);
    });
  }
  const asOf = $("as-of");
  const onDate = () => {
    if (asOf.value === state.asOf || (asOf.value && !asOf.checkValidity())) return;
    state.asOf = asOf.value;
    evaluateNow();
  };
  asOf.addEventListener("change", onDate);
  asOf.addEventListener("input", onDate);
  $("as-of-clear").addEventListener("click", () => {
    asOf.value = "";
    onDate();
  });
  $("obs-csv").addEventListener("input", debounce(applyObservations, 250));
  $("obs-file").addEventListener("change", async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    $("obs-csv").value = await file.text();
    applyObservations();
  });
  $("obs-clear").addEventListener("click", () => {
    $("obs-csv").value = "";
    $("obs-file").value = "";
    applyObservations();
  });
  $("ex-text").addEventListener("input", debounce(runExtract, 300));
  $("ex-sample").addEventListener("click", loadSample);
  $("ex-clear").addEventListener("click", () => {
    $("ex-text").value = "";
    runExtract();
  });
  $("ex-filter").addEventListener("change", () => state.found && renderExtraction());
  $("ex-download").addEventListener("click", downloadDraft);
}

async function start() {
  wire();
  applyLanguage();
  try {
    await init();
  } catch (err) {
    $("loading").textContent = `${t("loadFailed")} (${err.message})`;
    $("loading").setAttribute("role", "alert");
    return;
  }
  state.plan = Plan.builtin(DATASET);
  state.builtin = Observations.builtin(DATASET);
  evaluateNow();
  renderObservationStatus();
  renderExtraction();
  $("loading").hidden = true;
  showView(state.view);
  document.body.dataset.ready = "true";
}

start();
