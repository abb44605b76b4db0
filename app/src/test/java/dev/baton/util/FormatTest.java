package dev.baton.util;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

    private Locale saved;

    @BeforeEach
    void english() {
        saved = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.FORMAT, saved);
    }

    @Test
    void wholeNumbersExactOthersToSixSignificantDigitsAllGrouped() {
        assertThat(Format.number(4050.0)).isEqualTo("4,050");
        assertThat(Format.number(4201.75)).isEqualTo("4,201.75");
        assertThat(Format.number(5979.5)).isEqualTo("5,979.5");
        assertThat(Format.number(801.955229)).isEqualTo("801.955");
        assertThat(Format.number(-1234.5678)).isEqualTo("-1,234.57");
        assertThat(Format.number(0.000123456789)).isEqualTo("0.000123457");
        assertThat(Format.number(0.470329123)).isEqualTo("0.470329");
        // Past the exact range of a long: six significant digits, grouped, no exponent.
        assertThat(Format.number(1.234567e20)).isEqualTo("123,457,000,000,000,000,000");
        assertThat(Format.number(Double.NaN)).isEqualTo("\u2013");
        assertThat(Format.number(null)).isEqualTo("\u2013");
    }

    @Test
    void inAnotherLocaleItsOwnSeparators() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
        assertThat(Format.number(4201.75)).isEqualTo("4.201,75");
        assertThat(Format.number(4050.0)).isEqualTo("4.050");
    }
}
