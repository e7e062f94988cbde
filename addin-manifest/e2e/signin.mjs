// End-to-end test of signing in from the task pane: the real service with `--auth oidc`, a real OpenID provider on
// loopback HTTPS (the Java test's LocalOpenIdProvider), MSAL.js in headless Chromium doing the authorization code flow
// with PKCE in Office's dialog (faked as a browser window, as Office has no nested app authentication here), then the
// pane and a worksheet function reading figures with the access token.
// Usage: node e2e/signin.mjs BASE_URL ISSUER SCREENSHOT.png
import assert from "node:assert/strict";
import { openBrowser, steps } from "./browser.mjs";

const [baseUrl, issuer, screenshot] = process.argv.slice(2);
if (!baseUrl || !issuer || !screenshot) {
  console.error("Usage: node e2e/signin.mjs BASE_URL ISSUER SCREENSHOT.png");
  process.exit(2);
}
const AUDIENCE = "api://kostra-workbench";
const VALUE = "/api/value?region=3201&indicator=KHT.ressursbruksindikator&year=2024";

const claims = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));

const { step, summary } = steps();
const browser = await openBrowser([baseUrl, new URL(issuer).origin], { acceptInsecureCerts: true });
const { context, problems } = browser;
const sent = [];
context.on("request", (request) => {
  if (request.url().startsWith(`${baseUrl}/api/`)) sent.push([new URL(request.url()).pathname, request.headers().authorization]);
});
try {
  const page = await browser.page();
  const status = page.locator("#status");
  let accessToken;

  await step("without a token the service refuses, and the pane asks the person to sign in", async () => {
    assert.equal((await fetch(`${baseUrl}/api/regions`)).status, 401);
    await page.goto(`${baseUrl}/addin/taskpane/taskpane.html`);
    await page.locator("#sign-in").waitFor({ state: "visible" });
    assert.equal(await status.textContent(), "Du må logge inn for å hente tall fra KOSTRA-tjenesten.");
    assert.equal(await page.locator("#region option").count(), 0);
  });

  await step("«Logg inn» signs in through the dialog and the provider, and the pane loads its choices", async () => {
    const dialog = context.waitForEvent("page");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await (await dialog).waitForEvent("close", { timeout: 60000 });
    await page.locator("#region option").first().waitFor({ state: "attached" });
    assert.equal(await page.locator("#account-name").textContent(), "Logget inn som kari.nordmann@baerum.kommune.no.");
    assert.equal(await page.locator("#sign-in-section").isHidden(), true);
  });

  await step("every call after signing in carries the access token for the service, never the ID token", async () => {
    await page.selectOption("#area", "KHT");
    await page.selectOption("#year", "2024");
    await page.getByRole("button", { name: "Sett inn tjenesteprofil" }).click();
    await page.locator("#status.ok").waitFor();
    assert.match(await status.textContent(), /^Satt inn tjenesteprofilen for Kommunehelse, Bærum 2024 \(17 rader\)/);

    const authorized = sent.filter(([path]) => path !== "/api/addin/sign-in");
    assert.ok(authorized.length >= 4, `calls made: ${JSON.stringify(sent)}`);
    const bearers = new Set(authorized.map(([, authorization]) => authorization));
    assert.equal(bearers.size, 1, `one token for every call: ${[...bearers]}`);
    accessToken = [...bearers][0].replace(/^Bearer /, "");
    const token = claims(accessToken);
    assert.equal(token.aud, AUDIENCE);
    assert.equal(token.scp, "Kostra.Access");
    assert.equal(token.iss, issuer);
    assert.equal(token.nonce, undefined, "an ID token carries the nonce; this must be the access token");
    const settings = sent.filter(([path]) => path === "/api/addin/sign-in");
    assert.ok(settings.length >= 2, "asked by the pane and by the dialog");
    assert.ok(settings.every(([, authorization]) => authorization === undefined), "the sign-in settings are asked without a token");
  });

  await step("a worksheet function sends the token the pane kept and answers the service's figure", async () => {
    const expected = await (await fetch(`${baseUrl}${VALUE}`, { headers: { Authorization: `Bearer ${accessToken}` } })).json();
    const functions = await context.newPage();
    await functions.goto(`${baseUrl}/addin/functions/functions.html`);
    const value = await functions.evaluate(() => new Promise((resolve) => {
      window.kostraTestFunctions.VERDI("3201", "KHT.ressursbruksindikator", 2024, {
        setResult: (v) => resolve(v instanceof Error || (v && v.code) ? `error: ${v.message}` : v),
      });
    }));
    assert.equal(typeof expected.value, "number");
    assert.equal(value, expected.value);
    const asked = sent.filter(([path]) => path === "/api/value");
    assert.deepEqual(asked.map(([, a]) => a), [`Bearer ${accessToken}`]);
    await functions.close();
  });

  await step("a token the service refuses brings back «Logg inn», and after signing in again the action works", async () => {
    const quiet = problems.length;
    await page.route(`${baseUrl}/api/profile**`, (route) => route.fulfill({ status: 401, contentType: "application/json",
      body: JSON.stringify({ error: "Tokenet er ukjent, utløpt, trukket tilbake eller ikke for denne tjenesten" }) }));
    await page.getByRole("button", { name: "Sett inn tjenesteprofil" }).click();
    await page.locator("#sign-in").waitFor({ state: "visible" });
    await page.unroute(`${baseUrl}/api/profile**`);
    const dialog = context.waitForEvent("page");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await (await dialog).waitForEvent("close", { timeout: 60000 });
    await page.waitForFunction(() => document.querySelector("#status").textContent === "Logget inn på nytt. Prøv igjen.");
    await page.getByRole("button", { name: "Sett inn tjenesteprofil" }).click();
    await page.waitForFunction(() => !["Logget inn på nytt. Prøv igjen.", "Henter tall …"]
      .includes(document.querySelector("#status").textContent));
    assert.equal(await status.textContent(), "Oppdaterte tjenesteprofilen for Kommunehelse, Bærum 2024 på stedet.");
    // Chromium logs the refused request itself; that is what this step made happen.
    problems.push(...problems.splice(quiet).filter((p) => !/status of 401/.test(p)));
  });

  await step("the pages ran without console errors and asked for nothing outside the service and the provider", async () => {
    assert.deepEqual(problems, []);
  });

  await browser.screenshot(page, screenshot);
} finally {
  await browser.close();
  summary();
}
