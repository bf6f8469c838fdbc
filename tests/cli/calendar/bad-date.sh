wfm-calendar --from 2024-02-30 --to 2024-03-31
