// Search in the offline bundle (bekal/offline/): file:// allows no fetch and no worker, so the
// index of the page's language is a plain script, loaded on the first search. A page matches
// when it holds every word typed; for Indonesian a word also matches without its usual
// affixes, so "menipu" finds "penipuan" (both hold "nipu") and "kerja" finds "pekerjaan".
(function () {
  "use strict";
  var form = document.querySelector("form.bekal-search");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".bekal-search__status");
  var list = document.querySelector(".bekal-search__results");
  var text = form.dataset;
  var AFFIXES = {
    id: {
      prefixes: ["meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "pe",
                 "ber", "be", "ter", "di", "ke", "se"],
      suffixes: ["kannya", "annya", "kan", "an", "nya", "lah", "kah", "i"]
    }
  };
  var MIN_STEM = 4;
  var pages = null;

  function load() {
    if (!pages) {
      pages = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = text.index;
        script.onload = function () {
          var all = window.bekalSearchIndex || {};
          if (all[text.lang]) resolve(all[text.lang]); else reject(new Error("no index"));
        };
        script.onerror = reject;
        document.head.appendChild(script);
      });
      pages.catch(function () { pages = null; });
    }
    return pages;
  }

  function variants(word) {
    var rules = AFFIXES[text.lang];
    var found = [word];
    if (!rules) return found;
    rules.prefixes.forEach(function (p) {
      if (word.indexOf(p) === 0 && word.length - p.length >= MIN_STEM) found.push(word.slice(p.length));
    });
    found.slice().forEach(function (stem) {
      rules.suffixes.forEach(function (s) {
        if (stem.length - s.length >= MIN_STEM && stem.slice(-s.length) === s) {
          found.push(stem.slice(0, -s.length));
        }
      });
    });
    return found.filter(function (v, i) { return found.indexOf(v) === i; });
  }

  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at !== -1 && n < 50) { n += 1; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  function score(page, words) {
    var title = page[1].toLowerCase(), body = page[2].toLowerCase(), total = 0;
    for (var i = 0; i < words.length; i++) {
      var best = 0;
      words[i].forEach(function (v) { best = Math.max(best, count(title, v) * 10 + count(body, v)); });
      if (!best) return 0;
      total += best;
    }
    return total;
  }

  function excerpt(body, words) {
    var lower = body.toLowerCase(), at = -1;
    words[0].forEach(function (v) { var i = lower.indexOf(v); if (i !== -1 && (at === -1 || i < at)) at = i; });
    var start = Math.max(0, at - 70), end = Math.min(body.length, at + 130);
    while (start > 0 && body[start - 1] !== " ") start -= 1;
    while (end < body.length && body[end] !== " ") end += 1;
    var part = body.slice(start, end), p = document.createElement("p");
    var needles = [].concat.apply([], words), lowerPart = part.toLowerCase(), pos = 0;
    var re = /[^\s.,;:!?()"“”]+/g, match;
    if (start > 0) p.append("… ");
    while ((match = re.exec(part))) {
      var word = lowerPart.slice(match.index, match.index + match[0].length);
      if (needles.some(function (n) { return word.indexOf(n) !== -1; })) {
        p.append(part.slice(pos, match.index));
        var mark = document.createElement("mark");
        mark.textContent = match[0];
        p.append(mark);
        pos = match.index + match[0].length;
      }
    }
    p.append(part.slice(pos) + (end < body.length ? " …" : ""));
    return p;
  }

  function item(page, words) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = text.root + page[0];
    link.textContent = page[1];
    li.append(link, excerpt(page[2], words));
    return li;
  }

  function say(template, query, n) {
    status.textContent = template.replace("{query}", query).replace("{count}", n);
  }

  function run(query) {
    query = query.trim();
    if (!query) { status.textContent = ""; list.replaceChildren(); return; }
    say(text.searching, query, 0);
    load().then(function (index) {
      var words = query.toLowerCase().split(/\s+/).filter(Boolean).map(variants);
      var hits = index.map(function (page) { return [score(page, words), page]; })
        .filter(function (hit) { return hit[0] > 0; })
        .sort(function (a, b) { return b[0] - a[0]; });
      say(hits.length === 0 ? text.none : hits.length === 1 ? text.one : text.many, query, hits.length);
      list.replaceChildren.apply(list, hits.slice(0, 20).map(function (hit) { return item(hit[1], words); }));
    }).catch(function () { say(text.error, query, 0); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    try {
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value.trim());
      window.history.replaceState(null, "", url);
    } catch (e) { /* some browsers refuse this on file:// */ }
    run(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
})();
