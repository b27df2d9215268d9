-- Monitoring, PostgreSQL only (issue 19, TT.1): dossiers with a fee, paid or not, counted in the monthly summary: the
-- national formula sheet's online-payment rate is dossiers paid online ÷ dossiers of the period with a fee to pay.
alter table indicator_month add column fee_due bigint not null default 0;

-- The months of dossiers already ended are summarised again with the new column
insert into indicator_dirty (month) select distinct indicator_month_of(finished_at) from dossier where finished_at is not null;
