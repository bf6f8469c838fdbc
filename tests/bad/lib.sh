# Sourced before the setup lines of every case of tests/bad/*.cases.
H='date,time,channel,line,offered,handled,aht_s'
# hist FILE: a small canonical history (the guarded file of --into cases).
hist() {
	printf '%s\n2024-03-01,09:00,phone,1700,5,5,300\n2024-03-01,09:15,phone,1700,7,6,280\n' \
		"$H" >"$1"
}
# weeks FILE [LINE] [FIRST]: six weeks of weekday phone intervals and e-mail days, a history
# wfm-forecast can fit (2024-01-08 .. 2024-02-16).
weeks() {
	python3 - "$1" "${2:-1700}" <<'PY'
import datetime, sys
out, line = sys.argv[1], sys.argv[2]
d0 = datetime.date(2024, 1, 8)
with open(out, "w") as f:
    f.write("date,time,channel,line,offered,handled,aht_s\n")
    for k in range(40):
        d = d0 + datetime.timedelta(days=k)
        if d.weekday() >= 5:
            continue
        f.write("%s,,email,%s,%d,,\n" % (d, line, 40 + k % 5))
        for i in range(40):
            f.write("%s,%02d:%02d,phone,%s,%d,,\n" % (d, 9 + i // 4, i % 4 * 15, line,
                                                     5 + (i * 7 + k) % 11))
PY
}
# fc FILE: an interval forecast for Monday 2024-03-04 (phone, line 1700).
fc() {
	{
		echo 'period,time,channel,line,forecast,lo,hi,aht_s'
		for h in 09 10 11 12 13 14 15 16 17 18; do
			for m in 00 15 30 45; do echo "2024-03-04,$h:$m,phone,1700,20,15,25,240"; done
		done
	} >"$1"
}
# req FILE: requirements for the week of 2024-03-04 (phone, line 1700).
req() {
	{
		echo 'date,time,channel,line,agents'
		for d in 04 05 06 07 08; do
			for h in 09 10 11 12 13 14 15 16 17 18; do
				for m in 00 15 30 45; do echo "2024-03-$d,$h:$m,phone,1700,2"; done
			done
		done
	} >"$1"
}
agents() { printf 'agent,skills,hours_per_week\nAn,1700,38\nBert,1700,38\nChris,1700,19\n' >"$1"; }
