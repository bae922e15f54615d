package org.breakwater.staging.junit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link TooLarge} as soon as more than {@code max} bytes have been read. */
final class CappedInputStream extends FilterInputStream {
    /** The stream passed its cap. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("the report is larger than the limit of " + max + " bytes");
        }
    }

    private final long max;
    private long count;

    CappedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) count(n);
        return n;
    }

    private void count(long n) throws TooLarge {
        count += n;
        if (count > max) throw new TooLarge(max);
    }
}
