# Shrinkage per channel and per weekday: phone and e-mail lose 20 % of the
# time of the agents present, chat and callbacks keep --shrinkage (30 %), and
# 12.5 % of the agents are away on Mondays (2025-03-03; Tuesday has none).
# Worked by hand: Monday phone 1 - 0.875 x 0.8 = 0.3 exactly, so 21 agents
# need 21 / 0.7 = 30 (not 31) and 27 need 38.57 -> 39; Monday chat
# 1 - 0.875 x 0.7 = 0.3875, 9 agents need 9 / 0.6125 = 14.69 -> 15; Tuesday
# phone 20 %: 12 need 15; Tuesday chat 30 %: 3 need 4.29 -> 5; e-mail 1700
# on Monday 4.45 agent-hours / 0.7 = 6.36, on Tuesday / 0.8 = 5.56.  Day
# totals: Monday phone 1700 scheduled 30 + 39 + 0 + 22 = 91 x 0.25 h = 22.75.
wfm-staff --config "$FIX/staff-wfm.conf" --shrinkage-channel 'phone=20%, email=0.2' \
	--shrinkage-weekday mon=12.5% "$FIX/staff-forecast.csv"
wfm-staff --config "$FIX/staff-wfm.conf" --shrinkage-channel 'phone=20%, email=0.2' \
	--shrinkage-weekday mon=12.5% --grain day "$FIX/staff-forecast.csv"
