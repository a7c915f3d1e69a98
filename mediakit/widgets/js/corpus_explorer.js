// mediakit CorpusExplorer: filters (outlets, dates, actor, codebook category, grouping) that Python turns
// into a share-of-voice chart (a Vega-Lite spec) and its table. The Vega JavaScript comes inline in the
// model ("_vega"), is imported once per page from a blob URL, and nothing is fetched from a CDN.
// Text from the corpus (outlet and actor names, table cells) is only ever inserted with textContent.

function h(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function loadVega(model) {
  if (window.vegaEmbed) return Promise.resolve(window.vegaEmbed);
  if (!window.__mediakitVegaLoading) {
    const code = model.get("_vega") || "";
    if (!code) return Promise.reject(new Error("no Vega bundle was sent with the widget"));
    const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
    window.__mediakitVegaLoading = import(url).then(() => {
      URL.revokeObjectURL(url);
      if (!window.vegaEmbed) throw new Error("the Vega bundle did not define vegaEmbed");
      return window.vegaEmbed;
    });
  }
  return window.__mediakitVegaLoading;
}

function labelled(text, control) {
  const l = h("label");
  l.appendChild(document.createTextNode(text));
  l.appendChild(control);
  return l;
}

function option(value, text) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

function formatCell(kind, value) {
  if (value === null || value === undefined) return "\u2013";
  if (kind === "share" && typeof value === "number") return (100 * value).toFixed(1) + "%";
  return String(value);
}

function render({ model, el }) {
  const root = h("div", "mk-widget mk-explorer");
  el.appendChild(root);
  const uid = Math.random().toString(36).slice(2);
  const opts = model.get("options") || {};

  const controls = h("div", "mk-controls");
  // outlets: one checkbox each (none ticked = every outlet)
  const checks = h("div", "mk-checks");
  for (const name of opts.outlets || []) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = name;
    const l = h("label");
    l.appendChild(box);
    l.appendChild(document.createTextNode(name));
    checks.appendChild(l);
  }
  controls.appendChild(labelled("outlets (none ticked: all)", checks));

  const dateInput = () => {
    const d = document.createElement("input");
    d.type = "date";
    if (opts.date_min) d.min = opts.date_min;
    if (opts.date_max) d.max = opts.date_max;
    return d;
  };
  const from = dateInput();
  const to = dateInput();
  controls.appendChild(labelled("from", from));
  controls.appendChild(labelled("to", to));

  const actor = document.createElement("input");
  actor.type = "search";
  actor.placeholder = "any actor";
  actor.setAttribute("list", "mk-actors-" + uid);
  const actors = document.createElement("datalist");
  actors.id = "mk-actors-" + uid;
  for (const name of opts.actors || []) actors.appendChild(option(name, name));
  controls.appendChild(labelled("articles naming", actor));
  controls.appendChild(actors);

  const category = document.createElement("select");
  const cats = opts.categories || [];
  category.appendChild(option("", cats.length ? "any category" : "(no codebook categories)"));
  for (const c of cats) category.appendChild(option(c, c));
  category.disabled = cats.length === 0;
  controls.appendChild(labelled("speakers in category", category));

  const by = document.createElement("select");
  for (const b of opts.by || []) by.appendChild(option(b.value, b.label));
  controls.appendChild(labelled("group quotes by", by));

  const reset = h("button", "mk-button", "reset");
  reset.type = "button";
  controls.appendChild(reset);
  root.appendChild(controls);

  const summary = h("div", "mk-summary");
  const error = h("div", "mk-error");
  const chartBox = h("div", "mk-chart");
  const tableBox = h("div", "mk-table-box");
  root.append(summary, error, chartBox, tableBox);

  function readModel() {
    const chosen = new Set(model.get("outlets") || []);
    for (const box of checks.querySelectorAll("input")) box.checked = chosen.has(box.value);
    from.value = model.get("date_from") || "";
    to.value = model.get("date_to") || "";
    actor.value = model.get("actor") || "";
    category.value = model.get("category") || "";
    by.value = model.get("by") || "speaker";
  }

  function send(name, value) {
    model.set(name, value);
    model.save_changes();
    summary.textContent = "updating\u2026";
  }

  checks.addEventListener("change", () => {
    send("outlets", [...checks.querySelectorAll("input")].filter((b) => b.checked).map((b) => b.value));
  });
  from.addEventListener("change", () => send("date_from", from.value));
  to.addEventListener("change", () => send("date_to", to.value));
  actor.addEventListener("change", () => {
    const v = actor.value.trim();
    if (v && !(opts.actors || []).includes(v)) {
      error.textContent = `No actor called "${v}" in this corpus: pick one from the list.`;
      return;
    }
    send("actor", v);
  });
  category.addEventListener("change", () => send("category", category.value));
  by.addEventListener("change", () => send("by", by.value));
  reset.addEventListener("click", () => {
    for (const [name, value] of [["outlets", []], ["date_from", ""], ["date_to", ""], ["actor", ""], ["category", ""]]) {
      model.set(name, value);
    }
    model.save_changes();
    readModel();
  });

  let view = null;
  let drawn = 0;
  function drawChart() {
    const spec = model.get("spec") || {};
    const ticket = ++drawn;
    if (view) {
      view.finalize();
      view = null;
    }
    chartBox.replaceChildren();
    if (!spec || !Object.keys(spec).length) {
      chartBox.appendChild(h("p", "mk-hint", "No quotes match these filters."));
      return;
    }
    const target = h("div");
    chartBox.appendChild(target);
    loadVega(model)
      .then((embed) => embed(target, spec, model.get("embed_options") || { renderer: "svg", actions: false }))
      .then((result) => {
        if (ticket !== drawn) result.finalize();
        else view = result;
      })
      .catch((err) => {
        chartBox.replaceChildren(h("p", "mk-error", "The chart could not be drawn: " + String(err && err.message || err)));
      });
  }

  function drawTable() {
    const columns = model.get("columns") || [];
    const rows = model.get("rows") || [];
    const table = h("table", "mk-table");
    const head = h("tr");
    for (const c of columns) head.appendChild(h("th", null, c.name.replace(/_/g, " ")));
    const thead = h("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    const body = h("tbody");
    for (const row of rows) {
      const tr = h("tr");
      row.forEach((value, i) => {
        const kind = (columns[i] || {}).kind;
        tr.appendChild(h("td", kind === "text" ? null : "mk-num", formatCell(kind, value)));
      });
      body.appendChild(tr);
    }
    table.appendChild(body);
    tableBox.replaceChildren(table);
  }

  const onSummary = () => { summary.textContent = model.get("summary") || ""; };
  const onError = () => { error.textContent = model.get("error") || ""; };
  const events = [
    ["change:spec", drawChart], ["change:rows", drawTable], ["change:columns", drawTable],
    ["change:summary", onSummary], ["change:revision", onSummary], ["change:error", onError],
    ["change:outlets", readModel], ["change:date_from", readModel], ["change:date_to", readModel],
    ["change:actor", readModel], ["change:category", readModel], ["change:by", readModel],
  ];
  for (const [name, fn] of events) model.on(name, fn);
  readModel();
  onSummary();
  onError();
  drawChart();
  drawTable();
  return () => {
    for (const [name, fn] of events) model.off(name, fn);
    if (view) view.finalize();
  };
}

export default { render };
