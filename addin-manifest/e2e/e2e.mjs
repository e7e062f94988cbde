// End-to-end test of the task pane: the real service, the real pane in headless Chromium, and a fake Excel host
// that records what the pane writes. Usage: node e2e/e2e.mjs BASE_URL SCREENSHOT.png
// Chromium and the fakes: browser.mjs.
import assert from "node:assert/strict";
import { openBrowser, steps } from "./browser.mjs";

const [baseUrl, screenshot] = process.argv.slice(2);
if (!baseUrl || !screenshot) {
  console.error("Usage: node e2e/e2e.mjs BASE_URL SCREENSHOT.png");
  process.exit(2);
}
const PROFILE = "Kostra_profil_KHT_3201_2024";

/** The profile rows as the pane must write them, built straight from /api/profile (not with the pane's code). */
async function expectedProfileTable() {
  const response = await fetch(`${baseUrl}/api/profile?region=3201&area=KHT&year=2024`);
  assert.equal(response.status, 200);
  const { profile } = await response.json();
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
  const status = page.locator("#status");

  await step("the pane loads and offers Bærum with its former numbers", async () => {
    await page.goto(`${baseUrl}/addin/taskpane/taskpane.html`);
    await page.locator("#region option").first().waitFor({ state: "attached" });
    await page.locator("#indicator option").first().waitFor({ state: "attached" });
    await page.fill("#region-search", "bæ");
    assert.equal(await page.locator("#region option:checked").textContent(), "Bærum (3201; tidligere 3024, 0219)");
    assert.deepEqual(problems, []);
  });

  await step("Sett inn tjenesteprofil writes the Kommunehelse profile with the API's figures", async () => {
    await page.selectOption("#area", "KHT");
    await page.selectOption("#year", "2024");
    await page.getByRole("button", { name: "Sett inn tjenesteprofil" }).click();
    await page.locator("#status.ok").waitFor();
    const written = await book(`window.kostraTestWorkbook.tableValues("${PROFILE}")`);
    assert.deepEqual(written, await expectedProfileTable());
    assert.match(await status.textContent(), /^Satt inn «Kommunehelse, Bærum 2024» \(17 rader\) i Ark1!A1:J18\.$/);
  });

  await step("a protected sheet gives a clear message and nothing changes", async () => {
    const before = await book("JSON.stringify([...window.kostraTestWorkbook.sheet('Ark1').cells])");
    await book("window.kostraTestWorkbook.sheet('Ark1').protected = true");
    await page.getByRole("button", { name: "Oppdater alle" }).click();
    await page.locator("#status.error").waitFor();
    assert.match(await status.textContent(), /Arket «Ark1» er beskyttet/);
    assert.equal(await book("JSON.stringify([...window.kostraTestWorkbook.sheet('Ark1').cells])"), before);
    await book("window.kostraTestWorkbook.sheet('Ark1').protected = false");
  });

  await step("an unreachable service gives a clear message and nothing changes", async () => {
    const before = await book("JSON.stringify([...window.kostraTestWorkbook.sheet('Ark1').cells])");
    const quiet = problems.length;
    await page.route(`${baseUrl}/api/profile**`, (route) => route.abort("connectionrefused"));
    await page.getByRole("button", { name: "Sett inn profildiagram" }).click();
    await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Fikk ikke kontakt"));
    await page.unroute(`${baseUrl}/api/profile**`);
    assert.equal(await status.textContent(), "Fikk ikke kontakt med KOSTRA-tjenesten for å hente tjenesteprofilen KHT "
      + "for 3201 2024. Sjekk nettverket, eller om tjenesten kjører.");
    assert.equal(await book("JSON.stringify([...window.kostraTestWorkbook.sheet('Ark1').cells])"), before);
    assert.equal(await book("window.kostraTestWorkbook.tables.length"), 1);
    // Chromium logs the refused request itself; that is the point of this step, not a fault of the pane.
    const unexpected = problems.splice(quiet).filter((p) => !/ERR_CONNECTION_REFUSED/.test(p));
    problems.push(...unexpected);
  });

  await step("Oppdater alle restores the API's figures and keeps the user's own column", async () => {
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
    assert.equal(await status.textContent(), "Oppdaterte 1 tabell:\nKommunehelse, Bærum 2024");
  });

  await step("the pane ran without console errors and asked for nothing outside the service", async () => {
    assert.deepEqual(problems, []);
  });

  await browser.screenshot(page, screenshot);
} finally {
  await browser.close();
  summary();
}
