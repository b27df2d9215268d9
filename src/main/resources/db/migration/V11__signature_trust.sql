-- Whether a PDF signer's certificate chains, at the signing time, to a root of the configured trust store
-- (motcua.attachment.signatures.trust-store). trusted is null when trust was not checked (no trust store configured,
-- no certificate in the signature, or verified before this column existed); trust_problem says why it is not true
-- (untrustedIssuer, expiredAtSigning, notYetValidAtSigning, invalidChain, notChecked). Portable between H2 and PostgreSQL.
alter table attachment_signature add column trusted boolean;
alter table attachment_signature add column trust_problem varchar(64);
