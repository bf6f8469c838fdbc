# A snapshot at month grain is compared on whole months only: February 2026
# has 20 working days with 10 calls each (200), the month row says 190 with
# an interval of 180..210.  By hand: WAPE = |200 - 190| / 200 = 0.05, bias
# = -0.05, coverage 1 (inside), MASE empty (no history before the
# snapshot), Poisson floor = E|X - 190| / 200 for X ~ Poisson(190) =
# 10.99326 / 200 = 0.0550 (summed term by term).  March, which the history
# covers only in part, is not compared.
F="$FIX/report"
python3 - <<'PY'
import datetime as dt
with open("history.csv", "w") as f:
    f.write("date,time,channel,line,offered,handled,aht_s\n")
    d = dt.date(2026, 2, 1)
    while d < dt.date(2026, 3, 11):
        if d.weekday() < 5:
            f.write("%s,,phone,L1,10,10,200\n" % d)
        d += dt.timedelta(days=1)
PY
printf 'period,time,channel,line,forecast,lo,hi\n2026-02,,phone,L1,190,180,210\n2026-03,,phone,L1,210,190,230\n' > forecast-2026-01-30.csv
wfm-report accuracy --config "$F/wfm.conf" --history history.csv forecast-2026-01-30.csv
wfm-report accuracy --config "$F/wfm.conf" --history history.csv --table accuracy-month \
	forecast-2026-01-30.csv
