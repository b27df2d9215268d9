-- A person who works for more than one unit (kiêm nhiệm, issue 12): app_user.unit_id stays their unit of appointment;
-- every other unit they also work for, with the same roles, is a row here. They work in one unit at a time (chosen in
-- the application's header, or per API call), and the engine's groups hold them at each.
create table app_user_unit (
    username varchar(64) not null references app_user (username),
    unit_id  bigint      not null references org_unit (id),
    primary key (username, unit_id)
);
create index ix_app_user_unit_unit on app_user_unit (unit_id);
