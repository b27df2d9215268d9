-- Monitoring, PostgreSQL only: the indicators' summary of ended dossiers (IndicatorSummary). Each row counts the
-- dossiers of one unit and one procedure that share the month of their end (finished_at), of their start (acceptance,
-- else receipt), of their payment and of their return; months are year * 12 + month in Asia/Ho_Chi_Minh. A report reads
-- the months wholly inside its period from here, and only the dossiers at its edges, the unfinished and the recent
-- ones row by row. On H2 (the embedded first-run database) there is no summary: every report reads the rows.

create function indicator_month_of(t timestamp with time zone) returns integer
    language sql stable as
$$ select (extract(year from t at time zone 'Asia/Ho_Chi_Minh') * 12 + extract(month from t at time zone 'Asia/Ho_Chi_Minh'))::integer $$;

create table indicator_month (
    unit_id                  bigint      not null,
    procedure_code           varchar(40) not null,
    end_month                integer     not null,
    start_month              integer     not null,
    -- null: no fee paid; the month of paid_at for a dossier with a fee
    paid_month               integer,
    -- null: no result returned
    returned_month           integer,
    dossiers                 bigint      not null,
    on_time                  bigint      not null,
    processed                bigint      not null,
    working_seconds          bigint      not null,
    online                   bigint      not null,
    fee_paid                 bigint      not null,
    paid_online              bigint      not null,
    returned                 bigint      not null,
    rated                    bigint      not null,
    negative                 bigint      not null,
    supplemented_twice       bigint      not null,
    with_attachment          bigint      not null,
    returned_with_attachment bigint      not null
);
create index ix_indicator_month on indicator_month (end_month, start_month);

-- Months whose summary rows no longer match the dossiers: written by the triggers below in the writer's transaction,
-- append-only (no contention between writers); the summary recomputes these months before a report reads it.
create table indicator_dirty (
    id    bigint generated always as identity primary key,
    month integer not null
);

-- The edges of a period are read through these (starts, payments and returns inside a month at the period's edges)
create index ix_dossier_accepted on dossier (accepted_at, finished_at);
create index ix_dossier_received_finished on dossier (received_at, finished_at);
create index ix_dossier_paid on dossier (paid_at, finished_at);
create index ix_dossier_returned on dossier (returned_at, finished_at);

create function indicator_dossier_changed() returns trigger language plpgsql as
$$
begin
    if tg_op <> 'INSERT' and old.finished_at is not null then
        insert into indicator_dirty (month) values (indicator_month_of(old.finished_at));
    end if;
    if tg_op <> 'DELETE' and new.finished_at is not null
            and (tg_op = 'INSERT' or old.finished_at is null
                 or indicator_month_of(old.finished_at) <> indicator_month_of(new.finished_at)) then
        insert into indicator_dirty (month) values (indicator_month_of(new.finished_at));
    end if;
    return null;
end
$$;

create trigger indicator_dossier_inserted after insert on dossier for each row
    when (new.finished_at is not null) execute function indicator_dossier_changed();
create trigger indicator_dossier_deleted after delete on dossier for each row
    when (old.finished_at is not null) execute function indicator_dossier_changed();
-- Only changes of what the summary counts (not the audit head, the form data, the version...)
create trigger indicator_dossier_updated after update on dossier for each row
    when ((old.finished_at is not null or new.finished_at is not null)
          and (old.unit_id, old.procedure_code, old.status, old.channel, old.received_at, old.accepted_at, old.due_at,
               old.finished_at, old.returned_at, old.supplement_count, old.working_seconds, old.fee_amount,
               old.payment_method, old.paid_at, old.code)
              is distinct from
              (new.unit_id, new.procedure_code, new.status, new.channel, new.received_at, new.accepted_at, new.due_at,
               new.finished_at, new.returned_at, new.supplement_count, new.working_seconds, new.fee_amount,
               new.payment_method, new.paid_at, new.code))
    execute function indicator_dossier_changed();

create function indicator_rating_changed() returns trigger language plpgsql as
$$
begin
    insert into indicator_dirty (month)
    select indicator_month_of(d.finished_at) from dossier d
    where d.id = case when tg_op = 'DELETE' then old.dossier_id else new.dossier_id end and d.finished_at is not null;
    return null;
end
$$;
create trigger indicator_rating_changed after insert or update or delete on dossier_rating for each row
    execute function indicator_rating_changed();

create function indicator_attachment_changed() returns trigger language plpgsql as
$$
begin
    -- only whether the attachment counts (not rejected) and whose it is matter
    if tg_op = 'UPDATE' and (old.state = 'REJECTED') is not distinct from (new.state = 'REJECTED')
            and old.dossier_code = new.dossier_code then
        return null;
    end if;
    insert into indicator_dirty (month)
    select indicator_month_of(d.finished_at) from dossier d
    where d.code in (case when tg_op = 'INSERT' then new.dossier_code else old.dossier_code end,
                     case when tg_op = 'DELETE' then old.dossier_code else new.dossier_code end)
      and d.finished_at is not null;
    return null;
end
$$;
create trigger indicator_attachment_changed after insert or update or delete on attachment for each row
    execute function indicator_attachment_changed();

-- Everything already ended is to be summarised (the application does it in the background when it starts)
insert into indicator_dirty (month) select distinct indicator_month_of(finished_at) from dossier where finished_at is not null;
