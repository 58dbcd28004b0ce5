// The actor network as SVG: a deterministic force-directed layout (Fruchterman–Reingold),
// directed curved edges coloured by cooperation share and sized by event count.
import { COLORS, h, s } from "../dom.js";

// "coop", "conflict" or "neutral": the edge's share of cooperation events.
export function edgeColor(edge) {
  const total = edge.cooperation + edge.conflict;
  const share = total ? edge.cooperation / total : 0.5;
  if (share >= 0.6) return "coop";
  if (share <= 0.4) return "conflict";
  return "neutral";
}

// Fruchterman–Reingold on one connected component; positions normalised to [0, 1]².
function forceLayout(nodes, links, iterations) {
  const n = nodes.length;
  if (n === 1) return [[0.5, 0.5]];
  const pos = nodes.map((_, i) => {
    const angle = i * 2.399963; // golden angle: a sunflower spiral, heaviest nodes in the middle
    const r = 0.45 * Math.sqrt((i + 0.5) / n);
    return [0.5 + r * Math.cos(angle), 0.5 + r * Math.sin(angle)];
  });
  const k = Math.sqrt(1 / n) * 1.2;
  let temp = 0.1;
  for (let it = 0; it < iterations; it++) {
    const disp = pos.map(() => [0, 0]);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i][0] - pos[j][0];
        let dy = pos[i][1] - pos[j][1];
        let d2 = dx * dx + dy * dy;
        if (d2 < 1e-9) { dx = 1e-3 * (i - j); dy = 1e-3; d2 = dx * dx + dy * dy; }
        const f = (k * k) / d2;
        disp[i][0] += dx * f; disp[i][1] += dy * f;
        disp[j][0] -= dx * f; disp[j][1] -= dy * f;
      }
    }
    for (const [a, b, w] of links) {
      const dx = pos[a][0] - pos[b][0];
      const dy = pos[a][1] - pos[b][1];
      const d = Math.sqrt(dx * dx + dy * dy) || 1e-6;
      const f = (d * w) / k;
      disp[a][0] -= dx * f; disp[a][1] -= dy * f;
      disp[b][0] += dx * f; disp[b][1] += dy * f;
    }
    for (let i = 0; i < n; i++) {
      disp[i][0] += (0.5 - pos[i][0]) * k; // gravity keeps the component round
      disp[i][1] += (0.5 - pos[i][1]) * k;
      const len = Math.hypot(disp[i][0], disp[i][1]) || 1e-9;
      const step = Math.min(len, temp);
      pos[i][0] += (disp[i][0] / len) * step;
      pos[i][1] += (disp[i][1] / len) * step;
    }
    temp = Math.max(0.002, temp * 0.985);
  }
  const xs = pos.map((p) => p[0]);
  const ys = pos.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(x1 - x0, y1 - y0) || 1;
  return pos.map(([x, y]) => [0.5 + (x - (x0 + x1) / 2) / span, 0.5 + (y - (y0 + y1) / 2) / span]);
}

