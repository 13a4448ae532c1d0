// The search form on /cari/ and /en/cari/. Pagefind (pagefind/pagefind.js) picks the index
// of the page's <html lang>; it is imported on the first search, never before. Results come
// five at a time: each one shown costs a download of that page's text.
(function () {
  "use strict";
  var PAGE = 5;
  var form = document.querySelector("form.bekal-search");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector(".bekal-search__status");
  var list = document.querySelector(".bekal-search__results");
  var more = document.querySelector(".bekal-search__more");
  var text = form.dataset;
  var bundle = new URL(text.bundle, document.baseURI).href;
  var pagefind = null;
  var latest = 0;
  var pending = [];

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

  function showNext(id) {
    var batch = pending.splice(0, PAGE).map(function (r) { return r.data(); });
    return Promise.all(batch).then(function (data) {
      if (id !== latest) return null;
      var items = data.map(item);
      list.append.apply(list, items);
      more.hidden = pending.length === 0;
      return items[0] || null;
    });
  }

  function run(query) {
    var id = ++latest;
    query = query.trim();
    list.replaceChildren();
    more.hidden = true;
    pending = [];
    if (!query) {
      status.textContent = "";
      return Promise.resolve();
    }
    say(text.searching, query, 0);
    return load()
      .then(function (module) { return module.search(query); })
      .then(function (search) {
        if (id !== latest) return null;
        pending = search.results.slice();
        var count = pending.length;
        return showNext(id).then(function () {
          if (id === latest) say(count === 0 ? text.none : count === 1 ? text.one : text.many,
                                 query, count);
        });
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
  more.addEventListener("click", function () {
    showNext(latest).then(function (first) {
      if (first) first.querySelector("a").focus(); // keyboard users continue where new ones start
    });
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
