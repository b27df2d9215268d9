package vn.motcua.dossier;

import java.time.Instant;

/** One record of a dossier's audit trail, chained to the previous one by its hash. */
public record AuditEntry(int seq, Instant occurredAt, String actor, String channel, String action,
                         Integer statusBefore, Integer statusAfter, String detail, String previousHash, String hash) { }
