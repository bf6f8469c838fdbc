# a range across New Year: Christmas and New Year's Day closed, 26 December open
wfm-calendar --from 2024-12-20 --to 2025-01-06
