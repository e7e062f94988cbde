"""Open a workbook in LibreOffice Calc (headless), optionally edit cells as a person would, recalculate, and report.

Usage: calc_check.py --in FILE --json OUT [--set 'Sheet!A1=123.4' ...] [--pdf OUT [--pdf-unscaled OUT]] [--save-xlsx OUT]
       [--insert-rows 'Sheet!5:2'] [--move-sheet 'Sheet=0'] [--rename-sheet 'Sheet=New name'] [--sort 'Sheet!A2:R9=G']
       [--locale nb-NO]

Writes JSON: {"loaded", "problems": [interaction requests LibreOffice raised while loading, e.g. a damaged file],
"formulas": [{"sheet", "cell", "formula", "cached", "value", "text", "error"}]}, where "cached" is the value the file
carried before recalculation and "value"/"text"/"error" are LibreOffice's own after calculateAll(). The edits run in
the order given, as a person would make them in Calc: --insert-rows 'Sheet!5:2' inserts 2 rows before row 5,
--move-sheet 'Sheet=0' moves a sheet to a position, --rename-sheet 'Old=New' renames one, --sort 'Sheet!A2:R9=G' sorts
a range by a column (ascending); --save-xlsx stores the edited workbook as Excel 2007-365 (.xlsx), as Calc's "Save as"
does. --pdf-unscaled also exports the workbook with every sheet's page style at 100 % (fit-to-page off): the same text
measured in both PDFs gives the scale each sheet was printed at. --locale is the language LibreOffice runs in
(default nb-NO). Run with a Python that has the uno module (Debian:
/usr/bin/python3 with python3-uno).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.task import XInteractionHandler

FORMULA = 16  # com.sun.star.sheet.CellFlags.FORMULA

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>1</value></prop></item>
</oor:items>
"""


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class RecordingHandler(unohelper.Base, XInteractionHandler):
    """Records every question LibreOffice asks while loading (a damaged file asks to repair) and aborts it."""

    def __init__(self):
        self.requests = []

    def handle(self, request):
        req = request.getRequest()
        self.requests.append(getattr(req, "typeName", None) or type(req).__name__ + ": " + str(getattr(req, "Message", "")))
        continuations = request.getContinuations()
        for continuation in continuations:
            if "Abort" in str(continuation):
                continuation.select()
                return
        if continuations:
            continuations[0].select()


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def address(cell):
    a = cell.getCellAddress()
    return column_name(a.Column) + str(a.Row + 1)


def formula_cells(doc):
    found = []
    sheets = doc.getSheets()
    for i in range(sheets.getCount()):
        sheet = sheets.getByIndex(i)
        ranges = sheet.queryContentCells(FORMULA)
        cells = ranges.getCells().createEnumeration()
        while cells.hasMoreElements():
            cell = cells.nextElement()
            found.append((sheet.getName(), cell))
    return found


def describe(cell):
    # FormulaResultType2: 1 = VALUE, 2 = STRING, 4 = ERROR (com.sun.star.sheet.FormulaResult)
    kind = cell.getPropertyValue("FormulaResultType2")
    return {"value": cell.getValue() if kind == 1 else None, "text": cell.getString(), "error": cell.getError()}


def set_cell(sheets, edit):
    target, value = edit.split("=", 1)
    sheet_name, cell_name = target.rsplit("!", 1)
    cell = sheets.getByName(sheet_name.strip("'")).getCellRangeByName(cell_name)
    try:
        cell.setValue(float(value))
    except ValueError:
        cell.setString(value)


def insert_rows(sheets, edit):
    sheet_name, rows = edit.rsplit("!", 1)
    before, count = rows.split(":")
    sheets.getByName(sheet_name).getRows().insertByIndex(int(before) - 1, int(count))


def move_sheet(sheets, edit):
    name, position = edit.rsplit("=", 1)
    sheets.moveByName(name, int(position))


