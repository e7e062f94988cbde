// Wires the pane: fills the choices from the service, runs an action per button, and reports in plain Norwegian.
import { KostraApi } from "./api.js";
import { COMPARISONS, DEFAULT_COMPARISONS, efficiencyTable, profileChartTable, profileTable, seriesTable } from "./layouts.js";
import { insertOrRefresh, readBindings, refreshTables } from "./excel.js";
import { SignIn, SignInNeeded } from "./auth.js";

const nb = new Intl.NumberFormat("nb-NO");

/** How a binding's table is fetched and laid out again; the same function inserts it the first time. */
export async function layoutFor(api, binding) {
  const r = binding.request;
  switch (binding.kind) {
    case "profile":
      return profileTable(await api.profile(r.region, r.area, r.year), r.comparisons);
    case "profileChart":
      return profileChartTable(await api.profile(r.region, r.area, r.year));
    case "series":
      return seriesTable(await api.series(r.indicator, r.regions, r.from, r.to, r.adjust));
    case "efficiency":
      return efficiencyTable(await api.efficiency(r.region, r.area, r.from, r.to));
    default:
      throw new Error(`Ukjent tabelltype «${binding.kind}» i arbeidsboken`);
  }
}

/** Fetches every bound table (showing progress), then writes them all in one Excel.run. */
export async function refreshAll(Excel, api, onProgress = () => {}) {
  const bindings = await readBindings(Excel);
  if (bindings.length === 0) return { refreshed: [], titles: [] };
  const layouts = [];
  for (const [i, binding] of bindings.entries()) {
    onProgress({ done: i, total: bindings.length, table: binding.table });
    try {
      layouts.push({ binding, layout: await layoutFor(api, binding) });
    } catch (e) {
      throw new Error(`Kunne ikke oppdatere tabellen «${binding.table}» (${binding.title || binding.kind}): ${e.message} `
        + "Ingenting i arbeidsboken er endret.", { cause: e });
    }
  }
  onProgress({ done: bindings.length, total: bindings.length, table: null });
  const result = await refreshTables(Excel, layouts);
  return { ...result, titles: layouts.map(({ layout }) => layout.title) };
}

/** "Bærum (3201; tidligere 3024, 0219)": the former numbers newest first (the reforms numbered upwards). */
export function regionLabel(region) {
  const codes = [...(region.formerCodes || [])].sort().reverse();
  const former = codes.length ? `; tidligere ${codes.join(", ")}` : "";
  return `${region.name} (${region.code}${former})`;
}

export function matchesRegion(region, query) {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return region.name.toLowerCase().includes(q) || region.code.startsWith(q)
    || (region.formerCodes || []).some((c) => c.startsWith(q));
}

/** The report year the pane proposes: SSB publishes revised figures for year Y in June of Y + 1. */
export function defaultYear(today = new Date()) {
  return today.getMonth() >= 5 ? today.getFullYear() - 1 : today.getFullYear() - 2;
}

/**
 * Until the person is signed in (when the service asks for it): tries without interaction first, else shows «Logg inn»
 * and waits for a sign-in that works. Resolves at once for an open service.
 */
export async function signedIn(signIn, doc, say) {
  if (!signIn || !signIn.required) return;
  const $ = (id) => doc.getElementById(id);
  const section = $("sign-in-section");
  const showAccount = () => {
    $("account").textContent = signIn.account ? `Logget inn som ${signIn.account}.` : "Logget inn.";
    $("account").hidden = false;
    section.hidden = true;
  };
  try {
    await signIn.token();
    showAccount();
    return;
  } catch (e) {
    if (!(e instanceof SignInNeeded)) throw e;
    say(e.message);
  }
  section.hidden = false;
  $("account").hidden = true;
  await new Promise((resolve) => {
    const button = $("sign-in");
    const attempt = async () => {
      button.disabled = true;
      try {
        await signIn.token({ interactive: true });
        button.removeEventListener("click", attempt);
        showAccount();
        resolve();
      } catch (e) {
        say(e.message, "error");
      } finally {
        button.disabled = false;
      }
    };
    button.addEventListener("click", attempt);
  });
}

