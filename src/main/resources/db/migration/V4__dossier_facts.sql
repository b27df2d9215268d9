-- Facts the indicators of Decision 766 need, kept on the dossier when they happen
-- Working time from receipt to the end (processed, refused or withdrawn), clock stops excluded
alter table dossier add column working_seconds bigint;
-- The procedure's fee at receipt (VND) and how it was paid (ONLINE, CASH, BANK_TRANSFER)
alter table dossier add column fee_amount numeric(15, 0) not null default 0;
alter table dossier add column payment_method varchar(16);
alter table dossier add column paid_at timestamp with time zone;
create index ix_dossier_received on dossier (received_at);

-- The applicant's rating of the service (1..5) and whether they complained
create table dossier_rating (
    dossier_id bigint primary key references dossier (id),
    score      integer      not null check (score between 1 and 5),
    complaint  boolean      not null default false,
    comment    varchar(2000),
    rated_at   timestamp with time zone not null
);
