// mediakit Annotator: students select the quoted words, type or pick the speaker, and click "Mark quote".
// A mark is kept as character offsets into the article's source text (standoff): every piece of text
// is drawn in a <span data-off="N"> holding one text node, so a selection's ends map back to offsets.
// Article text arrives as data (model "doc") and is only ever inserted with textContent.

function h(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function button(text, cls, title) {
  const b = h("button", "mk-button" + (cls ? " " + cls : ""), text);
  b.type = "button";
  if (title) b.title = title;
  // keep the reader's text selection when the button is pressed
  b.addEventListener("mousedown", (ev) => ev.preventDefault());
  return b;
}

const firstPiece = (n) => (n && n.nodeType === 1 ? (n.matches("[data-off]") ? n : n.querySelector("[data-off]")) : null);
function lastPiece(n) {
  if (!n || n.nodeType !== 1) return null;
  if (n.matches("[data-off]")) return n;
  const all = n.querySelectorAll("[data-off]");
  return all.length ? all[all.length - 1] : null;
}

// The source offset of a selection boundary (node, offset), or null outside the article's text.
function pointOffset(root, node, offset) {
  if (!node || !(node === root || root.contains(node))) return null;
  if (node.nodeType === 3) {
    const piece = node.parentElement ? node.parentElement.closest("[data-off]") : null;
    return piece && root.contains(piece) ? Number(piece.dataset.off) + offset : null;
  }
  if (node.nodeType !== 1) return null;
  if (node.matches("[data-off]")) return Number(node.dataset.off) + (offset > 0 ? node.textContent.length : 0);
  const kids = node.childNodes;
  for (let i = offset; i < kids.length; i++) {
    const p = firstPiece(kids[i]);
    if (p) return Number(p.dataset.off);
  }
  for (let i = Math.min(offset, kids.length) - 1; i >= 0; i--) {
    const p = lastPiece(kids[i]);
    if (p) return Number(p.dataset.off) + p.textContent.length;
  }
  return null;
}

function render({ model, el }) {
  const root = h("div", "mk-widget mk-annotator");
  el.appendChild(root);
  const uid = Math.random().toString(36).slice(2);

  const toolbar = h("div", "mk-toolbar");
  const speaker = document.createElement("input");
  speaker.type = "text";
  speaker.placeholder = "who speaks?";
  speaker.setAttribute("list", "mk-speakers-" + uid);
  speaker.setAttribute("aria-label", "speaker of the next quote");
  const names = document.createElement("datalist");
  names.id = "mk-speakers-" + uid;
  const markQuote = button("Mark quote", "mk-primary mk-mark-quote", "mark the selected words as a quote by this speaker");
  toolbar.append(h("span", null, "Speaker:"), speaker, names, markQuote,
    h("span", "mk-hint", "Select the quoted words in the text, type or pick the speaker, then click Mark quote."));
  root.appendChild(toolbar);

  const row = h("div", "mk-row");
  const text = h("div", "mk-article mk-text");
  const panel = h("aside", "mk-panel");
  row.append(text, panel);
  root.appendChild(row);
  const status = h("div", "mk-summary");
  status.setAttribute("aria-live", "polite");
  root.appendChild(status);

  // panel: the list of marks, and the selected mark's details
  const heading = h("h4");
  const list = h("ol", "mk-list");
  const details = h("div");
  panel.append(heading, list, details);
  const editSpeaker = document.createElement("input");
  editSpeaker.type = "text";
  editSpeaker.setAttribute("list", "mk-speakers-" + uid);
  editSpeaker.setAttribute("aria-label", "speaker of the selected quote");
  const setSpeaker = button("Set speaker", "mk-set-speaker");
  const sourceButton = button("Speaker's words", "mk-mark-source", "the selected words name the speaker of this quote");
  const cueButton = button("Cue", "mk-mark-cue", "the selected words introduce this quote (said, told, according to...)");
  const removeButton = button("Remove", "mk-remove");

  let last = null; // the last selection made inside the text, as [start, end]

  const blockText = () => (model.get("doc") || {}).blocks || [];
  function sourceText(a, b) {
    let out = "";
    for (const bl of blockText()) {
      const s = Math.max(a, bl.start);
      const e = Math.min(b, bl.end);
      if (s < e) out += (out ? " " : "") + bl.text.slice(s - bl.start, e - bl.start);
    }
    return out;
  }

  function selection() {
    const sel = document.getSelection();
    if (sel && sel.rangeCount && !sel.isCollapsed) {
      const r = sel.getRangeAt(0);
      const a = pointOffset(text, r.startContainer, r.startOffset);
      const b = pointOffset(text, r.endContainer, r.endOffset);
      if (a !== null && b !== null && a < b) return [a, b];
    }
    // the selection has moved (into the speaker box, say): the last one made in the text
    return last;
  }

  const onSelectionChange = () => {
    const sel = document.getSelection();
    if (!sel || !sel.rangeCount) return;
    if (sel.isCollapsed) {
      if (sel.anchorNode && text.contains(sel.anchorNode)) last = null; // a click in the text drops it
      return;
    }
    const r = sel.getRangeAt(0);
    const a = pointOffset(text, r.startContainer, r.startOffset);
    const b = pointOffset(text, r.endContainer, r.endOffset);
    if (a !== null && b !== null && a < b) last = [a, b];
  };
  document.addEventListener("selectionchange", onSelectionChange);

  function say(msg) {
    status.textContent = msg;
  }

  function commit(spans, selected, msg) {
    model.set("spans", spans);
    model.set("selected", selected);
    model.save_changes();
    last = null;
    const sel = document.getSelection();
    if (sel) sel.removeAllRanges();
    draw();
    if (msg) say(msg);
  }

  markQuote.addEventListener("click", () => {
    const r = selection();
    if (!r) {
      say("Select the quoted words in the article text first.");
      return;
    }
    const spans = (model.get("spans") || []).slice();
    if (spans.some((s) => s.start === r[0] && s.end === r[1])) {
      say("Those words are already marked.");
      return;
    }
    const who = speaker.value.trim();
    spans.push({ start: r[0], end: r[1], speaker: who || null, source: null, cue: null });
    commit(spans, spans.length - 1, `Marked quote ${spans.length}` + (who ? ` by ${who}.` : " (no speaker yet)."));
  });

  function attach(part) {
    const i = model.get("selected");
    const spans = (model.get("spans") || []).slice();
    if (!(i >= 0 && i < spans.length)) {
      say("Click a marked quote first.");
      return;
    }
    const r = selection();
    if (!r) {
      say(part === "source" ? "Select the words that name the speaker first." : "Select the cue words first.");
      return;
    }
    const item = { ...spans[i], [part]: r };
    if (part === "source" && !item.speaker) item.speaker = sourceText(r[0], r[1]);
    spans[i] = item;
    commit(spans, i, part === "source" ? "Speaker's words marked." : "Cue marked.");
  }
  sourceButton.addEventListener("click", () => attach("source"));
  cueButton.addEventListener("click", () => attach("cue"));
  setSpeaker.addEventListener("click", () => {
    const i = model.get("selected");
    const spans = (model.get("spans") || []).slice();
    if (!(i >= 0 && i < spans.length)) return;
    spans[i] = { ...spans[i], speaker: editSpeaker.value.trim() || null };
    commit(spans, i, "Speaker changed.");
  });
  editSpeaker.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") setSpeaker.click();
  });
  removeButton.addEventListener("click", () => {
    const i = model.get("selected");
    const spans = (model.get("spans") || []).slice();
    if (!(i >= 0 && i < spans.length)) return;
    spans.splice(i, 1);
    commit(spans, -1, "Quote removed.");
  });

  function choose(i) {
    model.set("selected", i);
    model.save_changes();
    draw();
  }

  text.addEventListener("click", (ev) => {
    const sel = document.getSelection();
    if (sel && !sel.isCollapsed) return; // a selection in progress, not a click on a mark
    const t = ev.target instanceof Element ? ev.target.closest("[data-mark]") : null;
    if (t && text.contains(t)) choose(Number(t.dataset.mark));
  });
  list.addEventListener("click", (ev) => {
    const li = ev.target instanceof Element ? ev.target.closest("li[data-mark]") : null;
    if (li) choose(Number(li.dataset.mark));
  });

  function draw() {
    const doc = model.get("doc") || {};
    const spans = model.get("spans") || [];
    const sel = model.get("selected");
    const current = spans[sel];
    // the text, cut at every edge of a mark
    text.replaceChildren();
    if (doc.title) text.appendChild(h("h3", null, doc.title));
    for (const bl of doc.blocks || []) {
      const box = h(bl.label === "title" ? "h3" : "p", bl.label === "standfirst" ? "mk-standfirst" : null);
      const cuts = new Set([bl.start, bl.end]);
      const edges = spans.map((s) => [s.start, s.end]);
      if (current && current.source) edges.push(current.source);
      if (current && current.cue) edges.push(current.cue);
      for (const [s, e] of edges) {
        if (s > bl.start && s < bl.end) cuts.add(s);
        if (e > bl.start && e < bl.end) cuts.add(e);
      }
      const at = [...cuts].sort((x, y) => x - y);
      for (let k = 0; k + 1 < at.length; k++) {
        const a = at[k];
        const b = at[k + 1];
        const piece = h("span", null, bl.text.slice(a - bl.start, b - bl.start));
        piece.dataset.off = String(a);
        let best = -1;
        spans.forEach((s, i) => {
          if (s.start <= a && b <= s.end && (best < 0 || s.end - s.start < spans[best].end - spans[best].start)) best = i;
        });
        if (best >= 0) {
          piece.classList.add("mk-marked");
          piece.dataset.mark = String(best);
          piece.title = spans[best].speaker || "no speaker given";
          if (best === sel) piece.classList.add("mk-selected");
        }
        if (current && current.source && current.source[0] <= a && b <= current.source[1]) piece.classList.add("mk-source-mark");
        if (current && current.cue && current.cue[0] <= a && b <= current.cue[1]) piece.classList.add("mk-cue-mark");
        box.appendChild(piece);
      }
      text.appendChild(box);
    }
    // the list of marks
    heading.textContent = spans.length ? `Marked quotes (${spans.length})` : "No quote marked yet";
    list.replaceChildren();
    spans.forEach((s, i) => {
      const li = h("li");
      li.dataset.mark = String(i);
      if (i === sel) li.classList.add("mk-selected");
      li.appendChild(h("strong", null, s.speaker || "(no speaker)"));
      const words = sourceText(s.start, s.end);
      li.appendChild(document.createTextNode(": " + (words.length > 70 ? words.slice(0, 69) + "\u2026" : words)));
      list.appendChild(li);
    });
    details.replaceChildren();
    if (current) {
      details.appendChild(h("div", "mk-label", `quote ${sel + 1}: speaker`));
      editSpeaker.value = current.speaker || "";
      const edit = h("div", "mk-actions");
      edit.append(editSpeaker, setSpeaker);
      details.appendChild(edit);
      details.appendChild(h("div", "mk-label", "mark, from the selected words"));
      const acts = h("div", "mk-actions");
      acts.append(sourceButton, cueButton, removeButton);
      details.appendChild(acts);
      const bits = [];
      if (current.source) bits.push("speaker's words: " + sourceText(current.source[0], current.source[1]));
      if (current.cue) bits.push("cue: " + sourceText(current.cue[0], current.cue[1]));
      if (bits.length) details.appendChild(h("div", "mk-hint", bits.join(" \u00b7 ")));
    } else if (spans.length) {
      details.appendChild(h("p", "mk-hint", "Click a marked quote to change its speaker, mark its cue, or remove it."));
    }
  }

  function drawNames() {
    names.replaceChildren();
    const seen = new Set();
    for (const n of [...(model.get("speakers") || []), ...(model.get("spans") || []).map((s) => s.speaker)]) {
      if (!n || seen.has(n)) continue;
      seen.add(n);
      const o = document.createElement("option");
      o.value = n;
      names.appendChild(o);
    }
  }

  const onSpans = () => {
    draw();
    drawNames();
  };
  const onMessage = () => say(model.get("message") || "");
  const events = [["change:spans", onSpans], ["change:selected", draw], ["change:doc", draw],
    ["change:speakers", drawNames], ["change:message", onMessage]];
  for (const [name, fn] of events) model.on(name, fn);
  draw();
  drawNames();
  return () => {
    for (const [name, fn] of events) model.off(name, fn);
    document.removeEventListener("selectionchange", onSelectionChange);
  };
}

export default { render };
