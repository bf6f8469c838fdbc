# Requirements with the defaults: phone uses the callback model (callback at
# 150 s, no patience) and must answer 95 % live; the calls sent to a callback
# join the callback work of their line; chat (2 at once, usual factors) has
# no patience, so it must reach the service level 80 % in 20 s; e-mail is
# planned per working day with its 2-day deadline.
wfm-staff --config "$FIX/staff-wfm.conf" "$FIX/staff-forecast.csv"