/** Writes a message to the pane's status line: plain, "ok" or "error". */
function statusLine(doc) {
  const status = doc.getElementById("status");
  return (text, kind = "") => {
    status.textContent = text;
    status.className = `status ${kind}`.trim();
  };
}

export async function startPane({ Excel, api, signIn = null, doc = document, today = new Date() }) {
  const $ = (id) => doc.getElementById(id);
  const say = statusLine(doc);
  const buttons = [...doc.querySelectorAll("main button:not(#sign-in)")];
  const busy = (on) => buttons.forEach((b) => { b.disabled = on; });
  // A token refused (revoked) or run out (the dialog's cannot renew silently) sends the person back to «Logg inn»; the
  // action can then be tried again.
  const refused = async (e) => {
    if (!signIn || !(e instanceof SignInNeeded || e.status === 401)) return;
    await signIn.forget();
    busy(true);
    await signedIn(signIn, doc, say);
    busy(false);
    say("Logget inn på nytt. Prøv igjen.", "ok");
  };

  try {
    await signedIn(signIn, doc, say);
  } catch (e) {
    say(e.message, "error");
    busy(true);
    return;
  }
  let regions = [];
  let areas = [];
  try {
    [regions, areas] = await Promise.all([api.regions().then((r) => r.regions), api.areas().then((a) => a.areas)]);
  } catch (e) {
    say(e.message, "error");
    busy(true);
    return;
  }
  const municipalities = regions.filter((r) => r.kind === "municipality");

  const regionSelect = $("region");
  const fillRegions = (query) => {
    const current = regionSelect.value;
    regionSelect.replaceChildren(...municipalities.filter((r) => matchesRegion(r, query)).map((r) => option(doc, r.code, regionLabel(r))));
    if ([...regionSelect.options].some((o) => o.value === current)) regionSelect.value = current;
    else if (regionSelect.options.length > 0) regionSelect.selectedIndex = 0;
  };
  fillRegions("");
  if (municipalities.some((r) => r.code === "3201")) regionSelect.value = "3201";
  $("region-search").addEventListener("input", (e) => fillRegions(e.target.value));

  const areaSelect = $("area");
  for (const area of areas) {
    const group = doc.createElement("optgroup");
    group.label = area.title;
    for (const p of area.profiles) group.append(option(doc, p.code, p.title));
    areaSelect.append(group);
  }

  const last = defaultYear(today);
  const years = Array.from({ length: 12 }, (_, i) => last - i);
  $("year").replaceChildren(...years.map((y) => option(doc, y, y)));
  $("series-from").replaceChildren(...years.map((y) => option(doc, y, y)));
  $("series-from").value = String(last - 3);

  $("comparisons").replaceChildren(...COMPARISONS.map((c) => {
    const label = doc.createElement("label");
    const box = doc.createElement("input");
    box.type = "checkbox";
    box.value = c.id;
    box.checked = DEFAULT_COMPARISONS.includes(c.id);
    label.append(box, doc.createTextNode(c.label));
    return label;
  }));

  const compare = $("series-compare");
  compare.append(...municipalities.map((r) => option(doc, r.code, `${r.name} (${r.code})`)));

  const indicatorSelect = $("indicator");
  const fillIndicators = async () => {
    try {
      const { indicators } = await api.indicators(areaSelect.value, $("year").value);
      indicatorSelect.replaceChildren(...indicators.map((i) => option(doc, i.id, i.name)));
    } catch (e) {
      say(e.message, "error");
    }
  };
  areaSelect.addEventListener("change", fillIndicators);
  $("year").addEventListener("change", fillIndicators); // profiles change rows from year to year
  await fillIndicators();

  const choice = () => {
    if (!regionSelect.value) throw new Error("Velg en kommune i listen først.");
    return {
      region: regionSelect.value,
      area: areaSelect.value,
      year: Number($("year").value),
      comparisons: [...doc.querySelectorAll("#comparisons input:checked")].map((b) => b.value),
    };
  };

  const act = (button, makeBinding) => $(button).addEventListener("click", async () => {
    busy(true);
    say("Henter tall …");
    try {
      const binding = makeBinding(choice());
      const layout = await layoutFor(api, binding);
      const result = await insertOrRefresh(Excel, layout, binding);
      say(result.action === "inserted"
        ? `Satt inn «${layout.title}» (${nb.format(layout.rows.length)} rader) i ${result.address}.`
        : `Oppdaterte «${layout.title}» på stedet.`, "ok");
    } catch (e) {
      say(e.message, "error");
      await refused(e);
    } finally {
      busy(false);
    }
  });

  act("insert-profile", (c) => ({ kind: "profile", request: c }));
  act("insert-chart", (c) => ({ kind: "profileChart", request: { region: c.region, area: c.area, year: c.year } }));
  act("insert-series", (c) => ({
    kind: "series",
    request: {
      indicator: indicatorSelect.value,
      regions: [c.region, "ASSS", compare.value].filter(Boolean),
      from: Number($("series-from").value),
      to: c.year,
      adjust: $("series-adjust").value,
    },
  }));
  act("insert-efficiency", (c) => ({
    kind: "efficiency",
    request: { region: c.region, area: areaOf(areas, c.area), from: Number($("series-from").value), to: c.year },
  }));

  const progress = $("progress");
  $("refresh-all").addEventListener("click", async () => {
    busy(true);
    progress.hidden = false;
    try {
      const result = await refreshAll(Excel, api, ({ done, total, table }) => {
        progress.max = total;
        progress.value = done;
        say(table ? `Henter tall til tabell ${done + 1} av ${total} (${table}) …` : `Skriver ${total} tabeller …`);
      });
      const n = result.refreshed.length;
      say(n === 0
        ? "Arbeidsboken har ingen KOSTRA-tabeller å oppdatere ennå."
        : `Oppdaterte ${nb.format(n)} ${n === 1 ? "tabell" : "tabeller"}:\n${result.titles.join("\n")}`, "ok");
    } catch (e) {
      say(e.message, "error");
      await refused(e.cause || e);
    } finally {
      progress.hidden = true;
      busy(false);
    }
  });
  say("Velg kommune, tjenesteområde og år, og sett inn en tabell. Tabellen settes inn ved den markerte cellen.");
}

