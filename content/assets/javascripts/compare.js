// Compare view: two to four areas and one indicator in one chart. The choice lives in the URL
// (?omraader=a,b&indikator=x), the figures come from one data file per indicator beside the page,
// and the chart gets the same text alternative, table and CSV as every other chart on the site.
// Areas are chosen in text inputs that suggest from one list of every area (omraader.json), so the
// page stays small and a reader finds one area among thousands by typing part of its name.
(function () {
  "use strict";

  var cache = {};
  var everyArea = [];  // [id, name, municipality], from omraader.json
  var labelOf = {};  // "vollsmose" → "Vollsmose (Odense)"

  // An area typed as its label, or as its name alone with or without Danish letters (areas.js).
  function idOf(text) {
    var area = window.bseAreas.find(everyArea, text);
    return area ? area[0] : null;
  }

  function loadNames(form) {
    return window.bseAreas.load(form.dataset.names).then(function (areas) {
      everyArea = areas;
      var list = document.getElementById(form.querySelector("input[name=omraade]").getAttribute("list"));
      var options = document.createDocumentFragment();
      areas.forEach(function (area) {
        var label = window.bseAreas.label(area);
        labelOf[area[0]] = label;
        var option = document.createElement("option");
        option.value = label;
        options.appendChild(option);
      });
      list.replaceChildren(options);
    });
  }

  function fmt(value) {
    return value.toLocaleString("da-DK", { maximumFractionDigits: 2 });
  }

  // Each indicator's figures are split into data-chunks files; an area's file is found as in
  // macros/pages/compare.py chunk_of(), so only the chosen areas' files are fetched.
  function chunkOf(id, count) {
    var h = 0;
    for (var i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) >>> 0;
    return h % count;
  }

  function fetchChunk(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("Tallene i " + url + " kunne ikke hentes");
        return response.json();
      });
    }
    return cache[url];
  }

  function load(indicator, areas, count) {
    var urls = [];
    areas.forEach(function (id) {
      var url = indicator + "-" + chunkOf(id, count) + ".json";
      if (urls.indexOf(url) < 0) urls.push(url);
    });
    return Promise.all(urls.map(fetchChunk)).then(function (parts) {
      var data = Object.assign({}, parts[0], { areas: {} });
      parts.forEach(function (part) { Object.assign(data.areas, part.areas); });
      return data;
    });
  }

  function chosen(form) {
    var seen = [];
    form.querySelectorAll("input[name=omraade]").forEach(function (input) {
      var id = idOf(input.value);
      if (id && seen.indexOf(id) < 0) seen.push(id);
    });
    return seen;
  }

  function unknown(form) {
    return Array.prototype.filter.call(form.querySelectorAll("input[name=omraade]"), function (input) {
      return input.value.trim() && !idOf(input.value);
    }).map(function (input) { return input.value.trim(); });
  }

  function writeUrl(areas, indicator) {
    var params = new URLSearchParams();
    if (areas.length) params.set("omraader", areas.join(","));
    params.set("indikator", indicator);
    history.replaceState(history.state, "", location.pathname + "?" + params.toString());
  }

  function describe(data, areas) {
    var years = [];
    var latest = areas.map(function (id) {
      var points = data.areas[id] ? data.areas[id].points : [];
      points.forEach(function (p) { years.push(p[0]); });
      var last = points[points.length - 1];
      return data.areas[id] ? data.areas[id].name + (last ? " " + fmt(last[1]) + " (" + last[0] + ")" : " ingen tal") : id;
    });
    var names = areas.map(function (id) { return data.areas[id] ? data.areas[id].name : id; });
    var published = [];
    areas.forEach(function (id) {
      (data.areas[id] ? data.areas[id].points : []).forEach(function (p) { if (p[2]) published.push(data.areas[id].name + " " + p[0]); });
    });
    return "Linjediagram over " + data.name.toLowerCase() + " (" + data.unit + ") for " + names.join(", ") +
      " fra " + Math.min.apply(null, years) + " til " + Math.max.apply(null, years) + ". Seneste tal: " + latest.join("; ") + "." +
      (data.illustrative ? " Eksempeldata, ikke officielle tal" + (published.length ? ", undtagen de offentliggjorte tal for " + published.join(", ") + " (markeret i tabellen)." : ".") : "");
  }

  function fillTable(table, data, areas) {
    var years = {};
    areas.forEach(function (id) { (data.areas[id] ? data.areas[id].points : []).forEach(function (p) { years[p[0]] = true; }); });
    var head = "<caption></caption><thead><tr><th scope=\"col\">År</th>";
    areas.forEach(function () { head += "<th scope=\"col\"></th>"; });
    table.innerHTML = head + "</tr></thead><tbody></tbody>";
    table.caption.textContent = data.name + " (" + data.unit + ")";
    var headers = table.tHead.rows[0].cells;
    areas.forEach(function (id, i) { headers[i + 1].textContent = data.areas[id] ? data.areas[id].name : id; });
    Object.keys(years).sort().forEach(function (year) {
      var row = table.tBodies[0].insertRow();
      row.insertCell().textContent = year;
      areas.forEach(function (id) {
        var cell = row.insertCell();
        cell.className = "bse-num";
        var point = (data.areas[id] ? data.areas[id].points : []).filter(function (p) { return String(p[0]) === year; })[0];
        // a published figure among illustrative ones (a third element, 1) says so
        cell.textContent = point ? fmt(point[1]) + (point[2] && data.illustrative ? " (offentliggjort tal)" : "") : "–";
      });
    });
  }

  // The same columns as the charts' CSV files; illustrative figures say so in a last column and in the file's name.
  function csv(data, areas) {
    var lines = ["indicator_id,area_id,year,value" + (data.illustrative ? ",eksempeldata" : "")];
    areas.forEach(function (id) {
      (data.areas[id] ? data.areas[id].points : []).forEach(function (p) {
        var mark = data.illustrative ? (p[2] ? ",nej (offentliggjort tal)" : ",ja") : "";
        lines.push([data.indicator, id, p[0], p[1]].join(",") + mark);
      });
    });
    return URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/csv;charset=utf-8" }));
  }

  function update(root) {
    var form = root.querySelector("[data-compare]");
    var figure = root.querySelector("[data-compare-figure]");
    var message = root.querySelector("[data-compare-message]");
    var areas = chosen(form);
    var indicator = form.elements.indikator.value;
    writeUrl(areas, indicator);
    var missing = unknown(form);
    if (areas.length < 2) {
      figure.hidden = true;
      message.textContent = (missing.length ? "Intet område hedder " + missing.join(" eller ") + "; vælg et forslag fra listen. " : "") + "Vælg mindst to områder for at sammenligne.";
      return;
    }
    load(indicator, areas, Number(form.dataset.chunks) || 1).then(function (data) {
      var points = [];
      areas.forEach(function (id, order) {
        (data.areas[id] ? data.areas[id].points : []).forEach(function (p) {
          points.push({ year: p[0], value: p[1], serie: data.areas[id].name, orden: order });
        });
      });
      var specEl = document.getElementById("compare-spec");
      var spec = JSON.parse(specEl.textContent);
      var text = describe(data, areas);
      spec.encoding.y.title = data.unit;
      spec.description = text;
      spec.datasets = { serier: points };
      specEl.textContent = JSON.stringify(spec);
      root.querySelector("#compare-title").textContent = data.name + ": " + areas.length + " områder";
      root.querySelector("[data-compare-subtitle]").textContent = data.illustrative ? "Eksempeldata, ikke officielle tal" : "";
      root.querySelector("[data-compare-alt]").textContent = text;
      var canvas = figure.querySelector(".bse-chart__canvas");
      canvas.setAttribute("aria-label", text);
      fillTable(root.querySelector("[data-compare-table]"), data, areas);
      var link = root.querySelector("[data-compare-csv]");
      if (link.href.indexOf("blob:") === 0) URL.revokeObjectURL(link.href);
      link.href = csv(data, areas);
      link.setAttribute("download", data.illustrative ? "sammenligning-eksempeldata.csv" : "sammenligning.csv");
      message.textContent = "";
      figure.hidden = false;
      window.bseCharts.draw(canvas);
    }).catch(function (error) {
      message.textContent = error.message;
    });
  }

  function setup() {
    var form = document.querySelector("[data-compare]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    var root = form.parentNode;
    var params = new URLSearchParams(location.search);
    var indicator = params.get("indikator");
    if (indicator && form.querySelector('#compare-indikator option[value="' + CSS.escape(indicator) + '"]')) form.elements.indikator.value = indicator;
    root.querySelector("[data-compare-nojs]").hidden = true;
    form.hidden = false;
    loadNames(form).then(function () {
      var inputs = form.querySelectorAll("input[name=omraade]");
      var wanted = (params.get("omraader") || "").split(",").filter(function (id) { return labelOf[id]; });
      wanted.slice(0, inputs.length).forEach(function (id, i) { inputs[i].value = labelOf[id]; });
      form.addEventListener("change", function () { update(root); });
      // a suggestion picked from the list counts at once; typing only counts when it names an area
      form.addEventListener("input", function (event) {
        if (event.target.name !== "omraade" || idOf(event.target.value) || !event.target.value) update(root);
      });
      update(root);
    }).catch(function (error) {
      root.querySelector("[data-compare-message]").textContent = error.message;
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
