// mediakit ArticleViewer: an article with quotes coloured by speaker and actor mentions underlined;
// clicking a quote shows its speaker and the attribution rule in a side panel.
// Article text arrives as data (model "data") and is only ever inserted with textContent.

const HEX = /^#[0-9A-Fa-f]{6}$/;
const colour = (c) => (typeof c === "string" && HEX.test(c) ? c : "#999999");

function h(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function field(panel, label, value, code) {
  panel.appendChild(h("div", "mk-label", label));
  const box = h("div", "mk-value");
  const text = value === null || value === undefined || value === "" ? "-" : String(value);
  box.appendChild(code ? h("code", null, text) : document.createTextNode(text));
  panel.appendChild(box);
}

function render({ model, el }) {
  const root = h("div", "mk-widget mk-viewer");
  el.appendChild(root);
  let mark = null;

  function showPanel(panel, data, i) {
    panel.replaceChildren();
    const q = (data.quotes || [])[i];
    if (!q) {
      panel.appendChild(h("h4", null, "Why this speaker?"));
      panel.appendChild(h("p", "mk-hint", "Click a coloured quote to see who said it and the rule that attributed it."));
      return;
    }
    const head = h("h4");
    const sw = h("span", "mk-swatch");
    sw.style.backgroundColor = colour(q.colour);
    head.appendChild(sw);
    head.appendChild(document.createTextNode(q.speaker));
    panel.appendChild(head);
    field(panel, "kind", q.kind);
    field(panel, "cue", q.cue);
    field(panel, "rule", q.rule);
    field(panel, "rule id", q.rule_id, true);
    panel.appendChild(h("div", "mk-label", "quote"));
    panel.appendChild(h("blockquote", null, q.text));
  }

  function draw() {
    root.replaceChildren();
    const data = model.get("data") || {};
    const quotes = data.quotes || [];
    const mentions = data.mentions || [];

    const legend = h("div", "mk-legend");
    legend.appendChild(h("span", "mk-hint", quotes.length ? "Quotes by speaker:" : "No quotes found."));
    for (const entry of data.legend || []) {
      const item = h("span");
      const sw = h("span", "mk-swatch");
      sw.style.backgroundColor = colour(entry.colour);
      item.appendChild(sw);
      item.appendChild(document.createTextNode(`${entry.name} (${entry.quotes})`));
      legend.appendChild(item);
    }
    root.appendChild(legend);

    const row = h("div", "mk-row");
    const article = h("div", "mk-article");
    const panel = h("aside", "mk-panel");
    if (data.title) article.appendChild(h("h3", null, data.title));
    for (const block of data.blocks || []) {
      const box = h(block.label === "title" ? "h3" : "p", block.label === "standfirst" ? "mk-standfirst" : null);
      for (const piece of block.pieces || []) {
        if (piece.q === null && piece.m === null) {
          box.appendChild(document.createTextNode(piece.t));
          continue;
        }
        const span = h("span", null, piece.t);
        if (piece.m !== null && mentions[piece.m]) {
          const m = mentions[piece.m];
          span.classList.add("mk-mention");
          span.style.textDecorationColor = colour(m.colour);
          span.title = `${m.actor} (${m.type})`;
        }
        if (piece.q !== null && quotes[piece.q]) {
          const q = quotes[piece.q];
          span.classList.add("mk-quote");
          span.dataset.quote = String(piece.q);
          span.style.backgroundColor = colour(q.colour) + "40";
          span.style.borderBottomColor = colour(q.colour);
          span.tabIndex = 0;
          span.setAttribute("role", "button");
          span.title = `${q.speaker}: click for the rule`;
        }
        box.appendChild(span);
      }
      article.appendChild(box);
    }
    const pick = (ev) => {
      const t = ev.target instanceof Element ? ev.target.closest("[data-quote]") : null;
      if (!t || !article.contains(t)) return;
      if (ev.type === "keydown" && ev.key !== "Enter" && ev.key !== " ") return;
      ev.preventDefault();
      model.set("selected", Number(t.dataset.quote));
      model.save_changes();
      mark();
    };
    article.addEventListener("click", pick);
    article.addEventListener("keydown", pick);
    row.appendChild(article);
    row.appendChild(panel);
    root.appendChild(row);

    mark = () => {
      const i = model.get("selected");
      for (const s of article.querySelectorAll(".mk-quote")) {
        s.classList.toggle("mk-selected", Number(s.dataset.quote) === i);
      }
      showPanel(panel, data, i);
    };
    mark();
  }

  const onSelected = () => mark && mark();
  model.on("change:data", draw);
  model.on("change:selected", onSelected);
  draw();
  return () => {
    model.off("change:data", draw);
    model.off("change:selected", onSelected);
  };
}

export default { render };
