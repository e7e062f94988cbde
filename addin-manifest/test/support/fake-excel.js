// An in-memory Excel host for tests: sheets of cells, tables, charts, workbook settings and sheet protection,
// behind the slice of the Excel JavaScript API the task pane uses. It keeps Office's discipline: a property can be
// read only after load() and context.sync(), and what is read is the workbook as it was at that sync. Writes change
// the workbook at once (the pane validates before it writes). Used by the Node unit tests and, in the browser, by
// the end-to-end test, which reads back what the pane wrote.
//
// Like Excel, it makes a text written into a cell a live formula when the text starts with "=" and the cell is not
// formatted as text ("@") at the moment of writing; isFormula() tells which cells became one.

const TEXT_FORMAT = "@";
/** Every row is this tall, in points (Excel's default row height); charts are placed in points as in Excel. */
export const ROW_HEIGHT = 15;

export class PropertyNotLoaded extends Error {
  constructor(property) {
    super(`The property '${property}' is not available. Before reading the property's value, call the load method`
      + " on the containing object and call \"context.sync()\" on the associated request context.");
    this.code = "PropertyNotLoaded";
  }
}

export function columnName(index) {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function parseCell(a1) {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`Not a cell address: ${a1}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

export class FakeWorkbook {
  constructor({ sheets = ["Ark1"], selection = "Ark1!A1" } = {}) {
    this.sheets = new Map(sheets.map((name) => [name, { name, protected: false, cells: new Map(), formats: new Map(), formulas: new Set() }]));
    this.tables = [];
    this.charts = [];
    this.settings = new Map();
    this.syncs = 0;
    this.runs = 0;
    this.nextId = 1;
    this.select(selection);
  }

  select(address) {
    const [sheet, cell] = address.split("!");
    this.selection = { sheet, ...parseCell(cell) };
  }

  sheet(name) {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`No sheet ${name}`);
    return s;
  }

  get(sheet, row, col) {
    const v = this.sheet(sheet).cells.get(`${row},${col}`);
    return v === undefined ? "" : v;
  }

  set(sheet, row, col, value) {
    const s = this.sheet(sheet);
    if (s.protected) {
      const e = new Error("The cell or chart you're trying to change is on a protected sheet.");
      e.code = "AccessDenied";
      throw e;
    }
    const key = `${row},${col}`;
    if (value === "" || value === null || value === undefined) s.cells.delete(key);
    else s.cells.set(key, value);
    if (typeof value === "string" && value.startsWith("=") && s.formats.get(key) !== TEXT_FORMAT) s.formulas.add(key);
    else s.formulas.delete(key);
  }

  /** Whether writing made the cell a live formula (a text starting with "=" written while it was not formatted "@"). */
  isFormula(sheet, row, col) {
    return this.sheet(sheet).formulas.has(`${row},${col}`);
  }

  table(name) {
    return this.tables.find((t) => t.name.toLowerCase() === String(name).toLowerCase());
  }

  /** A table's cells as a 2-D array, header first (for assertions). */
  tableValues(name) {
    const t = this.table(name);
    return this.block(t.sheet, t.row, t.col, t.height, t.width);
  }

  block(sheet, row, col, height, width) {
    return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => this.get(sheet, row + r, col + c)));
  }

  /** Runs a batch as Excel.run does: a request context whose sync() makes loaded properties readable. */
  async run(batch) {
    this.runs += 1;
    return batch(new FakeContext(this));
  }
}

class FakeContext {
  constructor(book) {
    this.book = book;
    this.pending = [];
    this.workbook = workbookProxy(this);
  }

  track(proxy) {
    this.pending.push(proxy);
  }

  async sync() {
    this.book.syncs += 1;
    const pending = this.pending;
    this.pending = [];
    for (const proxy of pending) proxy._snapshot();
  }
}

/** A proxy whose listed properties become readable after load + sync, with the values `read()` gives then. */
function proxy(context, readers, methods = {}, writers = {}) {
  const loaded = new Map();
  const requested = new Set();
  const target = {
    isNullObject: false,
    load(props) {
      const names = props === undefined ? Object.keys(readers)
        : (Array.isArray(props) ? props : String(props).split(",")).map((p) => p.trim()).filter(Boolean);
      for (const path of names) {
        const name = path.split("/")[0]; // "items/top" loads the items (with every property, here)
        if (!(name in readers)) throw new Error(`Fake Excel: cannot load '${path}'`);
        requested.add(name);
      }
      context.track(target);
      return target;
    },
    _snapshot() {
      for (const name of requested) loaded.set(name, readers[name]());
    },
    ...methods,
  };
  for (const name of new Set([...Object.keys(readers), ...Object.keys(writers)])) {
    Object.defineProperty(target, name, {
      enumerable: true,
      get() {
        if (!loaded.has(name)) throw new PropertyNotLoaded(name);
        return loaded.get(name);
      },
      set(value) {
        if (!writers[name]) throw new Error(`Fake Excel: '${name}' is read-only`);
        writers[name](value);
      },
    });
  }
  return target;
}

/** What *OrNullObject gives for a missing item: isNullObject after sync, and every navigation leads to another. */
function nullProxy(context) {
  let synced = false;
  const target = new Proxy(function () {}, {
    get(_, name) {
      if (name === "isNullObject") {
        if (!synced) throw new PropertyNotLoaded("isNullObject");
        return true;
      }
      if (name === "load") return () => { context.track(target); return target; };
      if (name === "_snapshot") return () => { synced = true; };
      if (name === "then") return undefined;
      return nullProxy(context);
    },
    apply() {
      return nullProxy(context);
    },
  });
  return target;
}

function workbookProxy(context) {
  const book = context.book;
  return {
    settings: {
      getItemOrNullObject(key) {
        if (!book.settings.has(key)) return nullProxy(context);
        return proxy(context, { value: () => book.settings.get(key), key: () => key });
      },
      add(key, value) {
        book.settings.set(key, value);
      },
    },
    tables: tablesProxy(context, null),
    worksheets: {
      getItem(name) {
        book.sheet(name);
        return worksheetProxy(context, name);
      },
    },
    getSelectedRange() {
      const s = book.selection;
      return rangeProxy(context, s.sheet, s.row, s.col, 1, 1);
    },
  };
}

function tablesProxy(context, sheetName) {
  const book = context.book;
  return {
    getItemOrNullObject(name) {
      const t = book.table(name);
      return t && (!sheetName || t.sheet === sheetName) ? tableProxy(context, t) : nullProxy(context);
    },
    add(range, hasHeaders) {
      if (!hasHeaders) throw new Error("Fake Excel: tables are added with headers");
      const r = range._area;
      const overlapping = book.tables.find((t) => t.sheet === r.sheet && t.row < r.row + r.height && r.row < t.row + t.height
        && t.col < r.col + r.width && r.col < t.col + t.width);
      if (overlapping) throw new Error(`A table can't overlap another table (${overlapping.name}).`);
      const t = { id: String(book.nextId++), name: `Tabell${book.nextId}`, sheet: r.sheet, row: r.row, col: r.col, height: r.height, width: r.width };
      book.tables.push(t);
      return tableProxy(context, t);
    },
  };
}

