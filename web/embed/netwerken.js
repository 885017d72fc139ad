/*
 * themanet embed: a live, accessible list of theme networks for a partner
 * site. One script tag, with the filters as attributes:
 *
 *   <a href="https://themanet.example/?municipality=GM0344" data-themanet-fallback>
 *     Themanetwerken in Utrecht</a>
 *   <script src="https://themanet.example/embed/netwerken.js"
 *           data-municipality="GM0344" data-topic="" data-scope="local"
 *           data-lang="nl" data-limit="10" data-heading-level="2" async></script>
 *
 * The link before the script is the no-JS fallback; the script puts the list
 * in its place. The list inherits the host page's font and font size (sizes
 * in em). It reads only public data (GET /api/v1/networks, open to every
 * origin), sends no cookies and inserts every text as text.
 *
 * With data-show="meetings" it lists upcoming meetings instead (of a
 * municipality, a topic, or one network with data-network="ID"), each with
 * when, where and what the venue offers, in words.
 *
 * With data-show="map" it shows the map of inclusive municipalities
 * (data-measure: active_networks, goals_achieved or experience_experts),
 * drawn by themanet, each municipality a link to its networks, and a link
 * to the same figures as a table; data-article="30" narrows it to the
 * networks that work on that article of the UN Convention.
 *
 * With data-show="table" and data-network="ID" it shows that network's
 * stakeholder map (who is at the table, who it still looks for), with a
 * link to the same facts as a table.
 *
 * The same script runs inside the iframe version (/embed/?municipality=...),
 * where it takes the filters from the page address.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || script.dataset.themanetDone) return;
  script.dataset.themanetDone = "true";

  var origin = new URL(script.src, location.href).origin;
  var inFrame = script.hasAttribute("data-from-url");
  var source = inFrame ? new URLSearchParams(location.search) : null;
  function option(name) {
    var value = source ? source.get(name) : script.getAttribute("data-" + name);
    return value ? String(value).trim() : "";
  }
  var meetings = option("show") === "meetings";
  var table = option("show") === "table";
  var map = option("show") === "map";
  var drawn = map || table;
  var article = /^([1-9]|[12][0-9]|3[0-3])$/.test(option("article")) ? option("article") : "";
  var measure = ["active_networks", "goals_achieved", "experience_experts"].indexOf(option("measure")) >= 0 ? option("measure") : "active_networks";
  var filters = meetings
    ? { municipality: option("municipality"), topic: option("topic"), networkId: option("network") }
    : { municipality: option("municipality"), topic: option("topic"), scope: option("scope") };
  var lang = option("lang") === "en" ? "en" : "nl";
  var limit = Math.min(Math.max(parseInt(option("limit"), 10) || 10, 1), 50);
  var level = Math.min(Math.max(parseInt(option("heading-level"), 10) || 2, 2), 6);
  var customTitle = option("title");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  var query = new URLSearchParams();
  Object.keys(filters).forEach(function (key) {
    if (filters[key]) query.set(key, filters[key]);
  });
  var siteLink = table
    ? origin + "/tafel.html?netwerk=" + encodeURIComponent(option("network")) + "#tafel-kop"
    : map
    ? origin + "/kaart.html?measure=" + measure + (article ? "&article=" + article : "") + "#tabel-kop"
    : origin + (meetings ? "/agenda.html" : "/") + (query.toString() ? "?" + query.toString() : "");
  query.set("pageSize", String(limit));

  // Where the list goes: in place of the fallback link, or before the script.
  var fallback = script.previousElementSibling;
  if (!fallback || !fallback.hasAttribute("data-themanet-fallback")) fallback = null;
  var section = el("section", "themanet-embed");
  section.setAttribute("lang", lang);
  var status = el("p", "themanet-embed__status");
  status.setAttribute("role", "status");
  section.appendChild(status);
  if (fallback) fallback.replaceWith(section);
  else script.parentNode.insertBefore(section, script);

  if (!inFrame && !document.querySelector("link[data-themanet-embed]")) {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = origin + "/embed/embed.css";
    css.setAttribute("data-themanet-embed", "");
    document.head.appendChild(css);
  }

  function texts() {
    return new Promise(function (resolve, reject) {
      var all = (window.themanetTexts = window.themanetTexts || {});
      if (all[lang]) return resolve(all[lang]);
      var existing = document.querySelector('script[data-themanet-texts="' + lang + '"]');
      var loader = existing || document.createElement("script");
      loader.addEventListener("load", function () {
        all[lang] ? resolve(all[lang]) : reject(new Error("no texts"));
      });
      loader.addEventListener("error", reject);
      if (!existing) {
        loader.src = origin + "/i18n/" + lang + ".js";
        loader.setAttribute("data-themanet-texts", lang);
        document.head.appendChild(loader);
      }
    });
  }

  function fill(text, vars) {
    return String(text).replace(/\{(\w+)\}/g, function (match, name) {
      return vars && name in vars ? String(vars[name]) : match;
    });
  }

  // When a meeting is, on the clocks of its place.
  function when(meeting) {
    var locale = lang === "nl" ? "nl-NL" : "en-GB";
    var zone = meeting.timeZone || "Europe/Amsterdam";
    var day = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: zone });
    var time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: zone });
    var start = new Date(meeting.startsAt);
    return day.format(start) + ", " + time.format(start) + " – " + time.format(new Date(meeting.endsAt));
  }

  function meetingItem(dict, meeting) {
    var t = dict.embed;
    var item = el("li", "themanet-embed__item");
    var title = el("a", "themanet-embed__link", meeting.title);
    title.href = origin + "/bijeenkomst.html?id=" + encodeURIComponent(meeting.id);
    if (inFrame) title.target = "_top";
    var titleBox = el("p", "themanet-embed__name");
    titleBox.appendChild(title);
    item.appendChild(titleBox);
    item.appendChild(el("p", "themanet-embed__theme", when(meeting)));
    var place = [meeting.venueName, meeting.venueAddress].filter(Boolean).join(", ");
    var where = meeting.format === "online" ? dict.enum.meetingFormat.online : place || dict.enum.meetingFormat[meeting.format];
    var facts = [where, meeting.networkName];
    if (meeting.status === "cancelled") facts.unshift(dict.enum.meetingStatus.cancelled);
    item.appendChild(el("p", "themanet-embed__facts", facts.filter(Boolean).join(" · ")));
    if (meeting.accessFeatures.length) {
      var offered = meeting.accessFeatures.map(function (f) {
        return dict.enum.accessFeature[f] || f;
      });
      item.appendChild(el("p", "themanet-embed__facts", t.offers + " " + offered.join(", ")));
    }
    return item;
  }

  // The texts of this list: of networks, or of meetings.
  function words(dict) {
    if (table) return Object.assign({}, dict.embed, dict.embed.table);
    if (map) return Object.assign({}, dict.embed, dict.embed.map);
    return meetings ? Object.assign({}, dict.embed, dict.embed.meetings) : dict.embed;
  }

  // A map as themanet draws it (the municipalities, or a network's table):
  // its links lead to themanet (from an iframe, in the whole window).
  function renderMap(dict, text) {
    var t = words(dict);
    var drawing = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
    if (!drawing || drawing.nodeName !== "svg") throw new Error("no drawing");
    var heading = el("h" + level, "themanet-embed__title", customTitle || t.title);
    heading.id = "themanet-embed-" + Math.random().toString(36).slice(2, 10);
    section.setAttribute("aria-labelledby", heading.id);
    section.insertBefore(heading, status);
    status.textContent = "";
    status.className = "themanet-embed__status themanet-embed__visually-hidden";
    Array.prototype.forEach.call(drawing.querySelectorAll("a[href]"), function (a) {
      a.setAttribute("href", origin + a.getAttribute("href"));
      if (inFrame) a.setAttribute("target", "_top");
    });
    // Two maps on one page keep their own names.
    Array.prototype.forEach.call(drawing.querySelectorAll("[id]"), function (node) {
      var fresh = node.id + "-" + heading.id;
      drawing.setAttribute("aria-labelledby", (drawing.getAttribute("aria-labelledby") || "").replace(node.id, fresh));
      node.id = fresh;
    });
    var box = el("div", "themanet-embed__map");
    box.appendChild(document.importNode(drawing, true));
    section.appendChild(box);
    finish(t);
  }

  function render(dict, page) {
    var t = words(dict);
    var heading = el("h" + level, "themanet-embed__title", customTitle || t.title);
    heading.id = "themanet-embed-" + Math.random().toString(36).slice(2, 10);
    section.setAttribute("aria-labelledby", heading.id);
    section.insertBefore(heading, status);
    if (!page.items.length) {
      status.textContent = t.none;
    } else {
      status.textContent = fill(page.items.length === 1 ? t.countOne : t.count, { count: page.items.length });
      status.className = "themanet-embed__status themanet-embed__visually-hidden";
      var list = el("ul", "themanet-embed__list");
      page.items.forEach(function (network) {
        if (meetings) return list.appendChild(meetingItem(dict, network));
        var item = el("li", "themanet-embed__item");
        var name = el("a", "themanet-embed__link", network.name);
        name.href = origin + "/netwerk.html?id=" + encodeURIComponent(network.id);
        if (inFrame) name.target = "_top";
        var nameBox = el("p", "themanet-embed__name");
        nameBox.appendChild(name);
        item.appendChild(nameBox);
        item.appendChild(el("p", "themanet-embed__theme", network.theme));
        var facts = [dict.enum.scope[network.scope], dict.enum.networkStatus[network.status]].filter(Boolean);
        item.appendChild(el("p", "themanet-embed__facts", facts.join(" · ")));
        list.appendChild(item);
      });
      section.appendChild(list);
    }
    finish(t);
  }

  // The link to all networks on themanet, under the list or in its place;
  // then the list is ready.
  function finish(t) {
    var more = el("p", "themanet-embed__more");
    var moreLink = el("a", null, t.all);
    moreLink.href = siteLink;
    if (inFrame) moreLink.target = "_top";
    more.appendChild(moreLink);
    section.appendChild(more);
    section.setAttribute("data-ready", "true");
  }

  function failed(dict) {
    var t = (dict && words(dict)) || { failed: "De netwerken konden niet worden geladen.", all: "Bekijk de themanetwerken op themanet" };
    status.textContent = t.failed;
    finish(t);
  }

  texts()
    .then(function (dict) {
      status.textContent = words(dict).loading;
      if (drawn) {
        var address = table
          ? origin + "/api/v1/networks/" + encodeURIComponent(option("network")) + "/stakeholder-map.svg?lang=" + lang
          : origin + "/api/v1/map/municipalities.svg?measure=" + measure + "&lang=" + lang + (article ? "&article=" + article : "");
        return fetch(address, { mode: "cors", credentials: "omit" })
          .then(function (response) {
            if (!response.ok) throw new Error("HTTP " + response.status);
            return response.text();
          })
          .then(function (text) {
            renderMap(dict, text);
          })
          .catch(function () {
            failed(dict);
          });
      }
      return fetch(origin + (meetings ? "/api/v1/meetings?" : "/api/v1/networks?") + query.toString(), {
        mode: "cors",
        credentials: "omit",
        headers: { Accept: "application/json" }
      })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (page) {
          render(dict, page);
        })
        .catch(function () {
          failed(dict);
        });
    })
    .catch(function () {
      failed(null);
    });
})();
