// Wires the pane: fills the choices from the service, runs an action per button, and reports in plain Norwegian,
// naming municipalities, areas and tables as a person would (never a code or an Excel table's name).
import { KostraApi } from "./api.js";
import {
  COMPARISONS, DEFAULT_COMPARISONS, PRELIMINARY_MARK, describe, efficiencyTable, listed, profileChartTable, profileTable,
  rowCount, seriesTable,
} from "./layouts.js";
import { insertOrRefresh, readBindings, refreshTables } from "./excel.js";
import { SignIn, SignInNeeded } from "./auth.js";

const nb = new Intl.NumberFormat("nb-NO");

/** The names of the codes a request carries, from the service's lists: what the pane shows the person. */
export function namesFrom(regions, areas) {
  const region = new Map(regions.map((r) => [r.code, r.name]));
  const profile = new Map(areas.flatMap((a) => a.profiles.map((p) => [p.code, p.title])));
  const area = new Map(areas.map((a) => [a.code, a.title]));
  return {
    region: (code) => region.get(code) || code,
    profile: (code) => profile.get(code) || code,
    area: (code) => area.get(code) || code,
  };
}

/** How a binding's table is fetched and laid out again; the same function inserts it the first time. */
export async function layoutFor(api, binding, names) {
  const r = binding.request;
  const what = describe(binding, names);
  switch (binding.kind) {
    case "profile":
      return profileTable(await api.profile(r.region, r.area, r.year, what), r.comparisons);
    case "profileChart":
      return profileChartTable(await api.profile(r.region, r.area, r.year, what));
    case "series":
      return seriesTable(await api.series(r.indicator, r.regions, r.from, r.to, r.adjust, what));
    case "efficiency":
      return efficiencyTable(await api.efficiency(r.region, r.area, r.from, r.to, what), names.area(r.area));
    default:
      throw new Error("Arbeidsboken har en KOSTRA-tabell som denne utgaven av tillegget ikke kjenner. Oppdater tillegget.");
  }
}

/** Fetches every bound table (showing progress), then writes them all in one Excel.run. */
export async function refreshAll(Excel, api, names, onProgress = () => {}) {
  const bindings = (await readBindings(Excel)).map((b) => ({ ...b, label: describe(b, names) }));
  if (bindings.length === 0) return { refreshed: [], labels: [], preliminary: false };
  const layouts = [];
  for (const [i, binding] of bindings.entries()) {
    onProgress({ done: i, total: bindings.length, label: binding.label });
    try {
      layouts.push({ binding, layout: await layoutFor(api, binding, names) });
    } catch (e) {
      throw new Error(`Kunne ikke oppdatere ${binding.label}. ${sentence(e.message)} Ingenting i arbeidsboken er endret.`,
        { cause: e });
    }
  }
  onProgress({ done: bindings.length, total: bindings.length, label: null });
  const result = await refreshTables(Excel, layouts);
  return { ...result, labels: bindings.map((b) => b.label), preliminary: layouts.some(({ layout }) => layout.preliminary) };
}

/** The report workbook for a profile's service area, or null: the templates are per area (PLO_67 → PLO). */
export function reportFor(reports, areas, profileCode) {
  const area = areaOf(areas, profileCode);
  return reports.find((r) => r.area === area) || null;
}

/** Whether this Excel can open a workbook from the pane: Excel.createWorkbook came with ExcelApi 1.8. */
export function opensWorkbooks(Office) {
  const requirements = Office && Office.context && Office.context.requirements;
  return Boolean(requirements && requirements.isSetSupported("ExcelApi", "1.8"));
}

/**
 * What the report button offers for the area chosen: whether it can be clicked (not without a template), and the
 * hint under it; in an Excel too old to open a workbook from the pane, the hint says where to get it instead.
 */
