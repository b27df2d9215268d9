package vn.motcua.dossier;

import java.util.List;

import vn.motcua.organisation.Role;
import vn.motcua.security.AuthenticatedUser;

/**
 * Which dossiers a user may see: administrators all; supervisors their unit and the units below it; clerks,
 * specialists and leaders their own unit; citizens the dossiers they submitted. Anyone else: none.
 */
final class DossierScope {
    private enum Kind { ALL, SUBTREE, UNIT, OWNER, NONE }

    private final Kind kind;
    private final String value;

    private DossierScope(Kind kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    /** One unit's dossiers (for its own registers). */
    static DossierScope unit(long unitId) { return new DossierScope(Kind.UNIT, String.valueOf(unitId)); }

    /** A citizen's own dossiers. */
    static DossierScope owner(String username) { return new DossierScope(Kind.OWNER, username); }

    static DossierScope of(AuthenticatedUser user) {
        if (user.has(Role.ADMIN)) return new DossierScope(Kind.ALL, null);
        if (user.has(Role.SUPERVISOR) && user.unitTreePath() != null) return new DossierScope(Kind.SUBTREE, user.unitTreePath());
        if ((user.has(Role.CLERK) || user.has(Role.SPECIALIST) || user.has(Role.LEADER)) && user.unitId() != null) {
            return new DossierScope(Kind.UNIT, String.valueOf(user.unitId()));
        }
        if (user.has(Role.CITIZEN)) return new DossierScope(Kind.OWNER, user.username());
        return new DossierScope(Kind.NONE, null);
    }

    /** True for the scopes of civil servants, supervisors and administrators (not a citizen's own dossiers). */
    boolean staff() {
        return kind == Kind.ALL || kind == Kind.SUBTREE || kind == Kind.UNIT;
    }

    /** True when the scope selects by unit only (not a citizen's own dossiers): the counters' tally can answer. */
    boolean byUnit() { return kind != Kind.OWNER; }

    boolean includes(Dossier d) {
        return switch (kind) {
            case ALL -> true;
            case SUBTREE -> d.unitTreePath().startsWith(value);
            case UNIT -> String.valueOf(d.unitId()).equals(value);
            case OWNER -> value.equals(d.ownerUsername());
            case NONE -> false;
        };
    }

    void appendTo(StringBuilder sql, List<Object> params) {
        switch (kind) {
            case ALL -> { }
            case SUBTREE -> { sql.append(" and d.unit_id in (select s.id from org_unit s where s.tree_path like ?)"); params.add(value + "%"); }
            case UNIT -> { sql.append(" and d.unit_id = ?"); params.add(Long.parseLong(value)); }
            case OWNER -> { sql.append(" and d.owner_username = ?"); params.add(value); }
            case NONE -> sql.append(" and 1 = 0");
        }
    }
}
