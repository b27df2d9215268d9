-- Idempotency-Key (issue 18): the answer to a write request, kept per user and key, so that a retried request gets the
-- same answer instead of doing the work twice (a second dossier, a second transition). A row without an answer yet is
-- a request in progress.
create table idempotency_record (
    username     varchar(64)   not null,
    idem_key     varchar(100)  not null,
    method       varchar(8)    not null,
    path         varchar(500)  not null,
    status       integer,
    content_type varchar(100),
    body         text,
    created_at   timestamp with time zone not null,
    primary key (username, idem_key)
);
create index ix_idempotency_created on idempotency_record (created_at);
