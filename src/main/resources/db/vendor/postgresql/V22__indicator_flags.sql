-- Monitoring, PostgreSQL only: whether a dossier has a usable attachment (not rejected) and how it was rated, kept on
-- the dossier row by triggers and carried in the indicators' covering index, so that the dossiers a report reads row
-- by row (the period's edges, the unfinished) need no look-up in the attachment and rating tables.
alter table dossier add column ind_attached boolean not null default false;
alter table dossier add column ind_rated boolean not null default false;
alter table dossier add column ind_negative boolean not null default false;

update dossier d set ind_attached = true
where exists (select 1 from attachment a where a.dossier_code = d.code and a.state <> 'REJECTED');
update dossier d set ind_rated = true, ind_negative = (r.complaint or r.score <= 2)
from dossier_rating r where r.dossier_id = d.id;

drop index ix_dossier_indicators;
create index ix_dossier_indicators on dossier (finished_at, received_at, accepted_at, status, unit_id, procedure_code,
    channel, due_at, returned_at, clock_stopped_at, supplement_count, working_seconds, fee_amount, payment_method,
    paid_at, id, code, ind_attached, ind_rated, ind_negative);

create or replace function indicator_rating_changed() returns trigger language plpgsql as
$$
begin
    if tg_op = 'DELETE' then
        update dossier set ind_rated = false, ind_negative = false where id = old.dossier_id;
    else
        update dossier set ind_rated = true, ind_negative = (new.complaint or new.score <= 2) where id = new.dossier_id;
    end if;
    insert into indicator_dirty (month)
    select indicator_month_of(d.finished_at) from dossier d
    where d.id = case when tg_op = 'DELETE' then old.dossier_id else new.dossier_id end and d.finished_at is not null;
    return null;
end
$$;

create or replace function indicator_attachment_changed() returns trigger language plpgsql as
$$
begin
    -- only whether the attachment counts (not rejected) and whose it is matter
    if tg_op = 'UPDATE' and (old.state = 'REJECTED') is not distinct from (new.state = 'REJECTED')
            and old.dossier_code = new.dossier_code then
        return null;
    end if;
    update dossier d set ind_attached = exists (select 1 from attachment a where a.dossier_code = d.code and a.state <> 'REJECTED')
    where d.code in (case when tg_op = 'INSERT' then new.dossier_code else old.dossier_code end,
                     case when tg_op = 'DELETE' then old.dossier_code else new.dossier_code end);
    insert into indicator_dirty (month)
    select indicator_month_of(d.finished_at) from dossier d
    where d.code in (case when tg_op = 'INSERT' then new.dossier_code else old.dossier_code end,
                     case when tg_op = 'DELETE' then old.dossier_code else new.dossier_code end)
      and d.finished_at is not null;
    return null;
end
$$;
