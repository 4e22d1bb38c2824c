#!/usr/bin/env python3
"""Writes a CSV file as an .xlsx workbook, cell by cell as Excel would hold it.

  python3 tools/csv_to_xlsx.py IN.csv OUT.xlsx [--sheet NAME] [--notes-sheet]

A plain decimal number becomes a number cell (its shortest round-trip text,
as Excel stores it), an ISO date (YYYY-MM-DD, with or without a time) a
date-formatted serial of the 1900 system, anything else a shared string.
Text Excel would not keep as a number stays a string: leading zeros
("007"), more than 15 significant digits, thousands separators. The rows
are streamed into the deflated sheet part, so a 1M-row CSV needs no more
memory than its distinct strings. --notes-sheet adds a second sheet, so
that the data is not the only sheet. Used by the CSV/XLSX equivalence test
and the bench.
"""
import csv
import datetime
import io
import re
import sys
import zipfile
from xml.sax.saxutils import escape

MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
NUMBER = re.compile(r'-?(0|[1-9][0-9]*)(\.[0-9]+)?$')
ISO_DATE = re.compile(r'([0-9]{4})-([0-9]{2})-([0-9]{2})([ T]([0-9]{2}):([0-9]{2})(:([0-9]{2}))?)?$')
EPOCH = datetime.date(1899, 12, 30)  # serial 0 of the 1900 system, past its phantom 29 February


def column_letters(n):
    letters = ''
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def excel_number(text):
    """The <v> text Excel would store for `text`, or None when it would keep it as a string."""
    if not NUMBER.match(text) or len(text.replace('-', '').replace('.', '').lstrip('0')) > 15:
        return None
    return repr(float(text)).removesuffix('.0') if '.' in text else str(int(text))


def excel_date(text):
    m = ISO_DATE.match(text)
    if not m:
        return None
    try:
        day = datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    if day < datetime.date(1900, 3, 1):
        return None
    serial = (day - EPOCH).days
    if m[4] and (int(m[5]) > 23 or int(m[6]) > 59 or int(m[8] or 0) > 59):
        return None  # no time Excel would hold: text
    if m[4]:
        seconds = int(m[5]) * 3600 + int(m[6]) * 60 + int(m[8] or 0)
        return repr(serial + seconds / 86400), 2
    return str(serial), 1


def write_sheet(out, rows, strings):
    out.write((HEAD + f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>').encode())
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, text in enumerate(row, start=1):
            if text == '':
                continue
            ref = f'{column_letters(c)}{r}'
            date = excel_date(text) if r > 1 else None
            number = excel_number(text) if r > 1 and date is None else None
            if date:
                cells.append(f'<c r="{ref}" s="{date[1]}"><v>{date[0]}</v></c>')
            elif number is not None:
                cells.append(f'<c r="{ref}"><v>{number}</v></c>')
            else:
                index = strings.setdefault(text, len(strings))
                cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
        out.write((f'<row r="{r}">' + ''.join(cells) + '</row>').encode())
    out.write(b'</sheetData></worksheet>')


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    sheet = argv[argv.index('--sheet') + 1] if '--sheet' in argv else 'Sheet1'
    if '--sheet' in argv:
        args.remove(sheet)
    notes = '--notes-sheet' in argv
    source, target = args
    sheets = [sheet] + (['Notes'] if notes else [])
    strings = {}
    with open(source, newline='', encoding='utf-8-sig') as f, \
            zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as out:
            write_sheet(io.BufferedWriter(out, 1 << 20), csv.reader(f), strings)
        if notes:
            z.writestr('xl/worksheets/sheet2.xml', HEAD + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">'
                       '<c r="A1" t="inlineStr"><is><t>Exported for the tests</t></is></c></row></sheetData></worksheet>')
        with z.open('xl/sharedStrings.xml', 'w', force_zip64=True) as raw:
            out = io.BufferedWriter(raw, 1 << 20)
            out.write((HEAD + f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">').encode())
            for text in strings:
                space = ' xml:space="preserve"' if text != text.strip() else ''
                out.write(f'<si><t{space}>{escape(text)}</t></si>'.encode())
            out.write(b'</sst>')
            out.flush()
        z.writestr('xl/styles.xml', HEAD + f'<styleSheet xmlns="{MAIN}"><cellXfs count="3">'
                   '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
                   '<xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>')
        z.writestr('xl/workbook.xml', HEAD + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>' + ''.join(
            f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(sheets, 1))
            + '</sheets></workbook>')
        n = len(sheets)
        z.writestr('xl/_rels/workbook.xml.rels', HEAD + f'<Relationships xmlns="{PKG}">' + ''.join(
            f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, n + 1))
            + f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId{n + 2}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        z.writestr('_rels/.rels', HEAD + f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                   f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr('[Content_Types].xml', HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                   'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
                   'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/>' + ''.join(
                       f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-'
                       'officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
                   + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')


if __name__ == '__main__':
    main(sys.argv[1:])
