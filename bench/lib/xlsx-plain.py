#!/usr/bin/env python3
"""Repacks an .xlsx as a plain zip: the same parts, deflated at level 6,
with their sizes in the local headers and no zip64 records (as Excel
writes a workbook whose parts are under 4 GB).

  python3 bench/lib/xlsx-plain.py IN.xlsx OUT.xlsx

tools/csv_to_xlsx.py streams its sheet part (force_zip64, sizes 0xFFFFFFFF
in the local header), which SheetJS 0.18.5's zip reader refuses ("Bad
compressed size"); the bench gives every reader this copy instead, so that
all read the same workbook. It also lists the worksheet, shared strings
and styles parts in [Content_Types].xml as Excel does: SheetJS 0.18.5 finds
the shared strings only there (without, every string cell fails to parse
and the sheet comes back empty).
"""
import shutil
import sys
import zipfile

TYPES = {
    'xl/worksheets/': 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
    'xl/sharedStrings.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
    'xl/styles.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
}


def content_types(xml, names):
    overrides = ''
    for name in names:
        for prefix, kind in TYPES.items():
            if name.startswith(prefix) and f'PartName="/{name}"' not in xml:
                overrides += f'<Override PartName="/{name}" ContentType="{kind}"/>'
    return xml.replace('</Types>', overrides + '</Types>')

src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED, compresslevel=6) as zout:
    for info in zin.infolist():
        out_info = zipfile.ZipInfo(info.filename, date_time=info.date_time)
        out_info.compress_type = zipfile.ZIP_DEFLATED
        out_info.file_size = info.file_size  # known ahead: a plain local header, no zip64
        if info.filename == '[Content_Types].xml':
            zout.writestr(out_info, content_types(zin.read(info).decode(), zin.namelist()))
            continue
        with zin.open(info) as fin, zout.open(out_info, 'w') as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)
