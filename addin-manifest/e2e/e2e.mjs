// End-to-end test of the task pane as a new user meets it: the real service, the real pane in headless Chromium at
// 350 × 800, and a fake Excel host that records what the pane writes. Then the start page at /.
// Usage: node e2e/e2e.mjs BASE_URL SCREENSHOT.png (the start page's picture goes beside it, *-start.png).
// Chromium and the fakes: browser.mjs.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { coveredControls, openBrowser, PANE, recordStatus, steps } from "./browser.mjs";

const [baseUrl, screenshot] = process.argv.slice(2);
if (!baseUrl || !screenshot) {
  console.error("Usage: node e2e/e2e.mjs BASE_URL SCREENSHOT.png");
  process.exit(2);
}
const PROFILE = "Kostra_profil_KHT_3201_2024";
const CHART = "Kostra_profildiagram_KHT_3201_2024";
const LABEL = "tjenesteprofilen for Kommunehelse, Bærum 2024";
const CHART_LABEL = "profildiagrammet for Kommunehelse, Bærum 2024";
const JSZip = createRequire(import.meta.url)("jszip");
const sibling = (suffix) => screenshot.replace(/\.png$/, `-${suffix}.png`);

/**
 * The Power Query formulas (Section1.m) a refreshable workbook carries: the DataMashup custom XML part (UTF-16) holds,
 * in base64, a stream whose first part after the version is a zip with the formulas (MS-QDEFF §2.2).
 */
async function queriesIn(zip) {
  const items = Object.keys(zip.files).filter((name) => /^customXml\/item\d+\.xml$/.test(name));
  for (const name of items) {
    const xml = Buffer.from(await zip.file(name).async("uint8array")).toString("utf16le");
    const mashup = /<DataMashup[^>]*>([A-Za-z0-9+/=]+)<\/DataMashup>/.exec(xml);
    if (!mashup) continue;
    const stream = Buffer.from(mashup[1], "base64");
    const parts = await JSZip.loadAsync(stream.subarray(8, 8 + stream.readUInt32LE(4)));
    return parts.file("Formulas/Section1.m").async("string");
  }
  return null;
}

async function api(path) {
  const response = await fetch(`${baseUrl}${path}`);
  assert.equal(response.status, 200, path);
  return response.json();
}

/** The profile rows as the pane must write them, built straight from /api/profile (not with the pane's code). */
async function expectedProfileTable() {
  const { profile } = await api("/api/profile?region=3201&area=KHT&year=2024");
  const figure = (f) => (f.value !== null ? f.value : f.status);
  return [
    ["Indikator", "Kategori", "Enhet", ...profile.years.map((y) => `Bærum ${y}`), "ASSS-snitt 2024", "Høyest ASSS 2024",
      "Lavest ASSS 2024", "Indeks (ASSS-snitt = 100)"],
    ...profile.rows.map((r) => [r.name, r.category, r.unit, ...r.values.map(figure), figure(r.asss.mean),
      figure(r.asss.high), figure(r.asss.low), r.index === null ? "" : r.index]),
  ];
}

