// Building the page from JavaScript without ever parsing HTML: every text
// (and so all content that comes from the API or from users) is inserted as a
// text node. There is no innerHTML anywhere in themanet.

/**
 * Creates an element.
 *   h("a", { href: "/x", class: "link" }, "text", otherNode)
 * props: class, text, on (event listeners), dataset, any attribute (true ->
 * present, false/null/undefined -> left out). Children: nodes, strings
 * (inserted as text), arrays; null and false are skipped.
 */
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
      else if (key === "text") node.textContent = value;
      else if (key === "on") for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "value" && "value" in node) node.value = value;
      else if (key === "checked" || key === "selected" || key === "disabled" || key === "hidden") node[key] = Boolean(value);
      else if (key === "style") throw new Error("no inline styles (Content-Security-Policy)");
      else node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces the children of a node. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

let counter = 0;
/** A unique id for label/field and aria-describedby pairs. */
export function uid(prefix = "tm") {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Moves focus to a node that is not focusable by itself (a heading, say). */
export function focusOn(node) {
  if (!node) return;
  if (!node.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(node.tagName)) {
    node.setAttribute("tabindex", "-1");
  }
  node.focus();
}

/** The query parameters of the current address. */
export function params() {
  return new URLSearchParams(location.search);
}

/** The values of these query parameters ("" where absent), by name. */
export function paramValues(names) {
  const current = params();
  return Object.fromEntries(names.map((name) => [name, current.get(name) || ""]));
}

/**
 * Puts these values into the address as a new history entry, so that Back
 * returns to the previous ones; empty values leave the address.
 */
export function pushParams(values) {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(values)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  history.pushState(null, "", url.pathname + url.search);
}

/** A positive integer from the query string, or null. */
export function idParam(name = "id") {
  const value = params().get(name);
  return value && /^[1-9][0-9]{0,17}$/.test(value) ? Number(value) : null;
}

/**
 * A return path that stays on this site: only "/something", never
 * "//other.host" or "https://..." (no open redirect).
 */
export function safeReturnPath(value, fallback = "/") {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }
  return value;
}