export function reportOffer(report, opens, areaTitle, startPage) {
  if (!report) return { enabled: false, hint: `Tjenesten har ingen rapportarbeidsbok for ${areaTitle}.` };
  if (!opens) {
    return {
      enabled: true,
      hint: "Denne utgaven av Excel kan ikke åpne arbeidsbøker fra panelet (det krever Excel 2019 eller nyere,"
        + ` Microsoft 365 eller Excel på nettet), så last ned rapporten fra tjenestens startside, ${startPage}.`,
    };
  }
  return { enabled: true, hint: `Åpner rapporten «${report.title}» med tall for valgt kommune og år som en ny arbeidsbok.` };
}

/** Downloads the report workbook filled for the municipality and year, and opens it in Excel; says what it did. */
export async function openReport(Excel, api, report, { region, year, refreshable }, names) {
  const what = `rapportarbeidsboken «${report.title}» for ${names.region(region)} ${year}`;
  const workbook = await api.reportWorkbook(report.id, region, year, refreshable, what);
  try {
    await Excel.createWorkbook(workbook);
  } catch (e) {
    throw new Error(`Excel kunne ikke åpne ${what}. ${sentence(e.message)}`, { cause: e });
  }
  return `Åpnet ${what} som en ny arbeidsbok.` + (refreshable
    ? " Tabellene henter nye tall fra KOSTRA-tjenesten når du velger Data > Oppdater alt i den." : "");
}

/** "Bærum (3201; tidligere 3024, 0219)": the former numbers newest first (the reforms numbered upwards). */
export function regionLabel(region) {
  const codes = [...(region.formerCodes || [])].sort().reverse();
  const former = codes.length ? `; tidligere ${codes.join(", ")}` : "";
  return `${region.name} (${region.code}${former})`;
}

