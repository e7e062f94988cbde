import { test } from "node:test";
import assert from "node:assert/strict";
import { ApiError, KostraApi } from "../src/taskpane/api.js";
import { insertOrRefresh } from "../src/taskpane/excel.js";
import { profileTable } from "../src/taskpane/layouts.js";
import { fromYearsOffered, layoutFor, matchesRegion, namesFrom, refreshAll, regionLabel, yearsOffered } from "../src/taskpane/taskpane.js";
import { FakeWorkbook } from "./support/fake-excel.js";
import { excelFor } from "./support/office.js";
import { fakeFetch, fixture } from "./support/fixtures.js";

const profile = fixture("profile-KHT-3201-2024.json");
const request = { region: "3201", area: "KHT", year: 2024, comparisons: ["snitt"] };
const PROFILE_URL = "/api/profile?region=3201&area=KHT&year=2024";
const names = namesFrom(fixture("regions.json").regions, fixture("areas.json").areas);
const LABEL = "tjenesteprofilen for Kommunehelse, Bærum 2024";


async function workbookWithProfile() {
  const book = new FakeWorkbook();
  await insertOrRefresh(excelFor(book), profileTable(profile, request.comparisons), { kind: "profile", request, label: LABEL });
  return book;
}

test("an unreachable service says so in Norwegian and names what was asked as a person would", async () => {
  const api = new KostraApi("", fakeFetch({}));

  await assert.rejects(api.profile("3201", "KHT", 2024, LABEL), (e) => e instanceof ApiError && e.status === 0
    && e.message === "Fikk ikke kontakt med KOSTRA-tjenesten for å hente tjenesteprofilen for Kommunehelse, Bærum 2024. "
      + "Sjekk nettverket, eller om tjenesten kjører.");
});

test("a 4xx passes on the service's own message; a 5xx says the fault is the service's", async () => {
  const api = new KostraApi("", fakeFetch({
    "/api/profile?region=9999&area=KHT&year=2024": [404, { error: "Fant ikke region 9999", detail: {} }],
    [PROFILE_URL]: [500, { error: "Intern feil i tjenesten." }],
  }));

  await assert.rejects(api.profile("9999", "KHT", 2024, "tjenesteprofilen for Kommunehelse, 9999 2024"),
    { message: "Kunne ikke hente tjenesteprofilen for Kommunehelse, 9999 2024: Fant ikke region 9999" });
  await assert.rejects(api.profile("3201", "KHT", 2024, LABEL),
    { message: "Feil i KOSTRA-tjenesten da vi hentet tjenesteprofilen for Kommunehelse, Bærum 2024: Intern feil i tjenesten." });
});

test("each kind of binding is fetched again from its own route", async () => {
  const fetch = fakeFetch({
    [PROFILE_URL]: [200, profile],
    "/api/series": [200, fixture("series-KHT-netto-per-innbygger.json")],
    "/api/efficiency": [200, fixture("efficiency-KHT-3201.json")],
  });
  const api = new KostraApi("https://kostra.test", fetch);

  await layoutFor(api, { kind: "profileChart", request }, names);
  await layoutFor(api, { kind: "series", request: { indicator: "KHT.x", regions: ["3201", "ASSS"], from: 2023, to: 2024, adjust: "deflator" } }, names);
  const efficiency = await layoutFor(api, { kind: "efficiency", request: { region: "3201", area: "KHT", from: 2023, to: 2024 } }, names);

  assert.deepEqual(fetch.asked, [
    "https://kostra.test/api/profile?region=3201&area=KHT&year=2024",
    "https://kostra.test/api/series?indicator=KHT.x&regions=3201%2CASSS&from=2023&to=2024&adjust=deflator",
    "https://kostra.test/api/efficiency?region=3201&area=KHT&from=2023&to=2024",
  ]);
  assert.equal(efficiency.title, "Effektivitet i Kommunehelse, Bærum");
});

test("the indicator list is asked for the year chosen, since a profile's rows change from year to year", async () => {
  const fetch = fakeFetch({ "/api/indicators": [200, { area: "KHT", year: 2021, indicators: [] }] });
  const api = new KostraApi("https://kostra.test", fetch);

  await api.indicators("KHT", 2021);

  assert.deepEqual(fetch.asked, ["https://kostra.test/api/indicators?area=KHT&year=2021"]);
});

