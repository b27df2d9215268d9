package vn.motcua.organisation;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a unit is, which decides the levels it may have: since 1 July 2025 local government has two tiers (province;
 * commune, ward or special zone), districts remaining only in history. Central vertical agencies (police, tax, social
 * insurance) work beside the province's units and carry identifiers of their own, not the province's.
 */
public enum UnitKind {
    /** Ủy ban nhân dân (the province's, or a former district's). */
    PEOPLES_COMMITTEE(EnumSet.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT), false),
    /** Sở, ban, ngành of the province. */
    DEPARTMENT(EnumSet.of(UnitLevel.PROVINCE), false),
    /** Trung tâm Phục vụ hành chính công of the province. */
    SERVICE_CENTRE(EnumSet.of(UnitLevel.PROVINCE), false),
    /** Chi nhánh of the provincial public service centre. */
    SERVICE_CENTRE_BRANCH(EnumSet.of(UnitLevel.PROVINCE), false),
    /** Xã. */
    COMMUNE(EnumSet.of(UnitLevel.COMMUNE), false),
    /** Phường. */
    WARD(EnumSet.of(UnitLevel.COMMUNE), false),
    /** Đặc khu. */
    SPECIAL_ZONE(EnumSet.of(UnitLevel.COMMUNE), false),
    /** Công an (central vertical agency). */
    POLICE(EnumSet.allOf(UnitLevel.class), true),
    /** Cơ quan thuế (central vertical agency). */
    TAX(EnumSet.allOf(UnitLevel.class), true),
    /** Bảo hiểm xã hội (central vertical agency). */
    SOCIAL_INSURANCE(EnumSet.allOf(UnitLevel.class), true);

    private final Set<UnitLevel> levels;
    private final boolean central;

    UnitKind(Set<UnitLevel> levels, boolean central) {
        this.levels = levels;
        this.central = central;
    }

    /** The levels a unit of this kind may have. */
    public Set<UnitLevel> levels() { return levels; }

    /** A central vertical agency: its identifier is its own, not under the province's code. */
    public boolean central() { return central; }

    public String messageKey() { return "unitKind." + name(); }

    /** A commune-level local government (xã, phường, đặc khu): where people live, in the two-tier structure. */
    public boolean communeGovernment() { return this == COMMUNE || this == WARD || this == SPECIAL_ZONE; }

    /** The kind a unit created without one has: what its level and place in the tree say. */
    public static UnitKind inferred(UnitLevel level, boolean hasParent) {
        return switch (level) {
            case COMMUNE -> COMMUNE;
            case DISTRICT -> PEOPLES_COMMITTEE;
            case PROVINCE -> hasParent ? DEPARTMENT : PEOPLES_COMMITTEE;
        };
    }
}
