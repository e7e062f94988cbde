import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

test("the MSAL.js the service serves is the pinned package's own file, unchanged", () => {
  const installed = JSON.parse(readFileSync(new URL("../node_modules/@azure/msal-browser/package.json", import.meta.url), "utf8"));
  const served = readFileSync(new URL("../src/vendor/msal-browser.min.js", import.meta.url));
  const packaged = readFileSync(new URL("../node_modules/@azure/msal-browser/lib/msal-browser.min.js", import.meta.url));

  assert.equal(installed.version, manifest.devDependencies["@azure/msal-browser"]);
  assert.ok(served.equals(packaged), "src/vendor/msal-browser.min.js differs from the pinned @azure/msal-browser");
  assert.match(served.subarray(0, 60).toString(), new RegExp(`@azure/msal-browser v${installed.version.replaceAll(".", "\\.")} `));
});
