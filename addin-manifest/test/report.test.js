// «Last ned rapportarbeidsbok»: the pane downloads the service's filled report workbook (plain or refreshable) and
// opens it in Excel with Excel.createWorkbook, which needs ExcelApi 1.8.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { ApiError, KostraApi, base64 } from "../src/taskpane/api.js";
import { namesFrom, openReport, opensWorkbooks, reportFor, reportOffer } from "../src/taskpane/taskpane.js";
import { FakeWorkbook, fakeExcelNamespace } from "./support/fake-excel.js";
import { officeWith } from "./support/office.js";
import { fakeFetch, fixture } from "./support/fixtures.js";

const JSZip = createRequire(import.meta.url)("jszip");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const { reports } = fixture("reports.json");
const { areas } = fixture("areas.json");
const names = namesFrom(fixture("regions.json").regions, areas);
const KOMMUNEHELSE = reports.find((r) => r.id === "kommunehelse");
const WHAT = "rapportarbeidsboken «Kommunehelse» for Bærum 2024";
const PLAIN_URL = "/api/reports/kommunehelse.xlsx?region=3201&year=2024";
const REFRESHABLE_URL = `${PLAIN_URL}&refreshable=true`;
const START_PAGE = "https://kostra.example.no/";

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

test("the report is the template for the chosen profile's area", () => {
  assert.equal(reportFor(reports, areas, "KHT").id, "kommunehelse");
  assert.equal(reportFor(reports, areas, "PLO_67").id, "pleie-og-omsorg", "a profile of an area: the area's report");
  assert.equal(reportFor(reports.filter((r) => r.area !== "PLO"), areas, "PLO_67"), null);
});

test("without a template for the area the button is off and the hint says why", () => {
  assert.deepEqual(reportOffer(null, true, "Pleie og omsorg", START_PAGE),
    { enabled: false, hint: "Tjenesten har ingen rapportarbeidsbok for Pleie og omsorg." });
});

test("an Excel without ExcelApi 1.8 is told in one sentence where to get the workbook instead", () => {
  const excel2016 = officeWith("1.7");

  const offer = reportOffer(KOMMUNEHELSE, opensWorkbooks(excel2016), "Kommunehelse", START_PAGE);

  assert.equal(opensWorkbooks(excel2016), false);
  assert.equal(opensWorkbooks(officeWith("1.8")), true);
  assert.equal(opensWorkbooks(undefined), false, "outside Office nothing is claimed");
  assert.equal(offer.enabled, true, "a click says the same, in the status line");
  assert.equal(offer.hint, "Denne utgaven av Excel kan ikke åpne arbeidsbøker fra panelet (det krever Excel 2019 eller"
    + " nyere, Microsoft 365 eller Excel på nettet), så last ned rapporten fra tjenestens startside,"
    + " https://kostra.example.no/.");
});

test("«Last ned rapportarbeidsbok» opens the refreshable report as a new workbook in Excel and says so", async () => {
  const book = new FakeWorkbook();
  const Excel = fakeExcelNamespace(book);
  const api = new KostraApi("", fakeFetch({ [REFRESHABLE_URL]: [200, await xlsxBytes()] }));

  const said = await openReport(Excel, api, reportFor(reports, areas, "KHT"), { region: "3201", year: 2024, refreshable: true },
    names);

  assert.equal(book.createdWorkbooks.length, 1);
  const opened = Buffer.from(book.createdWorkbooks[0], "base64");
  assert.equal(opened.subarray(0, 2).toString("latin1"), "PK");
  assert.ok((await JSZip.loadAsync(opened)).file("xl/workbook.xml"), "Excel was given the workbook itself");
  assert.equal(said, `Åpnet ${WHAT} som en ny arbeidsbok. Tabellene henter nye tall fra KOSTRA-tjenesten når du velger`
    + " Data > Oppdater alt i den.");
  assert.equal(book.runs, 0, "the open workbook is not touched");
});

test("a workbook Excel will not open is reported with Excel's reason, and nothing else is tried", async () => {
  const Excel = { createWorkbook: async () => { throw new Error("The workbook is too large"); } };
  const fetch = fakeFetch({ [PLAIN_URL]: [200, await xlsxBytes()] });

  await assert.rejects(openReport(Excel, new KostraApi("", fetch), KOMMUNEHELSE, { region: "3201", year: 2024, refreshable: false },
    names), { message: `Excel kunne ikke åpne ${WHAT}. The workbook is too large.` });
  assert.equal(fetch.asked.length, 1);
});
