# Reads an .xlsx as a spreadsheet would, with Python's own zip and XML
# readers (independent of the page's writer and of fflate): every sheet's
# cells with their type (n: number, s: text), value, number format and
# whether any cell holds a formula. Prints JSON. Used by the web tests.
#   python3 tests/web/read_xlsx.py FILE.xlsx
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}


def main(path):
    z = zipfile.ZipFile(path)
    assert z.testzip() is None, "a part's CRC does not match"
    ET.fromstring(z.read("[Content_Types].xml"))
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).findall("p:Relationship", NS)}
    styles = ET.fromstring(z.read("xl/styles.xml"))
    formats = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.findall("m:numFmts/m:numFmt", NS)}
    xfs = [(int(x.get("numFmtId")), x.get("fontId")) for x in styles.findall("m:cellXfs/m:xf", NS)]
    view = book.find("m:bookViews/m:workbookView", NS)
    out = {"active": int(view.get("activeTab", "0")) if view is not None else 0, "sheets": []}
    for sheet in book.findall("m:sheets/m:sheet", NS):
        target = rels[sheet.get("{%s}id" % NS["r"])]
        root = ET.fromstring(z.read("xl/" + target))
        cells = {}
        formula = False
        for c in root.iter("{%s}c" % NS["m"]):
            if c.find("m:f", NS) is not None:
                formula = True
            t = c.get("t", "n")
            num_fmt, font = xfs[int(c.get("s", "0"))]
            bold = font == "1"
            if t == "inlineStr":
                value = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
                cells[c.get("r")] = {"type": "s", "value": value, "bold": bold}
            elif t == "n":
                v = c.find("m:v", NS)
                if v is None:
                    continue
                cells[c.get("r")] = {"type": "n", "value": v.text, "number": float(v.text),
                                     "format": formats.get(num_fmt, "General"), "bold": bold}
            else:
                cells[c.get("r")] = {"type": t, "value": "".join(c.itertext()), "bold": bold}
        pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
        out["sheets"].append({"name": sheet.get("name"), "cells": cells, "formula": formula,
                              "frozen": None if pane is None else [pane.get("xSplit"), pane.get("ySplit")]})
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
