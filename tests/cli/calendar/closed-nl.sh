# closing days from a ';' file with dd-mm-yyyy dates and a Dutch header (CRLF);
# a closing day's reason wins over a holiday's name and over "weekend"; a day
# listed twice keeps its first reason
wfm-calendar --closed "$FIX/calendar-closed-nl.csv" --from 2025-10-30 --to 2025-11-16
