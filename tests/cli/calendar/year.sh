# every day of one year with the default calendar
wfm-calendar 2025
