"""`xltools serve`: the quarterly cycle as a local web page (Flask + Jinja2 + htmx, nothing from the internet).

`app` holds the routes, `workbench` the folder layout and safe uploads, `steps` the library calls of
each step, `views` what each step shows, `edits` the clerk's unit corrections, `jobs` the worker.
"""

from __future__ import annotations
