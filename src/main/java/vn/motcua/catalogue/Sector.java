package vn.motcua.catalogue;

/** Lĩnh vực: the province plan's priority sectors first, then the others. Names are in the message bundles. */
public enum Sector {
    HEALTH, EDUCATION, AGRICULTURE, TOURISM, TRANSPORT, ENERGY, FINANCE_BANKING, INDUSTRY,
    JUSTICE, LAND, CONSTRUCTION, BUSINESS_REGISTRATION;

    public String messageKey() { return "sector." + name(); }
}
