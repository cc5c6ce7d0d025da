(function () {
  "use strict";
  var doc = document;
  var lang = doc.documentElement.lang || "sv";

  function sortValue(row, col) {
    var cell = row.cells[col];
    if (!cell) { return ""; }
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }

  function compare(a, b) {
    var na = Number(a), nb = Number(b);
    if (a !== "" && b !== "" && !isNaN(na) && !isNaN(nb)) { return na - nb; }
    return a.localeCompare(b, lang);
  }

  function sortBy(th) {
    var table = th.closest("table");
    var col = th.cellIndex;
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("thead th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var c = compare(sortValue(r1, col), sortValue(r2, col));
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  doc.querySelectorAll("table.sortable thead th button").forEach(function (button) {
    button.addEventListener("click", function () { sortBy(button.closest("th")); });
  });

  var form = doc.getElementById("filters");
  var count = doc.getElementById("filter-count");
  function applyFilters() {
    var want = {};
    ["region", "year", "status"].forEach(function (k) { want[k] = form.elements[k].value; });
    var shown = 0, total = 0;
    doc.querySelectorAll("tr[data-report]").forEach(function (tr) {
      var visible = ["region", "year", "status"].every(function (k) {
        return want[k] === "" || tr.getAttribute("data-" + k) === want[k];
      });
      tr.hidden = !visible;
      if (tr.closest("#reports")) {
        total += 1;
        shown += visible ? 1 : 0;
      }
    });
    count.textContent = count.getAttribute("data-template").replace("{shown}", shown).replace("{total}", total);
  }
  if (form) {
    form.hidden = false;
    form.addEventListener("change", applyFilters);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(applyFilters, 0); });
  }

  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var el = id ? doc.getElementById(id) : null;
    for (; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  window.addEventListener("beforeprint", function () {
    doc.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
}());
