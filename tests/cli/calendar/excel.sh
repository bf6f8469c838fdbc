# the nl-BE spreadsheet profile: BOM, ';', CRLF, dd/mm/yyyy
wfm-calendar --excel --from 2025-07-10 --to 2025-07-14 | od -c | sed -n 1,4p
wfm-calendar --excel --from 2025-07-10 --to 2025-07-14 | tr -d '\r' | tail -n +2
