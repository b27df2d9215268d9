package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The list filters' LIKE patterns take wildcards literally; a day starts at midnight in Vietnam (UTC+7). */
class SqlPatternsTest {
    @Test
    void wildcardsAndTheEscapeCharacterAreLiteral() {
        assertThat(SqlPatterns.containing("100% vốn_tư")).isEqualTo("%100\\% vốn\\_tư%");
        assertThat(SqlPatterns.containing("a\\b")).isEqualTo("%a\\\\b%");
    }

    @Test
    void aDayStartsAtMidnightInVietnam() {
        assertThat(SqlPatterns.startOf(LocalDate.of(2026, 12, 5)).toInstant())
                .isEqualTo(java.time.Instant.parse("2026-12-04T17:00:00Z"));
    }
}
