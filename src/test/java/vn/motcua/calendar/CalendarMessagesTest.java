package vn.motcua.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarMessagesTest {

    @Test
    void bothBundlesDefineTheSameKeys() throws IOException {
        assertThat(load("calendar_vi").stringPropertyNames()).isEqualTo(load("calendar").stringPropertyNames());
    }

    @Test
    void everyHolidayHasANameInBothLanguages() throws IOException {
        Properties vi = load("calendar_vi");
        Properties en = load("calendar");
        for (HolidayKind kind : HolidayKind.values()) {
            assertThat(vi.getProperty(kind.messageKey())).as(kind.name()).isNotBlank();
            assertThat(en.getProperty(kind.messageKey())).as(kind.name()).isNotBlank();
        }
        assertThat(vi.getProperty("calendar.holiday.hungKings")).isEqualTo("Giỗ Tổ Hùng Vương (10/3 âm lịch)");
    }

    @Test
    void vietnameseBundleIsReadAsUtf8WithItsDiacritics() {
        assertThat(CalendarMessages.message(CalendarMessages.VIETNAMESE, "calendar.holiday.lunarNewYear"))
                .isEqualTo("Tết Nguyên đán");
        assertThat(CalendarMessages.message(Locale.forLanguageTag("vi-VN"), "calendar.holiday.compensatory",
                "Quốc khánh (2/9)")).isEqualTo("Nghỉ bù Quốc khánh (2/9)");
        assertThat(CalendarMessages.message(Locale.ENGLISH, "calendar.holiday.newYear")).isEqualTo("New Year’s Day");
    }

    @Test
    void messagesContainNoAsciiApostropheSoMessageFormatCannotSwallowText() throws IOException {
        for (String bundle : new String[] {"calendar", "calendar_vi"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                assertThat(value).as("%s in %s", key, bundle).doesNotContain("'");
                // Every message must be a valid MessageFormat pattern, arguments or not.
                new MessageFormat(value, Locale.ROOT);
            }
        }
    }

    @Test
    void acceptLanguageChoosesEnglishOnlyWhenAskedAndVietnameseOtherwise() {
        assertThat(CalendarMessages.negotiate(null)).isEqualTo(CalendarMessages.VIETNAMESE);
        assertThat(CalendarMessages.negotiate("en-GB,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(CalendarMessages.negotiate("vi-VN,vi;q=0.9,en;q=0.8")).isEqualTo(CalendarMessages.VIETNAMESE);
        assertThat(CalendarMessages.negotiate("ja")).isEqualTo(CalendarMessages.VIETNAMESE);
        assertThat(CalendarMessages.negotiate(";;;")).isEqualTo(CalendarMessages.VIETNAMESE);
    }

    @Test
    void unknownKeyIsShownMarkedRatherThanFailing() {
        assertThat(CalendarMessages.message(Locale.ENGLISH, "calendar.nope")).isEqualTo("!calendar.nope!");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CalendarMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
