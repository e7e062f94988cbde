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

/** The task pane as Excel shows it on a laptop: 350 × 800 CSS pixels. */
export const PANE = { width: 350, height: 800 };

/**
 * @param {string[]} origins addresses the pages may reach (the service; a sign-in provider)
 * @param {object} options acceptInsecureCerts for a provider on a self-signed certificate
 */
export async function openBrowser(origins, { acceptInsecureCerts = false } = {}) {
  const profileDir = mkdtempSync(join(tmpdir(), "kostra-e2e-chromium-"));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: PANE,
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
    /** Leaves a picture of the page, as much of it as is in view, for whoever reads the test's output. */
    screenshot: async (page, path) => {
      mkdirSync(dirname(path), { recursive: true });
      await page.screenshot({ path });
      console.log(`screenshot: ${path}`);
    },
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Records every text the page's status line shows (window.kostraStatusLog), from before the pane's script runs, so a
 * test can read each message the person saw, not only the last.
 */
export async function recordStatus(page) {
  await page.addInitScript(() => {
    window.kostraStatusLog = [];
    document.addEventListener("DOMContentLoaded", () => {
      const status = document.getElementById("status");
      if (!status) return;
      new MutationObserver(() => {
        if (status.textContent) window.kostraStatusLog.push(status.textContent);
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
  });
}

/**
 * Controls the status box covers: every visible button, field and list in the pane, scrolled into view in turn, whose
 * box meets the status box's or whose middle is not itself on top. An empty list is the promise kept.
 */
export async function coveredControls(page) {
  const controls = page.locator("main button:visible, main select:visible, main input:visible");
  const status = await page.locator("#status").boundingBox();
  const covered = [];
  for (let i = 0; i < await controls.count(); i++) {
    const control = controls.nth(i);
    await control.scrollIntoViewIfNeeded();
    const box = await control.boundingBox();
    const meets = status && box.y < status.y + status.height && status.y < box.y + box.height
      && box.x < status.x + status.width && status.x < box.x + box.width;
    const onTop = await control.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return top !== null && (top === e || e.contains(top));
    });
    if (meets || !onTop) covered.push(await control.evaluate((e) => e.id || e.textContent.trim() || e.outerHTML.slice(0, 60)));
  }
  return covered;
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
