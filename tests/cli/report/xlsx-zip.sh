# The workbook opened as a zip with Python's zipfile: one sheet per table in
# the order of the sections, Dutch names; title and header frozen; real
# numbers and dates with their formats (the date of a cell is Excel's serial
# day: 2026-03-16 is 46097); native charts: forecast against actual per day
# for phone and e-mail, required against planned for each of the two plan
# days, and the weekly FTE as columns; no formula anywhere, and the note
# that begins with '=' kept as a string; the creation time fixed by the
# data (the day after the last day reported), so a rerun writes the same.
F="$FIX/report"
wfm-report all --lang nl --config "$F/wfm.conf" --history "$F/history.csv" \
	--expected "$F/expected.csv" --baseline "$F/baseline.csv" --backlog "$F/backlog.csv" \
	--coverage "$F/coverage-rates.csv" --roster "$F/roster.csv" \
	--decisions "$F/decisions.csv" --summary "$F/summary.csv" \
	--forecast "$F/forecast-week.csv" --agents "$F/agents.csv" --leave "$F/leave.csv" \
	-o rapport.xlsx "$F/forecast-2026-03-16.csv" || exit
python3 - rapport.xlsx <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
wb = z.read("xl/workbook.xml").decode()
sheets = re.findall(r'<sheet name="([^"]+)"', wb)
print("sheets:", " ".join(sheets))
styles = z.read("xl/styles.xml").decode()
fmts = re.findall(r'formatCode="([^"]+)"', styles)
for want in ["dd/mm/yyyy", "hh:mm", "#,##0", "#,##0.00", "0.00%"]:
    assert want in fmts, (want, fmts)
print("number formats:", ", ".join(sorted(set(fmts))))
for i in range(1, len(sheets) + 1):
    x = z.read("xl/worksheets/sheet%d.xml" % i).decode()
    assert re.search(r'<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" '
                     r'state="frozen"/>', x), sheets[i - 1]
    assert "<f>" not in x, sheets[i - 1]
print("every sheet frozen below its header, no formulas")
charts = sorted(n for n in names if re.match(r"xl/charts/chart\d+\.xml$", n))
kinds = []
for c in charts:
    x = z.read(c).decode()
    kind = "line" if "<c:lineChart>" in x else "column" if "<c:barChart>" in x else "?"
    title = "".join(re.findall(r"<a:t>([^<]*)</a:t>", x))
    kinds.append(kind)
    print("chart:", kind, "|", title)
assert kinds.count("line") == 4 and kinds.count("column") == 1, kinds
shared = z.read("xl/sharedStrings.xml").decode()
assert "<t>=mailing (letters)</t>" in shared
# uitgesteld-dag: its first row's date is a number 46097 with a date style
i = sheets.index("uitgesteld-dag") + 1
x = z.read("xl/worksheets/sheet%d.xml" % i).decode()
m = re.search(r'<c r="A3" s="(\d+)"><v>([^<]+)</v></c>', x)
assert m and m.group(2) == "46097", m and m.group(0)
xfs = re.findall(r"<xf [^>]*>", re.search(r"<cellXfs[^>]*>(.*)</cellXfs>", styles, re.S).group(1))
fid = re.search(r'numFmtId="(\d+)"', xfs[int(m.group(1))]).group(1)
code = re.search(r'<numFmt numFmtId="%s" formatCode="([^"]+)"' % fid, styles).group(1)
print("uitgesteld-dag A3:", m.group(2), code)
core = z.read("docProps/core.xml").decode()
print("created:", re.search(r"<dcterms:created[^>]*>([^<]+)<", core).group(1))
PY
