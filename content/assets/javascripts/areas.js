// Finding an area by the name a reader types: "Mjølnerparken", "mjolnerparken" or "Mjølnerparken (København)".
// Used by the front page's search field (a form with data-find-area) and by the compare view.
(function () {
  "use strict";

  var lists = {};

  // Both spellings a keyboard without æ, ø and å gives, and no accents or case.
  function spellings(text) {
    var plain = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
    var long = plain.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");
    var short = plain.replace(/æ/g, "a").replace(/ø/g, "o").replace(/å/g, "a");
    return [long, short];
  }

  function load(url) {
    if (!lists[url]) {
      lists[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("Listen over områder kunne ikke hentes");
        return response.json();
      });
    }
    return lists[url];
  }

  function label(area) {
    return area[1] + " (" + area[2] + ")";
  }

  // The area [id, name, municipality] the text names: its label exactly, or the one area whose name it spells.
  function find(areas, text) {
    text = (text || "").trim();
    if (!text) return null;
    var exact = areas.filter(function (area) { return label(area) === text; });
    if (exact.length) return exact[0];
    var typed = spellings(text);
    var named = areas.filter(function (area) {
      var forms = spellings(area[1]).concat(spellings(label(area)));
      return typed.some(function (t) { return forms.indexOf(t) >= 0; });
    });
    return named.length === 1 ? named[0] : null;
  }

  function setupFinder() {
    document.querySelectorAll("form[data-find-area]:not([data-ready])").forEach(function (form) {
      form.setAttribute("data-ready", "true");
      var input = form.querySelector("input");
      var message = form.querySelector("[data-find-message]");
      load(form.dataset.names).then(function (areas) {
        var list = document.getElementById(input.getAttribute("list"));
        var options = document.createDocumentFragment();
        areas.forEach(function (area) {
          var option = document.createElement("option");
          option.value = label(area);
          options.appendChild(option);
        });
        list.replaceChildren(options);
        form.addEventListener("submit", function (event) {
          var area = find(areas, input.value);
          if (!area) {
            event.preventDefault();
            message.textContent = input.value.trim() ? "Intet område hedder " + input.value.trim() + ". Vælg et forslag fra listen, eller se alle områder." : "Skriv et områdes navn.";
            return;
          }
          event.preventDefault();
          location.href = form.getAttribute("action") + area[0] + "/";
        });
      }).catch(function (error) { message.textContent = error.message; });
    });
  }

  window.bseAreas = { load: load, find: find, label: label };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setupFinder);
  } else {
    document.addEventListener("DOMContentLoaded", setupFinder);
  }
})();
