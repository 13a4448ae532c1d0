/* Slides: keyboard (arrows, Space, Page Up/Down, Home/End), buttons and a counter.
   The slide number is kept in the address (#3), so a reload stays on the same slide. */
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll("#deck .slide"));
  var total = slides.length;
  var prev = document.querySelector(".deck-prev");
  var next = document.querySelector(".deck-next");
  var counter = document.querySelector(".deck-counter");
  var now = counter.querySelector(".deck-now");
  var status = document.getElementById("deck-status");
  var current = -1;

  document.documentElement.classList.add("js");
  counter.querySelector(".deck-total").textContent = String(total);
  [prev, next, counter].forEach(function (el) { el.hidden = false; });

  function fromHash() {
    var n = parseInt(window.location.hash.slice(1), 10);
    return isNaN(n) ? 0 : n - 1;
  }

  function show(index, announce) {
    index = Math.max(0, Math.min(total - 1, index));
    if (index === current) return;
    var hadFocus = current >= 0 && slides[current].contains(document.activeElement);
    slides.forEach(function (slide, i) { slide.hidden = i !== index; });
    current = index;
    now.textContent = String(index + 1);
    prev.setAttribute("aria-disabled", String(index === 0));
    next.setAttribute("aria-disabled", String(index === total - 1));
    try { window.history.replaceState(null, "", "#" + (index + 1)); } catch (e) { /* file:// */ }
    if (hadFocus) {
      slides[index].setAttribute("tabindex", "-1");
      slides[index].focus();
    }
    if (announce) {
      var heading = slides[index].querySelector("h1, h2");
      status.textContent = status.getAttribute("data-position")
        .replace("{number}", String(index + 1)).replace("{total}", String(total))
        + (heading ? ": " + heading.textContent : "");
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    var onControl = target.closest && target.closest("a, button, summary");
    var key = event.key;
    var to = null;
    if (key === "ArrowRight" || key === "ArrowDown" || key === "PageDown") to = current + 1;
    else if (key === "ArrowLeft" || key === "ArrowUp" || key === "PageUp") to = current - 1;
    else if ((key === " " || key === "Spacebar") && !onControl) {
      to = event.shiftKey ? current - 1 : current + 1;
    } else if (key === "Home") to = 0;
    else if (key === "End") to = total - 1;
    else if ((key === "n" || key === "N") && !onControl) {  // the trainer's notes
      document.documentElement.classList.toggle("show-notes");
      event.preventDefault();
      return;
    }
    if (to === null) return;
    event.preventDefault();
    show(to, true);
  });
  prev.addEventListener("click", function () { show(current - 1, true); });
  next.addEventListener("click", function () { show(current + 1, true); });
  window.addEventListener("hashchange", function () { show(fromHash(), true); });
  show(fromHash(), false);
})();
