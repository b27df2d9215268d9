package vn.motcua.shared;

/**
 * An administrator changed how MotCua is set up (a unit, a user, a password, a calendar or a setting). Published in
 * the transaction that made the change; the administrators' log records it in that same transaction, with the
 * signed-in administrator as its author, so that no change is kept without its entry.
 *
 * @param action  what was done, e.g. {@code UNIT_CREATED}
 * @param target  what it was done to, e.g. a unit's identifier or a username
 * @param details what changed, in words; never personal data (ID numbers, phones, addresses, passwords)
 */
public record AdministrativeChange(String action, String target, String details) { }
