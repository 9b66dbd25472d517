/* Draw every chart on the page with the self-hosted vega-embed: on load, after each instant
   navigation, when the reader switches between light and dark, and when a narrow window widens.
   vega-embed (vendor/vega-bundle.js, 0.9 MB) is loaded only on pages that have a chart. */
(function () {
  "use strict";
  var FORMAT_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr"]};
  var TIME_LOCALE = {"dateTime": "%A den %d %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"], "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"], "shortDays": ["søn", "man", "tir", "ons", "tor", "fre", "lør"], "months": ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"], "shortMonths": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]};
  var NARROW = 560;  // px: below this a chart's legend is one column and its labels shorter
  var DEFAULT_HEIGHT = 170;  // px: a chart's height when its canvas names none (macros/html/blocks.py HEIGHT)
  var PRINT_HEIGHT = 0.5;  // of a chart's height on screen
  var PRINT_TEXT = 1.25;  // times its text on screen: a printed chart is scaled to the page

  // Pages embed each chart's own parts; the shared rest of every spec, and the palette, are one file
  // beside this script's folder, as is the Vega bundle.
  var script = document.currentScript && document.currentScript.src;
  var ASSETS = script ? script.replace(/javascripts\/charts\.js(\?.*)?$/, "") : null;
  var templates = null;
  var vega = null;
  var CANVASES = ".bse-chart__canvas[data-spec], .bse-chart__canvas[data-template]";

  function shared() {
    if (!templates) {
      templates = fetch(ASSETS + "charts/templates.json").then(function (response) {
        if (!response.ok) throw new Error("Diagramskabelonerne kunne ikke hentes: " + response.status);
        return response.json();
      });
    }
    return templates;
  }

  function loadVega() {
    if (typeof window.vegaEmbed === "function") return Promise.resolve();
    if (!vega) {
      vega = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = ASSETS + "vendor/vega-bundle.js";
        tag.onload = resolve;
        tag.onerror = function () { reject(new Error("Diagrambiblioteket kunne ikke hentes")); };
        document.head.appendChild(tag);
      });
    }
    return vega;
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

  // A figure as macros/text/format.py writes it ('1.234,5', '39,2 (offentliggjort tal)') → 1234.5, 39.2; null for
  // text ('diskretioneret (under 10 personer)', '–').
  function danishNumber(text) {
    var figure = text.split(" (")[0].trim().replace(/\./g, "").replace(",", ".");
    return /^-?\d+(\.\d+)?$/.test(figure) ? parseFloat(figure) : null;
  }

  // The dataset a template reads from the chart's own data table (macros/charts/base.py from_table): its first
  // columns as the named fields, each row with a figure in every one of them.
  function fromTable(el, wanted) {
    var figure = el.closest("figure");
    var table = figure && figure.querySelector(".bse-table table");
    if (!table) return [];
    var records = [];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var record = {};
      var complete = wanted.columns.every(function (column, i) {
        var value = row.cells[i] ? danishNumber(row.cells[i].textContent) : null;
        record[column] = value;
        return value !== null;
      });
      if (complete) records.push(record);
    });
    return records;
  }

  // The dark palette: each colour of the light one swapped for its dark counterpart (macros/charts/palette.py).
  function recolour(spec, map) {
    var text = JSON.stringify(spec);
    Object.keys(map).forEach(function (light) { text = text.split('"' + light + '"').join('"' + map[light] + '"'); });
    return JSON.parse(text);
  }

  // On a narrow screen: legends in one column, axis labels that leave the plot room.
  function narrow(node) {
    if (Array.isArray(node)) { node.forEach(narrow); return; }
    if (!node || typeof node !== "object") return;
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if (key === "legend" && value && typeof value === "object") Object.assign(value, { columns: 1, direction: "vertical", labelLimit: 0 });
      if (key === "axis" && value && typeof value === "object" && value.labelLimit) value.labelLimit = Math.min(value.labelLimit, 120);
      narrow(value);
    });
  }

  // Every font size in the spec and its config, a fifth larger.
  function larger(spec) {
    return JSON.parse(JSON.stringify(spec), function (key, value) {
      return /fontsize$/i.test(key) && typeof value === "number" ? Math.round(value * PRINT_TEXT) : value;
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

  // A chart's own parts: its template and height named on its canvas (data-template), or JSON in the element data-spec names.
  function partOf(el) {
    var template = el.getAttribute("data-template");
    if (template) {
      return { template: template, height: Number(el.getAttribute("data-height") || DEFAULT_HEIGHT) };
    }
    var specEl = document.getElementById(el.getAttribute("data-spec"));
    try {
      return specEl ? JSON.parse(specEl.textContent) : null;
    } catch (error) {  // one unreadable spec must not stop the charts after it
      el.setAttribute("data-rendered", "error");
      console.error(error);
      return null;
    }
  }

  function draw(el) {
    var part = partOf(el);
    if (!part) return;
    var dark = darkScheme();
    var small = el.clientWidth < NARROW;
    el.setAttribute("data-rendered", "pending");
    Promise.all([shared(), loadVega()]).then(function (loaded) {
      var all = loaded[0];
      var spec = Object.assign({}, part.template ? all[part.template] : {}, part);
      delete spec.template;
      delete spec.title;  // the chart's title and subtitle are the figure's caption, which wraps at any width
      if (spec.datasets) expand(spec.datasets = Object.assign({}, spec.datasets));
      var wanted = spec.usermeta && spec.usermeta.table;
      if (wanted) (spec.datasets = spec.datasets || {})[wanted.dataset] = fromTable(el, wanted);
      if (dark) spec = recolour(spec, all.palette.dark);
      if (small) narrow(spec);
      spec.config = Object.assign({}, all.palette.config[dark ? "dark" : "light"], spec.config || {});
      // printed (the board's PDF): lower charts, so two or more fit on a page, with text of 8 pt or more on paper
      if (window.matchMedia("print").matches) {
        if (spec.height) spec.height = Math.round(spec.height * PRINT_HEIGHT);
        spec = larger(spec);
      }
      if (!spec.description) spec.description = altText(el);
      // The page's Content-Security-Policy allows no eval and no inline style elements: Vega evaluates
      // expressions with its interpreter (in the bundle, ast: true), and the styles vega-embed and its
      // tooltip would inject as <style> are in site.css instead.
      return window.vegaEmbed(el, spec, {
        actions: false, ast: true, defaultStyle: false, tooltip: { disableDefaultStyle: true },
        renderer: "svg", formatLocale: FORMAT_LOCALE, timeFormatLocale: TIME_LOCALE,
      });
    }).then(function () {
      var svg = el.querySelector("svg");
      if (svg) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", altText(el));
      }
      el.setAttribute("data-width", small ? "narrow" : "wide");
      el.setAttribute("data-rendered", dark ? "dark" : "light");
    }).catch(function (error) {
      el.setAttribute("data-rendered", "error");
      // a page opened as a file may not fetch the site's chart templates: say what to do instead
      el.textContent = location.protocol === "file:"
        ? "Diagrammet kan ikke vises, når siden er åbnet som en fil. Kør make serve, og åbn adressen, den skriver. Tallene står i tabellen under diagrammet."
        : "Diagrammet kunne ikke vises. Tallene står i tabellen under diagrammet.";
      console.error(error);
    });
  }

  function drawAll(force) {
    var charts = document.querySelectorAll(CANVASES);
    for (var i = 0; i < charts.length; i++) {
      if (force || !charts[i].hasAttribute("data-rendered")) draw(charts[i]);
    }
  }

  // A chart drawn for a narrow window is drawn again when it becomes wide, and the other way round.
  var resized = null;
  window.addEventListener("resize", function () {
    clearTimeout(resized);
    resized = setTimeout(function () {
      document.querySelectorAll(".bse-chart__canvas[data-width]").forEach(function (el) {
        if ((el.clientWidth < NARROW) !== (el.getAttribute("data-width") === "narrow")) draw(el);
      });
    }, 250);
  });

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
