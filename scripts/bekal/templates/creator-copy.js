// The creator kit's copy buttons (creator-module.html): shown only with JavaScript; a tap
// copies the caption and the button's live region says "copied".
(function () {
  function announce(button) {
    var status = document.getElementById(button.dataset.status);
    status.textContent = "";
    setTimeout(function () { status.textContent = button.dataset.copied; }, 50);
  }
  document.querySelectorAll(".bekal-copy").forEach(function (button) {
    var field = document.getElementById(button.dataset.target);
    button.hidden = false;
    button.addEventListener("click", function () {
      function fallback() {
        field.select();
        document.execCommand("copy");
        button.focus();
        announce(button);
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value)
          .then(function () { announce(button); }, fallback);
      } else {
        fallback();
      }
    });
  });
})();
