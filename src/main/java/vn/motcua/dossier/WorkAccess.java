package vn.motcua.dossier;

import vn.motcua.security.AuthenticatedUser;

/**
 * Lets a user who has work on a dossier see it even outside their own unit: the tax office computing the financial
 * obligation of a land registration, the departments consulted on a construction permit. Such a user sees the
 * dossier and records their own step; they take no action on the dossier itself (those are for its own unit).
 * Implemented where the work is known (the task list).
 */
public interface WorkAccess {

    /** True when the user is the assignee or a candidate of an open step of the dossier. */
    boolean worksOn(AuthenticatedUser user, String dossierCode);

    /** True when that step (task) is open, belongs to the dossier, and the user is its assignee or a candidate. */
    boolean worksOnStep(AuthenticatedUser user, String dossierCode, String taskId);
}
