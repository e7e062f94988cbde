import { readFileSync } from "node:fs";

export function fixture(name) {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
}

/**
 * A fetch that answers from a table of path → [status, body] (or a function of the request's headers giving one),
 * the body a JSON value or a file's bytes, recording every URL asked and the Authorization and Accept headers each
 * request carried.
 */
export function fakeFetch(routes) {
  const asked = [];
  const authorizations = [];
  const accepts = [];
  const fetch = async (url, options = {}) => {
    asked.push(url);
    const headers = options.headers || {};
    authorizations.push(headers.Authorization);
    accepts.push(headers.Accept);
    const u = new URL(url, "http://kostra.test");
    const key = Object.keys(routes).find((k) => (k.includes("?") ? u.pathname + u.search === k : u.pathname === k));
    if (!key) throw new TypeError("Failed to fetch");
    const answer = typeof routes[key] === "function" ? routes[key](headers) : routes[key];
    if (answer instanceof Error) throw answer;
    const [status, body] = answer;
    const bytes = body instanceof Uint8Array ? body : new TextEncoder().encode(JSON.stringify(body));
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => (body instanceof Uint8Array ? JSON.parse(new TextDecoder().decode(body)) : body),
      arrayBuffer: async () => bytes.slice().buffer,
    };
  };
  fetch.asked = asked;
  fetch.authorizations = authorizations;
  fetch.accepts = accepts;
  return fetch;
}
