-- The same Idempotency-Key with another request body is refused (422) like one sent to another address (issue 16):
-- the SHA-256 of the body the key was first used with (null: a multipart upload or an oversized body, compared by
-- method and address only).
alter table idempotency_record add column request_hash varchar(64);
