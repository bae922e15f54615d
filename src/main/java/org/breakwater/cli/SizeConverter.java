package org.breakwater.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses sizes such as 64MB, 200m, 512k or 1048576 (bytes). */
final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long factor = 1;
        if (v.endsWith("k")) {
            factor = 1024;
        } else if (v.endsWith("m")) {
            factor = 1024 * 1024;
        } else if (v.endsWith("g")) {
            factor = 1024L * 1024 * 1024;
        }
        if (factor > 1) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n <= 0) {
                throw new TypeConversionException("size must be positive: " + value);
            }
            return Math.multiplyExact(n, factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("not a size: '" + value + "' (try 64MB, 512k or a number of bytes)");
        }
    }
}
