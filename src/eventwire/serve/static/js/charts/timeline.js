// A diverging stacked bar chart of cooperation (up) vs conflict (down) per period, with the
// mean PLOVER score per period in a second panel below. Plain SVG, no library.
import { COLORS, fmt, h, s } from "../dom.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function periodLabel(period, interval, short = false) {
  const [y, m, d] = period.split("-");
  if (interval === "year") return y;
  if (interval === "month") return short ? `${MONTHS[+m - 1]} ${y.slice(2)}` : `${MONTHS[+m - 1]} ${y}`;
  if (interval === "week") return short ? `${+d} ${MONTHS[+m - 1]}` : `Week of ${+d} ${MONTHS[+m - 1]} ${y}`;
  return short ? `${+d} ${MONTHS[+m - 1]}` : `${+d} ${MONTHS[+m - 1]} ${y}`;
}

export function periodEnd(period, interval) {
  const [y, m, d] = period.split("-").map(Number);
  const end = interval === "year" ? new Date(Date.UTC(y + 1, 0, 1))
    : interval === "month" ? new Date(Date.UTC(y, m, 1))
      : new Date(Date.UTC(y, m - 1, d + (interval === "week" ? 7 : 1)));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

function niceStep(max, ticks = 4) {
  if (max <= 4) return 1; // counts: whole numbers
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
}

function compact(n) {
  if (n >= 1e6) return (n / 1e6).toFixed(n >= 1e7 ? 0 : 1) + "M";
  if (n >= 1e3) return (n / 1e3).toFixed(n >= 1e4 ? 0 : 1) + "k";
  return String(n);
}

export function timelineChart(series, { width = 1000, onSelect } = {}) {
  const pts = series.points;
  const W = Math.max(560, width);
  const M = { top: 16, right: 20, bottom: 28, left: 56 };
  const barsH = 250;
  const gap = 34;
  const scoreH = 96;
  const H = M.top + barsH + gap + scoreH + M.bottom;
  const plotW = W - M.left - M.right;
  const n = Math.max(pts.length, 1);
  const band = plotW / n;
  const barW = Math.max(1, Math.min(band * 0.78, 42));
  const up = Math.max(1, ...pts.map((p) => p.cooperation));
  const down = Math.max(1, ...pts.map((p) => p.conflict));
  const step = niceStep(Math.max(up, down));
  const top = Math.ceil(up / step) * step;
  const bottom = Math.ceil(down / step) * step;
  const k = barsH / (top + bottom);
  const zeroY = M.top + top * k;
  const y = (v) => zeroY - v * k;
  const x = (i) => M.left + i * band + band / 2;

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": `Cooperation and conflict per ${series.interval}` });
  const grid = s("g", { class: "grid" });
  const axis = s("g", { class: "axis" });
  for (let v = -bottom; v <= top; v += step) {
    grid.append(s("line", { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }));
    axis.append(s("text", { x: M.left - 8, y: y(v) + 4, "text-anchor": "end" }, compact(Math.abs(v))));
  }
  axis.append(s("text", { x: 12, y: M.top + (top * k) / 2, transform: `rotate(-90 12 ${M.top + (top * k) / 2})`,
    "text-anchor": "middle" }, "cooperation"));
  axis.append(s("text", { x: 12, y: zeroY + (bottom * k) / 2, transform: `rotate(-90 12 ${zeroY + (bottom * k) / 2})`,
    "text-anchor": "middle" }, "conflict"));
  svg.append(grid, axis);

  const bars = s("g", { class: "bars" });
  pts.forEach((p, i) => {
    const left = x(i) - barW / 2;
    const stack = [[1, p.verbal_cooperation, +1], [2, p.material_cooperation, +1],
      [3, p.verbal_conflict, -1], [4, p.material_conflict, -1]];
    let upAt = 0;
    let downAt = 0;
    for (const [q, v, dir] of stack) {
      if (!v) continue;
      const from = dir > 0 ? upAt : downAt;
      const to = from + v;
      const y1 = dir > 0 ? y(to) : y(-from);
      const y2 = dir > 0 ? y(from) : y(-to);
      bars.append(s("rect", { x: left, y: y1, width: barW, height: Math.max(0.5, y2 - y1), fill: COLORS[q], rx: barW > 6 ? 1.5 : 0 }));
      if (dir > 0) upAt = to; else downAt = to;
    }
  });
  svg.append(bars, s("line", { class: "zero", x1: M.left, x2: W - M.right, y1: zeroY, y2: zeroY }));

  // Mean PLOVER score panel (-10 .. +10).
  const sTop = M.top + barsH + gap;
  const sy = (v) => sTop + scoreH / 2 - (v / 10) * (scoreH / 2);
  const sPanel = s("g", { class: "axis" });
  for (const v of [-10, 0, 10]) {
    grid.append(s("line", { x1: M.left, x2: W - M.right, y1: sy(v), y2: sy(v) }));
    sPanel.append(s("text", { x: M.left - 8, y: sy(v) + 4, "text-anchor": "end" }, v > 0 ? "+10" : String(v)));
  }
  sPanel.append(s("text", { x: M.left, y: sTop - 10 }, "Mean PLOVER score"));
  svg.append(sPanel, s("line", { class: "zero", x1: M.left, x2: W - M.right, y1: sy(0), y2: sy(0) }));
  let d = "";
  let pen = false;
  pts.forEach((p, i) => {
    if (p.mean_score === null) { pen = false; return; }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${sy(p.mean_score).toFixed(1)}`;
    pen = true;
  });
  if (d) svg.append(s("path", { d, fill: "none", stroke: "#4a5566", "stroke-width": 1.5 }));
  pts.forEach((p, i) => {
    const isolated = (pts[i - 1] || {}).mean_score == null && (pts[i + 1] || {}).mean_score == null;
    if (p.mean_score === null || (pts.length > 160 && !isolated)) return;
    svg.append(s("circle", { cx: x(i), cy: sy(p.mean_score), r: 2.6,
      fill: p.mean_score >= 0 ? COLORS.coop : COLORS.conflict }));
  });

  // x axis labels, thinned so they do not collide.
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(plotW / 74))));
  pts.forEach((p, i) => {
    if (i % every) return;
    axis.append(s("text", { x: x(i), y: H - 8, "text-anchor": "middle" }, periodLabel(p.period, series.interval, true)));
  });

  // Hover bands and the tooltip.
  const wrap = h("div", { class: "chart" });
  const tip = h("div", { class: "tooltip", hidden: true });
  const hover = s("g", null);
  pts.forEach((p, i) => {
    const rect = s("rect", { class: "band", x: M.left + i * band, y: M.top, width: band, height: H - M.top - M.bottom, fill: "transparent",
      dataset: { period: p.period } });
    rect.addEventListener("mousemove", (e) => {
      tip.hidden = false;
      tip.replaceChildren(
        h("b", null, periodLabel(p.period, series.interval)),
        h("div", { class: "k" }, h("span", null, "Events"), h("b", null, fmt.int(p.events))),
        h("div", { class: "k" }, h("span", null, "Cooperation (verbal / material)"), h("span", null, `${p.verbal_cooperation} / ${p.material_cooperation}`)),
        h("div", { class: "k" }, h("span", null, "Conflict (verbal / material)"), h("span", null, `${p.verbal_conflict} / ${p.material_conflict}`)),
        h("div", { class: "k" }, h("span", null, "Mean score"), h("span", null, fmt.score(p.mean_score))),
        p.events ? h("div", { class: "small" }, "Click to list these events") : null);
      const box = wrap.getBoundingClientRect();
      const left = e.clientX - box.left + 14;
      tip.style.left = Math.min(left, box.width - 250) + "px";
      tip.style.top = e.clientY - box.top + 12 + "px";
    });
    rect.addEventListener("mouseleave", () => { tip.hidden = true; });
    if (onSelect && p.events) {
      rect.style.cursor = "pointer";
      rect.addEventListener("click", () => onSelect(p.period, periodEnd(p.period, series.interval)));
    }
    hover.append(rect);
  });
  svg.append(hover);
  wrap.append(svg, tip);
  return wrap;
}
