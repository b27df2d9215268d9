package vn.motcua.organisation;

/** Competent level (cấp): tỉnh, huyện, xã. Since 1 July 2025 the district level may be absent. */
public enum UnitLevel { PROVINCE, DISTRICT, COMMUNE }
