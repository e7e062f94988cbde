// «Last ned rapportarbeidsbok»: the pane downloads the service's filled report workbook (plain or refreshable) and
// opens it in Excel with Excel.createWorkbook, which needs ExcelApi 1.8.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { ApiError, KostraApi, base64 } from "../src/taskpane/api.js";
import { fakeFetch } from "./support/fixtures.js";

const JSZip = createRequire(import.meta.url)("jszip");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const WHAT = "rapportarbeidsboken «Kommunehelse» for Bærum 2024";
const PLAIN_URL = "/api/reports/kommunehelse.xlsx?region=3201&year=2024";
const REFRESHABLE_URL = `${PLAIN_URL}&refreshable=true`;

/** A small but real xlsx package: a zip with the parts every workbook has. */
async function xlsxBytes() {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  zip.file("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

test("the workbook comes as base64 of the service's bytes, asked as an xlsx with the token in a header", async () => {
  const bytes = await xlsxBytes();
  const fetch = fakeFetch({ [REFRESHABLE_URL]: [200, bytes] });
  const api = new KostraApi("https://kostra.test", fetch, async () => "kostra_hemmelig");

  const workbook = await api.reportWorkbook("kommunehelse", "3201", 2024, true, WHAT);

  assert.deepEqual(Buffer.from(workbook, "base64"), Buffer.from(bytes));
  assert.deepEqual(fetch.asked, [`https://kostra.test${REFRESHABLE_URL}`]);
  assert.deepEqual(fetch.authorizations, ["Bearer kostra_hemmelig"]);
  assert.deepEqual(fetch.accepts, [XLSX]);
  assert.ok(!fetch.asked[0].includes("hemmelig"), "the token is never in the address");
});

test("a plain workbook is asked without the refreshable parameter", async () => {
  const fetch = fakeFetch({ [PLAIN_URL]: [200, await xlsxBytes()] });

  await new KostraApi("", fetch).reportWorkbook("kommunehelse", "3201", 2024, false, WHAT);

  assert.deepEqual(fetch.asked, [PLAIN_URL]);
});

test("a failed download says what was asked in the words every other call uses", async () => {
  const failing = (answer) => new KostraApi("", fakeFetch({ [PLAIN_URL]: answer }))
    .reportWorkbook("kommunehelse", "3201", 2024, false, WHAT);
  const html = new TextEncoder().encode("<!doctype html><p>Innlogging</p>");

  await assert.rejects(failing(new TypeError("Failed to fetch")), { status: 0, message: `Fikk ikke kontakt med`
    + ` KOSTRA-tjenesten for å hente ${WHAT}. Sjekk nettverket, eller om tjenesten kjører.` });
  await assert.rejects(failing([401, { error: "Mangler token" }]),
    { status: 401, message: `KOSTRA-tjenesten godtok ikke innloggingen da vi hentet ${WHAT}. Logg inn på nytt.` });
  await assert.rejects(failing([404, { error: "Fant ikke region 3201 i 2024" }]),
    { status: 404, message: `Kunne ikke hente ${WHAT}: Fant ikke region 3201 i 2024` });
  await assert.rejects(failing([500, { error: "Intern feil i tjenesten." }]),
    { status: 500, message: `Feil i KOSTRA-tjenesten da vi hentet ${WHAT}: Intern feil i tjenesten.` });
  await assert.rejects(failing([502, html]), { status: 502, message: `Feil i KOSTRA-tjenesten da vi hentet ${WHAT}: HTTP-status 502` });
  await assert.rejects(failing([200, html]), (e) => e instanceof ApiError
    && e.message === `KOSTRA-tjenesten svarte med noe annet enn en arbeidsbok da vi hentet ${WHAT}.`);
});

test("base64 of a workbook larger than one slice of the conversion is the standard encoding of every byte", () => {
  const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 256);

  assert.equal(base64(bytes), Buffer.from(bytes).toString("base64"));
  assert.equal(base64(new Uint8Array(0)), "");
});
