// The page shell and a hash router: #/events?…, #/event/ID, #/timeline?…, #/network?…,
// #/articles?…, #/article/ID, #/runs. Every view is a module with render(ctx).
import { api, errorCard, fmt, h } from "./dom.js";
import * as articles from "./views/articles.js";
import * as eventView from "./views/event.js";
import * as events from "./views/events.js";
import * as network from "./views/network.js";
import * as runs from "./views/runs.js";
import * as timeline from "./views/timeline.js";

const ROUTES = {
  events: { view: events, nav: "events" },
  event: { view: eventView, nav: "events" },
  timeline: { view: timeline, nav: "timeline" },
  network: { view: network, nav: "network" },
  articles: { view: articles, nav: "articles" },
  article: { view: articles, nav: "articles" },
  runs: { view: runs, nav: "runs" },
};
const NAV = [
  ["events", "Events"],
  ["timeline", "Dyad timeline"],
  ["network", "Actor network"],
  ["articles", "Articles"],
  ["runs", "Runs & failures"],
];

const app = { meta: null, current: null, lastEvents: "#/events" };

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "") || "events";
  const [path, query = ""] = raw.split("?");
  const [name, ...rest] = path.split("/");
  return { name, arg: rest.length ? decodeURIComponent(rest.join("/")) : null,
    params: new URLSearchParams(query) };
}

export function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function shell(meta) {
  const counts = meta.overview.counts;
  const nav = h("nav", { class: "nav" },
    NAV.map(([name, label]) => h("a", { href: "#/" + name, dataset: { nav: name } }, label)));
  const info = h("div", { class: "store-info" },
    h("span", null, h("b", null, meta.store)),
    h("span", null, h("b", null, fmt.int(counts.events)), " events"),
    h("span", null, h("b", null, fmt.int(counts.articles)), " articles"),
    h("a", { href: "/api/openapi.json", title: "OpenAPI schema of the JSON API" }, "API"));
  const header = h("header", { class: "topbar" },
    h("a", { class: "brand", href: "#/events" },
      h("span", { class: "brand-mark" }, "e"), h("span", { class: "brand-name" }, "eventwire")),
    nav, info);
  const main = h("main", { id: "main" });
  const datalist = h("datalist", { id: "actor-codes" });
  document.getElementById("app").replaceChildren(header, main, datalist);
  api("/api/actors", { limit: 400 }).then((found) => {
    datalist.replaceChildren(...found.actors.map((a) =>
      h("option", { value: a.code, label: `${a.name || a.code} · ${fmt.int(a.events)}` })));
  }).catch(() => {});
  return main;
}

async function route() {
  const where = parseHash();
  const entry = ROUTES[where.name];
  const main = document.getElementById("main");
  if (!entry) {
    location.replace("#/events");
    return;
  }
  for (const a of document.querySelectorAll(".nav a")) {
    a.classList.toggle("active", a.dataset.nav === entry.nav);
  }
  if (where.name === "events") app.lastEvents = location.hash || "#/events";
  const ctx = { ...where, meta: app.meta, go, lastEvents: app.lastEvents };
  const cur = app.current;
  if (cur && cur.name === where.name && cur.handle && cur.handle.update && !where.arg) {
    cur.handle.update(ctx);
    return;
  }
  const container = h("div", { class: "view" });
  main.replaceChildren(container);
  window.scrollTo(0, 0);
  try {
    const handle = await entry.view.render(container, ctx);
    app.current = { name: where.name, handle };
  } catch (error) {
    container.replaceChildren(errorCard(error));
    app.current = null;
  }
}

async function boot() {
  try {
    app.meta = await api("/api/meta");
  } catch (error) {
    document.getElementById("app").replaceChildren(h("main", null, errorCard(error)));
    return;
  }
  shell(app.meta);
  window.addEventListener("hashchange", route);
  route();
}

boot();