test("Oppdater alle fetches every bound table with progress, then writes them in one run", async () => {
  const book = await workbookWithProfile();
  const moved = structuredClone(profile);
  moved.profile.rows[0].values[2].value = 0.95;
  const api = new KostraApi("", fakeFetch({ [PROFILE_URL]: [200, moved] }));
  const progress = [];
  const runsBefore = book.runs;

  const result = await refreshAll(excelFor(book), api, names, (p) => progress.push(p));

  assert.deepEqual(result, { refreshed: ["Kostra_profil_KHT_3201_2024"], labels: [LABEL], preliminary: false });
  assert.equal(book.get("Ark1", 1, 5), 0.95);
  assert.deepEqual(progress, [{ done: 0, total: 1, label: LABEL }, { done: 1, total: 1, label: null }]);
  assert.equal(book.runs - runsBefore, 2, "one run reads the bindings, one loads, checks and writes");
});

test("Oppdater alle stops on a failing fetch, names the table and the reason, and leaves the workbook as it was", async () => {
  const book = await workbookWithProfile();
  const before = JSON.stringify([...book.sheet("Ark1").cells]);
  const api = new KostraApi("", fakeFetch({ [PROFILE_URL]: [503, { error: "Databasen svarer ikke" }] }));

  await assert.rejects(refreshAll(excelFor(book), api, names),
    { message: "Kunne ikke oppdatere tjenesteprofilen for Kommunehelse, Bærum 2024. Feil i KOSTRA-tjenesten da vi hentet "
      + "tjenesteprofilen for Kommunehelse, Bærum 2024: Databasen svarer ikke. Ingenting i arbeidsboken er endret." });
  assert.equal(JSON.stringify([...book.sheet("Ark1").cells]), before);
});

test("municipalities are found by name, by today's number and by a former number", () => {
  const baerum = fixture("regions.json").regions.find((r) => r.code === "3201");

  assert.equal(regionLabel(baerum), "Bærum (3201; tidligere 3024, 0219)");
  assert.ok(matchesRegion(baerum, "bæ"));
  assert.ok(matchesRegion(baerum, "baerum"), "æ typed as ae");
  assert.ok(matchesRegion(baerum, "Barum"), "æ typed as a");
  assert.ok(matchesRegion(baerum, "BÆRUM"));
  assert.ok(matchesRegion(baerum, "3201"));
  assert.ok(matchesRegion(baerum, "0219"));
  assert.ok(!matchesRegion(baerum, "Asker"));
});

test("the pane offers the years the profile can be shown for, newest first and chosen", () => {
  // the seeds: Bærum has Kommunehelse figures for 2022–2024, and the profile's layout starts in 2024
  assert.deepEqual(yearsOffered({ withFigures: [2022, 2023, 2024], withProfile: [2024] }, ""), { offered: [2024], chosen: 2024 });
  assert.deepEqual(yearsOffered({ withFigures: [2021, 2022, 2023], withProfile: [2021, 2022, 2023] }, "2022"),
    { offered: [2023, 2022, 2021], chosen: 2022 }, "a year still offered stays chosen");
  assert.deepEqual(yearsOffered({ withFigures: [2021, 2022], withProfile: [] }, "2030"), { offered: [2022, 2021], chosen: 2022 },
    "without a layout, the years with figures (series and efficiency can still be shown)");
  assert.deepEqual(yearsOffered({ withFigures: [], withProfile: [] }, "2024"), { offered: [], chosen: null });
});

test("«Fra år» offers the years with figures up to the chosen year, three years back when it can", () => {
  assert.deepEqual(fromYearsOffered([2022, 2023, 2024], 2024, ""), { offered: [2022, 2023, 2024], chosen: 2022 });
  assert.deepEqual(fromYearsOffered([2014, 2015, 2021, 2022, 2023, 2024], 2024, ""), { offered: [2014, 2015, 2021, 2022, 2023, 2024], chosen: 2021 });
  assert.deepEqual(fromYearsOffered([2022, 2023, 2024], 2024, "2023"), { offered: [2022, 2023, 2024], chosen: 2023 });
  assert.deepEqual(fromYearsOffered([], 2024, ""), { offered: [2024], chosen: 2024 });
});

test("codes in a request are named as the service names them", () => {
  assert.equal(names.region("3201"), "Bærum");
  assert.equal(names.region("ASSS"), "ASSS-snitt");
  assert.equal(names.profile("PLO_67"), "Pleie og omsorg – innbyggere 67 år og eldre");
  assert.equal(names.area("PLO"), "Pleie og omsorg");
});
