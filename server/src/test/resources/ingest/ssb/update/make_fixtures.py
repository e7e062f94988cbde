#!/usr/bin/env python3
"""Writes the made-up PxWebApi v2 answers (JSON-stat 2.0) of the tables seeds/indicator_sources.csv maps.

The shapes (dimension ids, roles, category codes, statuses) follow the tables' real metadata as far as it was found
(see README.md); every value is invented by the formulas below so that tests can check figures by hand.
Run from this folder: python3 make_fixtures.py
"""
import json

UPDATED = "2026-03-15T07:00:00Z"
# Variables StatBank may leave out of a query, answering the total over them: 07459's sex and age (a query with only
# Region, ContentsCode=Personer1 and Tid answers the population). Everything else must be chosen.
ELIMINABLE = {"Kjonn", "Alder"}
YEARS = ["2023", "2024", "2025"]
REGION_LABELS = {"3024": "Bærum (2020-2023)", "3201": "Bærum", "0301": "Oslo", "3203": "Asker",
                 "EKG12": "Kostragruppe 12", "EAK": "Landet"}


def dataset(table, title, dims, roles, value_of, unit=None):
    """dims: list of (id, label, [(code, label)]); value_of(coords) -> number or (None, status)."""
    ids = [d[0] for d in dims]
    out = {"version": "2.0", "class": "dataset", "label": f"{table}: {title}", "source": "Statistisk sentralbyrå",
           "updated": UPDATED, "role": roles, "id": ids, "size": [len(d[2]) for d in dims], "dimension": {}}
    for dim_id, label, cats in dims:
        category = {"index": {c: i for i, (c, _) in enumerate(cats)}, "label": {c: l for c, l in cats}}
        if dim_id == "ContentsCode" and unit:
            category["unit"] = {c: unit for c, _ in cats}
        out["dimension"][dim_id] = {"label": label, "category": category,
                                    "extension": {"elimination": dim_id in ELIMINABLE}}
    values, status = [], {}

    def walk(d, coords):
        if d == len(dims):
            v = value_of(dict(zip(ids, coords)))
            if isinstance(v, tuple):
                status[str(len(values))] = v[1]
                values.append(v[0])
            else:
                values.append(v)
            return
        for code, _ in dims[d][2]:
            walk(d + 1, coords + [code])
    walk(0, [])
    out["value"] = values
    if status:
        out["status"] = status
    return out


