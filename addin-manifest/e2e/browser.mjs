// Headless Chromium for the end-to-end tests, with no network: office.js and Office's custom-functions runtime are
// answered by the fakes in this folder, the service and any other allowed origin pass, and every other address is
// refused and reported. Chromium is Debian's (/usr/bin/chromium, or $CHROMIUM).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";

const here = new URL(".", import.meta.url);
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";
const FAKES = {
  [`${OFFICE_CDN}lib/1/hosted/office.js`]: readFileSync(new URL("fake-office.js", here), "utf8"),
  [`${OFFICE_CDN}lib/1/hosted/custom-functions-runtime.js`]: readFileSync(new URL("fake-functions-runtime.js", here), "utf8"),
  [`${OFFICE_CDN}kostra-test/fake-excel.js`]: readFileSync(new URL("../test/support/fake-excel.js", here), "utf8"),
};

/**
 * @param {string[]} origins addresses the pages may reach (the service; a sign-in provider)
 * @param {object} options acceptInsecureCerts for a provider on a self-signed certificate
 */
export async function openBrowser(origins, { acceptInsecureCerts = false } = {}) {
  const profileDir = mkdtempSync(join(tmpdir(), "kostra-e2e-chromium-"));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 380, height: 1180 },
    locale: "nb-NO",
    ignoreHTTPSErrors: acceptInsecureCerts,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const problems = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (FAKES[url] !== undefined) {
      return route.fulfill({ contentType: "text/javascript", body: FAKES[url], headers: { "Access-Control-Allow-Origin": "*" } });
    }
    if (origins.some((origin) => url.startsWith(origin))) return route.continue();
    problems.push(`A page asked for an address outside the service: ${url}`);
    return route.abort();
  });
  const watch = (page) => {
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console error (${page.url()}): ${m.text()}`); });
    page.on("pageerror", (e) => problems.push(`page error (${page.url()}): ${e.message}`));
  };
  context.on("page", watch);
  context.pages().forEach(watch);
  return {
    context,
    problems,
    page: async () => context.pages()[0] || context.newPage(),
    /** Leaves a picture of the page for whoever reads the test's output. */
    screenshot: async (page, path) => {
      mkdirSync(dirname(path), { recursive: true });
      await page.screenshot({ path, fullPage: true });
      console.log(`screenshot: ${path}`);
    },
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Runs named steps, printing TAP-like lines; the summary line is what the Java test checks. */
export function steps() {
  const results = [];
  return {
    async step(name, body) {
      try {
        await body();
        results.push([name, null]);
        console.log(`ok - ${name}`);
      } catch (e) {
        results.push([name, e]);
        console.log(`not ok - ${name}\n${e.stack}`);
        throw e;
      }
    },
    summary() {
      const failed = results.filter(([, e]) => e).length;
      console.log(`${results.length - failed} passed, ${failed} failed`);
    },
  };
}
