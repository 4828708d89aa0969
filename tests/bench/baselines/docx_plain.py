"""Baseline for `xltools attachment`: python-docx writes the same cells into a plain table with cell.text.

    python docx_plain.py 任务总表.json OUT.docx

No fonts, sizes, margins, repeated header, merged categories or page numbers.
"""

import json
import sys
from pathlib import Path

from docx import Document

data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
doc = Document()
doc.add_paragraph(data["attachment_label"])
doc.add_paragraph(data["title"])
roles = list(data["columns"])
table = doc.add_table(rows=1, cols=len(roles))
for cell, role in zip(table.rows[0].cells, roles, strict=True):
    cell.text = data["columns"][role]
for t in data["tasks"]:
    values = {**t, "lead": t["lead_text"], "units": t["units_text"]}
    for cell, role in zip(table.add_row().cells, roles, strict=True):
        cell.text = str(values.get(role, ""))
doc.save(sys.argv[2])
