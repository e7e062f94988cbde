import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { fakeFetch } from "./support/fixtures.js";

const SOURCE = readFileSync(new URL("../src/functions/functions.js", import.meta.url), "utf8");
const METADATA = JSON.parse(readFileSync(new URL("../src/functions/functions.json", import.meta.url), "utf8"));
const BASE = "https://kostra.test";

class FunctionError {
  constructor(code, message) {
    this.code = code;
    this.message = message;
  }
}

/** Loads functions.js as Excel's runtime would, after the service has written its address into it. */
function runtime(routes) {
  const associated = {};
  const timers = [];
  const fetch = fakeFetch(routes);
  const sandbox = {
    fetch,
    setInterval: (fn, ms) => { timers.push({ fn, ms }); return timers.length; },
    clearInterval: (id) => { timers[id - 1] = null; },
    CustomFunctions: {
      associate: (id, fn) => { associated[id] = fn; },
      Error: FunctionError,
      ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
    },
  };
  vm.runInNewContext(SOURCE.replaceAll("{BASE_URL}", BASE), sandbox);
  return { associated, timers, fetch, sandbox };
}

/** A streaming invocation that collects every result Excel would show. */
function cell() {
  const results = [];
  const settled = [];
  return {
    results,
    next: () => new Promise((resolve) => settled.push(resolve)),
    invocation: {
      setResult(value) {
        results.push(value);
        const resolve = settled.shift();
        if (resolve) resolve(value);
      },
    },
  };
}

const value = (v, extra = {}) => [200, { dataRevision: 1, region: { code: "3201", name: "Bærum" },
  indicator: { id: "KHT.ressursbruksindikator", name: "Ressursbruksindikator. Kommunehelse*" }, year: 2024, value: v, status: null, ...extra }];
const VALUE_URL = "/api/value?region=3201&indicator=KHT.ressursbruksindikator&year=2024";

test("the metadata declares the three streaming functions the script associates", () => {
  const { associated } = runtime({});

  assert.deepEqual(METADATA.functions.map((f) => f.id), ["VERDI", "ASSS", "INDEKS"]);
  assert.deepEqual(Object.keys(associated), ["VERDI", "ASSS", "INDEKS"]);
  for (const f of METADATA.functions) {
    assert.equal(f.options.stream, true, f.id);
    assert.equal(f.result.type, "number", f.id);
  }
  assert.deepEqual(METADATA.functions[1].parameters.map((p) => p.name), ["indikator", "år", "hva"]);
});

test("KOSTRA.VERDI answers the service's figure, asking the service's own address", async () => {
  const { associated, fetch } = runtime({ [VALUE_URL]: value(0.972) });
  const c = cell();

  associated.VERDI(3201, "KHT.ressursbruksindikator", 2024, c.invocation);

  assert.equal(await c.next(), 0.972);
  assert.deepEqual(fetch.asked, [BASE + VALUE_URL]);
});

test("a missing figure is #N/A with the status in the message", async () => {
  const { associated } = runtime({ [VALUE_URL]: value(null, { status: ".." }) });
  const c = cell();

  associated.VERDI("3201", "KHT.ressursbruksindikator", 2024, c.invocation);
  const result = await c.next();

  assert.ok(result instanceof FunctionError);
  assert.equal(result.code, "#N/A");
  assert.equal(result.message, "Ingen verdi for Bærum, Ressursbruksindikator. Kommunehelse* 2024: ikke tilgjengelig ennå (..)");
});

test("an unknown region is #VALUE! with the service's message", async () => {
  const { associated } = runtime({
    "/api/index?region=9999&indicator=KHT.ressursbruksindikator&year=2024": [404, { error: "Fant ikke region 9999" }],
  });
  const c = cell();

  associated.INDEKS(9999, "KHT.ressursbruksindikator", 2024, c.invocation);
  const result = await c.next();

  assert.deepEqual([result.code, result.message], ["#VALUE!", "Fant ikke region 9999"]);
});

test("KOSTRA.ASSS takes snitt, høyest or lavest and refuses anything else", async () => {
  const { associated } = runtime({
    "/api/asss?indicator=KHT.ressursbruksindikator&year=2024&statistic=high": value(1.083),
  });
  const high = cell();
  const wrong = cell();

  associated.ASSS("KHT.ressursbruksindikator", 2024, "Høyest", high.invocation);
  associated.ASSS("KHT.ressursbruksindikator", 2024, "median", wrong.invocation);

  assert.equal(await high.next(), 1.083);
  assert.equal(wrong.results[0].message, "Tredje argument må være \"snitt\", \"høyest\" eller \"lavest\", fikk «median»");
});

