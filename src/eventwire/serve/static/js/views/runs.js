// Runs and failures: what each coding run read and wrote, and what it could not read.
import { api, card, fmt, h, plural, qs } from "../dom.js";

const PAGE = 50;

export async function render(container, ctx) {
  const offset = Number(ctx.params.get("offset") || 0);
  const run = ctx.params.get("run") || "";
  const [runs, failures] = await Promise.all([
    api("/api/runs"), api("/api/failures", { run, limit: PAGE, offset }),
  ]);
  const runTable = h("table", { class: "data" },
    h("thead", null, h("tr", null, ["Started", "Command", "Status", "Coder / lexicon"].map((x) => h("th", null, x)),
      ["Articles", "Coded", "Failures", "Events"].map((x) => h("th", { class: "num" }, x)))),
    h("tbody", null, [...runs.runs].reverse().map((r) => h("tr", null,
      h("td", { class: "nowrap" }, (r.started_at || "").replace("T", " ").slice(0, 19)),
      h("td", null, h("code", null, r.command)),
      h("td", null, h("span", { class: "badge" }, r.status)),
      h("td", { class: "small" }, `${r.coder_version} / ${r.lexicon_version}`),
      h("td", { class: "num" }, fmt.int(r.articles_in)), h("td", { class: "num" }, fmt.int(r.articles_coded)),
      h("td", { class: "num" }, r.failures ? h("a", { href: "#/runs" + qs({ run: r.run_id }) }, fmt.int(r.failures)) : "0"),
      h("td", { class: "num" }, fmt.int(r.events))))));
  const failTable = failures.failures.length ? h("table", { class: "data" },
    h("thead", null, h("tr", null, ["When", "Source", "Stage", "Code", "Reason"].map((x) => h("th", null, x)))),
    h("tbody", null, failures.failures.map((f) => h("tr", null,
      h("td", { class: "nowrap" }, (f.at || "").replace("T", " ").slice(0, 19)),
      h("td", null, h("code", null, f.source)), h("td", null, f.stage),
      h("td", null, h("span", { class: "badge negated" }, f.code)), h("td", null, f.message)))))
    : h("div", { class: "empty" }, "No failures recorded.");
  const go = (o) => { location.hash = "#/runs" + qs({ run, offset: o || "" }); };
  const pager = failures.total > PAGE ? h("div", { class: "pager" },
    h("button", { disabled: offset === 0, onclick: () => go(Math.max(0, offset - PAGE)) }, "‹ Prev"),
    h("button", { disabled: offset + PAGE >= failures.total, onclick: () => go(offset + PAGE) }, "Next ›")) : null;
  container.replaceChildren(
    h("div", { class: "page-head" }, h("div", null, h("h1", null, "Runs & failures"),
      h("div", { class: "sub" }, "Every ingest run, and each input that could not be coded"))),
    h("div", { class: "stack" },
      card(plural(runs.runs.length, "run"), runTable),
      card(`${plural(failures.total, "failure")}${run ? ` in run ${run.slice(0, 12)}` : ""}`, failTable,
        run ? h("a", { href: "#/runs" }, "all runs") : pager)));
  return null;
}
