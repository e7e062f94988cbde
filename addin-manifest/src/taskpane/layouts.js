// Turns the service's JSON into table layouts: header, rows, number formats, the key column that finds a row again
// on refresh, and the chart (if any). Pure: no Excel, no network, so every layout is tested on recorded JSON.
//
// Number formats are Excel's invariant codes ("#,##0.0"); Excel shows them with the workbook's locale, so a
// Norwegian Excel shows 1 551 770 and 23,4. A missing figure is written as SSB's status symbol (.. : . -), never 0.

export const COMPARISONS = [
  { id: "snitt", label: "ASSS-snitt" },
  { id: "hoyest", label: "Høyest i ASSS" },
  { id: "lavest", label: "Lavest i ASSS" },
  { id: "indeks", label: "Indeks (ASSS-snitt = 100)" },
  { id: "avvik", label: "Avvik fra ASSS-snitt" },
  { id: "endring", label: "Endring fra året før" },
];
export const DEFAULT_COMPARISONS = ["snitt", "hoyest", "lavest", "indeks"];

/** Excel's text format: a cell so formatted keeps what is written as text, even "=…", which would otherwise run. */
export const TEXT = "@";

/**
 * What a preliminary figure (SSB's March publication, `"vintage": "preliminary"`) shows after its number: part of the
 * cell's number format, so the value stays a number. The pane's messages say what it means.
 */
export const PRELIMINARY_MARK = " (f)";

export function numberFormat(decimals, suffix = "") {
  const base = decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0";
  return suffix ? `${base}"${suffix}"` : base;
}

/** Whether the API marks the figure preliminary; a figure without `vintage` (an older service) is final. */
export function isPreliminary(figure) {
  return Boolean(figure && figure.vintage === "preliminary" && figure.value !== null && figure.value !== undefined);
}

/** A figure's number format: the indicator's decimals, and the preliminary mark where the figure is preliminary. */
export function figureFormat(decimals, figure) {
  return numberFormat(decimals, isPreliminary(figure) ? PRELIMINARY_MARK : "");
}

/** The cell for a {value, status} figure: the number, or the status symbol, or empty. */
export function cell(figure) {
  if (!figure) return "";
  if (figure.value !== null && figure.value !== undefined) return figure.value;
  return figure.status || "";
}

/** "1 rad", "17 rader". */
export function rowCount(n) {
  return `${new Intl.NumberFormat("nb-NO").format(n)} ${n === 1 ? "rad" : "rader"}`;
}

