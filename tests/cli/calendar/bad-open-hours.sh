# a bad flag value is a usage error, named by its flag
wfm-calendar --open-hours 9-17 2025
