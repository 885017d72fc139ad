// The iframe version of the embed: sets the page language and title from
// the address and the language file (the list itself is /embed/netwerken.js).
(function () {
  "use strict";
  var lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "nl";
  document.documentElement.lang = lang;
  function setTitle() {
    var dict = window.themanetTexts && window.themanetTexts[lang];
    if (dict) document.title = dict.embed.title + " | themanet";
  }
  document.addEventListener("DOMContentLoaded", function () {
    var section = document.querySelector(".themanet-embed");
    if (!section) return;
    new MutationObserver(function () {
      if (section.getAttribute("data-ready")) {
        setTitle();
        document.documentElement.dataset.ready = "true";
      }
    }).observe(section, { attributes: true });
    if (section.getAttribute("data-ready")) {
      setTitle();
      document.documentElement.dataset.ready = "true";
    }
  });
})();
