/* Bekal on the phone, reading a section aloud: loaded by phone.js on the reader's first tap
   of "Dengarkan". The phone's own voice reads the section; nothing is sent anywhere. */
(() => {
  "use strict";
  const all = /*BEKAL_STRINGS*/{};
  const t = all[document.documentElement.lang] || Object.values(all)[0];

  // phone.js made the buttons and the status line; this reads, pauses and stops.
  (window.bekalPhone = window.bekalPhone || {}).listen = ({ synth, voice, status, fill, say }) => {
    let current = null;
    const stop = () => {
      synth.cancel();
      if (current) current.classList.remove("bekal-reading");
      document.querySelectorAll(".bekal-listen [data-pause]").forEach((b) => { b.hidden = true; });
      current = null;
    };
    window.addEventListener("pagehide", stop);
    return {
      play(h2, box, pause) {
        stop();
        current = h2;
        h2.classList.add("bekal-reading");
        const parts = [h2.textContent.replace(/¶$/, "")];
        for (let el = box.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling) {
          if (!el.matches(".bekal-listen, script, style")) parts.push(el.textContent.trim());
        }
        parts.filter(Boolean).forEach((text, n, texts) => {
          const u = new SpeechSynthesisUtterance(text);
          u.voice = voice;
          u.lang = voice.lang;
          if (n === texts.length - 1) u.onend = () => { if (current === h2) stop(); };
          synth.speak(u);
        });
        pause.hidden = false;
        pause.textContent = t.listen_pause;
        say(status, fill(t.listen_reading, { title: parts[0] }));
      },
      pause(button) {
        if (synth.paused) { synth.resume(); button.textContent = t.listen_pause; } else { synth.pause(); button.textContent = t.listen_resume; }
      },
    };
  };
})();
