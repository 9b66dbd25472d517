// Catalogue filter: narrows the server-rendered list by theme, target group, knowledge level and
// text, sorts it, and keeps the state in the URL so a filtered view can be shared. Without
// JavaScript the form stays hidden and the full list (and the tag pages) remain.
(function () {
  "use strict";

  var collator = new Intl.Collator("da");
  var FIELDS = ["tema", "maalgruppe", "niveau", "q", "sort"];

  function words(text) {
    return text.toLocaleLowerCase("da").split(/\s+/).filter(Boolean);
  }

  function matches(item, state) {
    if (state.tema && item.dataset.tema.split(" ").indexOf(state.tema) < 0) return false;
    if (state.maalgruppe && item.dataset.maalgruppe.split(" ").indexOf(state.maalgruppe) < 0) return false;
    if (state.niveau && Number(item.dataset.niveau) < Number(state.niveau)) return false;
    var text = item.dataset.tekst;
    return words(state.q || "").every(function (word) { return text.indexOf(word) >= 0; });
  }

  function compare(sort) {
    var byTitle = function (a, b) { return collator.compare(a.dataset.titel, b.dataset.titel); };
    if (sort === "niveau") return function (a, b) { return b.dataset.niveau - a.dataset.niveau || byTitle(a, b); };
    if (sort === "omkostning") return function (a, b) { return a.dataset.omkostning - b.dataset.omkostning || byTitle(a, b); };
    return byTitle;
  }

  function readForm(form) {
    var state = {};
    FIELDS.forEach(function (name) { state[name] = form.elements[name].value.trim(); });
    return state;
  }

  function writeUrl(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      if (state[name] && !(name === "sort" && state[name] === "titel")) params.set(name, state[name]);
    });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function apply(form, list, count) {
    var state = readForm(form);
    var items = Array.prototype.slice.call(list.children);
    items.sort(compare(state.sort)).forEach(function (item) { list.appendChild(item); });
    var shown = 0;
    items.forEach(function (item) {
      var visible = matches(item, state);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown === items.length
      ? items.length + " aktiviteter"
      : "Viser " + shown + " af " + items.length + " aktiviteter";
    writeUrl(state);
  }

  function setup() {
    var form = document.querySelector("[data-catalogue-filter]");
    var list = document.querySelector("[data-catalogue-list]");
    var count = document.querySelector("[data-catalogue-count]");
    if (!form || !list || !count || form.dataset.ready) return;
    form.dataset.ready = "true";
    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      var value = params.get(name);
      // A value not offered by a select (an old or mistyped link) is ignored, not half-applied.
      if (value !== null && (field.tagName !== "SELECT" || field.querySelector('option[value="' + CSS.escape(value) + '"]'))) {
        field.value = value;
      }
    });
    form.hidden = false;
    var update = function () { apply(form, list, count); };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    update();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);  // Material's instant navigation swaps pages without a reload
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
