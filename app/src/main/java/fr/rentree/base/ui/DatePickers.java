package fr.rentree.base.ui;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.vaadin.flow.component.datepicker.DatePicker;

/**
 * Date pickers in the user's language: the calendar's months and days, its first day of the week and its buttons
 * (Vaadin's own are English whatever the locale), the date written as the user writes it.
 */
public final class DatePickers {

    private DatePickers() {
    }

    public static DatePicker localized(DatePicker picker) {
        Locale locale = picker.getLocale();
        // Vaadin lists the days from Sunday, and counts the first day of the week from Sunday = 0; the bundle says
        // which (a language alone, "fr", does not say where the week starts)
        List<DayOfWeek> fromSunday = Stream.concat(Stream.of(DayOfWeek.SUNDAY),
                Arrays.stream(DayOfWeek.values()).filter(day -> day != DayOfWeek.SUNDAY)).toList();
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values())
                        .map(month -> month.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList())
                .setWeekdays(fromSunday.stream().map(day -> day.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdaysShort(fromSunday.stream().map(day -> day.getDisplayName(TextStyle.SHORT, locale))
                        .toList())
                .setFirstDayOfWeek(Integer.parseInt(picker.getTranslation("datepicker.first-day-of-week")))
                .setToday(picker.getTranslation("datepicker.today"))
                .setCancel(picker.getTranslation("datepicker.cancel"))
                .setDateFormat(picker.getTranslation("datepicker.format")));
        return picker;
    }
}
