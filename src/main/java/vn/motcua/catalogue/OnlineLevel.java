package vn.motcua.catalogue;

/** Decree 42/2022: FULL = toàn trình (fully online including the result), PARTIAL = một phần. */
public enum OnlineLevel {
    FULL, PARTIAL;

    public String messageKey() { return "onlineLevel." + name(); }
}
