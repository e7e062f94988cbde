"""Edit a workbook with openpyxl, as a person scripting a change would, and save it.

Usage: edit_workbook.py --in FILE --out FILE [--insert-rows 'Sheet!5:2'] [--move-sheet 'Sheet=0']
       [--rename-sheet 'Old=New'] [--set 'Sheet!A1=123.4'] ...

The edits run in the order given. openpyxl moves cells when it inserts rows but leaves formulas, tables and defined
names as they were (its documentation says so), so a workbook edited here is what such a script really sends back.
"""
import argparse

import openpyxl


def insert_rows(wb, edit):
    sheet, rows = edit.rsplit("!", 1)
    before, count = rows.split(":")
    wb[sheet].insert_rows(int(before), int(count))


def move_sheet(wb, edit):
    name, position = edit.rsplit("=", 1)
    wb.move_sheet(name, int(position) - wb.sheetnames.index(name))


def rename_sheet(wb, edit):
    old, new = edit.split("=", 1)
    wb[old].title = new


def set_cell(wb, edit):
    target, value = edit.split("=", 1)
    sheet, cell = target.rsplit("!", 1)
    try:
        wb[sheet][cell] = float(value)
    except ValueError:
        wb[sheet][cell] = value


EDITS = {"insert-rows": insert_rows, "move-sheet": move_sheet, "rename-sheet": rename_sheet, "set": set_cell}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--in", dest="source", required=True)
    parser.add_argument("--out", required=True)
    for op in EDITS:
        parser.add_argument("--" + op, dest="edits", action="append", default=[], type=lambda v, op=op: (op, v))
    args = parser.parse_args()
    wb = openpyxl.load_workbook(args.source)
    for op, edit in args.edits:
        EDITS[op](wb, edit)
    wb.save(args.out)


if __name__ == "__main__":
    main()
