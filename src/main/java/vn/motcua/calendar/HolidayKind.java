package vn.motcua.calendar;

/**
 * The public holidays of the Labour Code 2019, Article 112, clause 1, and those administrators add. Each has a localized name in the
 * {@code i18n/calendar} bundles under {@link #messageKey()}.
 */
public enum HolidayKind {
    /** Tết Dương lịch, 1 January. */
    NEW_YEAR("calendar.holiday.newYear"),
    /** Tết Âm lịch (Tết Nguyên đán): the last day of the lunar year and days 1 to 4 of the first lunar month. */
    LUNAR_NEW_YEAR("calendar.holiday.lunarNewYear"),
    /** Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month. */
    HUNG_KINGS("calendar.holiday.hungKings"),
    /** Ngày Chiến thắng, 30 April. */
    VICTORY_DAY("calendar.holiday.victoryDay"),
    /** Ngày Quốc tế lao động, 1 May. */
    LABOUR_DAY("calendar.holiday.labourDay"),
    /** Quốc khánh, 2 September. */
    NATIONAL_DAY("calendar.holiday.nationalDay"),
    /** The day adjacent to 2 September that the law adds to National Day; see {@link StatutoryHolidays}. */
    NATIONAL_DAY_ADJACENT("calendar.holiday.nationalDayAdjacent"),
    /**
     * A fixed-date holiday an administrator added ({@link HolidayRule}), e.g. should the Labour Code be amended; its
     * own name comes with it, the bundle's is a fallback.
     */
    ADDED("calendar.holiday.added");

    private final String messageKey;

    HolidayKind(String messageKey) {
        this.messageKey = messageKey;
    }

    /** Key of the holiday's name in the {@code i18n/calendar} bundles. */
    public String messageKey() {
        return messageKey;
    }
}
