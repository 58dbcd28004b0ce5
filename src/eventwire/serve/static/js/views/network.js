// The actor network: filters, the graph, and a side panel on the selected actor.
import {
  COLORS, QUAD_NAMES, api, card, codeInput, errorCard, field, fmt, h, loading, qs, scoreEl,
} from "../dom.js";
import { networkGraph } from "../charts/network.js";

const SIZES = [50, 100, 150, 300];

function readParams(search) {
  return {
    since: search.get("since") || "", until: search.get("until") || "",
    type: search.get("type") || "", quad: search.get("quad") || "",
    focus: (search.get("focus") || "").toUpperCase(), selected: (search.get("selected") || "").toUpperCase(),
    max_edges: SIZES.includes(Number(search.get("max_edges"))) ? Number(search.get("max_edges")) : 100,
  };
}

const hashFor = (p) => "#/network" + qs({ ...p, max_edges: p.max_edges === 100 ? "" : p.max_edges });

function controls(p, meta) {
  const form = h("form", { class: "controls", autocomplete: "off" },
    field("From", h("input", { type: "date", name: "since", value: p.since })),
    field("To", h("input", { type: "date", name: "until", value: p.until })),
    field("PLOVER type", h("select", { name: "type" }, h("option", { value: "" }, "All types"),
      meta.plover_types.map((t) => h("option", { value: t, selected: t === p.type }, t)))),
    field("Quad class", h("select", { name: "quad" }, h("option", { value: "" }, "All"),
      [1, 2, 3, 4].map((q) => h("option", { value: q, selected: String(q) === p.quad }, QUAD_NAMES[q])))),
    field("Around", codeInput("focus", p.focus, "actor-codes", "any actor"), "code"),
    field("Edges", h("select", { name: "max_edges" },
      SIZES.map((n) => h("option", { value: n, selected: n === p.max_edges }, `top ${n}`)))),
    h("button", { type: "submit", class: "primary" }, "Show"));
  const submit = () => {
    const d = new FormData(form);
    location.hash = hashFor({ since: d.get("since"), until: d.get("until"), type: d.get("type"),
      quad: d.get("quad"), focus: String(d.get("focus") || "").trim().toUpperCase(),
      max_edges: Number(d.get("max_edges")) });
  };
  form.addEventListener("submit", (e) => { e.preventDefault(); submit(); });
  form.addEventListener("change", (e) => { if (e.target.matches("select, input[type=date]")) submit(); });
  return h("section", { class: "card" }, form);
}

function partnerRows(list, max, dir, code) {
  if (!list.length) return h("p", { class: "muted small" }, "None.");
  return h("div", { class: "stack" }, list.slice(0, 6).map((x) => {
    const bar = h("i");
    bar.style.width = Math.round((100 * x.events) / max) + "%";
    bar.style.background = x.mean_score > 0.5 ? COLORS.coop : x.mean_score < -0.5 ? COLORS.conflict : COLORS.neutral;
    const [a, r] = dir === "out" ? [code, x.code] : [x.code, code];
    return h("a", { class: "bar-row", href: `#/timeline?actor=${a}&recipient=${r}`, title: `${x.name || x.code}: timeline ${a} → ${r}` },
      h("b", null, x.code), h("span", { class: "bar" }, bar), h("span", { class: "num small" }, fmt.int(x.events)));
  }));
}

async function actorPanel(code) {
  const a = await api("/api/actors/" + encodeURIComponent(code));
  const sum = a.summary;
  const max = Math.max(1, ...a.targets.map((x) => x.events), ...a.sources.map((x) => x.events));
  const types = Object.entries(a.types_as_actor).slice(0, 5).map(([t, n]) => `${t} ${fmt.int(n)}`).join(" · ");
  return [
    card(`${sum.name || sum.code} (${sum.code})`, [
      h("div", { class: "stats two" },
        h("div", null, h("div", { class: "muted small" }, "As actor"), h("div", { class: "big" }, fmt.int(sum.as_actor))),
        h("div", null, h("div", { class: "muted small" }, "As recipient"), h("div", { class: "big" }, fmt.int(sum.as_recipient)))),
      h("p", { class: "muted small" }, fmt.dateRange(a.first_date, a.last_date)),
      types ? h("p", { class: "small" }, h("b", null, "Does most: "), types) : null,
      h("div", { class: "linkbar" },
        h("a", { class: "button", href: `#/events?country=${code}` }, "Events"),
        h("a", { class: "button", href: `#/network?focus=${code}` }, "Ego network")),
    ]),
    card("Acts towards", partnerRows(a.targets, max, "out", code)),
    card("Acted on by", partnerRows(a.sources, max, "in", code)),
    Object.keys(a.mentions).length ? card("Named in text as", h("p", { class: "small" },
      Object.entries(a.mentions).map(([t, n]) => `${t} (${n})`).join(", "))) : null,
  ];
}

function help(net) {
  const sw = (color) => { const i = h("i"); i.style.background = color; return i; };
  return card("Reading the graph", [
    h("p", { class: "small" }, `${fmt.int(net.nodes.length)} actors, ${fmt.int(net.edges.length)} of ${fmt.int(net.total_edges)} directed dyads.`),
    h("div", { class: "legend" },
      h("span", null, sw(COLORS.coop), "mostly cooperation"),
      h("span", null, sw(COLORS.conflict), "mostly conflict"),
      h("span", null, sw(COLORS.neutral), "mixed")),
    h("p", { class: "muted small" }, "Arrows point from actor to recipient; line width and circle size grow with the number of events. Click an actor for its profile, an arrow for the dyad's timeline."),
  ]);
}

export async function render(container, ctx) {
  const p = readParams(ctx.params);
  const graphBox = h("div", { class: "card-body graph-box" }, loading());
  const side = h("div", { class: "stack" });
  const title = p.focus ? `Network around ${p.focus}` : "Actor network";
  container.replaceChildren(
    h("div", { class: "page-head" }, h("div", null, h("h1", null, title),
      h("div", { class: "sub" }, "Who acts on whom: directed actor → recipient edges, weighted by events"))),
    h("div", { class: "stack" }, controls(p, ctx.meta),
      h("div", { class: "layout-network" }, h("section", { class: "card" }, graphBox), side)));
  let net;
  try {
    net = await api("/api/network", { since: p.since, until: p.until, type: p.type, quad: p.quad,
      focus: p.focus, max_edges: p.max_edges });
  } catch (error) {
    graphBox.replaceChildren(errorCard(error));
    return null;
  }
  if (!net.edges.length) {
    graphBox.replaceChildren(h("div", { class: "empty" }, "No actor → recipient events match."));
    return null;
  }
  const showActor = async (code) => {
    side.replaceChildren(loading());
    try {
      side.replaceChildren(...(await actorPanel(code)).filter(Boolean), help(net));
    } catch (error) {
      side.replaceChildren(errorCard(error));
    }
  };
  const graph = networkGraph(net, {
    width: graphBox.clientWidth - 4,
    height: Math.max(520, Math.min(720, window.innerHeight - 250)),
    selected: p.selected || p.focus,
    onNode: (node) => { graph.select(node.code); showActor(node.code); },
    onEdge: (e) => { location.hash = `#/timeline?actor=${e.source}&recipient=${e.target}`; },
  });
  graphBox.replaceChildren(graph.el);
  const first = p.selected || p.focus;
  if (first && net.nodes.some((n) => n.code === first)) showActor(first);
  else side.replaceChildren(help(net));
  return null;
}
