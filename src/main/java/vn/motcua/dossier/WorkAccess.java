package vn.motcua.dossier;

import vn.motcua.security.AuthenticatedUser;

/**
 * Lets a user who has work on a dossier see it even outside their own unit: the tax office computing the financial
 * obligation of a land registration, the departments consulted on a construction permit. Implemented where the
 * work is known (the task list).
 */
public interface WorkAccess {

    /** True when the user is the assignee or a candidate of an open step of the dossier. */
    boolean worksOn(AuthenticatedUser user, String dossierCode);
}
