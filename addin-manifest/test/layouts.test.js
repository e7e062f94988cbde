import { test } from "node:test";
import assert from "node:assert/strict";
import { cell, describe, efficiencyTable, numberFormat, profileChartTable, profileTable, rowCount, seriesTable, tableName }
  from "../src/taskpane/layouts.js";
import { fixture } from "./support/fixtures.js";

const profile = fixture("profile-KHT-3201-2024.json");
const row = (layout, name) => layout.rows.find((r) => r[0] === name);

test("the profile table has a row per indicator with Bærum's three years and the ASSS comparisons", () => {
  const layout = profileTable(profile);

  assert.equal(layout.name, "Kostra_profil_KHT_3201_2024");
  assert.equal(layout.key, "Indikator");
  assert.deepEqual(layout.header, ["Indikator", "Kategori", "Enhet", "Bærum 2022", "Bærum 2023", "Bærum 2024",
    "ASSS-snitt 2024", "Høyest ASSS 2024", "Lavest ASSS 2024", "Indeks (ASSS-snitt = 100)"]);
  assert.equal(layout.rows.length, profile.profile.rows.length);
  // 000_…: ressursbruksindikator 1,016 / 0,998 / 0,972; ASSS 1,000, høyest 1,083, lavest 0,926; index 97,2
  assert.deepEqual(row(layout, "Ressursbruksindikator. Kommunehelse*"),
    ["Ressursbruksindikator. Kommunehelse*", "Prioritering", "ratio", 1.016, 0.998, 0.972, 1, 1.083, 0.926, 97.2]);
});

test("every profile cell is the API's figure, or its status symbol where there is none", () => {
  const layout = profileTable(profile, ["snitt"]);

  profile.profile.rows.forEach((r, i) => {
    const expected = [r.name, r.category, r.unit, ...r.values.map(cell), cell(r.asss.mean)];
    assert.deepEqual(layout.rows[i], expected, r.indicator);
  });
  const missing = profile.profile.rows.find((r) => r.values.some((v) => v.status === ".."));
  assert.ok(missing, "the seeds have a figure printed as missing");
  assert.ok(layout.rows.find((r) => r[0] === missing.name).includes(".."));
});

test("number formats follow each indicator's decimals, and changes say pp or %", () => {
  const layout = profileTable(profile, ["avvik", "endring"]);
  const i = profile.profile.rows.findIndex((r) => r.indicator === "KHT.ressursbruksindikator");
  const percent = profile.profile.rows.findIndex((r) => r.unit === "prosent" && r.change);

  assert.equal(layout.formats[i][3], "#,##0.000");
  assert.equal(layout.formats[i][0], "@");
  assert.equal(layout.formats[percent][layout.header.indexOf("Endring fra 2023")], '#,##0.0" pp"');
  assert.equal(layout.formats[i][layout.header.indexOf("Avvik fra ASSS-snitt")], '#,##0.0" %"');
  assert.equal(numberFormat(0), "#,##0");
});

test("the index shows one decimal, as the report workbook's profile table does", () => {
  const layout = profileTable(profile);

  assert.equal(layout.formats[0][layout.header.indexOf("Indeks (ASSS-snitt = 100)")], "#,##0.0");
  assert.deepEqual(profileChartTable(profile).formats[0].slice(1), ["#,##0.0", "#,##0.0", "#,##0.0", "#,##0.0"]);
});

test("a preliminary figure is marked (f) in its number format, and a figure without a vintage is final", () => {
  const march = structuredClone(profile);
  const i = march.profile.rows.findIndex((r) => r.indicator === "KHT.ressursbruksindikator");
  march.profile.rows[i].values[2].vintage = "preliminary";
  march.profile.rows[i].values[1].vintage = "final";
  march.profile.rows[i].asss.mean.vintage = "preliminary";

  const layout = profileTable(march);

  assert.equal(layout.formats[i][layout.header.indexOf("Bærum 2024")], '#,##0.000" (f)"');
  assert.equal(layout.formats[i][layout.header.indexOf("Bærum 2023")], "#,##0.000");
  assert.equal(layout.formats[i][layout.header.indexOf("ASSS-snitt 2024")], '#,##0.000" (f)"');
  assert.equal(layout.rows[i][layout.header.indexOf("Bærum 2024")], 0.972, "the value stays a number");
  assert.equal(layout.preliminary, true);
  assert.equal(profileTable(profile).preliminary, false);
});

