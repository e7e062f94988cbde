// Refreshable report workbooks (the service's `report --refreshable`) read back by Microsoft's own code: the
// DataMashup by @microsoft/connected-workbooks' parser, Section1.m by @microsoft/powerquery-parser, and the package's
// layout compared with the workbook connected-workbooks generates for the same query.
//
// The workbooks come from the Java test RefreshableWorkbookNodeIT, which writes them and runs this file with
// KOSTRA_REFRESHABLE_WORKBOOKS set to their folder (server/target/test-artifacts/powerquery). By hand:
//   KOSTRA_REFRESHABLE_WORKBOOKS=../server/target/test-artifacts/powerquery node --test test/powerquery/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);
const JSZip = require("jszip");
const { DOMParser } = require("@xmldom/xmldom");
const PQP = require("@microsoft/powerquery-parser");
const { workbookManager } = require("@microsoft/connected-workbooks");
const pqUtils = require("@microsoft/connected-workbooks/dist/utils/pqUtils.js").default;
const mashupParser = require("@microsoft/connected-workbooks/dist/utils/mashupDocumentParser.js");

const folder = process.env.KOSTRA_REFRESHABLE_WORKBOOKS;
if (!folder) {
  throw new Error("KOSTRA_REFRESHABLE_WORKBOOKS is not set: run RefreshableWorkbookNodeIT, which writes the workbooks and sets it");
}
const workbooks = readdirSync(folder).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(folder, f));
if (workbooks.length === 0) {
  throw new Error(`No .xlsx in ${folder}`);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Entries of Excel's fill cache the service leaves out (column type codes, column identities); Excel writes them on refresh. */
const FILL_CACHE_LEFT_OUT = ["FillColumnTypes", "RelationshipInfoContainer"];

async function open(file) {
  return JSZip.loadAsync(readFileSync(file));
}

async function xml(zip, name) {
  const entry = zip.file(name.replace(/^\//, ""));
  assert.ok(entry, `the package has ${name}`);
  return new DOMParser().parseFromString(await entry.async("string"), "text/xml");
}

function elements(doc, namespace, localName) {
  return Array.from(doc.getElementsByTagNameNS(namespace, localName));
}

/** Elements of a part without a namespace (the DataMashup's metadata), by name. */
function named(doc, name) {
  return Array.from(doc.getElementsByTagName(name));
}

/** A part's relationships as {type (last segment), target (absolute part name)}. */
async function relationships(zip, partName) {
  const folder = path.posix.dirname(partName);
  const relsName = `${folder}/_rels/${path.posix.basename(partName)}.rels`.replace(/^\//, "");
  if (!zip.file(relsName)) {
    return [];
  }
  const doc = await xml(zip, relsName);
  return elements(doc, RELATIONSHIPS, "Relationship").map((r) => ({
    type: r.getAttribute("Type").split("/").pop(),
    target: path.posix.normalize(path.posix.join(folder, r.getAttribute("Target"))),
  }));
}

async function contentType(zip, partName) {
  const doc = await xml(zip, "[Content_Types].xml");
  const override = elements(doc, "http://schemas.openxmlformats.org/package/2006/content-types", "Override")
    .find((o) => o.getAttribute("PartName") === partName);
  if (override) {
    return override.getAttribute("ContentType");
  }
  const extension = partName.split(".").pop();
  return elements(doc, "http://schemas.openxmlformats.org/package/2006/content-types", "Default")
    .find((d) => d.getAttribute("Extension") === extension)?.getAttribute("ContentType");
}

/** The DataMashup as connected-workbooks finds and splits it. */
async function mashupOf(zip) {
  const found = await pqUtils.getDataMashupFile(zip);
  assert.ok(found.found, "connected-workbooks finds the DataMashup custom XML part");
  const components = mashupParser.getPackageComponents(found.value);
  const parts = await JSZip.loadAsync(components.packageOPC);
  const section = await parts.file("Formulas/Section1.m").async("string");
  const metadataXml = new TextDecoder().decode(components.metadata.slice(8, 8 + new DataView(components.metadata.buffer,
    components.metadata.byteOffset).getInt32(4, true)));
  return { found, components, parts, section, metadata: new DOMParser().parseFromString(metadataXml, "text/xml") };
}

async function parseSection(section) {
  const result = await PQP.TaskUtils.tryLexParse(PQP.DefaultSettings, section);
  assert.equal(result.resultKind, PQP.ResultKind.Ok, `Section1.m parses: ${result.error?.message}\n${section}`);
  return result.ast.sectionMembers.elements.map((m) => {
    const range = m.namePairedExpression.value.tokenRange;
    return { name: m.namePairedExpression.key.literal, expression: section.slice(range.positionStart.codeUnit, range.positionEnd.codeUnit) };
  });
}

/**
 * What a query loaded to a table consists of in a package, found the way Excel follows it: the connection whose
 * location is the query, the query table naming that connection, the table related to that query table.
 */
async function structure(zip, query) {
  const workbookRelations = await relationships(zip, "/xl/workbook.xml");
  const connectionsPart = workbookRelations.find((r) => r.type === "connections")?.target;
  assert.ok(connectionsPart, "the workbook is related to its connections");
  const connections = await xml(zip, connectionsPart);
  const connection = elements(connections, MAIN, "connection").find((c) =>
    elements(c, MAIN, "dbPr")[0].getAttribute("connection").includes(`Location="${query}";`));
  assert.ok(connection, `a connection for ${query}`);
  const dbPr = elements(connection, MAIN, "dbPr")[0];

  let table = null;
  let queryTablePart = null;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))) {
    for (const r of await relationships(zip, `/${name}`)) {
      if (r.type !== "queryTable") {
        continue;
      }
      const qt = (await xml(zip, r.target)).documentElement;
      if (qt.getAttribute("connectionId") === connection.getAttribute("id")) {
        table = { part: `/${name}`, doc: await xml(zip, name) };
        queryTablePart = r.target;
      }
    }
  }
  assert.ok(table, `a table loaded from ${query}`);
  const queryTable = (await xml(zip, queryTablePart)).documentElement;
  const fields = elements(queryTable, MAIN, "queryTableField");
  const columns = elements(table.doc, MAIN, "tableColumn");
  const tableElement = table.doc.documentElement;
  const workbook = await xml(zip, "/xl/workbook.xml");
  const definedName = elements(workbook, MAIN, "definedName").find((d) => d.getAttribute("name") === queryTable.getAttribute("name"));

  const mashup = await mashupOf(zip);
  const mashupPart = mashup.found.path.startsWith("/") ? mashup.found.path : `/${mashup.found.path}`;
  const propsPart = (await relationships(zip, mashupPart)).find((r) => r.type === "customXmlProps")?.target;
  const item = named(mashup.metadata, "Item").find((i) => named(i, "ItemPath")[0].textContent === `Section1/${query}`);
  return {
    contentTypes: {
      connections: await contentType(zip, connectionsPart),
      queryTable: await contentType(zip, queryTablePart),
      dataMashup: await contentType(zip, mashupPart),
      dataMashupProperties: await contentType(zip, propsPart),
    },
    workbookRelatesTo: [...new Set(workbookRelations.map((r) => r.type).filter((t) => ["connections", "customXml"].includes(t)))].sort(),
    dataMashupPropertiesName: (await xml(zip, propsPart)).getElementsByTagNameNS(
      "http://schemas.openxmlformats.org/officeDocument/2006/customXml", "schemaRef")[0].getAttribute("ds:uri"),
    connection: {
      type: connection.getAttribute("type"),
      connection: dbPr.getAttribute("connection"),
      command: dbPr.getAttribute("command"),
    },
    queryTable: {
      refreshOnLoad: queryTable.getAttribute("refreshOnLoad"),
      tableType: tableElement.getAttribute("tableType"),
      everyColumnIsAField: columns.every((c) => fields.some((f) => f.getAttribute("id") === c.getAttribute("queryTableFieldId")
        && f.getAttribute("tableColumnId") === c.getAttribute("id")) && c.getAttribute("uniqueName") !== ""),
      fieldCount: Number(elements(queryTable, MAIN, "queryTableFields")[0].getAttribute("count")) === fields.length,
      hiddenNameForItsRange: definedName?.getAttribute("hidden") === "1"
        && definedName.textContent.replaceAll("$", "").endsWith(`!${tableElement.getAttribute("ref")}`),
    },
    mashup: {
      version: [...mashup.components.version].join(","),
      packageParts: Object.keys(mashup.parts.files).filter((n) => !mashup.parts.files[n].dir).sort(),
      permissions: new DOMParser().parseFromString(new TextDecoder().decode(mashup.components.permissions).replace(/^\uFEFF/, ""),
        "text/xml").documentElement.tagName,
      metadataEntries: named(item, "Entry").map((e) => e.getAttribute("Type"))
        .filter((t) => !FILL_CACHE_LEFT_OUT.includes(t)).sort(),
      metadataFillTarget: named(item, "Entry").find((e) => e.getAttribute("Type") === "FillTarget").getAttribute("Value")
        === `s${tableElement.getAttribute("name")}`,
    },
  };
}

for (const file of workbooks) {
  const name = path.basename(file);

  test(`${name}: connected-workbooks' parser reads the DataMashup and rewrites a query in it`, async () => {
    const zip = await open(file);
    const { found, components, section } = await mashupOf(zip);

    assert.deepEqual([...components.version], [0, 0, 0, 0]);
    assert.match(section, /^section Section1;/);
    assert.match(new TextDecoder().decode(components.permissions), /<PermissionList /);
    const first = (await parseSection(section))[0].name;
    assert.ok(mashupParser.editSingleQueryMetadata(components.metadata, { queryName: first }).length > 0);
    const rewritten = await mashupParser.replaceSingleQuery(found.value, first, 'section Section1;\r\nshared #"Spørring" = 1;');
    const again = await JSZip.loadAsync(mashupParser.getPackageComponents(rewritten).packageOPC);
    assert.equal(await again.file("Formulas/Section1.m").async("string"), 'section Section1;\r\nshared #"Spørring" = 1;');
  });

  test(`${name}: Section1.m parses as Power Query M, one shared query per query table`, async () => {
    const zip = await open(file);
    const { section } = await mashupOf(zip);
    const members = await parseSection(section);

    const tables = [];
    for (const part of Object.keys(zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))) {
      const table = (await xml(zip, part)).documentElement;
      if (table.getAttribute("tableType") === "queryTable") {
        tables.push(table.getAttribute("name"));
      }
    }
    assert.deepEqual(members.map((m) => m.name).sort(), tables.sort());
    for (const member of members) {
      assert.match(member.expression, /Web\.Contents\("https?:\/\/[^"]+", \[RelativePath = "api\/data\/[a-z]+", Query = \[/);
      assert.match(member.expression, /ApiKeyName = "kostra_key"/);
      assert.doesNotMatch(member.expression, /kostra_[A-Za-z0-9_-]{43}/, "no API token in the query");
    }
  });

  test(`${name}: each query's parts are laid out as connected-workbooks lays out the same query`, async () => {
    const zip = await open(file);
    const members = await parseSection((await mashupOf(zip)).section);

    for (const member of members) {
      const theirs = await JSZip.loadAsync(await (await workbookManager.generateSingleQueryWorkbook({
        queryMashup: member.expression, queryName: member.name, refreshOnOpen: false,
      })).arrayBuffer());

      assert.deepEqual(await structure(zip, member.name), await structure(theirs, member.name), member.name);
    }
  });
}
