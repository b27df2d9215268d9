package vn.motcua.organisation;

import java.time.Instant;

/** One entry of the administrators' log: who changed what, when. */
public record AdminLogEntry(long id, Instant at, String actor, String action, String target, String details) { }
