package vn.motcua.organisation;

/**
 * A unit as an administrator enters it (view, API or one row of an imported list).
 *
 * @param parent the identifier of the unit above, or null for a root (the province, or a central vertical agency)
 * @param kind   may be null: the kind the level and the place in the tree say
 */
public record UnitForm(String identifier, String name, String nameEn, UnitLevel level, UnitKind kind, String parent) { }
