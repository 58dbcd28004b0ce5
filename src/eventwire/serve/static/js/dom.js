// Small helpers: building DOM and SVG nodes, calling the API, formatting values.
// Text always goes in as text nodes (never as HTML), so store content cannot inject markup.

const SVG_NS = "http://www.w3.org/2000/svg";

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else if (key === "style") {
      Object.assign(el.style, value); // CSSOM, allowed by the page's content security policy
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// Query string from an object; arrays repeat the key, empty values are left out.
export function qs(params) {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== null && v !== undefined && v !== "") out.append(key, String(v));
    }
  }
  const text = out.toString();
  return text ? "?" + text : "";
}

export async function api(path, params) {
  const response = await fetch(path + qs(params), { headers: { accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const err = (body && body.error) || {};
    throw new ApiError(response.status, err.code || "error", err.message || response.statusText);
  }
  return body;
}

// Params from URLSearchParams as a plain object; keys in `multi` become arrays.
export function paramsObject(search, multi = []) {
  const out = {};
  for (const key of new Set(search.keys())) {
    out[key] = multi.includes(key) ? search.getAll(key) : search.get(key);
  }
  return out;
}

const intFormat = new Intl.NumberFormat("en-US");
export const fmt = {
  int: (n) => (n === null || n === undefined ? "–" : intFormat.format(n)),
  score: (x) => (x === null || x === undefined ? "–" : (x > 0 ? "+" : "") + Number(x).toFixed(1)),
  pct: (x) => (Number.isFinite(x) ? Math.round(x * 100) + "%" : "–"),
  conf: (x) => (x === null || x === undefined ? "–" : Number(x).toFixed(2)),
  dateRange(a, b) {
    if (!a) return "undated";
    return !b || a === b ? a : `${a} – ${b}`;
  },
};

export function plural(n, word) {
  return `${fmt.int(n)} ${word}${n === 1 ? "" : "s"}`;
}

export function scoreEl(x) {
  const cls = x > 0 ? "pos" : x < 0 ? "neg" : "";
  return h("span", { class: `score ${cls}` }, fmt.score(x));
}

// The palette of app.css, for SVG attributes (which do not take CSS variables everywhere).
export const COLORS = {
  1: "#5fb3a3", 2: "#1f7a6b", 3: "#ee9a7c", 4: "#b8364a",
  coop: "#1f7a6b", conflict: "#b8364a", neutral: "#8a94a3",
};

export const QUAD_NAMES = {
  1: "Verbal cooperation",
  2: "Material cooperation",
  3: "Verbal conflict",
  4: "Material conflict",
};

export function typeChip(type, quad) {
  return h("span", { class: `type-chip q${quad || 0}`, title: QUAD_NAMES[quad] || "" }, type);
}

export function modalityBadge(modality) {
  if (!modality || modality === "asserted") return null;
  return h("span", { class: `badge ${modality}` }, modality);
}

export function codes(entities) {
  const list = [...new Set(entities.map((a) => a.country || "—"))];
  return list.length ? list.join(" + ") : "—";
}

export function texts(entities) {
  return entities.map((a) => a.text).join(" + ");
}

// The sentence as text nodes and <mark> elements, one per run of text covered by the same
// set of highlights (so overlapping and nested spans both show).
export function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const sp of spans) {
    cuts.add(Math.max(0, Math.min(text.length, sp.start)));
    cuts.add(Math.max(0, Math.min(text.length, sp.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const on = spans.filter((sp) => sp.start <= a && sp.end >= b);
    const piece = text.slice(a, b);
    if (!on.length) {
      frag.append(piece);
      continue;
    }
    const roles = [...new Set(on.map((sp) => sp.role))];
    frag.append(
      h(
        "mark",
        {
          class: ["hl", ...roles.map((r) => "hl-" + r)].join(" "),
          title: on.map((sp) => sp.label || sp.role).join(" · "),
          dataset: { roles: roles.join(" ") },
        },
        piece,
      ),
    );
  }
  return frag;
}

export function card(title, body, extra) {
  return h(
    "section",
    { class: "card" },
    title ? h("div", { class: "card-head" }, h("h2", null, title), extra || null) : null,
    h("div", { class: "card-body" }, body),
  );
}

export function errorCard(error) {
  const message = error instanceof ApiError ? error.message : String(error.message || error);
  const status = error instanceof ApiError ? ` (${error.status} ${error.code})` : "";
  return h(
    "div",
    { class: "card error-card" },
    h("h2", null, "Could not load this view" + status),
    h("p", { class: "muted" }, message),
  );
}

export function loading(text = "Loading…") {
  return h("div", { class: "loading" }, text);
}

// An <input> with suggestions of country/group codes.
export function codeInput(name, value, listId, placeholder) {
  return h("input", {
    type: "text",
    name,
    value: value || "",
    list: listId,
    placeholder: placeholder || "code, e.g. USA",
    autocomplete: "off",
    spellcheck: "false",
  });
}

export function field(label, control, cls) {
  return h("label", { class: "field " + (cls || "") }, label, control);
}