def rename_sheet(sheets, edit):
    old, new = edit.split("=", 1)
    sheets.getByName(old).setName(new)


def sort_range(sheets, edit):
    target, column = edit.rsplit("=", 1)
    sheet_name, range_name = target.rsplit("!", 1)
    cells = sheets.getByName(sheet_name).getCellRangeByName(range_name)
    field = uno.createUnoStruct("com.sun.star.table.TableSortField")
    field.Field = column_index(column) - cells.getRangeAddress().StartColumn
    field.IsAscending = True
    descriptor = list(cells.createSortDescriptor())
    for p in descriptor:
        if p.Name == "SortFields":
            p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
    uno.invoke(cells, "sort", (tuple(descriptor),))


EDITS = {"set": set_cell, "insert-rows": insert_rows, "move-sheet": move_sheet, "rename-sheet": rename_sheet,
         "sort": sort_range}


def column_index(name):
    index = 0
    for ch in name:
        index = index * 26 + ord(ch) - 64
    return index - 1


def unscale(doc):
    """Every sheet's page style printed at 100 %, fit-to-page off."""
    styles = doc.getStyleFamilies().getByName("PageStyles")
    sheets = doc.getSheets()
    for i in range(sheets.getCount()):
        style = styles.getByName(sheets.getByIndex(i).PageStyle)
        style.ScaleToPagesX = 0
        style.ScaleToPagesY = 0
        style.ScaleToPages = 0
        style.PageScale = 100


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--in", dest="source", required=True)
    parser.add_argument("--json", required=True)
    parser.add_argument("--pdf")
    parser.add_argument("--save-xlsx")
    parser.add_argument("--pdf-unscaled")
    parser.add_argument("--locale", default="nb-NO")
    for op in ("set", "insert-rows", "move-sheet", "rename-sheet", "sort"):
        parser.add_argument("--" + op, dest="edits", action="append", default=[], type=lambda v, op=op: (op, v))
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="kostra-lo-")
    os.makedirs(os.path.join(home, "user"))
    with open(os.path.join(home, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(PROFILE.replace("{locale}", args.locale))
    pipe = "kostra_calc_%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
                               "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(home),
                               "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    report = {"loaded": False, "problems": [], "formulas": []}
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                if office.poll() is not None:
                    raise SystemExit("soffice exited with %s before accepting connections" % office.returncode)
                time.sleep(0.25)
        if context is None:
            raise SystemExit("soffice did not accept connections within 60 s")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        handler = RecordingHandler()
        doc = None
        try:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(args.source)), "_blank", 0,
                                               (prop("Hidden", True), prop("InteractionHandler", handler)))
        except Exception as e:  # a file LibreOffice cannot open at all
            report["problems"].append("load failed: %s" % e)
        report["problems"].extend(handler.requests)
        if doc is not None and hasattr(doc, "getSheets"):
            report["loaded"] = True
            cached = {(s, address(c)): describe(c) for s, c in formula_cells(doc)}
            for op, edit in args.edits:
                EDITS[op](doc.getSheets(), edit)
            doc.calculateAll()
            for sheet_name, cell in formula_cells(doc):
                key = (sheet_name, address(cell))
                entry = {"sheet": sheet_name, "cell": key[1], "formula": cell.getFormula(), "cached": cached.get(key)}
                entry.update(describe(cell))
                report["formulas"].append(entry)
            if args.save_xlsx:
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(args.save_xlsx)),
                               (prop("FilterName", "Calc MS Excel 2007 XML"),))
            if args.pdf:
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(args.pdf)), (prop("FilterName", "calc_pdf_Export"),))
            if args.pdf_unscaled:
                unscale(doc)
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(args.pdf_unscaled)),
                               (prop("FilterName", "calc_pdf_Export"),))
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge drops as the office exits
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(home, ignore_errors=True)
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=1)
    return 0 if report["loaded"] and not report["problems"] else 2


if __name__ == "__main__":
    sys.exit(main())
