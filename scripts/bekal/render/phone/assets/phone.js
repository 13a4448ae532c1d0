/* Bekal on the phone: copy a link, mark a lesson done, remember the quiz result, show
   where the reader left off, explain glossary terms in place; the buttons to save a page
   to read without signal and to read a section aloud, whose work phone-offline.js and
   phone-listen.js do once she taps them; and the quiz's own script, loaded as she nears the
   quiz. Everything stays on this phone (localStorage); nothing is sent anywhere. */
(() => {
  "use strict";
  const script = document.currentScript;
  const root = script ? script.src.replace(/assets\/[^/]*$/, "") : "";
  const all = /*BEKAL_STRINGS*/{};
  const t = all[document.documentElement.lang] || Object.values(all)[0];
  const KEY = "bekal:history";
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k]);
  const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
  const load = () => { try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; } };
  const save = (data) => { try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* private mode */ } };
  // A status is emptied, then said: a screen reader announces the same words again. Words
  // still waiting give way to newer ones (a quick save must not end on "saving…").
  const waiting = new WeakMap();
  const put = (el, text) => { clearTimeout(waiting.get(el)); el.textContent = text; };
  const say = (el, text) => { if (el) { put(el, ""); waiting.set(el, setTimeout(() => { el.textContent = text; }, 100)); } };

  // The rarely used parts (saving for offline reading, reading aloud) are scripts of their
  // own, loaded on the reader's first tap: a page she only reads never downloads them.
  const PARTS = /*BEKAL_PARTS*/{};
  const partUrl = (name) => root + PARTS[name];
  const loading = {};
  const part = (name) => loading[name] || (loading[name] = new Promise((resolve, reject) => {
    const tag = document.createElement("script");
    tag.src = partUrl(name);
    tag.onload = () => { const got = (window.bekalPhone || {})[name]; if (got) resolve(got); else reject(new Error(name)); };
    tag.onerror = () => { tag.remove(); reject(new Error(name)); };
    document.head.append(tag);
  }).catch((e) => { delete loading[name]; throw e; }));  // no signal: the next tap tries again

  // The quiz's own script (checking, feedback, retry) comes when the reader nears the quiz:
  // two screens before it shows, so its button is there before she sees it, or when focus
  // enters it. Until then, or without signal, each answer is under its question.
  const quiz = document.querySelector(".bekal-quiz");
  if (quiz) {
    // loaded once (part() keeps it); without signal the next approach tries again
    const want = () => part("quiz").catch(() => {});
    quiz.addEventListener("focusin", want);
    if (window.IntersectionObserver) {
      new IntersectionObserver((seen) => { if (seen.some((e) => e.isIntersecting)) want(); },
        { rootMargin: "0px 0px 200% 0px" }).observe(quiz);
    } else want();
  }

  const make = (tag, cls, text) => {
    const el = document.createElement(tag);
    el.className = cls;
    if (text) el.textContent = text;
    return el;
  };

  // Copy link: a button only where the browser can copy; the link is on the page anyway.
  $$(".bekal-share").forEach((bar) => {
    if (!navigator.clipboard) return;
    const button = make("button", "bekal-share__copy", t.share_copy);
    const status = make("span", "bekal-share__status");
    button.type = "button";
    status.setAttribute("role", "status");
    bar.querySelector(".bekal-share__wa").after(" ", button);
    bar.append(status);
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(bar.querySelector(".bekal-share__url").textContent)
        .then(() => say(status, t.copy_done), () => say(status, t.copy_failed));
    });
  });

  // A lesson: "mark as done", and the quiz's last result.
  const lesson = /\/modul\/([^/]+)\/(index\.html)?$/.exec(location.pathname);
  const h1 = document.querySelector(".md-content h1");
  let progress = null;
  if (lesson && h1) {
    progress = make("div", "bekal-progress");
    progress.append(make("button", "bekal-btn bekal-progress__done"), make("p", "bekal-progress__quiz"));
    const share = document.querySelector(".bekal-share");
    if (share) share.before(progress); else document.querySelector(".md-content__inner").append(progress);
    const slug = lesson[1];
    const title = h1.textContent.replace(/¶$/, "").trim();
    const button = progress.querySelector("button");
    button.type = "button";
    const quizLine = progress.querySelector(".bekal-progress__quiz");
    const entry = () => load()[slug] || { title };
    const update = (change) => {
      const data = load();
      data[slug] = Object.assign(entry(), change, { title });
      save(data);
      show();
    };
    const show = () => {
      const e = entry();
      button.setAttribute("aria-pressed", e.done ? "true" : "false");
      button.textContent = e.done ? t.done_undo : t.done_mark;
      quizLine.textContent = e.quiz ? fill(t.history_quiz, e.quiz) : "";
    };
    show();
    button.addEventListener("click", () => update({ done: !entry().done }));
    const form = document.querySelector(".bekal-quiz__form");
    if (form) {
      form.addEventListener("submit", () => setTimeout(() => {
        const scored = $$(".bekal-q__feedback", form).filter((f) => f.dataset.result !== "flags" && f.dataset.result !== "safe");
        if (!scored.length) return;
        // the result line may sit above the quiz: keep the button under the reader's finger
        const still = form.querySelector("[type=submit]");
        const top = still ? still.getBoundingClientRect().top : 0;
        update({ quiz: { right: scored.filter((f) => f.dataset.result === "right").length, total: scored.length } });
        const moved = still ? still.getBoundingClientRect().top - top : 0;
        if (moved) window.scrollBy({ top: moved, behavior: "instant" });
      }, 0));
    }
  }

  // Save to read without signal: nothing (no service worker, no byte) before she asks.
  const track = /\/jalur\/[^/]+\/(index\.html)?$/.test(location.pathname);
  const SAVED = "bekal:saved";
  const saved = () => { try { return JSON.parse(localStorage.getItem(SAVED)) || {}; } catch (e) { return {}; } };
  const addManifest = () => {
    if (document.querySelector('link[rel="manifest"]') || !Object.keys(saved()).length) return;
    const link = document.createElement("link");
    link.rel = "manifest";
    link.href = root + t.manifest;
    document.head.append(link);
  };
  if ((lesson || track) && root && "serviceWorker" in navigator && window.caches && location.protocol !== "file:") {
    addManifest();
    const here = location.href.split("#")[0];
    const box = make("div", "bekal-offline");
    const keep = make("button", "bekal-btn", t.offline_save);
    const drop = make("button", "bekal-btn", t.offline_remove);
    const status = make("p", "bekal-offline__status");
    keep.type = drop.type = "button";
    status.setAttribute("role", "status");
    box.append(keep, drop, status);
    const recorded = $$(".bekal-audio[data-bytes]");
    let withAudio = null;
    if (recorded.length) {
      const label = make("label", "bekal-offline__audio");
      withAudio = document.createElement("input");
      withAudio.type = "checkbox";
      const kb = Math.round(recorded.reduce((n, r) => n + +r.dataset.bytes, 0) / 1024);
      label.append(withAudio, ` ${fill(t.offline_audio, { kb })}`);
      keep.before(label);
    }
    const bar = document.querySelector(".bekal-share");
    if (bar) bar.after(box); else document.querySelector(".md-content__inner").append(box);
    const show = () => {
      const mine = saved()[here];
      keep.hidden = !!mine;
      if (withAudio) withAudio.parentNode.hidden = !!mine;
      drop.hidden = !mine;
      put(status, mine ? fill(t.offline_saved, { kb: Math.round(mine.bytes / 1024) }) : "");
    };
    keep.addEventListener("click", () => {
      keep.disabled = true;
      say(status, t.offline_saving);
      part("offline")
        .then((offline) => offline.save({ root, here, track, audio: !!(withAudio && withAudio.checked),
          parts: Object.keys(PARTS).map(partUrl) }))  // every part, the quiz's too, works offline
        .then(() => { addManifest(); show(); }, () => say(status, t.offline_failed))
        .then(() => { keep.disabled = false; });
    });
    drop.addEventListener("click", () => {
      part("offline").then((offline) => offline.remove(here))
        .then(() => { show(); say(status, t.offline_removed); }, () => say(status, t.offline_remove_failed));
    });
    show();
  }

  // Home and track pages: where she left off, and one button to clear it.
  const history = document.querySelector(".bekal-history");
  if (history) {
    const list = history.querySelector(".bekal-history__list");
    const status = history.querySelector(".bekal-history__status");
    const links = (slug) => $$(`.md-content a[href*="modul/${slug}/"]`).filter((a) => !history.contains(a));
    const render = () => {
      const data = load();
      list.textContent = "";
      $$(".bekal-done-badge").forEach((b) => b.remove());
      Object.keys(data).forEach((slug) => {
        const e = data[slug];
        const found = links(slug);
        if (!found.length || !(e.done || e.quiz)) return;
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = found[0].getAttribute("href");
        a.textContent = e.title;
        const words = [e.done ? t.history_done : "", e.quiz ? fill(t.history_quiz, e.quiz) : ""].filter(Boolean);
        li.append(a, ` — ${words.join(" · ")}`);
        list.append(li);
        if (e.done) {
          const badge = document.createElement("span");
          badge.className = "bekal-done-badge";
          badge.textContent = t.done_badge;
          found[0].after(badge);
        }
      });
      return list.children.length;
    };
    if (render()) history.hidden = false;
    history.querySelector(".bekal-history__clear").addEventListener("click", () => {
      try { localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
      render();
      say(status, t.history_cleared);
    });
  }

  // Glossary terms: the explanation opens in place instead of leaving the lesson.
  $$("a.bekal-term[title]").forEach((link, i) => {
    const button = document.createElement("button");
    const box = document.createElement("span");
    const more = document.createElement("a");
    button.type = "button";
    button.className = "bekal-term";
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", `bekal-gloss-${i}`);
    box.id = `bekal-gloss-${i}`;
    box.className = "bekal-gloss";
    box.hidden = true;
    more.href = link.getAttribute("href");
    more.textContent = t.gloss_more;
    box.append(`${link.textContent}: ${link.title} `, more);
    button.addEventListener("click", () => {
      const open = box.hidden;
      box.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
    });
    link.replaceWith(button, box);
  });

  // Listen: the phone's own voice for the page's language, section by section.
  const synth = window.speechSynthesis;
  const article = document.querySelector(".md-content__inner");
  if (!synth || !progress || !article) return;
  const lang = document.documentElement.lang;
  const pick = () => synth.getVoices().find((v) => v.localService && v.lang.toLowerCase().startsWith(lang));
  let done = false;
  const setup = () => {
    const voice = pick();
    if (done || !voice) return;
    done = true;
    const status = document.createElement("p");
    status.className = "bekal-listen__status";
    status.setAttribute("role", "status");
    let reader = null;  // the listen part, once loaded
    const read = () => part("listen").then((listen) => reader || (reader = listen({ synth, voice, status, fill, say })));
    $$("h2[id]", article).filter((h) => !h.closest(".bekal-quiz, .bekal-sources, .bekal-history")
      && !(h.nextElementSibling && h.nextElementSibling.matches(".bekal-audio"))).forEach((h2) => {
      const box = document.createElement("div");
      const play = document.createElement("button");
      const pause = document.createElement("button");
      box.className = "bekal-listen";
      play.type = pause.type = "button";
      play.textContent = t.listen;
      play.setAttribute("aria-describedby", h2.id);
      pause.textContent = t.listen_pause;
      pause.dataset.pause = "";
      pause.hidden = true;
      box.append(play, pause);
      h2.after(box);
      play.addEventListener("click", () => {
        // Some browsers speak only from within a tap: an empty utterance now, while the
        // listen part may still be loading, lets the section be read when it arrives.
        if (!reader) synth.speak(new SpeechSynthesisUtterance(""));
        read().then((r) => r.play(h2, box, pause), () => say(status, t.listen_failed));
      });
      pause.addEventListener("click", () => { if (reader) reader.pause(pause); });
    });
    article.prepend(status);
  };
  setup();
  if (!done && "onvoiceschanged" in synth) synth.addEventListener("voiceschanged", setup);
})();
