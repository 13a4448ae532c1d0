/* Bekal on the phone, saving to read without signal: loaded by phone.js on the reader's first
   tap of "Simpan untuk dibaca tanpa sinyal" (or "Hapus dari ponsel ini"). It registers the
   service worker, copies the page (or the track and its lessons) with every file they use
   into Cache Storage, and removes them again. phone.js shows the buttons and the statuses. */
(() => {
  "use strict";
  const SAVED = "bekal:saved";
  const CACHE = "bekal-offline";  // the service worker (sw.js) reads the same cache
  const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
  const saved = () => { try { return JSON.parse(localStorage.getItem(SAVED)) || {}; } catch (e) { return {}; } };
  const LESSON = /\/modul\/[^/]+\/$/;

  // Every file a page needs: itself, its styles, icons, scripts, pictures, PDFs, the page of
  // its sources (its trust marks link there; recordings only when she ticked them).
  const files = (doc, base, audio) => {
    const urls = [base];
    $$('link[rel~="stylesheet"][href], link[rel~="icon"][href]', doc).forEach((l) => urls.push(new URL(l.getAttribute("href"), base).href));
    $$("script[src], img[src]", doc).forEach((e) => urls.push(new URL(e.getAttribute("src"), base).href));
    $$('.md-content a[href$=".pdf"], a.bekal-sources__more[href]', doc).forEach((a) => urls.push(new URL(a.getAttribute("href"), base).href));
    if (audio) $$(".bekal-audio audio[src]", doc).forEach((a) => urls.push(new URL(a.getAttribute("src"), base).href));
    return urls;
  };

  // Resolves when the page (and for a track, its lessons) is saved; rejects if any file fails.
  const save = async ({ root, here, track, audio, parts }) => {
    await navigator.serviceWorker.register(`${root}sw.js`, { scope: root });
    const cache = await caches.open(CACHE);
    let bytes = 0;
    const store = async (url) => {
      // patchy signal: a file that does not come within 30 s fails the save, not hangs it
      const stop = new AbortController();
      const timer = setTimeout(() => stop.abort(), 30000);
      const response = await fetch(url, { signal: stop.signal });
      if (!response.ok) throw new Error(url);
      const body = await response.clone().blob().finally(() => clearTimeout(timer));
      bytes += body.size;
      await cache.put(url, response);
      return body;
    };
    let urls = files(document, here, audio).concat(parts);
    if (track) {
      const pages = [...new Set($$('.md-content a[href*="modul/"]').map((a) => new URL(a.getAttribute("href"), here).href.split("#")[0]))]
        .filter((u) => LESSON.test(u));
      for (const page of pages) {
        const html = await (await store(page)).text();
        urls = urls.concat(files(new DOMParser().parseFromString(html, "text/html"), page, audio).slice(1));
      }
      urls = urls.concat(pages);
    }
    urls = [...new Set(urls)];
    const stored = new Set(track ? urls.filter((u) => LESSON.test(u)) : []);
    for (const url of urls) if (!stored.has(url)) await store(url);
    const data = saved();
    data[here] = { title: document.title, urls, bytes };
    localStorage.setItem(SAVED, JSON.stringify(data));
  };

  // Removes what only this page's copy uses; the last one also takes the service worker.
  const remove = async (here) => {
    const data = saved();
    const mine = data[here];
    delete data[here];
    const others = new Set(Object.values(data).flatMap((s) => s.urls));
    const cache = await caches.open(CACHE);
    await Promise.all((mine ? mine.urls : []).filter((u) => !others.has(u)).map((u) => cache.delete(u)));
    if (Object.keys(data).length) {
      localStorage.setItem(SAVED, JSON.stringify(data));
    } else {
      localStorage.removeItem(SAVED);
      await caches.delete(CACHE);
      (await navigator.serviceWorker.getRegistrations()).forEach((r) => r.unregister());
    }
  };

  (window.bekalPhone = window.bekalPhone || {}).offline = { save, remove };
})();
