// The task pane's Excel actions. Each is one Excel.run: queue every load, sync, check, then write and sync. Nothing is
// written before every check has passed, so a failure leaves the workbook as it was.
//
// The tables the add-in puts into a workbook are remembered in the workbook itself (workbook settings, key
// BINDINGS_SETTING): a list of bindings {table, kind, request, title, label}. "Oppdater alle" reads them back, so a
// workbook mailed to a colleague refreshes on their machine too. A refresh writes only the cells of the add-in's own
// columns, found by header name, and matches rows by the key column: the user's formatting, sorting and extra columns
// stay. Messages name a table as a person would (its label, «tjenesteprofilen for Kommunehelse, Bærum 2024»), never
// by its Excel name, which is the add-in's key and means nothing to the reader.
//
// A cell's number format is always set before its value: Excel makes a text that starts with "=" a live formula
// unless the cell is already formatted as text ("@"), and names come from data (a catalogue, an import).

import { PRELIMINARY_MARK, TEXT } from "./layouts.js";

export const BINDINGS_SETTING = "kostra.bindings";
/** The preliminary mark as it stands at the end of a number format. */
const MARK = `"${PRELIMINARY_MARK}"`;

/** A failure the pane shows as it is: plain Norwegian, naming the table, and nothing was changed. */
export class WorkbookError extends Error {
  constructor(message) {
    super(message);
    this.name = "WorkbookError";
  }
}

const UNCHANGED = "Ingenting i arbeidsboken er endret.";

/** The bindings stored in the workbook (an empty list when the add-in has written nothing yet). */
export async function readBindings(Excel) {
  return Excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(BINDINGS_SETTING);
    setting.load("value");
    await context.sync();
    return parseBindings(setting);
  });
}

/**
 * Inserts a table (and its chart) at the selected cell, or refreshes it in place when the workbook already has the
 * table this layout names. When the cells there are not empty (a second insert at the same place), the table goes to
 * the first free rows below everything on the sheet, its charts included, in the selected column.
 * @param binding the binding to remember, with its `label`
 * @returns {{action: "inserted"|"refreshed", table: string, address?: string, moved?: boolean}}
 */
export async function insertOrRefresh(Excel, layout, binding) {
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const setting = wb.settings.getItemOrNullObject(BINDINGS_SETTING);
    setting.load("value");
    const existing = loadTable(wb, layout.name);
    const selected = wb.getSelectedRange().getCell(0, 0);
    selected.load("columnIndex");
    const target = selected.getResizedRange(layout.rows.length, layout.header.length - 1);
    target.load("values");
    const sheet = target.worksheet;
    sheet.load("name");
    sheet.protection.load("protected");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex, rowCount");
    sheet.charts.load("items/top, items/height");
    await context.sync();

    const bindings = parseBindings(setting);
    let result;
    if (!existing.table.isNullObject) {
      const write = withUnchanged(() => planRefresh(existing, layout, binding.label));
      write();
      result = { action: "refreshed", table: layout.name };
    } else {
      if (sheet.protection.protected) throw new WorkbookError(`${protectedSheet(sheet.name, binding.label)} ${UNCHANGED}`);
      const moved = occupied(target);
      const place = moved ? await nextFreePlace(context, sheet, selected, used, layout) : { anchor: selected, target };
      insertTable(sheet, place.target, place.anchor, layout);
      place.target.load("address");
      result = { action: "inserted", table: layout.name, target: place.target, moved };
    }
    const others = bindings.filter((b) => b.table !== layout.name);
    wb.settings.add(BINDINGS_SETTING, JSON.stringify([...others, { ...binding, table: layout.name, title: layout.title }]));
    await context.sync();
    if (result.target) {
      const { target: written, ...rest } = result;
      return { ...rest, address: written.address };
    }
    return result;
  });
}

/**
 * Refreshes every bound table. layouts: [{binding, layout}] for every binding (each binding with its `label`), fetched
 * beforehand. All tables are checked before any is written: one that is missing, renamed, changed or protected stops
 * the whole refresh.
 */
