-- Monitoring, PostgreSQL only (issue 16): whether MotCua issued a dossier's result electronically with a signature
-- (a row of attachment_issued_result with a signer), kept on the dossier row by a trigger and carried in the
-- indicators' covering index, like ind_attached; counted in the monthly summary for indicators 4.1 and 4.2.
alter table dossier add column ind_e_result boolean not null default false;
alter table indicator_month add column returned_e_result bigint not null default 0;
alter table indicator_month add column returned_attached_e_result bigint not null default 0;

update dossier d set ind_e_result = true
where exists (select 1 from attachment_issued_result r where r.dossier_code = d.code and r.signer is not null);

drop index ix_dossier_indicators;
create index ix_dossier_indicators on dossier (finished_at, received_at, accepted_at, status, unit_id, procedure_code,
    channel, due_at, returned_at, clock_stopped_at, supplement_count, working_seconds, fee_amount, payment_method,
    paid_at, id, code, ind_attached, ind_rated, ind_negative, ind_e_result);

create function indicator_result_changed() returns trigger language plpgsql as
$$
begin
    update dossier d set ind_e_result = exists (select 1 from attachment_issued_result r
                                                where r.dossier_code = d.code and r.signer is not null)
    where d.code in (case when tg_op = 'DELETE' then old.dossier_code else new.dossier_code end,
                     case when tg_op = 'INSERT' then new.dossier_code else old.dossier_code end);
    insert into indicator_dirty (month)
    select indicator_month_of(d.finished_at) from dossier d
    where d.code in (case when tg_op = 'DELETE' then old.dossier_code else new.dossier_code end,
                     case when tg_op = 'INSERT' then new.dossier_code else old.dossier_code end)
      and d.finished_at is not null;
    return null;
end
$$;
create trigger indicator_result_changed after insert or update or delete on attachment_issued_result for each row
    execute function indicator_result_changed();

-- The months of dossiers already ended are summarised again with the new columns
insert into indicator_dirty (month) select distinct indicator_month_of(finished_at) from dossier where finished_at is not null;
