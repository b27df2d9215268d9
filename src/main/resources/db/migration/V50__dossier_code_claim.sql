-- Dossier codes are allocated in a short transaction of their own (vn.motcua.dossier.DossierCodeAllocator), so that
-- one unit's receipts run in parallel instead of queueing behind the counter row for their whole transaction. A
-- number handed out is claimed here until the receipt's transaction ends: deleted when it commits, released (state
-- RELEASED) when it rolls back so that the next receipt of the unit and day takes it: codes stay consecutive, with no
-- gap and no duplicate. A claim left behind by a node that died is taken again after ten minutes if no dossier carries
-- its code.
create table dossier_code_claim (
    unit_id     bigint      not null references org_unit (id),
    receipt_day date        not null,
    number      integer     not null,
    code        varchar(64) not null,
    state       varchar(10) not null,
    claimed_at  timestamp with time zone not null,
    primary key (unit_id, receipt_day, number),
    constraint dossier_code_claim_state check (state in ('CLAIMED', 'RELEASED'))
);