export async function refreshTables(Excel, layouts) {
  return Excel.run(async (context) => {
    const loaded = layouts.map(({ binding, layout }) => ({ binding, layout, existing: loadTable(context.workbook, binding.table) }));
    await context.sync();
    const problems = [];
    const writes = [];
    for (const { binding, layout, existing } of loaded) {
      try {
        if (existing.table.isNullObject) throw new WorkbookError(missingTable(binding.label));
        writes.push(planRefresh(existing, layout, binding.label));
      } catch (e) {
        if (!(e instanceof WorkbookError)) throw e;
        problems.push(e.message);
      }
    }
    if (problems.length > 0) {
      throw new WorkbookError(`${problems.join(" ")} ${UNCHANGED}`);
    }
    writes.forEach((write) => write());
    await context.sync();
    return { refreshed: loaded.map((l) => l.binding.table) };
  });
}

function withUnchanged(check) {
  try {
    return check();
  } catch (e) {
    if (e instanceof WorkbookError) throw new WorkbookError(`${e.message} ${UNCHANGED}`);
    throw e;
  }
}

function parseBindings(setting) {
  if (setting.isNullObject || !setting.value) return [];
  try {
    const list = JSON.parse(setting.value);
    return Array.isArray(list) ? list : [];
  } catch (e) {
    throw new WorkbookError("Listen over KOSTRA-tabeller i arbeidsboken er skadet og kan ikke leses. "
      + "Sett inn tabellene på nytt.");
  }
}

/** Queues what a refresh needs to know about a table; null objects when the workbook has no such table. */
function loadTable(workbook, name) {
  const table = workbook.tables.getItemOrNullObject(name);
  table.load("name");
  const sheet = table.worksheet;
  sheet.load("name");
  sheet.protection.load("protected");
  const header = table.getHeaderRowRange();
  header.load("values");
  const body = table.getDataBodyRange();
  body.load("values, numberFormat");
  return { table, sheet, header, body };
}

function missingTable(label) {
  return `Fant ikke tabellen med ${label}: den er slettet eller har fått nytt navn. Sett den inn på nytt.`;
}

function protectedSheet(sheetName, label) {
  return `Arket «${sheetName}» er beskyttet, så ${label} kan ikke skrives. `
    + "Opphev arkbeskyttelsen (Se gjennom > Opphev arkbeskyttelse) og prøv igjen.";
}

function marked(format) {
  return String(format).endsWith(MARK);
}

/** The cell's own format with the preliminary mark added or taken away, the rest as the user left it. */
function remarked(format, preliminary) {
  const own = marked(format) ? String(format).slice(0, -MARK.length) : String(format);
  return preliminary ? `${own}${MARK}` : own;
}

