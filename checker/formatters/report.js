"use strict";
// Filters (rule, severity, confidence) and jumps between the text and the findings.
// The page holds no data for this script: it reads the data-* attributes of the elements.
(function () {
  const boxes = Array.from(document.querySelectorAll("input[data-filter]"));
  const findings = Array.from(document.querySelectorAll("article.finding"));
  const marks = Array.from(document.querySelectorAll("mark[data-f]"));
  const docs = Array.from(document.querySelectorAll("section.doc"));
  const rows = Array.from(document.querySelectorAll("tr[data-doc]"));
  const counter = document.getElementById("shown");

  function apply() {
    const off = { rule: new Set(), severity: new Set(), confidence: new Set() };
    for (const box of boxes) {
      if (!box.checked) off[box.dataset.filter].add(box.value);
    }
    const hidden = new Set();
    const perDoc = new Map();
    let shown = 0;
    for (const f of findings) {
      const hide = off.rule.has(f.dataset.rule) || off.severity.has(f.dataset.severity) || off.confidence.has(f.dataset.confidence);
      f.hidden = hide;
      if (hide) {
        hidden.add(f.id);
      } else {
        shown += 1;
        perDoc.set(f.dataset.doc, (perDoc.get(f.dataset.doc) || 0) + 1);
      }
    }
    for (const m of marks) {
      m.classList.toggle("off", m.dataset.f.split(" ").every((id) => hidden.has(id)));
    }
    for (const d of docs) {
      d.hidden = d.dataset.findings !== "0" && !perDoc.has(d.id);
    }
    for (const r of rows) {
      r.hidden = !perDoc.has(r.dataset.doc);
    }
    if (counter) counter.textContent = String(shown);
  }

  for (const box of boxes) box.addEventListener("change", apply);

  // A click on a highlight goes to its first visible finding.
  document.addEventListener("click", (event) => {
    const mark = event.target instanceof Element ? event.target.closest("mark[data-f]") : null;
    if (!mark || mark.classList.contains("off")) return;
    const target = mark.dataset.f.split(" ").map((id) => document.getElementById(id)).find((el) => el && !el.hidden);
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.classList.add("flash");
    setTimeout(() => target.classList.remove("flash"), 1200);
  });

  apply();
})();