const { step, summary } = steps();
const browser = await openBrowser([baseUrl]);
const { problems } = browser;
try {
  const page = await browser.page();
  const book = (expression) => page.evaluate(expression);
  const cells = () => book("JSON.stringify([...window.kostraTestWorkbook.sheet('Ark1').cells])");
  const status = page.locator("#status");
  await recordStatus(page);

  await step("the pane opens at 350 × 800 with Bærum chosen and only the years Kommunehelse can be shown for, the newest chosen", async () => {
    const { years } = await api("/api/years?region=3201&area=KHT");
    await page.goto(`${baseUrl}/addin/taskpane/taskpane.html`);
    await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Velg kommune"));
    assert.deepEqual(page.viewportSize(), PANE);
    assert.equal(await page.locator("#region option:checked").textContent(), "Bærum (3201; tidligere 3024, 0219)");
    assert.equal(await page.locator("#area option:checked").textContent(), "Kommunehelse");
    assert.deepEqual(await page.locator("#year option").allTextContents(), [...years.withProfile].reverse().map(String));
    assert.equal(await page.locator("#year").inputValue(), String(years.newest));
    assert.deepEqual(problems, []);
  });

  await step("the first click, with nothing changed, inserts the Kommunehelse profile with the API's figures", async () => {
    await page.getByRole("button", { name: "Sett inn tjenesteprofil" }).click();
    await page.locator("#status.ok").waitFor();
    assert.deepEqual(await book(`window.kostraTestWorkbook.tableValues("${PROFILE}")`), await expectedProfileTable());
    assert.equal(await status.textContent(), `Satt inn ${LABEL} (17 rader) i Ark1!A1:J18.`);
  });

  await step("a second insert at the same cell goes under the first table, and says so", async () => {
    await page.getByRole("button", { name: "Sett inn profildiagram" }).click();
    await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Satt inn profildiagrammet"));
    assert.equal(await status.textContent(), `Satt inn ${CHART_LABEL} (17 rader) i Ark1!A20:E37. Den markerte cellen var`
      + " ikke ledig, så tabellen står under det som allerede er i arket.");
    assert.deepEqual(await book(`window.kostraTestWorkbook.tableValues("${PROFILE}")`), await expectedProfileTable());
    assert.equal(await book("window.kostraTestWorkbook.charts.length"), 1);
  });

  await step("the status box covers no control, and a long message scrolls inside it", async () => {
    assert.deepEqual(await coveredControls(page), [], "with a short message");
    const long = Array.from({ length: 30 }, (_, i) => `Setning ${i + 1} av en lang forklaring fra tjenesten.`).join(" ");
    await page.route(`${baseUrl}/api/profile**`, (route) => route.fulfill({ status: 400, contentType: "application/json",
      body: JSON.stringify({ error: long }) }));
    const quiet = problems.length;
    await page.getByRole("button", { name: "Sett inn tjenesteprofil" }).click();
    await page.locator("#status.error").waitFor();
    await page.unroute(`${baseUrl}/api/profile**`);
    problems.push(...problems.splice(quiet).filter((p) => !/status of 400/.test(p)));
    const box = await status.evaluate((e) => ({ height: e.clientHeight, content: e.scrollHeight, overflow: getComputedStyle(e).overflowY }));
    assert.ok(box.content > box.height, `the message is longer than its box: ${JSON.stringify(box)}`);
    assert.ok(box.height <= PANE.height / 3 + 1, `the box takes at most a third of the pane: ${box.height}`);
    assert.equal(box.overflow, "auto");
    await browser.screenshot(page, sibling("long-message"));
    assert.deepEqual(await coveredControls(page), [], "with a long message");
  });

  await step("a protected sheet gives a clear message and nothing changes", async () => {
    const before = await cells();
    await book("window.kostraTestWorkbook.sheet('Ark1').protected = true");
    await page.getByRole("button", { name: "Oppdater alle" }).click();
    await page.locator("#status.error").waitFor();
    assert.equal(await status.textContent(), `Arket «Ark1» er beskyttet, så ${LABEL} kan ikke skrives. Opphev`
      + " arkbeskyttelsen (Se gjennom > Opphev arkbeskyttelse) og prøv igjen. Arket «Ark1» er beskyttet, så"
      + ` ${CHART_LABEL} kan ikke skrives. Opphev arkbeskyttelsen (Se gjennom > Opphev arkbeskyttelse) og prøv igjen.`
      + " Ingenting i arbeidsboken er endret.");
    assert.equal(await cells(), before);
    await book("window.kostraTestWorkbook.sheet('Ark1').protected = false");
  });

  await step("an unreachable service gives a clear message and nothing changes", async () => {
    const before = await cells();
    const quiet = problems.length;
    await page.route(`${baseUrl}/api/profile**`, (route) => route.abort("connectionrefused"));
    await page.getByRole("button", { name: "Sett inn profildiagram" }).click();
    await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Fikk ikke kontakt"));
    await page.unroute(`${baseUrl}/api/profile**`);
    assert.equal(await status.textContent(), `Fikk ikke kontakt med KOSTRA-tjenesten for å hente ${CHART_LABEL}.`
      + " Sjekk nettverket, eller om tjenesten kjører.");
    assert.equal(await cells(), before);
    assert.equal(await book("window.kostraTestWorkbook.tables.length"), 2);
    // Chromium logs the refused request itself; that is the point of this step, not a fault of the pane.
    problems.push(...problems.splice(quiet).filter((p) => !/ERR_CONNECTION_REFUSED/.test(p)));
  });

  await step("Oppdater alle restores the API's figures, keeps the user's own column and names each table", async () => {
    // The analyst types over a figure and adds a comment column beside the data.
    await book(`(() => {
      const b = window.kostraTestWorkbook; const t = b.table("${PROFILE}");
      b.set("Ark1", 1, 5, 123);
      b.set("Ark1", 0, t.width, "Kommentar"); b.set("Ark1", 1, t.width, "Sjekk med tjenesten"); t.width += 1;
    })()`);
    await page.getByRole("button", { name: "Oppdater alle" }).click();
    await page.locator("#status.ok").waitFor();
    const written = await book(`window.kostraTestWorkbook.tableValues("${PROFILE}")`);
    const expected = await expectedProfileTable();
    assert.deepEqual(written.map((r) => r.slice(0, expected[0].length)), expected);
    assert.deepEqual([written[0].at(-1), written[1].at(-1)], ["Kommentar", "Sjekk med tjenesten"]);
    assert.ok(await book(`window.kostraTestWorkbook.table("${CHART}") !== undefined`));
    assert.equal(await status.textContent(), "Oppdaterte 2 tabeller:\nTjenesteprofilen for Kommunehelse, Bærum 2024\n"
      + "Profildiagrammet for Kommunehelse, Bærum 2024");
  });

  await step("«Last ned rapportarbeidsbok» opens the service's Kommunehelse report in Excel, plain or refreshable", async () => {
    const before = await cells();
    const asked = [];
    const listen = (request) => { if (request.url().includes("/api/reports/")) asked.push(request.url().slice(baseUrl.length)); };
    page.on("request", listen);
    const opened = async (refreshable) => {
      await page.locator("#report-refreshable").setChecked(refreshable);
      await page.getByRole("button", { name: "Last ned rapportarbeidsbok" }).click();
      await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Åpnet"));
      return JSZip.loadAsync(Buffer.from(await book("window.kostraTestWorkbook.createdWorkbooks.at(-1)"), "base64"));
    };
    assert.equal(await page.locator("#report-hint").textContent(),
      "Åpner rapporten «Kommunehelse» med tall for valgt kommune og år som en ny arbeidsbok.");

    const plain = await opened(false);
    const refreshable = await opened(true);
    page.off("request", listen);

    const year = await page.locator("#year").inputValue();
    assert.deepEqual(asked, [`/api/reports/kommunehelse.xlsx?region=3201&year=${year}`,
      `/api/reports/kommunehelse.xlsx?region=3201&year=${year}&refreshable=true`]);
    assert.equal(await book("window.kostraTestWorkbook.createdWorkbooks.length"), 2);
    assert.ok(plain.file("xl/workbook.xml"), "a workbook");
    assert.equal(plain.file("xl/connections.xml"), null, "the plain workbook has no queries");
    assert.ok(refreshable.file("xl/connections.xml"), "the refreshable workbook has its connections");
    const queries = await queriesIn(refreshable);
    assert.ok(queries, "the refreshable workbook has a DataMashup custom XML part");
    assert.match(queries, /^section Section1;/);
    assert.ok(queries.includes(`Web.Contents("${baseUrl}"`), `the queries call the service the workbook came from: ${queries}`);
    assert.equal(await status.textContent(), `Åpnet rapportarbeidsboken «Kommunehelse» for Bærum ${year} som en ny`
      + " arbeidsbok. Tabellene henter nye tall fra KOSTRA-tjenesten når du velger Data > Oppdater alt i den.");
    assert.equal(await cells(), before, "the workbook the pane sits in is not touched");
  });

  await step("no message named a table by its Excel name, a municipality or area by its code, or a list in brackets", async () => {
    const { areas } = await api("/api/areas");
    const codes = areas.flatMap((a) => [a.code, ...a.profiles.map((p) => p.code)]);
    const shown = await book("window.kostraStatusLog");
    assert.ok(shown.some((t) => t.startsWith("Henter tall til tjenesteprofilen")), `progress was shown: ${shown.join(" | ")}`);
    const internal = shown.filter((t) => /Kostra_|\[|\]|\b3201\b/.test(t) || codes.some((c) => new RegExp(`\\b${c}\\b`).test(t)));
    assert.deepEqual(internal, []);
  });

  await step("the pane ran without console errors and asked for nothing outside the service", async () => {
    assert.deepEqual(problems, []);
  });
  await browser.screenshot(page, screenshot);

  await step("the start page says what the service holds and links to the reports, the manifest and the routes", async () => {
    const start = await browser.context.newPage();
    await start.setViewportSize({ width: 1000, height: 1400 });
    await start.goto(`${baseUrl}/`);
    await start.waitForFunction(() => document.querySelectorAll("#routes tr").length > 10
      && document.querySelectorAll("#reports a").length > 0 && !document.querySelector("#summary").textContent.startsWith("Henter"));
    const { years } = await api("/api/years");
    assert.match(await start.locator("#summary").textContent(), /^\d+ kommuner, tall for .+\. Datarevisjon \d+/);
    assert.match(await start.locator("#summary").textContent(), new RegExp(`${years.newest}\\.`));
    // the first municipality by name with figures is proposed (Asker, in the seeds), with its newest year
    const proposed = await start.locator("#report-region").inputValue();
    const { years: its } = await api(`/api/years?region=${proposed}`);
    assert.ok(its.withFigures.length > 0, `${proposed} has figures`);
    await start.locator("#report-region").selectOption("3201");
    await start.waitForFunction(() => [...document.querySelectorAll("#reports a")].every((a) => a.href.includes("region=3201")));
    const links = await start.locator("#reports a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const { reports } = await api("/api/reports");
    assert.equal(links.length, reports.length);
    assert.ok(links.every((l) => l.includes(`region=3201&year=${years.newest}`)), links.join(" "));
    const download = await fetch(`${baseUrl}${links[0]}`);
    assert.equal(download.status, 200, `${links[0]} downloads`);
    assert.equal(await start.locator("#manifest").getAttribute("href"), "/addin/manifest.xml");
    assert.equal(await start.locator("#routes tr").count(), (await api("/api")).routes.length);
    await browser.screenshot(start, sibling("start"));
    assert.deepEqual(problems, [], "the start page's policy let everything it needs through");
  });
} finally {
  await browser.close();
  summary();
}
