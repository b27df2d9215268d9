package vn.motcua.catalogue.internal;

import java.util.List;

/**
 * The problems of the real catalogue accepted for now, each until the owner of the file fixes it. Kept to the
 * fewest possible: a waiver hides nothing (each waived problem is logged at every start) and goes as soon as the
 * file is fixed (the start-up log then reports it as stale).
 */
public final class CatalogueWaivers {
    private CatalogueWaivers() { }

    /** The waivers the application starts with. */
    public static final List<LintWaiver> CURRENT = List.of();
}
