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
