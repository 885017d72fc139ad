// How a partner site shows a live list of networks: one script tag (or an
// iframe), with a live example of both.

import { h, fill } from "../dom.js";
import { t, lang } from "../i18n.js";
import { heading, paragraph, setTitle } from "../layout.js";

export async function boot(main) {
  setTitle(t("embedDemo.title"));
  const origin = location.origin;
  const scriptSnippet =
    `<a href="${origin}/?municipality=GM0344" data-themanet-fallback>${t("embedDemo.fallbackText")}</a>\n` +
    `<script src="${origin}/embed/netwerken.js" data-municipality="GM0344" data-lang="${lang}" async></script>`;
  const meetingsSnippet =
    `<a href="${origin}/agenda.html?municipality=GM0106" data-themanet-fallback>${t("embedDemo.meetingsFallback")}</a>\n` +
    `<script src="${origin}/embed/netwerken.js" data-show="meetings" data-municipality="GM0106" data-lang="${lang}" async></script>`;
  const mapSnippet =
    `<a href="${origin}/kaart.html" data-themanet-fallback>${t("embedDemo.mapFallback")}</a>\n` +
    `<script src="${origin}/embed/netwerken.js" data-show="map" data-measure="active_networks" data-lang="${lang}" async></script>`;
  const tableSnippet =
    `<a href="${origin}/tafel.html?netwerk=3" data-themanet-fallback>${t("embedDemo.tableFallback")}</a>\n` +
    `<script src="${origin}/embed/netwerken.js" data-show="table" data-network="3" data-lang="${lang}" async></script>`;
  const frameSnippet = `<iframe src="${origin}/embed/?municipality=GM0344&lang=${lang}" title="${t("embedDemo.frameTitle")}" width="100%" height="450"></iframe>`;

  // The live example: exactly what a partner page does.
  const live = h("div", { class: "tm-panel" });
  const fallback = h("a", { href: "/?municipality=GM0344", "data-themanet-fallback": "" }, t("embedDemo.fallbackText"));
  const script = h("script", { src: "/embed/netwerken.js", "data-municipality": "GM0344", "data-lang": lang, "data-heading-level": "3" });
  live.append(fallback, script);

  fill(
    main,
    heading(1, t("embedDemo.title")),
    paragraph(t("embedDemo.intro"), "tm-lead"),
    heading(2, t("embedDemo.scriptTitle")),
    paragraph(t("embedDemo.scriptText")),
    h("pre", { class: "tm-code" }, h("code", null, scriptSnippet)),
    heading(2, t("embedDemo.attributesTitle")),
    h(
      "dl",
      { class: "tm-facts" },
      ["show", "municipality", "topic", "scope", "network", "lang", "limit", "heading-level", "title"].map((name) =>
        h("div", null, h("dt", null, h("code", null, `data-${name}`)), h("dd", null, t(`embedDemo.attr.${name}`))),
      ),
    ),
    heading(2, t("embedDemo.meetingsTitle")),
    paragraph(t("embedDemo.meetingsText")),
    h("pre", { class: "tm-code" }, h("code", null, meetingsSnippet)),
    heading(2, t("embedDemo.mapTitle")),
    paragraph(t("embedDemo.mapText")),
    h("pre", { class: "tm-code" }, h("code", null, mapSnippet)),
    paragraph(t("embedDemo.mapFrameText"), " ", h("code", null, `${origin}/embed/?show=map&measure=active_networks&lang=${lang}`)),
    heading(2, t("embedDemo.tableTitle")),
    paragraph(t("embedDemo.tableText")),
    h("pre", { class: "tm-code" }, h("code", null, tableSnippet)),
    paragraph(t("embedDemo.mapFrameText"), " ", h("code", null, `${origin}/embed/?show=table&network=3&lang=${lang}`)),
    heading(2, t("embedDemo.frameHeading")),
    paragraph(t("embedDemo.frameText")),
    h("pre", { class: "tm-code" }, h("code", null, frameSnippet)),
    heading(2, t("embedDemo.liveTitle")),
    paragraph(t("embedDemo.liveText")),
    live,
    heading(2, t("embedDemo.liveFrameTitle")),
    h("iframe", { class: "tm-embed-frame", src: `/embed/?municipality=GM0344&lang=${lang}`, title: t("embedDemo.frameTitle") }),
  );
  // Wait until the live list is on screen.
  await new Promise((resolve) => {
    const check = () => (live.querySelector(".themanet-embed[data-ready]") ? resolve() : setTimeout(check, 50));
    setTimeout(resolve, 5000);
    check();
  });
}
