// Starting a page. Every page is an HTML shell that names its module,
// <html data-page="find">, and loads this file, the only script it loads;
// the module (js/pages/find.js) exports boot(main), which fills the page's
// <main>. Here: the language, the session and the page's module at once,
// then the frame (js/layout.js), then the page. When the page is done,
// <html data-ready="true"> tells the browser tests (and anyone curious)
// that everything is on screen.

import { loadLanguage, t } from "./i18n.js";
import { restoreSession } from "./api.js";
import { renderLayout, pageError } from "./layout.js";

/** A page module's name: lowercase words joined by hyphens. */
const PAGE_NAME = /^[a-z]+(-[a-z]+)*$/;

async function start(name) {
  const page = PAGE_NAME.test(name || "") ? import(`./pages/${name}.js`) : Promise.reject(new Error(`no page named ${name}`));
  // Handled below, after the frame is drawn.
  page.catch(() => {});
  try {
    await Promise.all([loadLanguage(), restoreSession()]);
  } catch (error) {
    console.error(error);
  }
  const { main } = renderLayout(name);
  try {
    const { boot } = await page;
    await boot(main);
  } catch (error) {
    console.error(error);
    pageError(main, error);
  }
  if (!document.title || document.title === "themanet") document.title = `${t("layout.tagline")} | themanet`;
  document.documentElement.dataset.ready = "true";
}

start(document.documentElement.dataset.page);
