/* Counts a group's before/after test results in the browser. Nothing is stored or sent:
   the ticks live in this page until it is closed, or in a CSV file the trainer saves. */
(function () {
  "use strict";
  var form = document.getElementById("count");
  var words = JSON.parse(document.getElementById("count-words").textContent);
  var test = document.getElementById("count-test");
  var people = document.getElementById("count-people");
  var grids = document.getElementById("count-grids");
  var summary = document.getElementById("count-summary");
  var done = document.getElementById("count-people-done");
  var error = document.getElementById("count-error");
  var WHEN = ["before", "after"];
  form.hidden = false;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }
  function questions() {
    return parseInt(test.selectedOptions[0].getAttribute("data-questions"), 10);
  }
  function count() {
    var n = parseInt(people.value, 10);
    return isNaN(n) ? 1 : Math.max(1, Math.min(60, n));
  }
  function cell(when, person, question) {
    return document.getElementById(["c", when, person, question].join("-"));
  }
  function el(name, text) {
    var node = document.createElement(name);
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function build(keep) {
    var q = questions(), n = count();
    var old = keep || {};
    grids.textContent = "";
    WHEN.forEach(function (when) {
      var wrap = el("div"); wrap.className = "count-scroll";
      var table = el("table"); table.className = "count-grid";
      var caption = el("caption", words[when]); table.appendChild(caption);
      var head = el("tr"); head.appendChild(el("th", words.participant)).scope = "col";
      for (var j = 1; j <= q; j++) { head.appendChild(el("th", String(j))).scope = "col"; }
      head.appendChild(el("th", words.total)).scope = "col";
      table.appendChild(el("thead")).appendChild(head);
      var body = table.appendChild(el("tbody"));
      for (var i = 1; i <= n; i++) {
        var row = body.appendChild(el("tr"));
        row.appendChild(el("th", String(i))).scope = "row";
        for (var k = 1; k <= q; k++) {
          var box = document.createElement("input");
          box.type = "checkbox";
          box.id = ["c", when, i, k].join("-");
          box.setAttribute("aria-label", fill(words.cell,
            {person: i, question: k, when: words[when]}));
          box.checked = !!old[box.id];
          row.appendChild(el("td")).appendChild(box);
        }
        var total = row.appendChild(el("td")); total.className = "count-total";
      }
      wrap.appendChild(table);
      grids.appendChild(wrap);
    });
    update();
  }

  function ticks() {
    var state = {};
    grids.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      if (box.checked) { state[box.id] = true; }
    });
    return state;
  }

  function percent(right, of) {
    return of ? Math.round(100 * right / of) + "%" : "–";
  }

  function update() {
    var q = questions(), n = count();
    var right = {before: [], after: []}, entered = 0, totals = {before: 0, after: 0};
    for (var i = 1; i <= n; i++) {
      var any = false;
      WHEN.forEach(function (when) {
        var sum = 0;
        for (var k = 1; k <= q; k++) {
          var on = cell(when, i, k).checked;
          right[when][k] = (right[when][k] || 0) + (on ? 1 : 0);
          sum += on ? 1 : 0;
        }
        any = any || sum > 0;
        totals[when] += sum;
        cell(when, i, 1).closest("tr").lastChild.textContent = String(sum);
      });
      if (any) { entered += 1; }
    }
    done.textContent = fill(words.peopleDone, {count: entered});
    var body = summary.tBodies[0];
    body.textContent = "";
    for (var k = 1; k <= q; k++) {
      var row = body.appendChild(el("tr"));
      row.appendChild(el("th", String(k))).scope = "row";
      var before = right.before[k] || 0, after = right.after[k] || 0;
      row.appendChild(el("td", before + " (" + percent(before, entered) + ")"));
      row.appendChild(el("td", after + " (" + percent(after, entered) + ")"));
      var change = after - before;
      row.appendChild(el("td", (change > 0 ? "+" : "") + change));
    }
    var foot = summary.tFoot.rows[0].cells;
    var avgBefore = entered ? totals.before / entered : 0;
    var avgAfter = entered ? totals.after / entered : 0;
    foot[1].textContent = avgBefore.toFixed(1) + " / " + q + " (" + percent(totals.before, entered * q) + ")";
    foot[2].textContent = avgAfter.toFixed(1) + " / " + q + " (" + percent(totals.after, entered * q) + ")";
    var diff = avgAfter - avgBefore;
    foot[3].textContent = (diff > 0 ? "+" : "") + diff.toFixed(1);
  }

  function toCsv() {
    var q = questions(), n = count(), lines = ["test," + test.value, "people," + n];
    WHEN.forEach(function (when) {
      for (var i = 1; i <= n; i++) {
        var row = [when, i];
        for (var k = 1; k <= q; k++) { row.push(cell(when, i, k).checked ? 1 : 0); }
        lines.push(row.join(","));
      }
    });
    return lines.join("\n") + "\n";
  }

  function fromCsv(text) {
    var lines = text.trim().split(/\r?\n/).map(function (l) { return l.split(","); });
    if (lines.length < 2 || lines[0][0] !== "test" || lines[1][0] !== "people") { return false; }
    var option = Array.prototype.find.call(test.options, function (o) {
      return o.value === lines[0][1];
    });
    if (!option) { return false; }
    test.value = option.value;
    people.value = lines[1][1];
    var state = {};
    lines.slice(2).forEach(function (row) {
      for (var k = 2; k < row.length; k++) {
        if (row[k] === "1") { state[["c", row[0], row[1], k - 1].join("-")] = true; }
      }
    });
    build(state);
    return true;
  }

  test.addEventListener("change", function () { build({}); });
  people.addEventListener("change", function () { build(ticks()); });
  grids.addEventListener("change", update);
  document.getElementById("count-clear").addEventListener("click", function () { build({}); });
  document.getElementById("count-save").addEventListener("click", function () {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([toCsv()], {type: "text/csv"}));
    link.download = test.value + "-" + new Date().toISOString().slice(0, 10) + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  document.getElementById("count-open").addEventListener("change", function (event) {
    var file = event.target.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () { error.hidden = fromCsv(String(reader.result)); };
    reader.readAsText(file);
  });
  var wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && Array.prototype.some.call(test.options, function (o) { return o.value === wanted; })) {
    test.value = wanted;
  }
  build({});
})();
