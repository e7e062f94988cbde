// End-to-end test of signing in with a personal API token: the real service with `--auth tokens`, the pane in headless
// Chromium at 350 × 800. The person pastes the token `token create` printed; the pane and a worksheet function send
// it; «Logg ut» forgets it.
// Usage: node e2e/token.mjs BASE_URL TOKEN SCREENSHOT.png
import assert from "node:assert/strict";
import { openBrowser, recordStatus, steps } from "./browser.mjs";

const [baseUrl, token, screenshot] = process.argv.slice(2);
if (!baseUrl || !token || !screenshot) {
  console.error("Usage: node e2e/token.mjs BASE_URL TOKEN SCREENSHOT.png");
  process.exit(2);
}
const KEPT = "kostra.accessToken";
const VALUE = "/api/value?region=3201&indicator=KHT.ressursbruksindikator&year=2024";

const { step, summary } = steps();
const browser = await openBrowser([baseUrl]);
const { context, problems } = browser;
const sent = [];
context.on("request", (request) => {
  if (request.url().startsWith(`${baseUrl}/api/`)) sent.push([new URL(request.url()).pathname, request.headers().authorization]);
});
/** What a worksheet function answers, in a page of its own as Excel's functions runtime would run it. */
async function verdi() {
  const functions = await context.newPage();
  await functions.goto(`${baseUrl}/addin/functions/functions.html`);
  const answer = await functions.evaluate(() => new Promise((resolve) => {
    window.kostraTestFunctions.VERDI("Bærum", "KHT.ressursbruksindikator", 2024, {
      setResult: (v) => resolve(v && v.code ? `${v.code} ${v.message}` : v),
    });
  }));
  await functions.close();
  return answer;
}
try {
  const page = await browser.page();
  const status = page.locator("#status");
  const kept = () => page.evaluate((key) => window.localStorage.getItem(key), KEPT);
  await recordStatus(page);

  await step("without a token the service refuses, and the pane asks for the personal token", async () => {
    assert.equal((await fetch(`${baseUrl}/api/regions`)).status, 401);
    const settings = await (await fetch(`${baseUrl}/api/addin/sign-in`)).json();
    assert.deepEqual(settings, { required: true, tokens: true, oidc: null });
    await page.goto(`${baseUrl}/addin/taskpane/taskpane.html`);
    await page.locator("#token").waitFor({ state: "visible" });
    assert.equal(await page.locator("#sign-in").isVisible(), false, "no «Logg inn» without OpenID Connect");
    assert.equal(await status.textContent(), "Du må logge inn for å hente tall fra KOSTRA-tjenesten: lim inn ditt personlige API-token.");
    assert.equal(await page.locator("#region option").count(), 0);
  });

  await step("a token the service does not know is refused, said so, and not kept", async () => {
    const quiet = problems.length;
    await page.fill("#token", `kostra_${"x".repeat(43)}`);
    await page.getByRole("button", { name: "Bruk tokenet" }).click();
    await page.locator("#status.error").waitFor();
    assert.equal(await status.textContent(), "KOSTRA-tjenesten godtok ikke tokenet: det er ukjent, utløpt eller trukket"
      + " tilbake. Sjekk at du limte inn hele tokenet, eller be den som drifter tjenesten om et nytt.");
    assert.equal(await kept(), null);
    problems.push(...problems.splice(quiet).filter((p) => !/status of 401/.test(p)));
  });

  await step("the personal token signs in, the choices load, and the first click inserts the profile", async () => {
    await page.fill("#token", token);
    await page.getByRole("button", { name: "Bruk tokenet" }).click();
    await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Velg kommune"));
    assert.equal(await page.locator("#account-name").textContent(),
      `Logget inn med personlig API-token (${token.slice(0, 13)}…).`);
    assert.equal(await page.locator("#sign-in-section").isHidden(), true);
    assert.equal(await page.locator("#token").inputValue(), "", "the token does not stay in the field");
    await page.getByRole("button", { name: "Sett inn tjenesteprofil" }).click();
    await page.locator("#status.ok").waitFor();
    assert.match(await status.textContent(), /^Satt inn tjenesteprofilen for Kommunehelse, Bærum 2024 \(17 rader\)/);
    const authorized = sent.filter(([path]) => path !== "/api/addin/sign-in").slice(-4);
    assert.ok(authorized.every(([, authorization]) => authorization === `Bearer ${token}`), JSON.stringify(authorized));
  });

  await step("a worksheet function sends the token the pane kept and answers the service's figure", async () => {
    const expected = await (await fetch(`${baseUrl}${VALUE}`, { headers: { Authorization: `Bearer ${token}` } })).json();
    assert.equal(await verdi(), expected.value);
    assert.deepEqual(sent.filter(([path]) => path === "/api/value").map(([, a]) => a), [`Bearer ${token}`]);
  });

  await step("«Last ned rapportarbeidsbok» sends the token as a header, never in the address, and opens the workbook", async () => {
    const addresses = [];
    const listen = (request) => { if (request.url().includes("/api/reports/")) addresses.push(request.url()); };
    page.on("request", listen);
    await page.getByRole("button", { name: "Last ned rapportarbeidsbok" }).click();
    await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Åpnet rapportarbeidsboken"));
    page.off("request", listen);
    assert.equal(addresses.length, 1);
    assert.ok(!addresses[0].includes(token.slice(7)), "the token is not in the address");
    assert.deepEqual(sent.filter(([path]) => path.startsWith("/api/reports/")).map(([, a]) => a), [`Bearer ${token}`]);
    const opened = await page.evaluate(() => window.kostraTestWorkbook.createdWorkbooks);
    assert.equal(opened.length, 1);
    assert.equal(Buffer.from(opened[0], "base64").subarray(0, 2).toString("latin1"), "PK");
  });

  await step("the pane opened again remembers the token", async () => {
    await page.reload();
    await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Velg kommune"));
    assert.equal(await page.locator("#account").isVisible(), true);
    assert.equal(await page.locator("#token").isVisible(), false);
  });

  await step("«Logg ut» forgets the token: the pane asks for it again, and the worksheet functions stop sending it", async () => {
    await page.getByRole("button", { name: "Logg ut" }).click();
    await page.locator("#token").waitFor({ state: "visible" });
    assert.match(await status.textContent(), /^Du er logget ut/);
    assert.equal(await kept(), null);
    const quiet = problems.length;
    assert.equal(await verdi(), "#N/A KOSTRA-tjenesten krever innlogging: åpne KOSTRA-panelet og logg inn. Verdien hentes da av seg selv.");
    problems.push(...problems.splice(quiet).filter((p) => !/status of 401/.test(p)));
    await browser.screenshot(page, screenshot);
  });

  await step("the pages ran without console errors and asked for nothing outside the service", async () => {
    assert.deepEqual(problems, []);
  });
} finally {
  await browser.close();
  summary();
}
