package org.breakwater.staging.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.breakwater.staging.Redactor;

/**
 * A process's output read to its end but kept bounded: the first {@code head} bytes and the last
 * {@code tail} bytes, with the count of those dropped between. A suite printing gigabytes costs
 * {@code head + tail} bytes of memory. Secrets are taken out when the text is made, cuts included.
 */
final class BoundedOutput {
    private final byte[] head;
    private final byte[] tail;
    private int headLength;
    private long tailWritten;
    private long total;

    BoundedOutput(int head, int tail) {
        this.head = new byte[head];
        this.tail = new byte[tail];
    }

    /** Reads {@code in} to its end. */
    void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            add(buffer, n);
        }
    }

    synchronized void add(byte[] b, int n) {
        total += n;
        int i = 0;
        if (headLength < head.length) {
            int k = Math.min(n, head.length - headLength);
            System.arraycopy(b, 0, head, headLength, k);
            headLength += k;
            i = k;
        }
        for (; i < n && tail.length > 0; i++) {
            tail[(int) (tailWritten++ % tail.length)] = b[i];
        }
    }

    synchronized long total() {
        return total;
    }

    /** The text kept, with secrets redacted and a line saying how much was dropped. */
    synchronized String text(Redactor redactor) {
        String first = new String(head, 0, headLength, StandardCharsets.UTF_8);
        if (tailWritten == 0) {
            return redactor.redact(first);
        }
        int kept = (int) Math.min(tailWritten, tail.length);
        byte[] last = new byte[kept];
        for (int i = 0; i < kept; i++) {
            last[i] = tail[(int) ((tailWritten - kept + i) % tail.length)];
        }
        long dropped = total - headLength - kept;
        String lastText = new String(last, StandardCharsets.UTF_8);
        if (dropped == 0) {
            return redactor.redact(first + lastText);
        }
        return redactor.redactBeforeCut(first) + "\n[... " + dropped + " bytes of output not kept ...]\n"
                + redactor.redactAfterCut(lastText);
    }
}