/** "Bærum", "Bærum og ASSS-snitt", "Bærum, ASSS-snitt og Asker". */
export function listed(items) {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

/**
 * How a person names the table a binding stands for, in the pane's messages («tjenesteprofilen for Kommunehelse, Bærum
 * 2024»): never the Excel table's name or a code. `names` turns the request's codes into the service's names; a
 * series carries its own label from when it was inserted (the indicator's name is not among the pane's lists).
 */
export function describe(binding, names) {
  const r = binding.request || {};
  switch (binding.kind) {
    case "profile":
      return `tjenesteprofilen for ${names.profile(r.area)}, ${names.region(r.region)} ${r.year}`;
    case "profileChart":
      return `profildiagrammet for ${names.profile(r.area)}, ${names.region(r.region)} ${r.year}`;
    case "efficiency":
      return `effektivitetsanalysen for ${names.area(r.area)}, ${names.region(r.region)} ${r.from}–${r.to}`;
    default:
      return binding.label || (binding.title ? `tabellen «${binding.title}»` : "en KOSTRA-tabell");
  }
}

/** Excel table names: a letter first, then letters, digits, underscores; unique in the workbook. */
export function tableName(...parts) {
  return ["Kostra", ...parts].map((p) => String(p).replace(/[^A-Za-z0-9]+/g, "_")).join("_");
}

/** The profile table: a row per indicator, the municipality's three years, then the chosen comparisons. */
export function profileTable(response, comparisons = DEFAULT_COMPARISONS) {
  const p = response.profile;
  const year = p.year;
  const columns = [
    { name: "Indikator", format: TEXT, value: (r) => r.name },
    { name: "Kategori", format: TEXT, value: (r) => r.category || "" },
    { name: "Enhet", format: TEXT, value: (r) => r.unit },
    ...p.years.map((y) => ({
      name: `${p.region.name} ${y}`,
      format: (r) => figureFormat(r.decimals, r.values.find((v) => v.year === y)),
      value: (r) => cell(r.values.find((v) => v.year === y)),
    })),
  ];
  const optional = {
    snitt: { name: `ASSS-snitt ${year}`, format: (r) => asssFormat(r, "mean"), value: (r) => cell(r.asss && r.asss.mean) },
    hoyest: { name: `Høyest ASSS ${year}`, format: (r) => asssFormat(r, "high"), value: (r) => cell(r.asss && r.asss.high) },
    lavest: { name: `Lavest ASSS ${year}`, format: (r) => asssFormat(r, "low"), value: (r) => cell(r.asss && r.asss.low) },
    indeks: { name: "Indeks (ASSS-snitt = 100)", format: () => numberFormat(1), value: (r) => orBlank(r.index) },
    avvik: { name: "Avvik fra ASSS-snitt", format: () => numberFormat(1, " %"), value: (r) => orBlank(r.deviationPercent) },
    endring: {
      name: `Endring fra ${year - 1}`,
      format: (r) => numberFormat(1, r.change && r.change.unit === "prosentpoeng" ? " pp" : " %"),
      value: (r) => (r.change ? r.change.value : ""),
    },
  };
  for (const c of COMPARISONS) {
    if (comparisons.includes(c.id)) columns.push(optional[c.id]);
  }
  return build({
    name: tableName("profil", p.profile.code, p.region.code, year),
    title: `${p.profile.title}, ${p.region.name} ${year}`,
    key: "Indikator",
    columns,
    records: p.rows,
  });
}

function asssFormat(row, statistic) {
  return figureFormat(row.decimals, row.asss && row.asss[statistic]);
}

/** The profile chart's data: every row on the scale where the ASSS mean is 100 (DESIGN §3, "Chart values"). */
export function profileChartTable(response) {
  const p = response.profile;
  const layout = build({
    name: tableName("profildiagram", p.profile.code, p.region.code, p.year),
    title: `Diagram: ${p.profile.title}, ${p.region.name} ${p.year}`,
    key: "Indikator",
    columns: [
      { name: "Indikator", format: TEXT, value: (r) => r.name },
      { name: p.region.name, format: () => numberFormat(1), value: (r) => orBlank(r.chart && r.chart.municipality) },
      { name: "Høyest ASSS", format: () => numberFormat(1), value: (r) => orBlank(r.chart && r.chart.high) },
      { name: "Lavest ASSS", format: () => numberFormat(1), value: (r) => orBlank(r.chart && r.chart.low) },
      { name: "ASSS-snitt", format: () => numberFormat(1), value: () => 100 },
    ],
    records: p.rows,
  });
  layout.chart = { type: "BarClustered", title: `${p.profile.title} ${p.year}: ${p.region.name} mot ASSS (snitt = 100)` };
  return layout;
}

/** A time series: a row per region, a column per year, and a line chart. */
export function seriesTable(response) {
  const s = response.series;
  const adjusted = s.adjust && s.adjust !== "none";
  const layout = build({
    name: tableName("serie", s.indicator.id, ...s.lines.map((l) => l.region.code), s.years[0], s.years[s.years.length - 1],
      adjusted ? s.adjust : "nominell"),
    title: `${s.indicator.name}${adjusted ? " (" + (s.adjustment || s.adjust) + ")" : ""}`,
    key: "Region",
    columns: [
      { name: "Region", format: TEXT, value: (l) => l.region.name },
      ...s.years.map((y) => ({
        name: String(y),
        format: (l) => figureFormat(s.indicator.decimals, l.values.find((v) => v.year === y)),
        value: (l) => cell(l.values.find((v) => v.year === y)),
      })),
    ],
    records: s.lines,
  });
  layout.chart = { type: "Line", title: layout.title, seriesBy: "Rows" };
  return layout;
}

/**
 * The efficiency split: cost index, production index and efficiency by year, with the changes in points.
 * @param areaTitle the service area's name («Kommunehelse»; the answer carries only its code)
 */
export function efficiencyTable(response, areaTitle) {
  const e = response.efficiency;
  const years = e.years;
  return build({
    name: tableName("effektivitet", e.area, e.region.code, years[0].year, years[years.length - 1].year),
    title: `Effektivitet i ${areaTitle}, ${e.region.name}`,
    key: "År",
    columns: [
      { name: "År", format: () => "0", value: (y) => y.year },
      { name: "Kostnadsindeks", format: () => numberFormat(3), value: (y) => orBlank(y.costIndex) },
      { name: "Produksjonsindeks", format: () => numberFormat(3), value: (y) => orBlank(y.productionIndex) },
      { name: "Effektivitet", format: () => numberFormat(3), value: (y) => orBlank(y.efficiency) },
      { name: "Endring kostnad", format: () => numberFormat(1, " pp"), value: (y) => orBlank(y.costChangePp) },
      { name: "Endring produksjon", format: () => numberFormat(1, " pp"), value: (y) => orBlank(y.productionChangePp) },
      { name: "Endring effektivitet", format: () => numberFormat(1, " pp"), value: (y) => orBlank(y.efficiencyChangePp) },
      { name: "Grunnlag", format: TEXT, value: (y) => y.basis || "" },
    ],
    records: years,
  });
}

function orBlank(value) {
  return value === null || value === undefined ? "" : value;
}

function build({ name, title, key, columns, records }) {
  const header = columns.map((c) => c.name);
  const rows = records.map((r) => columns.map((c) => c.value(r)));
  const formats = records.map((r) => columns.map((c) => (typeof c.format === "function" ? c.format(r) : c.format)));
  const preliminary = formats.some((line) => line.some((f) => f.endsWith(`"${PRELIMINARY_MARK}"`)));
  return { name, title, key, header, rows, formats, chart: null, preliminary };
}