/** A name as it is searched: lower case, æ ø å as typed either way (ae oe aa, or a o a), other accents dropped. */
function searchForms(text) {
  const lower = text.trim().toLowerCase();
  const plain = (t) => t.normalize("NFD").replace(/\p{M}/gu, "");
  return [plain(lower.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")),
    plain(lower.replace(/æ/g, "a").replace(/ø/g, "o"))];
}

/**
 * Whether a municipality fits what is typed in the search field: part of its name, æ ø å typed either way (as the
 * service matches names), or the start of a number it has had.
 */
export function matchesRegion(region, query) {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const names = searchForms(region.name);
  return searchForms(q).some((typed) => names.some((name) => name.includes(typed))) || region.code.startsWith(q)
    || (region.formerCodes || []).some((c) => c.startsWith(q));
}

/**
 * The years the pane offers for a municipality and profile (/api/years): those the profile can be shown for, else
 * those with figures, newest first; the one chosen stays chosen if it is still offered, else the newest.
 */
export function yearsOffered(years, current) {
  const offered = [...(years.withProfile && years.withProfile.length > 0 ? years.withProfile : years.withFigures)].reverse();
  const chosen = offered.includes(Number(current)) ? Number(current) : (offered[0] ?? null);
  return { offered, chosen };
}

/** «Fra år» for series and efficiency: the years with figures up to the chosen year; three years back by default. */
export function fromYearsOffered(withFigures, to, current) {
  const offered = withFigures.filter((y) => y <= to);
  if (offered.length === 0) return { offered: [to], chosen: to };
  const chosen = offered.includes(Number(current)) ? Number(current) : (offered.find((y) => y >= to - 3) ?? offered[0]);
  return { offered, chosen };
}

/** A message ending as a sentence does, so another can follow it (the service's messages end without a full stop). */
function sentence(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** "Tjenesteprofilen for …": a label at the start of a line. */
function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function tables(n) {
  return `${nb.format(n)} ${n === 1 ? "tabell" : "tabeller"}`;
}

/** What a status line adds when some figures are preliminary. */
function preliminaryNote(preliminary) {
  return preliminary ? ` Tall merket${PRELIMINARY_MARK} er foreløpige.` : "";
}

/**
 * Until the person is signed in (when the service asks for it): unless told not to, tries without interaction first
 * (a token kept, or Office's account), else shows what the service offers — «Logg inn», a field for a personal API
 * token, or both — and waits for one that works. Resolves at once for an open service.
 */
export async function signedIn(signIn, doc, say, { silently = true } = {}) {
  if (!signIn || !signIn.required) return;
  const $ = (id) => doc.getElementById(id);
  const section = $("sign-in-section");
  const showAccount = () => {
    $("account-name").textContent = signIn.signedInAs;
    $("account").hidden = false;
    section.hidden = true;
  };
  if (silently) {
    try {
      await signIn.token();
      showAccount();
      return;
    } catch (e) {
      if (!(e instanceof SignInNeeded)) throw e;
      say(e.message);
    }
  }
  section.hidden = false;
  $("account").hidden = true;
  $("sign-in-oidc").hidden = !signIn.oidc;
  $("sign-in-token").hidden = !signIn.personalTokens;
  await new Promise((resolve) => {
    const button = $("sign-in");
    const form = $("sign-in-token");
    const tryWith = (control, signingIn) => async (event) => {
      if (event && event.preventDefault) event.preventDefault();
      control.disabled = true;
      try {
        await signingIn();
        button.removeEventListener("click", withAccount);
        form.removeEventListener("submit", withToken);
        showAccount();
        resolve();
      } catch (e) {
        say(e.message, "error");
      } finally {
        control.disabled = false;
      }
    };
    const withAccount = tryWith(button, () => signIn.token({ interactive: true }));
    const withToken = tryWith($("use-token"), async () => {
      await signIn.usePersonalToken($("token").value);
      $("token").value = "";
    });
    button.addEventListener("click", withAccount);
    form.addEventListener("submit", withToken);
  });
}

/** Writes a message to the pane's status line: plain, "ok" or "error". */
function statusLine(doc) {
  const status = doc.getElementById("status");
  return (text, kind = "") => {
    status.textContent = text;
    status.className = `status ${kind}`.trim();
    status.scrollTop = 0;
  };
}

export async function startPane({ Excel, Office = null, api, signIn = null, doc = document }) {
  const $ = (id) => doc.getElementById(id);
  const say = statusLine(doc);
  const buttons = [...doc.querySelectorAll("main button:not(.signin)")];
  const unavailable = new Set(); // buttons with nothing to do for the current choice stay off after an action
  let working = false;
  const busy = (on) => {
    working = on;
    buttons.forEach((b) => { b.disabled = on || unavailable.has(b); });
  };
  const signInAgain = async (options) => {
    busy(true);
    await signedIn(signIn, doc, say, options);
    busy(false);
  };
  // A token refused (revoked) or run out (the dialog's cannot renew silently) sends the person back to signing in;
  // the action can then be tried again.
  const refused = async (e) => {
    if (!signIn || !(e instanceof SignInNeeded || e.status === 401)) return;
    await signIn.forget();
    await signInAgain();
    say("Logget inn på nytt. Prøv igjen.", "ok");
  };

  busy(true);
  let regions = [];
  let areas = [];
  let reports = [];
  try {
    await signedIn(signIn, doc, say);
    [regions, areas, reports] = await Promise.all([api.regions().then((r) => r.regions), api.areas().then((a) => a.areas),
      api.reports().then((r) => r.reports)]);
  } catch (e) {
    say(e.message, "error");
    if (signIn && e.status === 401) {
      // a token kept from before that the service no longer takes: sign in again and start over
      await signIn.forget();
      await startPane({ Excel, Office, api, signIn, doc });
    }
    return;
  }
  if (signIn && signIn.required) {
    $("sign-out").addEventListener("click", async () => {
      await signIn.forget();
      say("Du er logget ut, og tillegget husker ikke lenger innloggingen. Logg inn igjen for å hente tall.", "ok");
      await signInAgain({ silently: false });
      say("Logget inn.", "ok");
    });
  }
  const names = namesFrom(regions, areas);
  const municipalities = regions.filter((r) => r.kind === "municipality");

  const regionSelect = $("region");
  const areaSelect = $("area");
  const yearSelect = $("year");
  const fromSelect = $("series-from");
  let figureYears = [];
  const fillFrom = () => {
    const { offered, chosen } = fromYearsOffered(figureYears, Number(yearSelect.value), fromSelect.value);
    fromSelect.replaceChildren(...offered.map((y) => option(doc, y, y)));
    fromSelect.value = String(chosen);
  };
  // Answers can come back out of order when the person changes choices quickly: only the newest question's is used.
  let asked = 0;
  const fillYears = async () => {
    const question = ++asked;
    const region = regionSelect.value;
    const area = areaSelect.value;
    if (!region || !area) return;
    try {
      const what = `årene med tall i ${names.profile(area)} for ${names.region(region)}`;
      const { years } = await api.years(region, area, what);
      if (question !== asked) return;
      const { offered, chosen } = yearsOffered(years, yearSelect.value);
      yearSelect.replaceChildren(...offered.map((y) => option(doc, y, y)));
      if (chosen !== null) yearSelect.value = String(chosen);
      figureYears = years.withFigures;
      fillFrom();
      if (offered.length === 0) {
        say(`Det finnes ingen tall i ${names.profile(area)} for ${names.region(region)} ennå. Velg en annen kommune`
          + " eller et annet tjenesteområde.");
      }
    } catch (e) {
      say(e.message, "error");
    }
  };

  const fillRegions = (query) => {
    const current = regionSelect.value;
    regionSelect.replaceChildren(...municipalities.filter((r) => matchesRegion(r, query)).map((r) => option(doc, r.code, regionLabel(r))));
    if ([...regionSelect.options].some((o) => o.value === current)) regionSelect.value = current;
    else if (regionSelect.options.length > 0) regionSelect.selectedIndex = 0;
    return regionSelect.value !== current;
  };
  fillRegions("");
  if (municipalities.some((r) => r.code === "3201")) regionSelect.value = "3201";
  $("region-search").addEventListener("input", (e) => {
    if (fillRegions(e.target.value)) fillYears();
  });
  regionSelect.addEventListener("change", fillYears);

  for (const area of areas) {
    const group = doc.createElement("optgroup");
    group.label = area.title;
    for (const p of area.profiles) group.append(option(doc, p.code, p.title));
    areaSelect.append(group);
  }

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
      const { indicators } = await api.indicators(areaSelect.value, yearSelect.value);
      indicatorSelect.replaceChildren(...indicators.map((i) => option(doc, i.id, i.name)));
    } catch (e) {
      say(e.message, "error");
    }
  };
  areaSelect.addEventListener("change", async () => {
    await fillYears();
    await fillIndicators();
  });
  yearSelect.addEventListener("change", () => {
    fillFrom();
    fillIndicators(); // profiles change rows from year to year
  });
  await fillYears();
  await fillIndicators();

  const choice = () => {
    if (!regionSelect.value) throw new Error("Velg en kommune i listen først.");
    if (!yearSelect.value) {
      throw new Error(`Det finnes ingen tall i ${names.profile(areaSelect.value)} for ${names.region(regionSelect.value)}.`
        + " Velg en annen kommune eller et annet tjenesteområde.");
    }
    return {
      region: regionSelect.value,
      area: areaSelect.value,
      year: Number(yearSelect.value),
      comparisons: [...doc.querySelectorAll("#comparisons input:checked")].map((b) => b.value),
    };
  };

  /** Runs a button's work with the pane busy; the work's answer, or its failure, goes to the status line. */
  const onClick = (button, work, meanwhile) => $(button).addEventListener("click", async () => {
    busy(true);
    say(meanwhile);
    try {
      say(await work(), "ok");
    } catch (e) {
      say(e.message, "error");
      await refused(e);
    } finally {
      busy(false);
    }
  });

  const act = (button, makeBinding) => onClick(button, async () => {
    const made = makeBinding(choice());
    const binding = { ...made, label: made.label || describe(made, names) };
    const layout = await layoutFor(api, binding, names);
    const result = await insertOrRefresh(Excel, layout, binding);
    const moved = result.moved ? " Den markerte cellen var ikke ledig, så tabellen står under det som allerede er i arket."
      : "";
    const note = preliminaryNote(layout.preliminary);
    return result.action === "inserted"
      ? `Satt inn ${binding.label} (${rowCount(layout.rows.length)}) i ${result.address}.${moved}${note}`
      : `Oppdaterte ${binding.label} på stedet.${note}`;
  }, "Henter tall …");

  act("insert-profile", (c) => ({ kind: "profile", request: c }));
  act("insert-chart", (c) => ({ kind: "profileChart", request: { region: c.region, area: c.area, year: c.year } }));
  act("insert-series", (c) => {
    const regionCodes = [c.region, "ASSS", compare.value].filter(Boolean);
    const indicator = indicatorSelect.selectedOptions[0];
    if (!indicator) throw new Error("Velg en indikator for tidsserien først.");
    return {
      kind: "series",
      label: `tidsserien «${indicator.textContent}» for ${listed(regionCodes.map(names.region))}`,
      request: {
        indicator: indicator.value,
        regions: regionCodes,
        from: Number(fromSelect.value),
        to: c.year,
        adjust: $("series-adjust").value,
      },
    };
  });
  act("insert-efficiency", (c) => ({
    kind: "efficiency",
    request: { region: c.region, area: areaOf(areas, c.area), from: Number(fromSelect.value), to: c.year },
  }));

  const reportButton = $("open-report");
  const opens = opensWorkbooks(Office);
  const startPage = `${api.baseUrl || doc.location.origin}/`;
  const offerReport = () => {
    const offer = reportOffer(reportFor(reports, areas, areaSelect.value), opens, names.area(areaOf(areas, areaSelect.value)),
      startPage);
    $("report-hint").textContent = offer.hint;
    if (offer.enabled) unavailable.delete(reportButton);
    else unavailable.add(reportButton);
    reportButton.disabled = working || !offer.enabled;
  };
  areaSelect.addEventListener("change", offerReport);
  offerReport();
  if (opens) {
    onClick("open-report", () => {
      const { region, area, year } = choice();
      return openReport(Excel, api, reportFor(reports, areas, area),
        { region, year, refreshable: $("report-refreshable").checked }, names);
    }, "Henter rapportarbeidsboken …");
  } else {
    reportButton.addEventListener("click", () => say($("report-hint").textContent));
  }

  const progress = $("progress");
  $("refresh-all").addEventListener("click", async () => {
    busy(true);
    progress.hidden = false;
    try {
      const result = await refreshAll(Excel, api, names, ({ done, total, label }) => {
        progress.max = total;
        progress.value = done;
        say(label ? `Henter tall til ${label} (${done + 1} av ${total}) …` : `Skriver ${tables(total)} …`);
      });
      const n = result.refreshed.length;
      say(n === 0
        ? "Arbeidsboken har ingen KOSTRA-tabeller å oppdatere ennå."
        : `Oppdaterte ${tables(n)}:\n${result.labels.map(capitalised).join("\n")}`
          + preliminaryNote(result.preliminary), "ok");
    } catch (e) {
      say(e.message, "error");
      await refused(e.cause || e);
    } finally {
      progress.hidden = true;
      busy(false);
    }
  });
  busy(false);
  if (yearSelect.value) {
    say("Velg kommune, tjenesteområde og år, og sett inn en tabell. Tabellen settes inn ved den markerte cellen.");
  }
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
  doc = document }) {
  let signIn = null;
  const api = new KostraApi(baseUrl, fetchImpl, () => (signIn ? signIn.token() : null));
  try {
    signIn = await SignIn.start(api, { Office, msal, storage, baseUrl: baseUrl || doc.location.origin });
  } catch (e) {
    statusLine(doc)(e.message, "error");
    return;
  }
  await startPane({ Excel, Office, api, signIn, doc });
}

if (typeof Office !== "undefined" && typeof document !== "undefined") {
  Office.onReady(() => boot({
    Excel: globalThis.Excel,
    Office,
    msal: globalThis.msal,
    storage: globalThis.OfficeRuntime ? globalThis.OfficeRuntime.storage : undefined,
  }));
}