/** The service area a profile belongs to (PLO_67 → PLO); the efficiency split is per area. */
function areaOf(areas, profileCode) {
  const area = areas.find((a) => a.profiles.some((p) => p.code === profileCode));
  return area ? area.code : profileCode;
}

function option(doc, value, text) {
  const o = doc.createElement("option");
  o.value = String(value);
  o.textContent = String(text);
  return o;
}

/**
 * Starts the pane as Office opens it: asks the service whether to sign in, then wires the pane with an API client that
 * sends the access token. The Office, MSAL and storage objects are passed in so the tests can stand in for them.
 */
export async function boot({ Excel, Office, msal, storage, fetchImpl = globalThis.fetch.bind(globalThis), baseUrl = "",
  doc = document, today = new Date() }) {
  let signIn = null;
  const api = new KostraApi(baseUrl, fetchImpl, () => (signIn ? signIn.token() : null));
  try {
    signIn = await SignIn.start(api, { Office, msal, storage, baseUrl: baseUrl || doc.location.origin });
  } catch (e) {
    statusLine(doc)(e.message, "error");
    return;
  }
  await startPane({ Excel, api, signIn, doc, today });
}

if (typeof Office !== "undefined" && typeof document !== "undefined") {
  Office.onReady(() => boot({
    Excel: globalThis.Excel,
    Office,
    msal: globalThis.msal,
    storage: globalThis.OfficeRuntime ? globalThis.OfficeRuntime.storage : undefined,
  }));
}
