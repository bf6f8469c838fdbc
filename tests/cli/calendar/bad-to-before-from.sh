wfm-calendar --from 2025-01-02 --to 2025-01-01
