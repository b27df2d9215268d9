-- Monitoring (indicators of Decision 766): one covering index over the facts the aggregate queries read, so that they
-- scan this index only (PostgreSQL index-only scans) and never the dossier rows with their form data. Led by
-- finished_at: a period's query reads the dossiers finished since the period began (a range) and the unfinished ones
-- (finished_at is null). Portable between H2 2.x and PostgreSQL 15.
create index ix_dossier_indicators on dossier (finished_at, received_at, accepted_at, status, unit_id, procedure_code,
    channel, due_at, returned_at, clock_stopped_at, supplement_count, working_seconds, fee_amount, payment_method,
    paid_at, id, code);
