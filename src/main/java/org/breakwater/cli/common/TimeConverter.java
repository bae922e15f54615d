package org.breakwater.cli.common;

import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every time option of the command line ({@code --at}, {@code --start}, {@code --not-before},
 * {@code --from}, {@code --to}) the same way, through {@link Times#instant}; a value that is none
 * of {@link Times#FORMS} is refused before the command runs, naming the forms.
 */
public final class TimeConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        return Times.instant(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a time; write " + Times.FORMS));
    }
}
