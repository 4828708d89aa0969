"""Baseline: python-docx reads every table cell's text of a .docx."""

import sys

from docx import Document

doc = Document(sys.argv[1])
rows = [[cell.text for cell in row.cells] for table in doc.tables for row in table.rows]
print(len(rows))
