package org.breakwater.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.breakwater.cli.common.Times;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a day such as 2026-12-31 through the same parser as every time option ({@link Times#instant}):
 * a time is taken as its day in UTC. The message shows the expected form, not the parser's exception.
 */
final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        return Times.instant(value).map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)).orElseThrow(() ->
                new TypeConversionException("not a date: '" + value + "' (write it as YYYY-MM-DD, e.g. 2026-12-31)"));
    }
}
