// Talking to the themanet API, and the session.
//
// Where the session lives, and why:
// - The access token (a short-lived JWT) is kept in this module's memory
//   only: never in localStorage, sessionStorage, a readable cookie or a URL.
//   A script injected into the page could read storage; memory dies with
//   the page.
// - The refresh token is an HttpOnly cookie (themanet_refresh, SameSite=Strict,
//   Path=/api/v1/auth) that the server sets on sign-in. JavaScript can't read
//   it; the browser sends it only to /api/v1/auth/* on this site.
// - On every page load we ask POST /api/v1/auth/refresh for a fresh access
//   token: that is how a session survives page loads and token expiry. The
//   server rotates the refresh token on each use, so only one refresh may be
//   under way at a time (one promise per page, and a Web Lock across tabs).
// - A 401 from the API means the access token expired: we refresh once and
//   repeat the request once. When refreshing fails the person is signed out.

const BASE = "/api/v1";

let accessToken = null;
let currentUser = null;
let refreshing = null;
const listeners = new Set();

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || null;
    this.invalidParams = Array.isArray(problem?.invalidParams) ? problem.invalidParams : [];
    this.retryAfter = retryAfter || null;
  }
}

export function user() {
  return currentUser;
}

export function isSignedIn() {
  return accessToken !== null;
}

/** Called with the user (or null) whenever the session changes. */
export function onSessionChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function setSession(tokens) {
  const before = accessToken !== null;
  accessToken = tokens?.accessToken || null;
  currentUser = accessToken ? tokens.user || currentUser : null;
  if (before !== (accessToken !== null) || tokens?.user) listeners.forEach((fn) => fn(currentUser));
}

function withLock(fn) {
  if (navigator.locks?.request) return navigator.locks.request("themanet-refresh", fn);
  return fn();
}

async function doRefresh() {
  let response;
  try {
    response = await fetch(`${BASE}/auth/refresh`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: "{}",
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return false;
  }
  // 401: the session ended; 404/405: this server has no refresh (yet).
  if (!response.ok) {
    setSession(null);
    return false;
  }
  try {
    const tokens = await response.json();
    if (!tokens.accessToken) throw new Error("no token");
    setSession(tokens);
  } catch {
    setSession(null);
    return false;
  }
  if (!currentUser) {
    try {
      const me = await request("GET", "/me", { retry: false });
      currentUser = me.data;
    } catch {
      /* the token works; the name can wait */
    }
  }
  return true;
}

/** Gets a fresh access token with the refresh cookie. One at a time. */
export function refresh() {
  if (!refreshing) {
    refreshing = withLock(doRefresh).finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** On page load: restores the session if the refresh cookie is still valid. */
export async function restoreSession() {
  await refresh();
  return currentUser;
}

function toQuery(query) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query || {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * A path on this site for an API address. `_links` hrefs are absolute; we
 * only ever follow them on our own origin.
 */
function localUrl(path) {
  if (/^https?:\/\//.test(path)) {
    const url = new URL(path);
    return url.pathname + url.search;
  }
  return path.startsWith(BASE) ? path : BASE + path;
}

/**
 * One API request. Resolves to { status, data, etag, location }; rejects
 * with an ApiError (status 0 when the server could not be reached).
 * options: body (sent as JSON; a FormData as multipart/form-data), query,
 * ifMatch, retry (default true), as ("text" or "blob" for other answers).
 */
export async function request(method, path, options = {}) {
  const { body, query, ifMatch, retry = true, as } = options;
  const headers = { Accept: as ? "*/*" : "application/json, application/problem+json" };
  const sentToken = accessToken;
  if (sentToken) headers.Authorization = `Bearer ${sentToken}`;
  const form = typeof FormData !== "undefined" && body instanceof FormData;
  if (body !== undefined && !form) headers["Content-Type"] = method === "PATCH" ? "application/merge-patch+json" : "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch;
  let response;
  try {
    response = await fetch(localUrl(path) + toQuery(query), {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (response.status === 401 && sentToken && retry) {
    if (await refresh()) return request(method, path, { ...options, retry: false });
  }
  let data = null;
  if (as === "blob" && response.ok) {
    data = await response.blob();
  } else if (response.status !== 204) {
    const text = await response.text();
    if (as === "text" && response.ok) {
      data = text;
    } else if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
  }
  if (!response.ok) {
    if (response.status === 401 && sentToken) setSession(null);
    throw new ApiError(response.status, data, response.headers.get("Retry-After"));
  }
  return {
    status: response.status,
    data,
    etag: response.headers.get("ETag"),
    location: response.headers.get("Location"),
  };
}

export const get = (path, query) => request("GET", path, { query }).then((r) => r.data);

/** GET of one resource with its ETag: { data, etag }. */
export const getWithTag = (path) => request("GET", path);

/** Every item of a collection, following _links.next (at most `max` items). */
export async function getAll(path, query = {}, max = 1000) {
  const items = [];
  let page = await get(path, { pageSize: 100, ...query });
  items.push(...page.items);
  while (page._links?.next && items.length < max) {
    page = await get(page._links.next.href);
    items.push(...page.items);
  }
  return items;
}

/** One page; follow `next` (an href from _links) for the next one. */
export function getPage(pathOrHref, query) {
  return get(pathOrHref, query);
}

export async function signIn(email, password) {
  const result = await request("POST", "/auth/login", { body: { email, password }, retry: false });
  setSession(result.data);
  return result.data.user;
}

export async function register(input) {
  const result = await request("POST", "/auth/register", { body: input, retry: false });
  setSession(result.data);
  return result.data.user;
}

export async function signOut() {
  try {
    await request("POST", "/auth/logout", { body: {}, retry: false });
  } catch {
    /* signed out here either way */
  }
  setSession(null);
}

/** Takes new tokens from an answer (e.g. after a password change). */
export function adoptTokens(tokens) {
  setSession(tokens);
}

/** Updates the cached user after PATCH /me. */
export function updateUser(me) {
  currentUser = me;
  listeners.forEach((fn) => fn(currentUser));
}

// Reference lists rarely change: fetch them once per page.
const cache = new Map();
export function cached(key, load) {
  if (!cache.has(key)) cache.set(key, load().catch((error) => {
    cache.delete(key);
    throw error;
  }));
  return cache.get(key);
}

export const topics = () => cached("topics", () => getAll("/topics"));
export const articles = () => cached("articles", () => getAll("/convention-articles"));
export const municipalities = () => cached("municipalities", () => getAll("/municipalities"));