function tableProxy(context, t) {
  const book = context.book;
  return proxy(context, { name: () => t.name, id: () => t.id }, {
    get worksheet() {
      return worksheetProxy(context, t.sheet);
    },
    getRange: () => rangeProxy(context, t.sheet, t.row, t.col, t.height, t.width),
    getHeaderRowRange: () => rangeProxy(context, t.sheet, t.row, t.col, 1, t.width),
    getDataBodyRange: () => rangeProxy(context, t.sheet, t.row + 1, t.col, t.height - 1, t.width),
    columns: {
      getItem(name) {
        const index = book.block(t.sheet, t.row, t.col, 1, t.width)[0].indexOf(name);
        if (index < 0) throw new Error(`ItemNotFound: column ${name} in table ${t.name}`);
        return { getDataBodyRange: () => rangeProxy(context, t.sheet, t.row + 1, t.col + index, t.height - 1, 1) };
      },
    },
    rows: {
      add(index, values) {
        if (index !== null && index !== undefined) throw new Error("Fake Excel: rows are added at the end");
        values.forEach((row, i) => {
          if (row.length !== t.width) throw new Error(`The row has ${row.length} values, the table ${t.width} columns.`);
          row.forEach((v, c) => book.set(t.sheet, t.row + t.height + i, t.col + c, v));
        });
        t.height += values.length;
      },
    },
  }, { name: (value) => { t.name = value; } });
}

