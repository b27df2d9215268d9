-- Clock stops (statuses 5, 6, 8): when the clock stopped, how much working time it has been stopped in all, and why
alter table dossier add column clock_stopped_at timestamp with time zone;
alter table dossier add column stopped_seconds bigint not null default 0;
alter table dossier add column supplement_count integer not null default 0;
alter table dossier add column status_reason varchar(2000);
alter table dossier add column accepted_at timestamp with time zone;
-- Apology and extension (form 04): the new date promised to the applicant
alter table dossier add column extended_due_at timestamp with time zone;
