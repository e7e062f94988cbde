"""Fill a report template with openpyxl from a fill plan (JSON), as the Java filler fills it, and time it.

Usage: openpyxl_fill.py TEMPLATE.xlsx PLAN.json OUT.xlsx
Then reads one number per line on standard input, fills that many times, and answers each with one line:
openpyxl_ms_per_fill=<float>. The Java benchmark times its own fill between requests, so each pair of figures is
taken at the same moment of a shared machine. The plan lists every cell the Java filler wrote (numbers, text,
formulas), each table's new area, and the provenance sheet's rows. openpyxl drops charts when it loads a workbook,
so it does less work than the Java filler (which also moves every chart series).
"""
import io
import json
import sys
import time

import openpyxl


def fill(template, plan):
    wb = openpyxl.load_workbook(template)
    for table in plan["tables"]:
        ws = wb[table["sheet"]]
        for cell in table["cells"]:
            target = ws[cell["a"]]
            if "f" in cell:
                target.value = "=" + cell["f"]
            elif "n" in cell:
                target.value = cell["n"]
            else:
                target.value = cell["s"]
        ws.tables[table["name"]].ref = table["ref"]
    for named in plan["names"]:
        wb[named["sheet"]][named["a"]].value = named["s"]
    provenance = wb.create_sheet(plan["provenanceSheet"])
    for row in plan["provenance"]:
        provenance.append(row)
    provenance.sheet_state = "veryHidden"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def main():
    template, plan_file, out_file = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(plan_file, encoding="utf-8") as f:
        plan = json.load(f)
    data = fill(template, plan)
    with open(out_file, "wb") as f:
        f.write(data)
    for line in sys.stdin:
        iterations = int(line)
        start = time.perf_counter()
        for _ in range(iterations):
            fill(template, plan)
        elapsed = time.perf_counter() - start
        print("openpyxl_ms_per_fill=%.3f" % (elapsed * 1000 / iterations), flush=True)


if __name__ == "__main__":
    main()
