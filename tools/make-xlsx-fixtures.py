#!/usr/bin/env python3
"""Writes the workbook fixtures of tests/workbook_test.cpp (tests/fixtures/xlsx/).

Each .xlsx is written part by part as Excel writes it (deflated, the sheets
before the theme, styles and shared strings, so that a reader needs the zip's
directory): opportunities.xlsx (a "Summary" sheet first, then a
Salesforce-like "Opportunities" table with dates, amounts, a rich-text
string, an inline string and a #N/A cell), date1904.xlsx (the 1904 date
system and a custom "dd/mm/yyyy" format), encrypted.xlsx (what Excel saves
with a password: a compound file, no zip) and numbers.numbers (an Apple
Numbers zip). The bytes are the same on every run: fixed dates, fixed order.
Run: python3 tools/make-xlsx-fixtures.py
"""
import pathlib
import zipfile
from xml.sax.saxutils import escape

from csv_to_xlsx import column_letters  # the same letters as the converter beside it

OUT = pathlib.Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'xlsx'
MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def write_zip(path, parts):
    with zipfile.ZipFile(path, 'w') as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode('utf-8') if isinstance(data, str) else data)


class SharedStrings:
    """The shared string table: each distinct string once, in first-use order."""

    def __init__(self):
        self.items = []  # the <si> XML of each
        self.index = {}
        self.uses = 0

    def plain(self, text):
        self.uses += 1
        if text not in self.index:
            self.index[text] = len(self.items)
            space = ' xml:space="preserve"' if text != text.strip() else ''
            self.items.append(f'<si><t{space}>{escape(text)}</t></si>')
        return self.index[text]

    def rich(self, runs):
        """A rich-text string: (text, bold) runs, with a phonetic run the reader must leave out."""
        self.uses += 1
        bold_run, plain_run = '<rPr><b/><sz val="11"/></rPr>', '<rPr><sz val="11"/></rPr>'
        xml = ''.join(f'<r>{bold_run if bold else plain_run}<t xml:space="preserve">{escape(text)}</t></r>'
                      for text, bold in runs)
        self.items.append(f'<si>{xml}<rPh sb="0" eb="1"><t>イニテック</t></rPh><phoneticPr fontId="1"/></si>')
        return len(self.items) - 1

    def xml(self):
        return (HEAD + f'<sst xmlns="{MAIN}" count="{self.uses}" uniqueCount="{len(self.items)}">'
                + ''.join(self.items) + '</sst>')


