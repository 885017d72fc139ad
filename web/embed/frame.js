// The iframe version of the embed: sets the page language and title from
// the address and the language file (the list or the map itself is
// /embed/netwerken.js; /embed/?show=map shows the map, /embed/?show=table&network=N
// a network's stakeholder map).
(function () {
  "use strict";
  var query = new URLSearchParams(location.search);
  var lang = query.get("lang") === "en" ? "en" : "nl";
  var shown = query.get("show");
  document.documentElement.lang = lang;
  function setTitle() {
    var dict = window.themanetTexts && window.themanetTexts[lang];
    var words = shown === "map" || shown === "table" ? dict && dict.embed[shown] : dict && dict.embed;
    if (words) document.title = words.title + " | themanet";
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