// Positions in [0, 1]² for a drawing of the given aspect (width / height). Each connected
// component is laid out on its own and the components are packed in rows, biggest first, so
// small islands do not push the main cluster into a corner. Deterministic: same data, same
// picture.
export function layout(nodes, edges, aspect = 1.6, iterations = 400) {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.code, i]));
  const maxW = Math.max(...edges.map((e) => e.weight), 1);
  const parent = nodes.map((_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target),
    0.35 + Math.log1p(e.weight) / Math.log1p(maxW)]);
  for (const [a, b] of links) parent[find(a)] = find(b);
  const groups = new Map();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root).push(i);
  }
  const comps = [...groups.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
  const out = new Array(n);
  // Each component gets a box of its size's area; bigger ones are stretched to the drawing's
  // aspect so the main cluster fills the width.
  const boxes = comps.map((c) => {
    const side = Math.sqrt(c.length) * (c.length > 2 ? 1 : 0.8);
    const stretch = c.length > 6 ? Math.sqrt(aspect) : 1;
    return [side * stretch, side / stretch];
  });
  const rowWidth = Math.max(boxes[0][0], Math.sqrt(boxes.reduce((a, [w, h]) => a + w * h, 0) * aspect));
  let x = 0;
  let y = 0;
  let rowH = 0;
  comps.forEach((comp, c) => {
    const [w, hgt] = boxes[c];
    if (x > 0 && x + w > rowWidth + 1e-9) { x = 0; y += rowH; rowH = 0; }
    const local = new Map(comp.map((g, j) => [g, j]));
    const own = links.filter(([a]) => local.has(a)).map(([a, b, wt]) => [local.get(a), local.get(b), wt]);
    const pos = forceLayout(comp, own, iterations);
    comp.forEach((g, j) => {
      out[g] = [x + w * (0.08 + 0.84 * pos[j][0]), y + hgt * (0.08 + 0.84 * pos[j][1])];
    });
    x += w;
    rowH = Math.max(rowH, hgt);
  });
  const width = Math.max(...out.map((p) => p[0])) - Math.min(...out.map((p) => p[0])) || 1;
  const height = Math.max(...out.map((p) => p[1])) - Math.min(...out.map((p) => p[1])) || 1;
  const [mx, my] = [Math.min(...out.map((p) => p[0])), Math.min(...out.map((p) => p[1]))];
  // Keep the aspect: scale both axes alike, centre the shorter one.
  const scale = Math.max(width / aspect, height);
  return out.map(([px, py]) => [
    0.5 + ((px - mx - width / 2) / (scale * aspect)),
    0.5 + ((py - my - height / 2) / scale),
  ]);
}

// Push overlapping circles apart (room for their labels too), inside the drawing.
function separate(xy, radii, W, H, pad) {
  for (let round = 0; round < 80; round++) {
    let moved = false;
    for (let i = 0; i < xy.length; i++) {
      for (let j = i + 1; j < xy.length; j++) {
        const need = radii[i] + radii[j] + 16;
        let dx = xy[j][0] - xy[i][0];
        let dy = xy[j][1] - xy[i][1];
        let d = Math.hypot(dx, dy);
        if (d >= need) continue;
        if (d < 1e-6) { dx = 1; dy = 0; d = 1; }
        const push = (need - d) / 2;
        xy[i][0] -= (dx / d) * push; xy[i][1] -= (dy / d) * push;
        xy[j][0] += (dx / d) * push; xy[j][1] += (dy / d) * push;
        moved = true;
      }
    }
    for (const p of xy) {
      p[0] = Math.min(W - pad, Math.max(pad, p[0]));
      p[1] = Math.min(H - pad, Math.max(pad, p[1]));
    }
    if (!moved) break;
  }
}

