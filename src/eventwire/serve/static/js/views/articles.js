// Articles: a searchable list, and one article with every event trigger marked in its text.
import { api, card, errorCard, fmt, h, highlighted, loading, plural, qs } from "../dom.js";
import { eventTable } from "./events.js";

const PAGE = 50;

async function list(container, ctx) {
  const q = ctx.params.get("q") || "";
  const offset = Number(ctx.params.get("offset") || 0);
  const results = h("section", { class: "card" }, loading());
  const form = h("form", { class: "controls", autocomplete: "off" },
    h("label", { class: "field" }, "Title or source",
      h("input", { type: "search", name: "q", value: q, placeholder: "e.g. border" })),
    h("button", { type: "submit", class: "primary" }, "Search"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/articles" + qs({ q: new FormData(form).get("q") });
  });
  container.replaceChildren(
    h("div", { class: "page-head" }, h("div", null, h("h1", null, "Articles"),
      h("div", { class: "sub" }, "Every coded story, newest first"))),
    h("div", { class: "stack" }, h("section", { class: "card" }, form), results));
  let page;
  try {
    page = await api("/api/articles", { q, limit: PAGE, offset });
  } catch (error) {
    results.replaceChildren(errorCard(error));
    return;
  }
  const go = (o) => { location.hash = "#/articles" + qs({ q, offset: o || "" }); };
  const last = offset + page.articles.length;
  results.replaceChildren(
    h("div", { class: "results-head" }, h("span", { class: "count" }, plural(page.total, "article")),
      h("span", { class: "spacer" }),
      h("div", { class: "pager" }, h("span", null, page.total ? `${offset + 1}–${last} of ${fmt.int(page.total)}` : ""),
        h("button", { disabled: offset === 0, onclick: () => go(Math.max(0, offset - PAGE)) }, "‹ Prev"),
        h("button", { disabled: last >= page.total, onclick: () => go(offset + PAGE) }, "Next ›"))),
    page.articles.length ? h("table", { class: "data" },
      h("thead", null, h("tr", null, ["Published", "Title / source", "Agency", "Dateline"].map((x) => h("th", null, x)),
        h("th", { class: "num" }, "Events"))),
      h("tbody", null, page.articles.map((a) => {
        const open = () => { location.hash = "#/article/" + encodeURIComponent(a.article_id); };
        return h("tr", { class: "link", tabindex: 0, onclick: open, onkeydown: (e) => { if (e.key === "Enter") open(); } },
          h("td", { class: "nowrap" }, a.published || "–"),
          h("td", null, h("div", null, a.title || a.source), a.title ? h("div", { class: "muted small" }, a.source) : null),
          h("td", null, a.agency || "–"), h("td", null, a.dateline || "–"),
          h("td", { class: "num" }, fmt.int(a.events)));
      }))) : h("div", { class: "empty" }, "No articles."));
}

async function detail(container, ctx) {
  const a = await api("/api/articles/" + encodeURIComponent(ctx.arg));
  const m = a.article;
  const spans = a.events.filter((e) => e.trigger_start !== null).map((e) => e);
  const text = h("div", { class: "article-text" });
  // Trigger offsets are relative to each event's sentence; find each sentence in the text.
  const marks = [];
  for (const e of spans) {
    const at = e.sentence_text ? a.text.indexOf(e.sentence_text) : -1;
    if (at >= 0) marks.push({ role: "trigger", start: at + e.trigger_start, end: at + e.trigger_end, label: `${e.type}` });
  }
  text.append(highlighted(a.text, marks));
  container.replaceChildren(
    h("div", { class: "page-head" }, h("div", null,
      h("a", { class: "back", href: "#/articles" }, "← Articles"),
      h("h1", null, m.title || m.source),
      h("div", { class: "sub" }, [m.published, m.byline, m.agency, m.dateline].filter(Boolean).join(" · ")))),
    h("div", { class: "grid-2" },
      h("div", { class: "stack" }, card("Text", text)),
      h("div", { class: "stack" },
        card("Source", h("dl", { class: "facts" },
          h("dt", null, "File / feed"), h("dd", null, m.source),
          m.url ? [h("dt", null, "URL"), h("dd", null, h("a", { href: m.url, rel: "noopener noreferrer", target: "_blank" }, m.url))] : null,
          h("dt", null, "Article id"), h("dd", null, h("code", null, m.article_id)),
          h("dt", null, "Quotes"), h("dd", null, String(a.quotes.length)))),
        h("div", { class: "linkbar" }, h("a", { class: "button", href: `#/events?story=${encodeURIComponent(m.article_id)}` }, "Filter events by this story")))),
    h("div", { class: "stack spaced" }, card(`${plural(a.events.length, "event")} in this article`,
      a.events.length ? eventTable(a.events) : h("p", { class: "muted" }, "No events."))));
}

export async function render(container, ctx) {
  if (ctx.name === "article" && ctx.arg) await detail(container, ctx);
  else await list(container, ctx);
  return null;
}
