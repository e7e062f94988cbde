import { readFileSync } from "node:fs";

export function fixture(name) {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
}

/** A fetch that answers from a table of path → [status, body], recording every URL asked. */
export function fakeFetch(routes) {
  const asked = [];
  const fetch = async (url) => {
    asked.push(url);
    const u = new URL(url, "http://kostra.test");
    const key = Object.keys(routes).find((k) => (k.includes("?") ? u.pathname + u.search === k : u.pathname === k));
    if (!key) throw new TypeError("Failed to fetch");
    const answer = routes[key];
    if (answer instanceof Error) throw answer;
    const [status, body] = answer;
    return { ok: status >= 200 && status < 300, status, json: async () => body };
  };
  fetch.asked = asked;
  return fetch;
}