/** Checks a bound table against the new layout and returns the write, to be run only when every check passed. */
function planRefresh({ table, sheet, header, body }, layout, label) {
  if (sheet.protection.protected) throw new WorkbookError(protectedSheet(sheet.name, label));
  const names = header.values[0].map(String);
  const missing = layout.header.filter((h) => !names.includes(h));
  if (missing.length > 0) {
    throw new WorkbookError(`Tabellen med ${label} mangler kolonnen ${missing.map((m) => `«${m}»`).join(", ")}`
      + " (slettet eller omdøpt). Gi kolonnen navnet igjen, eller sett inn tabellen på nytt.");
  }
  const keyIndex = names.indexOf(layout.key);
  const existingRows = body.values;
  const existingFormats = body.numberFormat;
  const rowOfKey = new Map();
  existingRows.forEach((row, i) => {
    const key = String(row[keyIndex]);
    if (key !== "" && !rowOfKey.has(key)) rowOfKey.set(key, i);
  });
  const layoutKey = layout.header.indexOf(layout.key);
  const added = layout.rows.filter((row) => !rowOfKey.has(String(row[layoutKey])));
  const total = existingRows.length + added.length;

  // Column by column: every add-in column gets its new values. A row whose key the data no longer has keeps its
  // key and loses its figures; it is not deleted, so nothing the user put beside it moves.
  const columns = layout.header.map((name, c) => {
    const values = Array.from({ length: total }, (_, i) => [c === layoutKey && i < existingRows.length ? existingRows[i][keyIndex] : ""]);
    layout.rows.forEach((row) => {
      const key = String(row[layoutKey]);
      const at = rowOfKey.has(key) ? rowOfKey.get(key) : existingRows.length + added.indexOf(row);
      values[at] = [row[c]];
    });
    const text = layout.formats.length > 0 && layout.formats.every((formats) => formats[c] === TEXT);
    return { name, values, text };
  });
  // A figure that became final (or preliminary) since the last refresh gets or loses its mark; the rest of the
  // cell's format is the user's and stays.
  const remarks = [];
  layout.rows.forEach((row, r) => {
    const at = rowOfKey.get(String(row[layoutKey]));
    if (at === undefined) return;
    layout.header.forEach((name, c) => {
      const current = existingFormats[at][names.indexOf(name)];
      const preliminary = marked(layout.formats[r][c]);
      if (preliminary !== marked(current)) remarks.push({ name, at, format: remarked(current, preliminary) });
    });
  });
  const addedFormats = added.map((row) => layout.formats[layout.rows.indexOf(row)]);
  return () => {
    if (added.length > 0) {
      table.rows.add(null, added.map(() => names.map(() => "")));
      addedFormats.forEach((formats, i) => {
        layout.header.forEach((name, c) => {
          table.columns.getItem(name).getDataBodyRange().getCell(existingRows.length + i, 0).numberFormat = [[formats[c]]];
        });
      });
    }
    remarks.forEach(({ name, at, format }) => {
      table.columns.getItem(name).getDataBodyRange().getCell(at, 0).numberFormat = [[format]];
    });
    for (const column of columns) {
      const range = table.columns.getItem(column.name).getDataBodyRange();
      // a text column is made text again first, in case the user gave a cell of it another format
      if (column.text) range.numberFormat = column.values.map(() => [TEXT]);
      range.values = column.values;
    }
  };
}

function occupied(target) {
  return target.values.some((row) => row.some((v) => v !== "" && v !== null));
}

/**
 * The first free place under everything on the sheet: below the last row with a value and below the lowest chart
 * (charts float over cells, so their bottom in points is turned into rows from the first row under the values), with
 * one empty row between, in the selected column. One more sync, to learn where that first row is.
 */
async function nextFreePlace(context, sheet, selected, used, layout) {
  const below = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
  const chartBottom = Math.max(0, ...sheet.charts.items.map((c) => c.top + c.height));
  const first = sheet.getCell(below, 0);
  first.load("top, height");
  await context.sync();
  const underCharts = chartBottom > first.top ? Math.ceil((chartBottom - first.top) / first.height) : 0;
  const anchor = sheet.getCell(below + underCharts + 1, selected.columnIndex);
  return { anchor, target: anchor.getResizedRange(layout.rows.length, layout.header.length - 1) };
}

function insertTable(sheet, target, anchor, layout) {
  target.numberFormat = [layout.header.map(() => TEXT), ...layout.formats];
  target.values = [layout.header, ...layout.rows];
  const table = sheet.tables.add(target, true);
  table.name = layout.name;
  table.getRange().format.autofitColumns();
  if (layout.chart) {
    const chart = sheet.charts.add(layout.chart.type, table.getRange(), layout.chart.seriesBy || "Auto");
    chart.name = `${layout.name}_diagram`;
    chart.title.text = layout.chart.title;
    // Below the table, with a row of air: the chart never covers the figures it shows.
    chart.setPosition(anchor.getOffsetRange(layout.rows.length + 2, 0),
      anchor.getOffsetRange(layout.rows.length + 20, Math.max(layout.header.length - 1, 7)));
  }
}
