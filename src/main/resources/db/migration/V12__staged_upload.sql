-- Files uploaded before their dossier exists (the desk's intake, the online submission): checked like any upload
-- (size, type detected from the content), kept aside in the content store's "kept" folder under their reference, and
-- turned into attachments of the dossier in the transaction that receives it. Rows older than
-- motcua.attachment.staging.ttl (a day) are swept with their files. Portable between H2 and PostgreSQL.
create table staged_upload (
    reference      varchar(36)   primary key,
    uploaded_by    varchar(64)   not null,
    procedure_code varchar(32)   not null,
    -- the dossier component (thành phần hồ sơ) it was uploaded for, null for other documents
    component_code varchar(64),
    file_name      varchar(255)  not null,
    media_type     varchar(255)  not null,
    size_bytes     bigint        not null,
    sha256         varchar(64)   not null,
    staged_at      timestamp with time zone not null
);
create index ix_staged_upload_user on staged_upload (uploaded_by);
create index ix_staged_upload_at on staged_upload (staged_at);
