package org.breakwater.traffic;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An address block, IPv4 or IPv6 ({@code 10.5.126.0/24}, {@code 2001:db8::/32}; a lone address is a /32 or /128). */
public final class Cidr {
    private final byte[] network;
    private final int bits;
    private final String text;

    private Cidr(byte[] network, int bits, String text) {
        this.network = network;
        this.bits = bits;
        this.text = text;
    }

    /** Reads a block; empty when {@code text} is not one. Only literal addresses: no name is looked up. */
    public static Optional<Cidr> parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        Optional<byte[]> bytes = literal(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int max = bytes.get().length * 8;
        int bits = max;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (bits < 0 || bits > max) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(bytes.get(), bits, t));
    }

    /** An IP literal's bytes, without any DNS lookup (InetAddress would resolve a name). */
    static Optional<byte[]> literal(String address) {
        byte[] v4 = dottedQuad(address);
        if (v4 != null) {
            return Optional.of(v4);
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (a.isEmpty() || !(a.indexOf(':') >= 0 ? a.matches("[0-9A-Fa-f:.]+") : a.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(a).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The bytes of a plain IPv4 literal such as {@code 10.5.126.30} (four numbers of 0 to 255, no
     * leading zeros), read by hand; null for anything else, which {@link #literal} reads the slow way.
     */
    private static byte[] dottedQuad(String a) {
        byte[] out = new byte[4];
        int part = 0;
        int i = 0;
        int n = a.length();
        while (part < 4) {
            int start = i;
            int value = 0;
            while (i < n && a.charAt(i) >= '0' && a.charAt(i) <= '9' && i - start < 3) {
                value = value * 10 + (a.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && a.charAt(start) == '0')) {
                return null;
            }
            out[part++] = (byte) value;
            if (part < 4) {
                if (i >= n || a.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == n ? out : null;
    }

    /** Is {@code address} (a literal, as logged) inside this block? */
    public boolean contains(String address) {
        Optional<byte[]> a = literal(address);
        return a.isPresent() && contains(a.get());
    }

    boolean contains(byte[] a) {
        if (a.length != network.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
