# The same pictures as an SVG for people without a spreadsheet: a valid XML
# document with one picture per chart of the workbook, titles escaped.
F="$FIX/report"
wfm-report all --config "$F/wfm.conf" --history "$F/history.csv" --backlog "$F/backlog.csv" \
	--coverage "$F/coverage-rates.csv" --forecast "$F/forecast-week.csv" \
	--agents "$F/agents.csv" -o report.svg "$F/forecast-2026-03-16.csv" || exit
python3 - report.svg <<'PY'
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
groups = root.findall(ns + "g")
print("pictures:", len(groups), "size:", root.get("width"), "x", root.get("height"))
for g in groups:
    texts = [t.text for t in g.iter(ns + "text")]
    lines = len([p for p in g.iter(ns + "path")])
    bars = len([r for r in g.iter(ns + "rect")])
    print("-", texts[0], "| lines", lines, "| bars and legend", bars)
PY
