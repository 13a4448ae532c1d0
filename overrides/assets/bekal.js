// Every page of the site (overrides/main.html), loaded once and cached.
(function () {
  "use strict";
  // Enter or Space on a focused menu label opens or closes its section (no Material JS).
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if ((e.key === "Enter" || e.key === " ") && t instanceof HTMLLabelElement && t.htmlFor) {
      e.preventDefault();
      t.click();
    }
  });
  // The language switch takes the section (#...) and the search (?q=) along.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest(".md-header a[hreflang]");
    if (!a) return;
    var box = document.querySelector("form.bekal-search input[name=q]");
    var q = (box && box.value.trim()) || new URLSearchParams(location.search).get("q");
    a.href = a.href.split(/[?#]/)[0] + (q ? "?q=" + encodeURIComponent(q) : "") + location.hash;
  });
})();
