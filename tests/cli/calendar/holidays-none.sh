# no holidays: only the weekend is closed
wfm-calendar --holidays none --from 2025-12-22 --to 2026-01-04