def write(table, data):
    meta = {k: v for k, v in data.items() if k not in ("value", "status")}
    with open(f"{table}-metadata.json", "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
    with open(f"{table}-data.json", "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)


def regions(codes):
    return ("KOKkommuneregion0000", "region", [(c, REGION_LABELS[c]) for c in codes])


def years():
    return ("Tid", "år", [(y, y) for y in YEARS])


KOSTRA_ROLES = {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["KOKkommuneregion0000"]}


def not_in_use(c):
    """3024 was Bærum's number until 2023: SSB writes '.' after that."""
    return c["KOKkommuneregion0000"] == "3024" and c["Tid"] != "2023"


# 12367: net (AGD2) and gross (AGD10) operating expenses, 1000 kr.
# AGD2 = function base × region scale + 1000 × (year − 2023); AGD10 = AGD2 + 25 000.
FUNCTION_BASE = {"232": 150_000, "233": 40_000, "241": 210_000}
# The functions of the other areas' sources (barnehage … byggesak): base = 10 000 × (place + 1), the same formula.
OTHER_FUNCTIONS = ["121", "130", "201", "202", "211", "213", "215", "221", "222", "223", "242", "243", "244", "251", "252",
                   "261", "273", "276", "281", "301", "302", "303", "330", "332", "381", "386"]
FUNCTION_BASE.update({f: 10_000 * (i + 1) for i, f in enumerate(OTHER_FUNCTIONS)})
SCALE = {"3024": 1, "3201": 1, "0301": 5, "EKG12": 2, "EAK": 40}


def v12367(c):
    region = c["KOKkommuneregion0000"]
    if not_in_use(c):
        return (None, ".")
    if region == "3201" and c["Tid"] == "2023":
        return 0  # SSB's back-filled zero row under a number not yet in use
    net = FUNCTION_BASE[c["KOKfunksjon0000"]] * SCALE[region] + 1000 * (int(c["Tid"]) - 2023)
    if c["KOKregnskapsomfa0000"] == "B":
        net -= 500
    # A590 (depreciation) = AGD2 / 10
    return net if c["KOKart0000"] == "AGD2" else net // 10 if c["KOKart0000"] == "A590" else net + 25_000


write("12367", dataset("12367", "Detaljerte regnskapstall driftsregnskapet, etter region, regnskapsomfang, funksjon, art, statistikkvariabel og år", [
    regions(["3024", "3201", "0301", "EKG12", "EAK"]),
    ("KOKregnskapsomfa0000", "regnskapsomfang", [("A", "Kommunekonsern"), ("B", "Kommunekasse")]),
    ("KOKfunksjon0000", "funksjon", [("232", "232 Helsestasjons- og skolehelsetjeneste"),
                                     ("233", "233 Annet forebyggende helsearbeid"),
                                     ("241", "241 Diagnose, behandling, re-/habilitering")]
                                    + [(f, f) for f in OTHER_FUNCTIONS]),
    ("KOKart0000", "art", [("AGD2", "Netto driftsutgifter"), ("AGD10", "Brutto driftsutgifter"), ("A590", "Avskrivninger")]),
    ("ContentsCode", "statistikkvariabel", [("KOSbelop0000", "Beløp (1000 kr)")]),
    years()], KOSTRA_ROLES, v12367, {"base": "1000 kr", "decimals": 0}))

# 11996: doctors' FTEs by function. Value = 10 × (function index + 1) × region scale + 0.5 × (year − 2023).
FUNCTIONS_11996 = ["FGK10", "120", "232", "233", "241", "253", "256"]
SCALE_11996 = {"3024": 1, "3201": 1, "0301": 6, "3203": 1}


def v11996(c):
    if not_in_use(c):
        return (None, ".")
    if c["KOKkommuneregion0000"] == "3201" and c["Tid"] == "2023":
        return (None, "..")
    i = FUNCTIONS_11996.index(c["KOKfunksjon0000"])
    return 10 * (i + 1) * SCALE_11996[c["KOKkommuneregion0000"]] + 0.5 * (int(c["Tid"]) - 2023)


write("11996", dataset("11996", "Legeårsverk i kommunehelsetjenesten, etter region, avtaleform, funksjon, statistikkvariabel og år", [
    regions(["3024", "3201", "0301", "3203"]),
    ("KOKavtaleform0000", "avtaleform", [("sum", "Sum alle avtaleformer")]),
    ("KOKfunksjon0000", "funksjon", [(f, f) for f in FUNCTIONS_11996]),
    ("ContentsCode", "statistikkvariabel", [("KOSlegeaarsverk0000", "Legeårsverk")]),
    years()], KOSTRA_ROLES, v11996, {"base": "årsverk", "decimals": 1}))

# 12292: supplementary care figures. KOSkjerne80aarov0000 = 1500 × region scale + 10 × (year − 2023); Asker 2024 ':'.
CONTENTS_12292 = [("KOSbeboersykehje0000", "Beboere i sykehjem"), ("KOSlangtid0000", "Langtidsopphold"),
                  ("KOSkorttid0000", "Korttidsopphold"), ("KOSkjernetotalt0000", "Mottakere av hjemmetjenester"),
                  ("KOSkjerne80aarov0000", "Mottakere av hjemmetjenester 80 år og over"),
                  ("KOSaarsverkbruke0000", "Årsverk i brukerrettede tjenester"),
                  ("KOSinstoppholdsd0000", "Oppholdsdøgn i institusjon")]
SCALE_12292 = {"3024": 1, "3201": 1, "0301": 5, "3203": 1}


def v12292(c):
    if not_in_use(c):
        return (None, ".")
    region = c["KOKkommuneregion0000"]
    if region == "3201" and c["Tid"] == "2023":
        return (None, ".")
    if region == "3203" and c["Tid"] == "2024":
        return (None, ":")
    i = [k for k, _ in CONTENTS_12292].index(c["ContentsCode"])
    return (1000 + 100 * i) * SCALE_12292[region] + 10 * (int(c["Tid"]) - 2023)


write("12292", dataset("12292", "Omsorgstjenester - supplerende grunnlagstall, etter region, statistikkvariabel og år", [
    regions(["3024", "3201", "0301", "3203"]),
    ("ContentsCode", "statistikkvariabel", CONTENTS_12292),
    years()], KOSTRA_ROLES, v12292))

# 07459: inhabitants 1 January by sex and age. Every (sex, age) cell = base + 5 × (year − 2023).
AGES = [f"{a:03d}" for a in range(105)] + ["105+"]
BASE_07459 = {"3024": 600, "3201": 600, "0301": 3000, "3203": 450}


def v07459(c):
    region = c["Region"]
    if region == "3024" and c["Tid"] != "2023":
        return (None, ".")
    return BASE_07459[region] + 5 * (int(c["Tid"]) - 2023)


write("07459", dataset("07459", "Befolkning, etter region, kjønn, alder, statistikkvariabel og år", [
    ("Region", "region", [(c, REGION_LABELS[c]) for c in ["3024", "3201", "0301", "3203"]]),
    ("Kjonn", "kjønn", [("1", "Menn"), ("2", "Kvinner")]),
    ("Alder", "alder", [(a, a.lstrip("0") + " år" if a != "000" else "0 år") for a in AGES]),
    ("ContentsCode", "statistikkvariabel", [("Personer1", "Personer")]),
    years()], {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"]}, v07459, {"base": "personer", "decimals": 0}))


# Key-figure tables the other areas' sources name (13502, 12255, 12279, 12286, 12275). Value = 10 × (contents place + 1)
# + 1 × (filter place) + 0.5 × (year − 2023) for every region; '.' for 3024 after 2023 and for 3201 before 2024.
def key_figures(table, title, contents, extra=()):
    def value(c):
        if not_in_use(c) or c["KOKkommuneregion0000"] == "3201" and c["Tid"] == "2023":
            return (None, ".")
        i = [k for k, _ in contents].index(c["ContentsCode"])
        j = sum(codes.index(c[d]) for d, _, codes in extra)
        return 10 * (i + 1) + j + 0.5 * (int(c["Tid"]) - 2023)
    dims = [regions(["3024", "3201", "0301", "3203"])]
    dims += [(d, label, [(code, code) for code in codes]) for d, label, codes in extra]
    dims += [("ContentsCode", "statistikkvariabel", contents), years()]
    write(table, dataset(table, title, dims, KOSTRA_ROLES, value))


key_figures("13502", "Utvalgte nøkkeltall for barnehager", [("KOSandel150000", "Andel barn 1-5 år i barnehage"),
            ("KOSbarnaav0000", "Barn per årsverk grunnbemanning"), ("KOSkorrtidkomm0000", "Korrigerte brutto driftsutgifter per oppholdstime")])
key_figures("12255", "Utvalgte nøkkeltall for grunnskole", [("KOSgrstr20000", "Gruppestørrelse 2"),
            ("KOSgrunnskolepoe0000", "Grunnskolepoeng")])
key_figures("12279", "Barnevern, utgifter", [("KOSndubvbvbarnus0000", "Netto driftsutgifter per barn i barnevernet")])
key_figures("12286", "Barnevern, undersøkelser", [("KOSbvbarnuspinnb0000", "Andel barn med undersøkelse")])
key_figures("12275", "Barnevern, tiltak", [("KOSbvbarntiltaka0001", "Andel barn med tiltak")],
            [("KOKalder0000", "alder", ["F000-017"]), ("KOKbvfunksjon0000", "funksjon", ["0", "1", "2"])])