export function networkGraph(data, { width = 900, height = 620, onNode, onEdge, selected } = {}) {
  const W = Math.max(480, width);
  const H = height;
  const pad = 46;
  const unit = layout(data.nodes, data.edges, (W - 2 * pad) / (H - 2 * pad));
  const maxNode = Math.max(...data.nodes.map((n) => n.weight), 1);
  const maxEdge = Math.max(...data.edges.map((e) => e.weight), 1);
  const radius = new Map(data.nodes.map((n) => [n.code, 7 + 19 * Math.sqrt(n.weight / maxNode)]));
  const xy = data.nodes.map((n, i) => [pad + unit[i][0] * (W - 2 * pad), pad + unit[i][1] * (H - 2 * pad)]);
  separate(xy, data.nodes.map((n) => radius.get(n.code)), W, H, pad);
  const at = new Map(data.nodes.map((n, i) => [n.code, xy[i]]));

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Actor network" });
  const defs = s("defs");
  for (const kind of ["coop", "conflict", "neutral"]) {
    defs.append(s("marker", { id: "arrow-" + kind, viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 10, markerHeight: 10, orient: "auto", markerUnits: "userSpaceOnUse" },
    s("path", { d: "M0,1 L9,5 L0,9 z", fill: COLORS[kind] })));
  }
  svg.append(defs);

  const edgeLayer = s("g");
  const nodeLayer = s("g");
  const edgeEls = [];
  for (const e of data.edges) {
    const [x1, y1] = at.get(e.source);
    const [x2, y2] = at.get(e.target);
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len = Math.hypot(dx, dy) || 1;
    const bend = Math.min(40, len * 0.14);
    const cx = (x1 + x2) / 2 - (dy / len) * bend; // bend left, so A→B and B→A separate
    const cy = (y1 + y2) / 2 + (dx / len) * bend;
    const r2 = radius.get(e.target) + 3;
    const tx = x2 - cx;
    const ty = y2 - cy;
    const tl = Math.hypot(tx, ty) || 1;
    const ex = x2 - (tx / tl) * r2;
    const ey = y2 - (ty / tl) * r2;
    const kind = edgeColor(e);
    const path = s("path", { class: "edge", d: `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      stroke: COLORS[kind], "stroke-width": (1 + 6 * Math.sqrt(e.weight / maxEdge)).toFixed(2),
      "marker-end": `url(#arrow-${kind})`, dataset: { source: e.source, target: e.target } },
    s("title", null, `${e.source} → ${e.target}: ${e.weight} events (${e.cooperation} cooperation, ${e.conflict} conflict), mean score ${e.mean_score ?? "–"}`));
    if (onEdge) path.addEventListener("click", () => onEdge(e));
    edgeEls.push(path);
    edgeLayer.append(path);
  }
  const nodeEls = new Map();
  for (const node of data.nodes) {
    const [x, y] = at.get(node.code);
    const r = radius.get(node.code);
    const balance = data.edges.filter((e) => e.source === node.code || e.target === node.code);
    const coop = balance.reduce((a, e) => a + e.cooperation, 0);
    const conf = balance.reduce((a, e) => a + e.conflict, 0);
    const fill = coop + conf === 0 ? "#eef1f5" : coop >= conf ? "#e2f2ee" : "#f8e4e7";
    const g = s("g", { class: "node", transform: `translate(${x.toFixed(1)},${y.toFixed(1)})`, tabindex: 0,
      dataset: { code: node.code } },
    s("circle", { r: r.toFixed(1), fill }),
    s("text", { y: r > 15 ? 4 : -r - 5, "text-anchor": "middle" }, node.code),
    s("title", null, `${node.name || node.code}: ${node.out_weight} events as actor, ${node.in_weight} as recipient`));
    if (onNode) {
      g.addEventListener("click", () => onNode(node));
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onNode(node); });
    }
    nodeEls.set(node.code, g);
    nodeLayer.append(g);
  }
  svg.append(edgeLayer, nodeLayer);
  const wrap = h("div", { class: "graph" }, svg);

  function focus(code) {
    wrap.classList.toggle("focus", Boolean(code));
    const near = new Set([code]);
    for (const el of edgeEls) {
      const on = el.dataset.source === code || el.dataset.target === code;
      el.classList.toggle("on", on);
      if (on) { near.add(el.dataset.source); near.add(el.dataset.target); }
    }
    for (const [c, el] of nodeEls) el.classList.toggle("on", near.has(c));
  }
  for (const [code, el] of nodeEls) {
    el.addEventListener("mouseenter", () => focus(code));
    el.addEventListener("mouseleave", () => focus(wrap.dataset.selected || null));
  }
  function select(code) {
    wrap.dataset.selected = code || "";
    for (const [c, el] of nodeEls) el.classList.toggle("selected", c === code);
    focus(code || null);
  }
  if (selected) select(selected);
  return { el: wrap, select };
}
