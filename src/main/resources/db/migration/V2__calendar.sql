-- Working calendar: administrators' overrides of the computed statutory days off, and working hours per unit.
-- Portable between H2 2.x and PostgreSQL 15 (no MERGE/ON CONFLICT, no vendor types).

-- One row per date the administrator decided on. DAY_OFF makes the date a day off (name required);
-- WORKING_DAY makes it a working day (a cancelled computed day off, or a Saturday/Sunday worked in a swap).
-- Dates without a row follow the computed calendar (weekends, Labour Code Art. 112 holidays, compensatory days).
create table cal_day_override (
    calendar_date date                     not null,
    kind          varchar(16)              not null,
    name_vi       varchar(200),
    name_en       varchar(200),
    updated_at    timestamp with time zone default current_timestamp not null,
    updated_by    varchar(100),
    constraint pk_cal_day_override primary key (calendar_date),
    constraint ck_cal_day_override_kind check (kind in ('DAY_OFF', 'WORKING_DAY')),
    constraint ck_cal_day_override_name check (kind <> 'DAY_OFF' or name_vi is not null)
);

-- Working hours (Asia/Ho_Chi_Minh local times) of a unit, keyed by its electronic identifier (e.g. 000.00.15.H33);
-- the row '*' is the default for every unit without a row of its own.
create table cal_working_hours (
    unit_identifier varchar(50)              not null,
    morning_start   time                     not null,
    morning_end     time                     not null,
    afternoon_start time                     not null,
    afternoon_end   time                     not null,
    updated_at      timestamp with time zone default current_timestamp not null,
    updated_by      varchar(100),
    constraint pk_cal_working_hours primary key (unit_identifier),
    constraint ck_cal_working_hours_order check (morning_start < morning_end and morning_end <= afternoon_start
        and afternoon_start < afternoon_end)
);

insert into cal_working_hours (unit_identifier, morning_start, morning_end, afternoon_start, afternoon_end)
values ('*', time '07:00:00', time '11:00:00', time '13:00:00', time '17:00:00');
