"""Baseline for `xltools import` of a .docx (and of the same list as text): python-docx reads every
table cell's text. No header detection, merged cells, unit splitting or dataset.

    python docx_read.py LIST.docx
"""

import sys

from docx import Document

doc = Document(sys.argv[1])
rows = [[cell.text for cell in row.cells] for table in doc.tables for row in table.rows]
print(len(rows))
