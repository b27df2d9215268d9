-- The dossier components (thành phần hồ sơ) the desk checked on paper when it received the dossier: who ticked each
-- one and when. Uploaded files are the attachments' (attachment.component_code); a component is handed in when it
-- was checked here or has a file.
create table dossier_component_check (
    dossier_id     bigint       not null references dossier (id),
    component_code varchar(64)  not null,
    checked_by     varchar(64)  not null,
    checked_at     timestamp with time zone not null,
    primary key (dossier_id, component_code)
);
