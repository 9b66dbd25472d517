// Small fixes to the theme's own markup, for both engines.
(function () {
  "use strict";
  function fix() {
    // Material's search dialog has no accessible name (axe: aria-dialog-name); Zensical's says "Søg".
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label]):not([aria-labelledby])').forEach(function (dialog) {
      dialog.setAttribute("aria-label", "Søg på sitet");
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(fix);
  } else {
    document.addEventListener("DOMContentLoaded", fix);
  }
})();
