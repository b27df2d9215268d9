package vn.motcua.dossier;

import java.time.Instant;

/**
 * A dossier component (thành phần hồ sơ) the desk checked on paper when it received the dossier: which one, who
 * ticked it, when.
 */
public record CheckedComponent(String componentCode, String checkedBy, Instant checkedAt) { }
