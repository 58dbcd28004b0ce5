// The event table: filters on the left (kept in the URL), a sortable, paged table on the right.
import {
  QUAD_NAMES, api, card, codeInput, codes, field, fmt, h, highlighted, loading, modalityBadge,
  paramsObject, plural, qs, scoreEl, texts, typeChip, errorCard,
} from "../dom.js";

const MULTI = ["type", "quad", "modality"];
const PAGE = 50;
const SORTS = [
  ["-date", "Newest first"], ["date", "Oldest first"], ["-score", "Most cooperative"],
  ["score", "Most conflictual"], ["-confidence", "Most confident"],
];

function typeSelect(meta, value) {
  const select = h("select", { name: "type" }, h("option", { value: "" }, "All types"));
  for (const quad of [1, 2, 3, 4]) {
    const types = meta.plover_types.filter((t) => meta.quad_of_type[t] === quad);
    select.append(h("optgroup", { label: QUAD_NAMES[quad] }, types.map((t) => {
      const n = meta.overview.types[t] || 0;
      return h("option", { value: t, selected: t === value }, `${t}${n ? ` (${fmt.int(n)})` : ""}`);
    })));
  }
  return select;
}

function modeSelect(meta, type, value) {
  const modes = new Map();
  const source = type ? { [type]: meta.overview.modes[type] || {} } : meta.overview.modes;
  for (const counts of Object.values(source)) {
    for (const [m, n] of Object.entries(counts)) modes.set(m, (modes.get(m) || 0) + n);
  }
  const names = [...modes.keys()].sort();
  return h("select", { name: "mode", disabled: !names.length && !value },
    h("option", { value: "" }, names.length ? "Any mode" : "No modes"),
    names.map((m) => h("option", { value: m, selected: m === value }, `${m} (${fmt.int(modes.get(m))})`)));
}

function checks(name, options, chosen, cls = "") {
  return h("div", { class: `checks ${cls}` }, options.map(([value, label]) =>
    h("label", { class: "check" },
      h("input", { type: "checkbox", name, value, checked: chosen.includes(String(value)) }),
      name === "quad" ? h("span", { class: `type-chip q${value} bare` }) : null, label)));
}

function filterForm(ctx, params, onApply) {
  const meta = ctx.meta;
  const p = params;
  const story = p.story ? h("div", { class: "chip-story" },
    h("span", null, "Story ", h("code", null, p.story)),
    h("a", { href: "#", onclick: (e) => { e.preventDefault(); onApply({ ...p, story: "" }); } }, "clear")) : null;
  const form = h("form", { autocomplete: "off" },
    h("div", { class: "group-title" }, "Search"),
    field("Text in sentence", h("input", { type: "search", name: "q", value: p.q || "", placeholder: "e.g. sanctions" })),
    story,
    h("div", { class: "group-title" }, "Who"),
    h("div", { class: "row" },
      field("Actor", codeInput("actor", p.actor, "actor-codes", "USA")),
      field("Recipient", codeInput("recipient", p.recipient, "actor-codes", "CHN"))),
    h("div", { class: "row" },
      field("Either side", codeInput("country", p.country, "actor-codes", "code")),
      field("Sector", h("input", { type: "text", name: "sector", value: p.sector || "", placeholder: "GOV", list: "sectors" }))),
    h("datalist", { id: "sectors" }, meta.overview.sectors.map((x) => h("option", { value: x }))),
    h("div", { class: "group-title" }, "What"),
    field("PLOVER type", typeSelect(meta, (p.type || [])[0])),
    field("Mode", modeSelect(meta, (p.type || [])[0], p.mode)),
    field("Quad class", checks("quad", [1, 2, 3, 4].map((q) => [q, QUAD_NAMES[q]]), p.quad || [], "one")),
    field("Modality", checks("modality", meta.modalities.map((m) => [m, m]), p.modality || [])),
    h("div", { class: "group-title" }, "When"),
    h("div", { class: "row dates" },
      field("From", h("input", { type: "date", name: "since", value: p.since || "" })),
      field("To", h("input", { type: "date", name: "until", value: p.until || "" }))),
    h("div", { class: "buttons" },
      h("button", { type: "button", onclick: () => onApply({}) }, "Reset"),
      h("button", { type: "submit", class: "primary" }, "Apply")));
  const collect = () => {
    const data = new FormData(form);
    const out = { sort: p.sort, story: p.story };
    for (const key of ["q", "actor", "recipient", "country", "sector", "mode", "since", "until"]) {
      const v = String(data.get(key) || "").trim();
      if (v) out[key] = ["actor", "recipient", "country", "sector"].includes(key) ? v.toUpperCase() : v;
    }
    const type = String(data.get("type") || "");
    if (type) out.type = [type];
    if (out.type && out.mode && !(meta.overview.modes[type] || {})[out.mode]) delete out.mode;
    for (const key of ["quad", "modality"]) {
      const values = data.getAll(key).map(String);
      if (values.length) out[key] = values;
    }
    return out;
  };
  form.addEventListener("submit", (e) => { e.preventDefault(); onApply(collect()); });
  form.addEventListener("change", (e) => {
    if (e.target.matches("select, input[type=checkbox], input[type=date]")) onApply(collect());
  });
  return h("aside", { class: "filters card" }, form);
}

