-- Monitoring, PostgreSQL only (issue 19, DVC.1): online dossiers whose result MotCua issued electronically with a
-- signature, counted in the monthly summary, so that an online dossier of a procedure whose result is a paper document
-- counts as processed fully online when its result was issued electronically.
alter table indicator_month add column online_e_result bigint not null default 0;

-- The months of dossiers already ended are summarised again with the new column
insert into indicator_dirty (month) select distinct indicator_month_of(finished_at) from dossier where finished_at is not null;
