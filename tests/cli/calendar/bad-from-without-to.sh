wfm-calendar --from 2025-01-02
