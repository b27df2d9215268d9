-- Sign-in throttling (khóa đăng nhập tạm thời): failed sign-ins counted per account and per client address, shared by
-- every node. A subject is locked once it reaches its limit of failures within the window; each further lock lasts
-- longer. An administrator can lift a lock. Portable between H2 and PostgreSQL.
create table login_throttle (
    -- ACCOUNT (subject: the username, lower case) or ADDRESS (subject: the client's IP address)
    kind             varchar(16)  not null,
    subject          varchar(128) not null,
    -- failures since first_failure_at (the current window)
    failures         integer      not null,
    first_failure_at timestamp with time zone not null,
    last_failure_at  timestamp with time zone not null,
    locked_until     timestamp with time zone,
    -- locks so far; the next one lasts lock-duration * 2^lock_count (at most max-lock-duration)
    lock_count       integer      not null default 0,
    primary key (kind, subject)
);
create index ix_login_throttle_last on login_throttle (last_failure_at);