def sheet_xml(rows, strings):
    """rows: {row number: [cell, ...]}; a cell is None (skipped), a str (shared string),
    or a tuple (kind, value, style) of kind 'n' (stored text), 'f' (formula, cached value),
    'inline', 'e' (error) or 'b'."""
    out = []
    for r in sorted(rows):
        cells = []
        for c, cell in enumerate(rows[r], start=1):
            ref = f'{column_letters(c)}{r}'
            if cell is None:
                continue
            if isinstance(cell, str):
                cells.append(f'<c r="{ref}" t="s"><v>{strings.plain(cell)}</v></c>')
                continue
            kind, value, style = cell
            s = f' s="{style}"' if style else ''
            if kind == 'n':
                cells.append(f'<c r="{ref}"{s}><v>{value}</v></c>')
            elif kind == 'f':
                formula, cached = value
                cells.append(f'<c r="{ref}"{s}><f>{escape(formula)}</f><v>{cached}</v></c>')
            elif kind == 'rich':
                cells.append(f'<c r="{ref}"{s} t="s"><v>{strings.rich(value)}</v></c>')
            elif kind == 'inline':
                cells.append(f'<c r="{ref}"{s} t="inlineStr"><is><t>{escape(value)}</t></is></c>')
            elif kind == 'e':
                cells.append(f'<c r="{ref}"{s} t="e"><f>VLOOKUP(A{r},Notes!A:B,2,FALSE)</f><v>{value}</v></c>')
            elif kind == 'b':
                cells.append(f'<c r="{ref}"{s} t="b"><v>{value}</v></c>')
        spans = f'1:{max(len(rows[r]) for r in rows)}'
        out.append(f'<row r="{r}" spans="{spans}">' + ''.join(cells) + '</row>')
    last = max(rows)
    width = column_letters(max(len(v) for v in rows.values()))
    return (HEAD + f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><dimension ref="A1:{width}{last}"/>'
            '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            '<sheetData>' + ''.join(out) + '</sheetData>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')


def styles_xml(custom_formats, cell_formats):
    """custom_formats: {id: code}; cell_formats: the numFmtId of each cell style (s="N")."""
    quote = {'"': '&quot;'}
    fmts = ''.join(f'<numFmt numFmtId="{i}" formatCode="{escape(code, quote)}"/>'
                   for i, code in custom_formats.items())
    applied = ' applyNumberFormat="1"'
    xfs = ''.join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0"{applied if n else ""}/>'
                  for n in cell_formats)
    return (HEAD + f'<styleSheet xmlns="{MAIN}">'
            + (f'<numFmts count="{len(custom_formats)}">{fmts}</numFmts>' if custom_formats else '')
            + '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(cell_formats)}">{xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def workbook_parts(sheets, styles, strings, date1904=False):
    """sheets: [(name, sheet xml)], in tab order."""
    overrides = ''.join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                        for i in range(1, len(sheets) + 1))
    content_types = (HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/'
                     'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + overrides + '</Types>')
    root_rels = (HEAD + f'<Relationships xmlns="{PKG}">'
                 f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                 'metadata/core-properties" Target="docProps/core.xml"/>'
                 f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    app = (HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>Microsoft Excel</Application></Properties>')
    core = (HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>bbb tests</dc:creator>'
            '</cp:coreProperties>')
    sheet_list = ''.join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                         for i, (name, _) in enumerate(sheets, start=1))
    pr = ' date1904="1"' if date1904 else ''
    workbook = (HEAD + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><fileVersion appName="xl"/>'
                f'<workbookPr{pr} defaultThemeVersion="166925"/><bookViews><workbookView activeTab="0"/></bookViews>'
                f'<sheets>{sheet_list}</sheets><calcPr calcId="191029"/></workbook>')
    n = len(sheets)
    workbook_rels = (HEAD + f'<Relationships xmlns="{PKG}">'
                     + ''.join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                               for i in range(1, n + 1))
                     + f'<Relationship Id="rId{n + 1}" Type="{REL}/theme" Target="theme/theme1.xml"/>'
                     f'<Relationship Id="rId{n + 2}" Type="{REL}/styles" Target="styles.xml"/>'
                     f'<Relationship Id="rId{n + 3}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
                     '</Relationships>')
    theme = (HEAD + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">'
             '<a:themeElements/></a:theme>')
    parts = [('[Content_Types].xml', content_types), ('_rels/.rels', root_rels),
             ('docProps/app.xml', app), ('docProps/core.xml', core),
             ('xl/workbook.xml', workbook), ('xl/_rels/workbook.xml.rels', workbook_rels)]
    parts += [(f'xl/worksheets/sheet{i}.xml', xml) for i, (_, xml) in enumerate(sheets, start=1)]
    parts += [('xl/theme/theme1.xml', theme), ('xl/styles.xml', styles), ('xl/sharedStrings.xml', strings.xml())]
    return parts


def opportunities():
    strings = SharedStrings()
    # Styles: 0 General, 1 the built-in date (14), 2 an amount (4: #,##0.00).
    date, money = 1, 2
    summary = {
        1: ['Q1 2024 pipeline'],
        3: ['Stage', 'Deals', 'Amount'],
        4: ['Closed Won', ('n', '5', 0), ('n', '160532.12', money)],
        5: ['Prospecting', ('n', '3', 0), ('n', '45000', money)],
    }
    header = ['Opportunity Name', 'Account Name', 'Stage', 'Close Date', 'Amount', 'Amount Currency', 'Next Step']
    table = {
        1: header,
        2: ['Acme - Platform renewal', 'Acme Corp', 'Closed Won', ('n', '45292', date), ('n', '45362.12', money),
            'USD', 'Kickoff call'],
        3: ['Globex - Expansion', 'Globex', 'Closed Won', ('n', '45323', date),
            ('n', '0.30000000000000004', money), 'USD', ('e', '#N/A', 0)],
        4: [('rich', [('Initech', True), (' - Support, 2 years', False)], 0), 'Initech', 'Closed Won',
            ('n', '45337', date), ('n', '12000', money), 'USD'],
        5: ['Umbrella - Pilot', ('inline', 'Umbrella & Co', 0), 'Prospecting', ('n', '45366', date),
            ('n', '4.5362119999999997E4', money), 'USD', None],
        6: ['Stark - Renewal', 'Stark Industries', 'Closed Won', ('n', '45380.75', date),
            ('f', ('E2*2', '90724.24'), money), 'USD', 'Send "final" quote'],
        7: ['Wayne - Analytics', 'Wayne Enterprises', 'Negotiation', ('n', '45382', date),
            ('n', '1500.5', money), 'EUR'],
        8: ['Hooli - Seats', 'Hooli', 'Closed Lost', ('n', '45383', date), ('n', '99999.99', money), 'GBP',
            'Lost to competitor'],
        9: ['Soylent - Add-on', 'Soylent', 'Closed Won', ('n', '45412', date), ('n', '2.5E3', money), 'USD'],
    }
    sheets = [('Summary', sheet_xml(summary, strings)), ('Opportunities', sheet_xml(table, strings))]
    return workbook_parts(sheets, styles_xml({}, [0, 14, 4]), strings)


def date1904():
    strings = SharedStrings()
    # Styles: 0 General, 1 a custom "dd/mm/yyyy" (164).
    rows = {
        1: ['Id', 'Booking Date', 'Amount'],
        2: ['B1', ('n', '43830', 1), ('n', '1200', 0)],
        3: ['B2', ('n', '43921', 1), ('n', '350.25', 0)],
        4: ['B3', ('n', '0', 1), ('n', '10', 0)],
    }
    return workbook_parts([('Bookings', sheet_xml(rows, strings))], styles_xml({164: 'dd/mm/yyyy'}, [0, 164]),
                          strings, date1904=True)


def encrypted():
    # What Excel saves with a password: an OLE compound file holding the
    # EncryptionInfo and EncryptedPackage streams, their names in UTF-16LE.
    head = b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1'
    return head + b'\0' * (512 - len(head)) + 'EncryptionInfo'.encode('utf-16-le') + b'\0' * 100


def numbers():
    return [('Index/Document.iwa', b'\x00\x11\x22 not a real archive'),
            ('Index/Metadata.iwa', b'\x00\x01'),
            ('Metadata/Properties.plist', '<?xml version="1.0"?><plist/>'),
            ('preview.jpg', b'\xFF\xD8\xFF\xE0')]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    write_zip(OUT / 'opportunities.xlsx', opportunities())
    write_zip(OUT / 'date1904.xlsx', date1904())
    (OUT / 'encrypted.xlsx').write_bytes(encrypted())
    write_zip(OUT / 'numbers.numbers', numbers())


if __name__ == '__main__':
    main()