function worksheetProxy(context, name) {
  const book = context.book;
  const sheet = book.sheet(name);
  return proxy(context, { name: () => name }, {
    protection: proxy(context, { protected: () => sheet.protected }),
    tables: tablesProxy(context, name),
    charts: proxy(context, {
      items: () => book.charts.filter((c) => c.sheet === name).map((c) => ({ name: c.name, top: c.top, height: c.height })),
    }, {
      add(type, range, seriesBy) {
        const chart = { name: `Diagram ${book.charts.length + 1}`, sheet: name, type, seriesBy, source: range._area, title: "",
          position: null, top: 0, height: 0 };
        book.charts.push(chart);
        return {
          title: { set text(value) { chart.title = value; } },
          set name(value) { chart.name = value; },
          setPosition(start, end) {
            chart.position = [start._address(), end ? end._address() : null];
            chart.top = start._area.row * ROW_HEIGHT;
            chart.height = ((end || start)._area.row - start._area.row + 1) * ROW_HEIGHT;
          },
        };
      },
    }),
    getCell: (row, col) => rangeProxy(context, name, row, col, 1, 1),
    /** The smallest range holding every value on the sheet (values only: the fake keeps no other content). */
    getUsedRangeOrNullObject() {
      const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number));
      if (keys.length === 0) return nullProxy(context);
      const rows = keys.map(([r]) => r);
      const cols = keys.map(([, c]) => c);
      const top = Math.min(...rows);
      const left = Math.min(...cols);
      return rangeProxy(context, name, top, left, Math.max(...rows) - top + 1, Math.max(...cols) - left + 1);
    },
    getRange(address) {
      const [a, b] = address.split(":");
      const from = parseCell(a);
      const to = b ? parseCell(b) : from;
      return rangeProxy(context, name, from.row, from.col, to.row - from.row + 1, to.col - from.col + 1);
    },
  });
}

function rangeProxy(context, sheet, row, col, height, width) {
  const book = context.book;
  const area = { sheet, row, col, height, width };
  const address = () => `${sheet}!${columnName(col)}${row + 1}`
    + (height > 1 || width > 1 ? `:${columnName(col + width - 1)}${row + height}` : "");
  const write = (store) => (value) => {
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const v = Array.isArray(value) ? value[r][c] : value;
        store(row + r, col + c, v);
      }
    }
  };
  const checkShape = (value, what) => {
    if (Array.isArray(value) && (value.length !== height || value.some((line) => line.length !== width))) {
      throw new Error(`The number of rows or columns in the input array doesn't match the size of the range (${what}).`);
    }
  };
  return proxy(context, {
    address: address,
    values: () => book.block(sheet, row, col, height, width),
    numberFormat: () => Array.from({ length: height }, (_, r) => Array.from({ length: width },
      (_, c) => book.sheet(sheet).formats.get(`${row + r},${col + c}`) || "General")),
    rowIndex: () => row,
    columnIndex: () => col,
    rowCount: () => height,
    columnCount: () => width,
    top: () => row * ROW_HEIGHT,
    height: () => height * ROW_HEIGHT,
  }, {
    _area: area,
    _address: address,
    get worksheet() {
      return worksheetProxy(context, sheet);
    },
    getCell: (r, c) => rangeProxy(context, sheet, row + r, col + c, 1, 1),
    getOffsetRange: (r, c) => rangeProxy(context, sheet, row + r, col + c, height, width),
    getResizedRange: (dr, dc) => rangeProxy(context, sheet, row, col, height + dr, width + dc),
    format: { autofitColumns() {}, set wrapText(v) {} },
  }, {
    values: (value) => { checkShape(value, "values"); write((r, c, v) => book.set(sheet, r, c, v))(value); },
    numberFormat: (value) => {
      checkShape(value, "numberFormat");
      write((r, c, v) => book.sheet(sheet).formats.set(`${r},${c}`, v))(value);
    },
  });
}

/**
 * The `Excel` namespace the pane calls: run, the enums it names, and createWorkbook (ExcelApi 1.8), which opens a new
 * workbook from a base64 .xlsx; the fake keeps each one it was given in book.createdWorkbooks.
 */
export function fakeExcelNamespace(book) {
  book.createdWorkbooks = [];
  return {
    run: (batch) => book.run(batch),
    async createWorkbook(base64) {
      if (typeof base64 !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
        throw new Error("Fake Excel: createWorkbook takes a workbook as a base64 string");
      }
      book.createdWorkbooks.push(base64);
    },
    ChartType: { barClustered: "BarClustered", line: "Line", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  };
}
