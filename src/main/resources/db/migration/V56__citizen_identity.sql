-- Citizens who sign in with a national e-identity provider (issue 16, OpenID Connect): the verified identity number
-- and name the provider vouched for, linked to one citizen account. The first sign-in creates the account; a later one
-- with the same identity number signs into the same account, whatever the provider's subject. The number is personal
-- data: it is never part of the username (which appears in logs and the audit trail).
create table citizen_identity (
    username        varchar(64)  not null primary key references app_user (username),
    identity_number varchar(12)  not null unique,
    full_name       varchar(255) not null,
    issuer          varchar(500) not null,
    subject         varchar(255) not null,
    verified_at     timestamp with time zone not null
);