export function eventRow(ev) {
  const spans = ev.trigger_start !== null && ev.trigger_start !== undefined
    ? [{ role: "trigger", start: ev.trigger_start, end: ev.trigger_end, label: ev.type }] : [];
  const open = () => { location.hash = "#/event/" + encodeURIComponent(ev.event_id); };
  return h("tr", {
    class: "link", tabindex: "0", dataset: { eventId: ev.event_id },
    onclick: open, onkeydown: (e) => { if (e.key === "Enter") open(); },
  },
  h("td", { class: "nowrap" }, fmt.dateRange(ev.date_earliest, ev.date_latest)),
  h("td", null,
    h("div", { class: "dyad" }, codes(ev.actors), h("span", { class: "arrow" }, "→"), codes(ev.recipients)),
    h("div", { class: "dyad-names" }, texts(ev.actors), ev.recipients.length ? " → " + texts(ev.recipients) : "")),
  h("td", null, typeChip(ev.type, ev.quad_class), ev.mode ? h("span", { class: "mode" }, ev.mode) : null),
  h("td", { class: "sentence-cell" },
    h("a", { href: "#/event/" + encodeURIComponent(ev.event_id), class: "clip", tabindex: "-1",
      onclick: (e) => e.stopPropagation() }, highlighted(ev.sentence_text || "", spans))),
  h("td", null, modalityBadge(ev.modality) || h("span", { class: "muted small" }, "asserted")),
  h("td", { class: "num" }, scoreEl(ev.score)));
}

export function eventTable(list) {
  return h("table", { class: "data events" },
    h("thead", null, h("tr", null,
      h("th", null, "Date"), h("th", null, "Actor → recipient"), h("th", null, "Event"),
      h("th", null, "Evidence"), h("th", null, "Modality"), h("th", { class: "num" }, "Score"))),
    h("tbody", null, list.map(eventRow)));
}

export async function render(container, ctx) {
  const state = { params: paramsObject(ctx.params, MULTI) };
  const apply = (params) => { location.hash = "#/events" + qs(params); };
  const results = h("section", { class: "card results" });
  const layout = h("div", { class: "layout-events" }, filterForm(ctx, state.params, apply), results);
  container.replaceChildren(layout);

  async function load() {
    const p = state.params;
    const offset = Number(p.offset || 0);
    results.replaceChildren(loading());
    let page;
    try {
      page = await api("/api/events", { ...p, limit: PAGE, offset });
    } catch (error) {
      results.replaceChildren(errorCard(error));
      return;
    }
    const sort = h("select", { "aria-label": "Sort", class: "sort", onchange: (e) => apply({ ...p, sort: e.target.value, offset: "" }) },
      SORTS.map(([v, label]) => h("option", { value: v, selected: (p.sort || "-date") === v }, label)));
    // A text search stops counting at 10,000 matches: its total is then a lower bound.
    const more = page.total_exact === false;
    const totalText = `${fmt.int(page.total)}${more ? "+" : ""}`;
    const last = offset + page.events.length;
    const pager = h("div", { class: "pager" },
      h("span", null, page.total ? `${fmt.int(offset + 1)}–${fmt.int(last)} of ${totalText}` : ""),
      h("button", { disabled: offset === 0, onclick: () => apply({ ...p, offset: Math.max(0, offset - PAGE) || "" }) }, "‹ Prev"),
      h("button", { disabled: page.events.length < PAGE || (!more && last >= page.total), onclick: () => apply({ ...p, offset: offset + PAGE }) }, "Next ›"));
    const head = h("div", { class: "results-head" },
      h("span", { class: "count" }, more ? `${totalText} events` : plural(page.total, "event")),
      h("span", { class: "spacer" }), sort, pager);
    const body = page.events.length ? eventTable(page.events)
      : h("div", { class: "empty" }, "No events match these filters.");
    results.replaceChildren(head, body);
  }

  await load();
  return {
    update(next) {
      state.params = paramsObject(next.params, MULTI);
      layout.replaceChild(filterForm(next, state.params, apply), layout.firstChild);
      load();
    },
  };
}
