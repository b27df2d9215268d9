-- Electronic results (issue 16): when a dossier's result is ready, MotCua issues it as a PDF (the notice of the result)
-- signed in PAdES with the unit's key. Its content is in the content store under its SHA-256, like the attachments',
-- but it is not one of the dossier's attachments (the papers handed in, which indicator 4.2 counts as digitised
-- input). One result per dossier: the first issued stays.
create table attachment_issued_result (
    dossier_code   varchar(40)  not null primary key references dossier (code),
    file_name      varchar(255) not null,
    sha256         varchar(64)  not null,
    size_bytes     bigint       not null,
    issued_at      timestamp with time zone not null,
    -- the signing certificate's name and the unit whose key signed; null when the unit had no key (unsigned)
    signer         varchar(300),
    signing_unit   varchar(64),
    timestamped    boolean      not null default false
);
