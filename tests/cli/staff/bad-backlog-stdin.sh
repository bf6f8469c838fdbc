# The backlog and the forecast cannot both come from standard input: 64.
wfm-staff --backlog - < /dev/null
