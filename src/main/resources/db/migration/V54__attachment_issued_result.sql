-- Electronic results (issue 16): when a dossier's result is ready, MotCua issues it as a PDF (the notice of the result)
-- signed in PAdES with the unit's key, filed as an attachment the applicant sees; this row says which attachment is
-- the dossier's result and how it was signed. One result per dossier: the first issued stays.
create table attachment_issued_result (
    dossier_code   varchar(40)  not null primary key references dossier (code),
    attachment_id  bigint       not null references attachment (id),
    issued_at      timestamp with time zone not null,
    -- the signing certificate's name and the unit whose key signed; null when the unit had no key (unsigned)
    signer         varchar(300),
    signing_unit   varchar(64),
    timestamped    boolean      not null default false
);
