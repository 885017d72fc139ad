// Starting a page: language, session, frame, then the page itself. When the
// page is done, <html data-ready="true"> tells the browser tests (and
// anyone curious) that everything is on screen.

import { loadLanguage, t } from "./i18n.js";
import { restoreSession } from "./api.js";
import { renderLayout, pageError } from "./layout.js";

export async function boot(page, build) {
  try {
    await Promise.all([loadLanguage(), restoreSession()]);
  } catch (error) {
    console.error(error);
  }
  const { main } = renderLayout(page);
  try {
    await build(main);
  } catch (error) {
    console.error(error);
    pageError(main, error);
  }
  if (!document.title || document.title === "themanet") document.title = `${t("layout.tagline")} | themanet`;
  document.documentElement.dataset.ready = "true";
}
