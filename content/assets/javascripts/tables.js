// Sortable tables: each header of a table inside [data-sortable] becomes a button; the column's
// aria-sort says the order. Danish numbers ("1.234,5") sort as numbers, text with Danish collation,
// and "diskretioneret" or empty cells always last. Without JavaScript the table stays as served.
(function () {
  "use strict";

  var collator = new Intl.Collator("da", { numeric: true });

  function number(text) {
    var clean = text.replace(/\./g, "").replace(",", ".").replace(/[^\d.\-]/g, "");
    return clean === "" || isNaN(Number(clean)) ? null : Number(clean);
  }

  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = rows.every(function (row) {
      var text = row.cells[index].textContent.trim();
      return number(text) !== null || text === "" || text === "diskretioneret" || text === "–";
    });
    rows.sort(function (a, b) {
      var x = a.cells[index].textContent.trim();
      var y = b.cells[index].textContent.trim();
      var nx = numeric ? number(x) : x, ny = numeric ? number(y) : y;
      if (nx === null || nx === "") return ny === null || ny === "" ? 0 : 1;
      if (ny === null || ny === "") return -1;
      var order = numeric ? nx - ny : collator.compare(nx, ny);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function setup() {
    document.querySelectorAll("[data-sortable] table").forEach(function (table) {
      if (table.dataset.ready) return;
      table.dataset.ready = "true";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "bse-sort";
        button.textContent = header.textContent;
        button.setAttribute("aria-label", "Sortér efter " + header.textContent.toLowerCase());
        header.textContent = "";
        header.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, index, header); });
      });
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
