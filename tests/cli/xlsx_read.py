"""Reads an xlsx workbook back with openpyxl and prints it for the checks of test_export_xlsx.sh.

  python3 xlsx_read.py info FILE          the sheets, the title, and per sheet its frozen
                                          pane, autofilter, whether row 1 is bold, and
                                          the columns' widths (A=17 B=9 ...)
  python3 xlsx_read.py cells FILE SHEET   every cell: A1<TAB>data type<TAB>Python type<TAB>value
                                          (line breaks in a value written as \\n)
  python3 xlsx_read.py csv FILE SHEET en|nl
                                          the sheet as `cjm export --to csv` writes it in
                                          that dialect, from the cells' typed values
  python3 xlsx_read.py types FILE SHEET   per column: its head and the Python types of the
                                          cells below it (int, float, bool, str), sorted
  python3 xlsx_read.py plain FILE SHEET   the touchpoints sheet as `cjm show --plain` writes
                                          names, emotions, satisfaction, impact and the
                                          yes/no fields; a cell of the wrong type shows as
                                          <TYPE VALUE>, so it differs
  python3 xlsx_read.py formulas FILE      every formula cell of every sheet: SHEET!A1<TAB>formula

Exits 2 on a usage error; openpyxl's own errors end it with a traceback.
"""
import sys

import openpyxl


def load(path):
    return openpyxl.load_workbook(path, data_only=False)


def info(wb):
    print("sheets\t" + "\t".join(wb.sheetnames))
    print("title\t" + (wb.properties.title or ""))
    print("subject\t" + (wb.properties.subject or ""))
    for ws in wb.worksheets:
        bold = all(c.font.b for c in ws[1] if c.value is not None)
        print("sheet\t%s\tfreeze %s\tfilter %s\tbold head %s"
              % (ws.title, ws.freeze_panes, ws.auto_filter.ref, "yes" if bold else "no"))
        widths = ["%s=%g" % (c, round(d.width)) for c, d in sorted(ws.column_dimensions.items()) if d.width]
        print("widths\t%s\t%s" % (ws.title, " ".join(widths)))


def cells(ws):
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            value = str(c.value).replace("\n", "\\n")
            print("%s\t%s\t%s\t%s" % (c.coordinate, c.data_type, type(c.value).__name__, value))


def csv_number(x, point):
    """A number as cjm's CSV writes it: a whole number without a point, else the shortest decimal."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return repr(x).replace(".", point)


def csv_cell(value, sep, point):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return csv_number(value, point)
    text = str(value)
    if any(ch in text for ch in ',"\r\n' + sep) or text[:1] == " " or text[-1:] == " ":
        return '"' + text.replace('"', '""') + '"'
    return text


def as_csv(ws, dialect):
    sep, point, bom = (";", ",", "\ufeff") if dialect == "nl" else (",", ".", "")
    width = ws.max_column
    out = [bom if dialect == "nl" else ""]
    for row in ws.iter_rows(max_col=width, values_only=True):
        out.append(sep.join(csv_cell(v, sep, point) for v in row) + "\r\n")
    sys.stdout.buffer.write("".join(out).encode("utf-8"))


def types(ws):
    rows = list(ws.iter_rows(values_only=True))
    if not rows:
        return
    for col, head in enumerate(rows[0]):
        seen = sorted({type(r[col]).__name__ for r in rows[1:] if col < len(r) and r[col] is not None})
        print("%s\t%s" % (head, ",".join(seen)))


# The columns of the touchpoints sheet (the CSV's, by position) that `plain` prints after
# the name, with the Python types their cells must have.
PLAIN_FIELDS = [(7, "emotion", (int,)), (8, "satisfaction", (int, float)), (9, "impact", (int, float)),
                (10, "moment_of_truth", (bool,)), (11, "brand_moment", (bool,)),
                (12, "commitment", (bool,)), (13, "visible", (bool,))]


def plain_value(value, kinds):
    if type(value) not in kinds:
        return "<%s %r>" % (type(value).__name__, value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_number(value, ".")


def plain(ws):
    for row in list(ws.iter_rows(values_only=True))[1:]:
        phase, tp_id, name = row[0], row[3], row[4]
        if tp_id is None:
            continue  # a phase without touchpoints
        where = "%s/%s" % (phase, tp_id)
        print("touchpoint %s: %s" % (where, name))
        for col, key, kinds in PLAIN_FIELDS:
            if row[col] is not None:
                print("%s %s: %s" % (where, key, plain_value(row[col], kinds)))


def formulas(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    print("%s!%s\t%s" % (ws.title, c.coordinate, c.value))


def main(argv):
    if len(argv) < 3 or argv[1] not in ("info", "cells", "csv", "types", "plain", "formulas"):
        sys.stderr.write(__doc__)
        return 2
    wb = load(argv[2])
    if argv[1] == "info":
        info(wb)
        return 0
    if argv[1] == "formulas":
        formulas(wb)
        return 0
    if len(argv) < 4 or argv[3] not in wb.sheetnames:
        sys.stderr.write("no sheet %r; the sheets are %s\n" % (argv[3] if len(argv) > 3 else None, wb.sheetnames))
        return 2
    ws = wb[argv[3]]
    if argv[1] == "cells":
        cells(ws)
    elif argv[1] == "types":
        types(ws)
    elif argv[1] == "plain":
        plain(ws)
    else:
        as_csv(ws, argv[4] if len(argv) > 4 else "en")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
