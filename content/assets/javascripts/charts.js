/* Draw every chart on the page with the self-hosted vega-embed, again after each instant navigation
   and when the reader switches between light and dark palettes. */
(function () {
  "use strict";
  var FORMAT_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr"]};
  var TIME_LOCALE = {"dateTime": "%A den %d %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"], "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"], "shortDays": ["søn", "man", "tir", "ons", "tor", "fre", "lør"], "months": ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"], "shortMonths": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]};

  // Pages embed each chart's own parts; the shared rest of every spec is one file beside this script's folder.
  var script = document.currentScript && document.currentScript.src;
  var TEMPLATES_URL = script ? script.replace(/javascripts\/charts\.js(\?.*)?$/, "charts/templates.json") : null;
  var templates = null;

  function fullSpec(part) {
    if (!part.template) return Promise.resolve(part);
    if (!templates) {
      templates = fetch(TEMPLATES_URL).then(function (response) {
        if (!response.ok) throw new Error("Diagramskabelonerne kunne ikke hentes: " + response.status);
        return response.json();
      });
    }
    return templates.then(function (all) {
      var spec = Object.assign({}, all[part.template], part);
      delete spec.template;
      return spec;
    });
  }

  // A dataset the page sends as {columns, rows, values} becomes the records Vega-Lite reads; a column
  // named in values holds indices into its list of texts.
  function expand(datasets) {
    Object.keys(datasets || {}).forEach(function (name) {
      var data = datasets[name];
      if (!data || !data.columns) return;
      var values = data.values || {};
      datasets[name] = data.rows.map(function (row) {
        var record = {};
        data.columns.forEach(function (column, i) { record[column] = values[column] ? values[column][row[i]] : row[i]; });
        return record;
      });
    });
  }

  // The text alternative: the paragraph the canvas is labelled by, or (the compare view) its own label.
  function altText(el) {
    var alt = document.getElementById(el.getAttribute("aria-labelledby") || "");
    return alt ? alt.textContent : el.getAttribute("aria-label");
  }

  function darkScheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function draw(el) {
    var specEl = document.getElementById(el.getAttribute("data-spec"));
    if (!specEl || typeof window.vegaEmbed !== "function") return;
    var options = { actions: false, renderer: "svg", formatLocale: FORMAT_LOCALE, timeFormatLocale: TIME_LOCALE };
    if (darkScheme()) options.theme = "dark";
    el.setAttribute("data-rendered", "pending");
    fullSpec(JSON.parse(specEl.textContent)).then(function (spec) {
      spec = Object.assign({}, spec);
      if (spec.datasets) expand(spec.datasets = Object.assign({}, spec.datasets));
      if (!spec.description) spec.description = altText(el);
      return window.vegaEmbed(el, spec, options);
    }).then(function () {
      var svg = el.querySelector("svg");
      if (svg) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", altText(el));
      }
      el.setAttribute("data-rendered", darkScheme() ? "dark" : "light");
    }).catch(function (error) {
      el.setAttribute("data-rendered", "error");
      el.textContent = "Diagrammet kunne ikke vises. Tallene står i tabellen under diagrammet.";
      console.error(error);
    });
  }

  function drawAll(force) {
    var charts = document.querySelectorAll(".bse-chart__canvas[data-spec]");
    for (var i = 0; i < charts.length; i++) {
      if (force || !charts[i].hasAttribute("data-rendered")) draw(charts[i]);
    }
  }

  // The compare view fills in its spec and then asks for a drawing.
  window.bseCharts = { draw: draw };

  new MutationObserver(function () { drawAll(true); })
    .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { drawAll(false); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { drawAll(false); });
  }
})();
