package fr.rentree.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void english_pages_write_dates_day_first() {
        LocalDate rentree = LocalDate.of(2026, 9, 1);
        assertThat(Languages.supported()).extracting(locale -> DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                .withLocale(locale).format(rentree)).containsExactly("01/09/2026", "01/09/2026");
        assertThat(Languages.supported()).extracting(locale -> locale.getDisplayLanguage(locale))
                .containsExactly("français", "English");
    }
}
