# settings that do not fit together: the error is on the later line
printf '[calendar]\nopen_hours = 09:00-17:30\n\ninterval = 60\n' > my.conf
wfm-calendar --config my.conf 2025
