// The search form on /cari/ and /en/cari/. Pagefind (pagefind/pagefind.js) picks the index
// of the page's <html lang>; it is imported on the first search, never before.
(function () {
  "use strict";
  var form = document.querySelector("form.bekal-search");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".bekal-search__status");
  var list = document.querySelector(".bekal-search__results");
  var text = form.dataset;
  var bundle = new URL(text.bundle, document.baseURI).href;
  var pagefind = null;
  var latest = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        return module.options({ excerptLength: 24 }).then(function () { return module; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  function say(template, query, count) {
    status.textContent = template.replace("{query}", query).replace("{count}", count);
  }

  function item(result) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title || result.url;
    var excerpt = document.createElement("p");
    excerpt.innerHTML = result.excerpt; // Pagefind escapes the text and adds only <mark>
    li.append(link, excerpt);
    return li;
  }

  function run(query) {
    var id = ++latest;
    query = query.trim();
    if (!query) {
      status.textContent = "";
      list.replaceChildren();
      return Promise.resolve();
    }
    say(text.searching, query, 0);
    return load()
      .then(function (module) { return module.search(query); })
      .then(function (search) {
        var top = search.results.slice(0, 10).map(function (r) { return r.data(); });
        return Promise.all(top).then(function (data) { return [search.results.length, data]; });
      })
      .then(function (found) {
        if (id !== latest) return;
        var count = found[0];
        say(count === 0 ? text.none : count === 1 ? text.one : text.many, query, count);
        list.replaceChildren.apply(list, found[1].map(item));
      })
      .catch(function () {
        if (id === latest) say(text.error, query, 0);
      });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 400);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    var url = new URL(location.href);
    url.searchParams.set("q", input.value.trim());
    history.replaceState(null, "", url);
    run(input.value);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
