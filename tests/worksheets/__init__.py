"""The demo tools' printable work templates (työpohjat), made with fpdf2 and committed as files.

The demo build (`load_demo_content`) only copies the committed PDFs from toolkit/demo/worksheets/, so running
the site and building the demo need no PDF library; fpdf2 is a development tool here (pyproject's [test]
extras). `make worksheets` (`python -m tests.worksheets`) writes the files anew after a tool's text changes in
toolkit/demo/tools.py; tests/worksheets/test_worksheets.py fails while a committed file differs from what this
module makes. docs/demo-content.md says why.
"""
