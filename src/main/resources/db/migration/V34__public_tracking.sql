-- Public tracking (issue 15): failed look-ups of a dossier without an account, per dossier code and per client
-- address, so that guessing the key is slow (a few tries, then a pause).
create table tracking_attempt (
    subject       varchar(120) primary key,
    failures      integer      not null,
    window_start  timestamp with time zone not null,
    locked_until  timestamp with time zone
);
