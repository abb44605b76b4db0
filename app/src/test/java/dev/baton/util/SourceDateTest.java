package dev.baton.util;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceDateTest {

    @Test
    void secondsSince1970OrNothing() {
        assertThat(SourceDate.parse(null)).isNull();
        assertThat(SourceDate.parse(" ")).isNull();
        assertThat(SourceDate.parse("0")).isEqualTo(Instant.EPOCH);
        assertThat(SourceDate.parse("1765000000")).isEqualTo(Instant.parse("2025-12-06T05:46:40Z"));
        assertThatThrownBy(() -> SourceDate.parse("2025-12-06")).isInstanceOf(UserException.class)
                .hasMessageContaining("SOURCE_DATE_EPOCH must be a whole number of seconds").hasMessageContaining("'2025-12-06'");
        assertThatThrownBy(() -> SourceDate.parse("-5")).isInstanceOf(UserException.class);
    }
}
