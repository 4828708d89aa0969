"""Floor for `xltools merge`: the fastest this work can be done in Python, without any feature.

    python calamine_floor.py RETURNS_DIR OUT.xlsx

python-calamine reads every sheet of every returned file; the task rows under the 填报 header (the
cells the pandas baseline writes) go, with the unit, into one sheet written as hand-made XML with
inline strings, zipped into a minimal valid .xlsx.
"""

import sys
import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def escape(text: str) -> str:
    """&, < and > as entities (what xml.sax.saxutils.escape does, without the 30 ms its import of
    urllib.request costs: the floor must not carry a cost the work does not need)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


rows: list[list[str]] = []
header: list[str] = []
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    wb = CalamineWorkbook.from_path(str(path))
    sheets = {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}
    fill = sheets["填报"]
    h = next(i for i, row in enumerate(fill) if "任务内容" in row and "完成状态" in row)
    header = ["单位", *map(str, fill[h])]
    key = fill[h].index("任务编号")
    info = {str(r[0]): str(r[1]) for r in sheets.get("_xltools", []) if len(r) > 1}
    unit = info.get("unit", path.stem)
    rows.extend([unit, *map(str, r)] for r in fill[h + 1:] if len(r) > key and r[key] not in ("", None))

parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}"><sheetData>']
for r, row in enumerate([header, *rows], start=1):
    parts.append(f'<row r="{r}">')
    parts.extend(f'<c t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>' for v in row)
    parts.append("</row>")
parts.append("</sheetData></worksheet>")
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as zf:
    zf.writestr("[Content_Types].xml", (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
        '.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>'))
    zf.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PKG}">'
                f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    zf.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{NS}" '
                f'xmlns:r="{REL}"><sheets><sheet name="明细" sheetId="1" r:id="rId1"/></sheets></workbook>')
    zf.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships '
                f'xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                "</Relationships>")
    zf.writestr("xl/worksheets/sheet1.xml", "".join(parts))