test("cells asking the same figure share one call, and all refresh when the data revision moves", async () => {
  const routes = { [VALUE_URL]: value(0.972), "/api/addin/revision": [200, { dataRevision: 1 }] };
  const { associated, fetch, timers, sandbox } = runtime(routes);
  const a = cell();
  const b = cell();
  associated.VERDI(3201, "KHT.ressursbruksindikator", 2024, a.invocation);
  associated.VERDI("3201", "KHT.ressursbruksindikator", 2024, b.invocation);
  await Promise.all([a.next(), b.next()]);
  assert.equal(fetch.asked.filter((u) => u.includes("/api/value")).length, 1);
  assert.equal(timers.filter(Boolean).length, 1, "one watcher for every cell");

  await sandbox.KostraFunctions.poll();
  assert.equal(a.results.length, 1, "same revision: nothing recalculates");

  routes[VALUE_URL] = value(0.95, { dataRevision: 2 });
  routes["/api/addin/revision"] = [200, { dataRevision: 2 }];
  const refreshed = Promise.all([a.next(), b.next()]);
  await sandbox.KostraFunctions.poll();

  assert.deepEqual(await refreshed, [0.95, 0.95]);
  assert.equal(fetch.asked.filter((u) => u.includes("/api/value")).length, 2);
});

test("a cell that is removed stops the watcher once no cell is left", async () => {
  const { associated, timers } = runtime({ [VALUE_URL]: value(0.972) });
  const c = cell();
  associated.VERDI(3201, "KHT.ressursbruksindikator", 2024, c.invocation);
  await c.next();

  c.invocation.onCanceled();

  assert.deepEqual(timers, [null]);
});

/** OfficeRuntime.storage as the pane leaves it after signing in. */
function signedInStorage(token, expiresOn = Date.now() + 60 * 60 * 1000) {
  const items = new Map(token ? [["kostra.accessToken", JSON.stringify({ accessToken: token, expiresOn })]] : []);
  return { items, getItem: async (key) => (items.has(key) ? items.get(key) : null) };
}

test("with sign-in on, every call sends the access token the pane kept in OfficeRuntime.storage", async () => {
  const { associated, fetch, sandbox } = runtime({ [VALUE_URL]: value(0.972), "/api/addin/revision": [200, { dataRevision: 1 }] });
  sandbox.OfficeRuntime = { storage: signedInStorage("access-1") };
  const c = cell();

  associated.VERDI(3201, "KHT.ressursbruksindikator", 2024, c.invocation);
  assert.equal(await c.next(), 0.972);
  await sandbox.KostraFunctions.poll();

  assert.deepEqual(fetch.authorizations, ["Bearer access-1", "Bearer access-1"]);
});

test("a personal API token the pane kept has no expiry and is sent until the pane forgets it", async () => {
  const { associated, fetch, sandbox } = runtime({ [VALUE_URL]: value(0.972) });
  const kept = signedInStorage("kostra_personal", null);
  sandbox.OfficeRuntime = { storage: kept };
  const c = cell();

  associated.VERDI(3201, "KHT.ressursbruksindikator", 2024, c.invocation);
  await c.next();

  assert.deepEqual(fetch.authorizations, ["Bearer kostra_personal"]);
});

test("a cell may name the municipality as a person types it; the service finds it", async () => {
  const { associated, fetch } = runtime({ "/api/value?region=B%C3%A6rum&indicator=KHT.ressursbruksindikator&year=2024": value(0.972) });
  const c = cell();

  associated.VERDI(" Bærum ", "KHT.ressursbruksindikator", 2024, c.invocation);

  assert.equal(await c.next(), 0.972);
  assert.deepEqual(fetch.asked, [`${BASE}/api/value?region=B%C3%A6rum&indicator=KHT.ressursbruksindikator&year=2024`]);
});

test("an expired kept token is not sent", async () => {
  const { associated, fetch, sandbox } = runtime({ [VALUE_URL]: value(0.972) });
  sandbox.OfficeRuntime = { storage: signedInStorage("old", Date.now() - 1000) };
  const c = cell();

  associated.VERDI(3201, "KHT.ressursbruksindikator", 2024, c.invocation);
  await c.next();

  assert.deepEqual(fetch.authorizations, [undefined]);
});

test("a cell asked before anyone signed in says to sign in, and fetches its figure once the pane has a token", async () => {
  const routes = {
    [VALUE_URL]: (headers) => (headers.Authorization === "Bearer access-1" ? value(0.972) : [401, { error: "Innlogging kreves" }]),
    "/api/addin/revision": [200, { dataRevision: 1 }],
  };
  const { associated, sandbox } = runtime(routes);
  const kept = signedInStorage(null);
  sandbox.OfficeRuntime = { storage: kept };
  const c = cell();

  associated.VERDI(3201, "KHT.ressursbruksindikator", 2024, c.invocation);
  const refused = await c.next();
  assert.deepEqual([refused.code, refused.message], ["#N/A",
    "KOSTRA-tjenesten krever innlogging: åpne KOSTRA-panelet og logg inn. Verdien hentes da av seg selv."]);
  assert.equal(sandbox.KostraFunctions.cacheSize(), 0, "a refusal is not kept");

  kept.items.set("kostra.accessToken", JSON.stringify({ accessToken: "access-1", expiresOn: Date.now() + 3600000 }));
  const next = c.next();
  await sandbox.KostraFunctions.poll();

  assert.equal(await next, 0.972);
});
