/* Bekal quiz: checks answers in the reader's browser. Nothing is stored or sent.
   The answers come from each question's <details> answer block, built with the page.
   Loaded by phone.js (its part "quiz") when the reader comes near the quiz or into it by
   keyboard; until then the answers are under each question, as without JavaScript.
   Published once per language, its words baked in (render/quiz/assets.py). */
(() => {
  "use strict";
  const t = /*BEKAL_STRINGS*/{};
  const PATHS = {
    right: "M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z",
    wrong: "M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z",
    note: "M1 21h22L12 2zm12-3h-2v-2h2zm0-4h-2v-4h2z",
  };
  const ICONS = { right: "right", safe: "right", wrong: "wrong", flags: "note", partial: "note", none: "note" };

  const make = (tag, cls, ...content) => {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    el.append(...content);
    return el;
  };
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key]);
  const copies = (items) => make("ul", "bekal-key__options", ...items.map((i) => i.cloneNode(true)));

  function icon(kind) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    const path = document.createElementNS(ns, "path");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    path.setAttribute("d", PATHS[ICONS[kind]]);
    svg.append(path);
    return svg;
  }

  // Keep the pressed button where it was while feedback grows or shrinks above it.
  function keepStill(anchor, change) {
    const before = anchor.getBoundingClientRect().top;
    change();
    const moved = anchor.getBoundingClientRect().top - before;
    if (moved) window.scrollBy({ top: moved, behavior: "instant" });
  }

  // One question: its feedback element, and whether it counts towards the score.
  function judge(q, t) {
    const type = q.dataset.type;
    const key = q.querySelector(".bekal-key");
    const inputs = [...q.querySelectorAll("input:checked")];
    const chosen = inputs.map((i) => i.value);
    const item = (value) => key.querySelector(`[data-option="${value}"]`);
    const box = make("div", "bekal-q__feedback");
    const say = (kind, ...words) => {
      box.dataset.result = kind;
      box.append(make("p", "bekal-q__result", icon(kind), make("strong", "", ...words)));
    };
    if (type === "checklist") {
      const flags = chosen.filter((v) => item(v).hasAttribute("data-flag")).length;
      const verdict = [...key.querySelectorAll("[data-min]")]
        .filter((v) => +v.dataset.min <= flags)
        .sort((a, b) => b.dataset.min - a.dataset.min)[0];
      const title = verdict ? verdict.querySelector(".bekal-key__verdict") : null;
      say(flags ? "flags" : "safe", ...(title ? [...title.cloneNode(true).childNodes] : []));
      box.append(make("p", "", fill(t.flags_ticked, { count: flags })));
      if (verdict) box.append(verdict.querySelector(".bekal-key__advice").cloneNode(true));
      if (chosen.length) box.append(make("p", "", t.you_ticked), copies(chosen.map(item)));
      const missed = [...key.querySelectorAll("[data-flag]")].filter((i) => !chosen.includes(i.dataset.option));
      if (missed.length) {
        const list = copies(missed); // their names only: the explanations are for ticked signs
        list.querySelectorAll(".bekal-key__explain").forEach((e) => e.remove());
        box.append(make("p", "", t.other_flags), list);
      }
      return { box, title: title ? title.textContent : "" };
    }
    if (!chosen.length) {
      say("none", t.result_unanswered);
      return { box, scored: true, right: false };
    }
    let right;
    if (type === "truefalse") {
      right = chosen[0] === key.querySelector("[data-answer]").dataset.answer;
      say(right ? "right" : "wrong", right ? t.result_right : t.result_wrong);
      box.append(make("p", "", `${t.your_answer} ${inputs[0].parentNode.textContent.trim()}`));
      box.append(...[...key.children].map((c) => c.cloneNode(true)));
    } else {
      const correct = [...key.querySelectorAll("[data-correct]")].map((i) => i.dataset.option);
      right = chosen.length === correct.length && chosen.every((v) => correct.includes(v));
      const partial = !right && chosen.some((v) => correct.includes(v));
      say(right ? "right" : partial ? "partial" : "wrong",
        right ? t.result_right : partial ? t.result_partial : t.result_wrong);
      box.append(make("p", "", t.your_answer), copies(chosen.map(item)));
      const missed = correct.filter((v) => !chosen.includes(v));
      if (missed.length) box.append(make("p", "", t.correct_answer), copies(missed.map(item)));
    }
    return { box, scored: true, right };
  }

  function setup(form) {
    const status = form.querySelector(".bekal-quiz__status");
    const retry = form.querySelector(".bekal-quiz__retry");
    const questions = [...form.querySelectorAll(".bekal-q")];
    let timer;
    const announce = (text) => {
      // Emptied first so that the same result, checked twice, is announced again.
      status.textContent = "";
      clearTimeout(timer);
      timer = setTimeout(() => { status.textContent = text; }, 150);
    };
    const clear = (q) => q.querySelectorAll(".bekal-q__feedback").forEach((f) => f.remove());

    form.closest(".bekal-quiz").classList.add("bekal-quiz--js");
    form.querySelector(".bekal-quiz__actions").hidden = false;
    document.documentElement.style.overflowAnchor = "none";

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const results = [];
      keepStill(event.submitter || form.querySelector("[type=submit]"), () => {
        questions.forEach((q) => {
          clear(q);
          const result = judge(q, t);
          q.querySelector(".bekal-q__key").before(result.box);
          results.push(result);
        });
        retry.hidden = false;
      });
      const scored = results.filter((r) => r.scored);
      const words = results.filter((r) => r.title).map((r) => r.title);
      if (scored.length) {
        words.unshift(fill(t.score, { right: scored.filter((r) => r.right).length, total: scored.length }));
      }
      words.push(t.status_hint);
      announce(words.map((w) => (/[.!?]$/.test(w) ? w : `${w}.`)).join(" "));
    });

    form.addEventListener("change", (event) => {
      clear(event.target.closest(".bekal-q"));
      status.textContent = "";
    });

    retry.addEventListener("click", () => {
      form.reset();
      questions.forEach(clear);
      retry.hidden = true;
      form.querySelector("input").focus();
      announce(t.reset_done);
    });
  }

  document.querySelectorAll(".bekal-quiz__form").forEach(setup);
  (window.bekalPhone = window.bekalPhone || {}).quiz = setup;  // phone.js waits for it
})();
