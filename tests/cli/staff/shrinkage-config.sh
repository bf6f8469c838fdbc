# The same shrinkage keys from the settings file; a flag overrides one of
# them (chat 0 % on Tuesday: 3 agents scheduled for 3 required), and
# `--shrinkage-channel phone=none` takes phone back to shrinkage (30 %:
# 12 / 0.7 = 17.14 -> 18 on Tuesday 09:00).
cp "$FIX/staff-wfm.conf" wfm.conf
printf 'shrinkage_phone = 20%%\nshrinkage_email = 0.2\nshrinkage_mon = 12.5%%\n' >> wfm.conf
wfm-staff --shrinkage-channel chat=0 "$FIX/staff-forecast.csv" | grep '^2025-03-04,09:00'
wfm-staff --shrinkage-channel phone=none "$FIX/staff-forecast.csv" | grep '^2025-03-04,09:00'
