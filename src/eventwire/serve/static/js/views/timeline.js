// The dyad timeline: pick actor and recipient (or a busy dyad), see cooperation vs conflict per
// day/week/month/year; click a period to list its events.
import { api, card, codeInput, errorCard, field, fmt, h, loading, qs, scoreEl } from "../dom.js";
import { timelineChart } from "../charts/timeline.js";

const INTERVALS = ["day", "week", "month", "year"];
const FIRM = ["asserted", "reported"];

function stat(label, value, sub) {
  return h("div", { class: "card stat" }, h("div", { class: "label" }, label),
    h("div", { class: "value" }, value), sub ? h("div", { class: "muted small" }, sub) : null);
}

function readParams(search) {
  return {
    actor: (search.get("actor") || "").toUpperCase(),
    recipient: (search.get("recipient") || "").toUpperCase(),
    interval: INTERVALS.includes(search.get("interval")) ? search.get("interval") : "month",
    since: search.get("since") || "",
    until: search.get("until") || "",
    all: search.get("all") === "1",
  };
}

function hashFor(p) {
  return "#/timeline" + qs({ actor: p.actor, recipient: p.recipient, interval: p.interval,
    since: p.since, until: p.until, all: p.all ? "1" : "" });
}

function controls(p) {
  const form = h("form", { class: "controls", autocomplete: "off" },
    field("Actor", codeInput("actor", p.actor, "actor-codes", "USA"), "code"),
    h("button", { type: "button", title: "Swap actor and recipient", class: "swap",
      onclick: () => { location.hash = hashFor({ ...p, actor: p.recipient, recipient: p.actor }); } }, "⇄"),
    field("Recipient", codeInput("recipient", p.recipient, "actor-codes", "CHN"), "code"),
    field("Period", h("div", { class: "segmented" }, INTERVALS.map((iv) =>
      h("button", { type: "button", class: iv === p.interval ? "on" : "",
        onclick: () => { location.hash = hashFor({ ...p, interval: iv }); } }, iv)))),
    field("From", h("input", { type: "date", name: "since", value: p.since })),
    field("To", h("input", { type: "date", name: "until", value: p.until })),
    h("label", { class: "check", title: "Count negated, hypothetical, conditional and future events too" },
      h("input", { type: "checkbox", name: "all", checked: p.all }), "include unasserted"),
    h("button", { type: "submit", class: "primary" }, "Show"));
  const submit = () => {
    const data = new FormData(form);
    location.hash = hashFor({ ...p, actor: String(data.get("actor") || "").trim().toUpperCase(),
      recipient: String(data.get("recipient") || "").trim().toUpperCase(),
      since: data.get("since"), until: data.get("until"), all: data.get("all") !== null });
  };
  form.addEventListener("submit", (e) => { e.preventDefault(); submit(); });
  form.addEventListener("change", (e) => { if (e.target.matches("input[type=checkbox], input[type=date]")) submit(); });
  return h("section", { class: "card" }, form);
}

async function suggestions(p) {
  const box = h("div", { class: "suggestions" }, h("span", { class: "muted small" }, "Busiest dyads: "));
  api("/api/dyads", { limit: 14 }).then((found) => {
    for (const d of found.dyads) {
      box.append(h("a", { href: hashFor({ ...p, actor: d.actor, recipient: d.recipient }),
        title: `${d.actor_name || d.actor} → ${d.recipient_name || d.recipient}` },
      `${d.actor} → ${d.recipient} · ${fmt.int(d.events)}`));
    }
  }).catch(() => box.remove());
  return box;
}

export async function render(container, ctx) {
  const p = readParams(ctx.params);
  const body = h("div", { class: "stack" });
  const title = p.actor || p.recipient
    ? `${p.actor || "anyone"} → ${p.recipient || "anyone"}` : "Dyad timeline";
  container.replaceChildren(
    h("div", { class: "page-head" }, h("div", null, h("h1", null, title),
      h("div", { class: "sub" }, "Cooperation vs conflict over time for one actor → recipient pair"))),
    h("div", { class: "stack" }, controls(p), await suggestions(p), body));
  if (!p.actor && !p.recipient) {
    body.replaceChildren(card(null, h("div", { class: "empty" },
      "Choose an actor and a recipient above, or one of the busiest dyads.")));
    return null;
  }
  body.replaceChildren(loading());
  const filters = { actor: p.actor, recipient: p.recipient, interval: p.interval,
    since: p.since, until: p.until, modality: p.all ? [] : FIRM };
  let series;
  try {
    series = await api("/api/dyads/series", filters);
  } catch (error) {
    body.replaceChildren(errorCard(error));
    return null;
  }
  const coop = series.points.reduce((a, x) => a + x.cooperation, 0);
  const conflict = series.points.reduce((a, x) => a + x.conflict, 0);
  const names = `${series.actor_name || series.actor || "anyone"} → ${series.recipient_name || series.recipient || "anyone"}`;
  const listHash = (since, until) => "#/events" + qs({ actor: p.actor, recipient: p.recipient,
    since, until, modality: filters.modality });
  const stats = h("div", { class: "stats" },
    stat("Events", fmt.int(series.events), names),
    stat("Cooperation", fmt.pct(series.events ? coop / series.events : NaN), `${fmt.int(coop)} events, quad classes 1–2`),
    stat("Conflict", fmt.pct(series.events ? conflict / series.events : NaN), `${fmt.int(conflict)} events, quad classes 3–4`),
    stat("Mean PLOVER score", scoreEl(series.mean_score), "−10 conflict … +10 cooperation"));
  const legend = h("div", { class: "legend" },
    [["var(--q1)", "Verbal cooperation"], ["var(--q2)", "Material cooperation"],
      ["var(--q3)", "Verbal conflict"], ["var(--q4)", "Material conflict"]].map(([c, label]) => {
      const swatch = h("i");
      swatch.style.background = c;
      return h("span", null, swatch, label);
    }));
  const chartBox = h("div", { class: "card-body" });
  const chartCard = h("section", { class: "card" },
    h("div", { class: "card-head" }, h("h2", null, `Events per ${p.interval}`), h("span", { class: "spacer" }), legend),
    chartBox);
  body.replaceChildren(stats, chartCard,
    h("div", { class: "linkbar" },
      h("a", { class: "button", href: listHash(p.since, p.until) }, "List these events"),
      p.actor && p.recipient ? h("a", { class: "button", href: hashFor({ ...p, actor: p.recipient, recipient: p.actor }) },
        `Reverse: ${p.recipient} → ${p.actor}`) : null,
      p.actor ? h("a", { class: "button", href: `#/network?focus=${p.actor}` }, `Network around ${p.actor}`) : null));
  if (!series.points.length) {
    chartBox.append(h("div", { class: "empty" }, "No dated events for this dyad."));
  } else {
    const draw = () => chartBox.replaceChildren(timelineChart(series, {
      width: chartBox.clientWidth - 4,
      onSelect: (since, until) => { location.hash = listHash(since, until); },
    }));
    draw();
  }
  return null;
}