test("a preliminary figure of a series is marked too", () => {
  const series = fixture("series-KHT-netto-per-innbygger.json");
  series.series.lines[0].values[1].vintage = "preliminary";

  const layout = seriesTable(series);

  assert.deepEqual(layout.formats[0].slice(1), ["#,##0", '#,##0" (f)"']);
  assert.equal(layout.preliminary, true);
});

test("a table is named in messages as a person would name it, never by its Excel name or a code", () => {
  const names = {
    region: (c) => ({ 3201: "Bærum" })[c],
    profile: (c) => ({ KHT: "Kommunehelse", PLO_67: "Pleie og omsorg – innbyggere 67 år og eldre" })[c],
    area: (c) => ({ KHT: "Kommunehelse" })[c],
  };
  const request = { region: "3201", area: "KHT", year: 2024 };

  assert.equal(describe({ kind: "profile", request }, names), "tjenesteprofilen for Kommunehelse, Bærum 2024");
  assert.equal(describe({ kind: "profileChart", request: { ...request, area: "PLO_67" } }, names),
    "profildiagrammet for Pleie og omsorg – innbyggere 67 år og eldre, Bærum 2024");
  assert.equal(describe({ kind: "efficiency", request: { region: "3201", area: "KHT", from: 2021, to: 2024 } }, names),
    "effektivitetsanalysen for Kommunehelse, Bærum 2021–2024");
  assert.equal(describe({ kind: "series", label: "tidsserien «Netto driftsutgifter» for Bærum og ASSS-snitt" }, names),
    "tidsserien «Netto driftsutgifter» for Bærum og ASSS-snitt");
  assert.equal(describe({ kind: "series", title: "Netto driftsutgifter" }, names), "tabellen «Netto driftsutgifter»");
});

test("one row is «1 rad», more are «rader»", () => {
  assert.equal(rowCount(1), "1 rad");
  assert.equal(rowCount(17), "17 rader");
});

test("the chart table puts every row on the scale where the ASSS mean is 100", () => {
  const layout = profileChartTable(profile);

  assert.equal(layout.name, "Kostra_profildiagram_KHT_3201_2024");
  assert.deepEqual(layout.header, ["Indikator", "Bærum", "Høyest ASSS", "Lavest ASSS", "ASSS-snitt"]);
  // 1,083 / 1,000 × 100 = 108,3; 0,926 / 1,000 × 100 = 92,6
  assert.deepEqual(row(layout, "Ressursbruksindikator. Kommunehelse*"), ["Ressursbruksindikator. Kommunehelse*", 97.2, 108.3, 92.6, 100]);
  assert.equal(layout.chart.type, "BarClustered");
});

test("a series is a row per region and a column per year, with a line chart", () => {
  const layout = seriesTable(fixture("series-KHT-netto-per-innbygger.json"));

  assert.deepEqual(layout.header, ["Region", "2023", "2024"]);
  assert.deepEqual(layout.rows, [["Bærum", 3512, 3650], ["ASSS-snitt", 3390, ".."]]);
  assert.equal(layout.name, "Kostra_serie_KHT_netto_driftsutgifter_per_innbygger_3201_ASSS_2023_2024_deflator");
  assert.match(layout.title, /2024-kroner/);
  assert.equal(layout.chart.type, "Line");
});

test("the efficiency split is a row per year with the changes in percentage points", () => {
  const layout = efficiencyTable(fixture("efficiency-KHT-3201.json"), "Kommunehelse");

  assert.equal(layout.title, "Effektivitet i Kommunehelse, Bærum");
  assert.equal(layout.key, "År");
  assert.deepEqual(layout.rows[1].slice(0, 7), [2024, 0.998, 1.019, 0.021, -3.3, 2, 5.1]);
  assert.deepEqual(layout.rows[0].slice(4, 7), ["", "", ""]);
  assert.equal(layout.formats[1][4], '#,##0.0" pp"');
});

test("table names keep only what Excel allows", () => {
  assert.equal(tableName("profil", "PLO_0_66", "3201", 2024), "Kostra_profil_PLO_0_66_3201_2024");
  assert.equal(tableName("serie", "KHT.ressurs-bruk"), "Kostra_serie_KHT_ressurs_bruk");
});
