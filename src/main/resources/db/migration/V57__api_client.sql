-- Other systems (the national portal, a sector system, a kiosk) call the API with their own credentials (issue 16):
-- an API key per client, created and revoked by administrators. The key's secret is kept only as its SHA-256; the
-- client acts through an account of its own (app_user, roles from its scopes at its unit), so that every rule and the
-- audit trail see it like anyone else.
create table api_client (
    client_id    varchar(40)  not null primary key,
    name         varchar(255) not null,
    username     varchar(64)  not null unique references app_user (username),
    key_hash     varchar(64)  not null,
    scopes       varchar(200) not null,
    created_by   varchar(64)  not null,
    created_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone
);
