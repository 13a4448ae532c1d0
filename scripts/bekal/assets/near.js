/* "Help near you": filter the places by district, village or province as the reader types.
   Loose on spelling: no accents, any case, "Kab." / "Kabupaten" / "Kota" ignored,
   and the short names readers use (Loteng) are in each district's data-search. */
(function () {
  "use strict";
  var box = document.getElementById("bekal-near-q");
  if (!box) { return; }
  var filter = box.closest(".bekal-near__filter");
  var count = document.getElementById("bekal-near-count");
  var districts = Array.prototype.slice.call(document.querySelectorAll(".bekal-near__district"));
  var provinces = Array.prototype.slice.call(document.querySelectorAll(".bekal-near__province"));
  var words = filter.dataset;
  var PREFIX = /^(?:kabupaten|kab|kota|kotamadya|kec|kecamatan|desa)\b\.?\s*/;

  function normalise(text) {
    var out = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
    var before;
    do { before = out; out = out.replace(PREFIX, "").trim(); } while (out !== before);
    return out;
  }

  function matches(district, query) {
    return district.dataset.search.split(" ").join(" ").indexOf(query) !== -1 ||
      normalise(district.textContent).indexOf(query) !== -1;
  }

  function update() {
    var query = normalise(box.value);
    var shown = 0, places = 0;
    districts.forEach(function (district) {
      var on = !query || matches(district, query);
      district.hidden = !on;
      if (on) { shown += 1; places += district.querySelectorAll(".bekal-place").length; }
    });
    provinces.forEach(function (province) {
      province.hidden = !province.querySelector(".bekal-near__district:not([hidden])");
    });
    count.textContent = !query ? "" : shown ?
      words.found.replace("{places}", places).replace("{districts}", shown) :
      words.none.replace("{query}", box.value);
  }

  filter.hidden = false;
  box.addEventListener("input", update);
  if (location.hash.length > 1 && box.value === "") { update(); }
})();
