// Small inline SVG bullet charts drawn from an assessment's fields: a bar for the
// observed value, a tick for the target, a shaded band for the range that meets the
// condition, and a hollow marker for the previous year's value. Presentation only: the
// verdict comes from the library, and numbers are converted to floats here just to
// place marks on a 160-pixel line.

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 160;
const HEIGHT = 26;
const PAD = 4;

function el(name, attrs) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * The chart for assessment `a`, or null when there is nothing to draw (milestones,
 * references not bound). `label` is the accessible description.
 */
export function bulletChart(a, label) {
  const target = a.target_value === null ? null : Number(a.target_value);
  if (target === null || !Number.isFinite(target)) return null;
  const high = a.target_high === null ? null : Number(a.target_high);
  const observed = a.observed === null ? null : Number(a.observed);
  const previous = a.previous === null ? null : Number(a.previous);
  const values = [0, target, high, observed, previous].filter((v) => v !== null && Number.isFinite(v));
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) hi = lo + 1;
  const span = hi - lo;
  hi += span * 0.12;
  if (lo < 0) lo -= span * 0.12;
  const x = (v) => PAD + ((v - lo) / (hi - lo)) * (WIDTH - 2 * PAD);

  const svg = el("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: "img", class: "bullet" });
  svg.setAttribute("aria-label", label);
  const title = el("title", {});
  title.textContent = label;
  svg.append(title);
  svg.append(el("rect", { x: PAD, y: 5, width: WIDTH - 2 * PAD, height: 16, class: "track" }));

  // The band of values that meet the condition.
  let band = null;
  switch (a.comparator) {
    case ">=":
    case ">":
      band = [target, hi];
      break;
    case "<=":
    case "<":
      band = [lo, target];
      break;
    case "between":
      if (high !== null) band = [target, high];
      break;
    default:
      break;
  }
  if (band) {
    svg.append(el("rect", { x: x(band[0]), y: 5, width: Math.max(0, x(band[1]) - x(band[0])), height: 16, class: "band" }));
  }
  if (lo < 0) svg.append(el("line", { x1: x(0), x2: x(0), y1: 3, y2: 23, class: "zero" }));
  if (observed !== null && Number.isFinite(observed)) {
    const from = Math.min(x(0), x(observed));
    svg.append(el("rect", { x: from, y: 9, width: Math.max(1.5, Math.abs(x(observed) - x(0))), height: 8, class: `bar status-${a.status}` }));
  }
  if (previous !== null && Number.isFinite(previous)) {
    svg.append(el("circle", { cx: x(previous), cy: 13, r: 3, class: "previous" }));
  }
  svg.append(el("line", { x1: x(target), x2: x(target), y1: 3, y2: 23, class: "target" }));
  if (high !== null && Number.isFinite(high)) {
    svg.append(el("line", { x1: x(high), x2: x(high), y1: 3, y2: 23, class: "target" }));
  }
  return svg;
}
