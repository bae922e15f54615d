package org.breakwater.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses dates such as 2026-12-31, with a message that shows the expected form (not the parser's exception). */
final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("not a date: '" + value + "' (write it as YYYY-MM-DD, e.g. 2026-12-31)");
        }
    }
}
