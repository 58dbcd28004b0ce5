// One event and its evidence: the sentence with trigger, actor, recipient, quote and date
// spans highlighted; the coding; why it was coded; the article; links to timeline and network.
import {
  QUAD_NAMES, api, card, codes, fmt, h, highlighted, modalityBadge, scoreEl, typeChip,
} from "../dom.js";

const LEGEND = [
  ["hl-actor", "Actor"], ["hl-recipient", "Recipient"], ["hl-trigger", "Trigger"],
  ["hl-quote", "Quote"], ["hl-date", "Date phrase"],
];

function legend(highlights) {
  const present = new Set(highlights.map((x) => "hl-" + x.role));
  return h("div", { class: "legend" }, LEGEND.filter(([cls]) => present.has(cls)).map(([cls, label]) =>
    h("span", null, h("mark", { class: `hl ${cls}` }, label))));
}

function facts(rows) {
  return h("dl", { class: "facts" }, rows.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => [h("dt", null, k), h("dd", null, v)]));
}

function actorTable(ev) {
  const rows = [
    ...ev.actors.map((a) => ["actor", a]),
    ...ev.recipients.map((a) => ["recipient", a]),
  ];
  if (!rows.length) return h("p", { class: "muted" }, "No actors resolved.");
  return h("table", { class: "data" },
    h("thead", null, h("tr", null, ["Role", "Text", "Code", "Person / role", "Evidence"].map((x) => h("th", null, x)))),
    h("tbody", null, rows.map(([role, a]) => h("tr", null,
      h("td", null, h("mark", { class: `hl hl-${role}` }, role)),
      h("td", null, a.text),
      h("td", null, a.country ? h("a", { href: "#/events?country=" + a.country }, h("code", null, a.code)) : h("code", null, a.code)),
      h("td", null, [a.name, a.role].filter(Boolean).join(", ") || h("span", { class: "muted" }, "–")),
      h("td", { class: "small" }, a.evidence || "–")))));
}

function links(ev) {
  const a = ev.actors.find((x) => x.country);
  const r = ev.recipients.find((x) => x.country && (!a || x.country !== a.country));
  const out = [];
  if (a && r) {
    out.push(h("a", { class: "button", href: `#/timeline?actor=${a.country}&recipient=${r.country}` },
      `Timeline ${a.country} → ${r.country}`));
  }
  if (a) out.push(h("a", { class: "button", href: `#/network?focus=${a.country}` }, `Network around ${a.country}`));
  out.push(h("a", { class: "button", href: `#/events?story=${encodeURIComponent(ev.story_id || ev.article_id)}` }, "Other events in this story"));
  return h("div", { class: "linkbar" }, out);
}

function articleCard(d) {
  const art = d.article;
  if (!art) return card("Article", h("p", { class: "muted" }, "The article row is missing."));
  const title = art.title || art.source;
  return card("Article", [
    h("p", { class: "article-title" }, h("a", { href: "#/article/" + encodeURIComponent(art.article_id) }, title)),
    facts([
      ["Published", art.published],
      ["Source", art.source],
      ["Byline", art.byline],
      ["Agency", art.agency],
      ["Dateline", art.dateline],
      ["URL", art.url ? h("a", { href: art.url, rel: "noopener noreferrer", target: "_blank" }, art.url) : null],
      ["Sentence", d.sentence_index !== null ? `#${d.sentence_index + 1}` : null],
    ]),
  ]);
}

export async function render(container, ctx) {
  const d = await api("/api/events/" + encodeURIComponent(ctx.arg));
  const ev = d.event;
  const x = d.explanation;
  const head = h("div", { class: "page-head" }, h("div", null,
    h("a", { class: "back", href: ctx.lastEvents }, "← Events"),
    h("div", { class: "detail-title" },
      h("h1", { class: "dyad" }, codes(ev.actors), h("span", { class: "arrow" }, "→"), codes(ev.recipients)),
      typeChip(ev.type, ev.quad_class), ev.mode ? h("span", { class: "muted" }, ev.mode) : null,
      modalityBadge(ev.modality)),
    h("div", { class: "sub" }, fmt.dateRange(ev.date_earliest, ev.date_latest),
      x.date_phrase ? ` · “${x.date_phrase}”` : "", ev.location_name ? ` · ${ev.location_name}` : "")),
  h("div", { class: "actions" }, links(ev)));

  const evidence = card("Evidence", [
    h("p", { class: "evidence-sentence", id: "evidence" }, highlighted(ev.sentence_text || "", d.highlights)),
    legend(d.highlights),
  ]);
  const quote = d.quote ? card("Quote", [
    h("blockquote", { class: "quote" }, d.quote.text),
    h("p", { class: "muted small" }, "— ", d.quote.speaker || "speaker not identified"),
  ]) : null;
  const coding = card("Coding", facts([
    ["PLOVER type", typeChip(ev.type, ev.quad_class)],
    ["Mode", ev.mode],
    ["Context", d.contexts.join(", ")],
    ["Quad class", ev.quad_class ? `${ev.quad_class} · ${QUAD_NAMES[ev.quad_class]}` : null],
    ["CAMEO", ev.cameo ? h("code", null, ev.cameo) : null],
    ["PLOVER score", scoreEl(ev.score)],
    ["Goldstein", scoreEl(ev.goldstein)],
    ["Modality", [ev.modality, x.modality_cue ? ` (${x.modality_cue})` : ""].join("")],
    ["Date", fmt.dateRange(ev.date_earliest, ev.date_latest)],
    ["Date rule", x.date_rule],
    ["Location", [ev.location_name, ev.location_country].filter(Boolean).join(", ")],
    ["Confidence", fmt.conf(ev.confidence)],
    ["Mentions", d.mentions],
  ]));
  const why = card("Why this event", facts([
    ["Lexicon entry", x.lexicon_entry ? h("code", null, x.lexicon_entry) : null],
    ["Rule", x.rule],
    ["Actor evidence", x.actor_evidence.length
      ? h("ul", { class: "plain small" }, [...new Set(x.actor_evidence)].map((e) => h("li", null, e))) : null],
    ["Coder", `${d.coder_version || "?"} · lexicon ${d.lexicon_version || "?"}`],
    ["Run", h("a", { href: "#/runs" }, h("code", null, d.run_id.slice(0, 12)))],
  ]));
  const left = h("div", { class: "stack" }, evidence, quote, card("Actors", actorTable(ev)), why);
  const right = h("div", { class: "stack" }, coding, articleCard(d));
  container.replaceChildren(head, h("div", { class: "grid-2" }, left, right));
  return null;
}
