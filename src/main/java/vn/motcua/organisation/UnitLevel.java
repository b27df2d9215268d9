package vn.motcua.organisation;

/**
 * Competent level (cấp): tỉnh and xã. Since 1 July 2025 local government has these two tiers; DISTRICT (huyện) is
 * kept for the units and procedures of the time before, shown as history.
 */
public enum UnitLevel { PROVINCE, DISTRICT, COMMUNE }
