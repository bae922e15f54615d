package org.breakwater.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breakwater.traffic.Cidr;

/**
 * Where the server stands on the network.
 *
 * @param publicUrl      the address people use to reach it ({@code --public-url}), without a
 *                       trailing slash: absolute links (Atom feeds) and the Origin check use it;
 *                       without one, feed links are relative and never built from a request's
 *                       {@code Host} header
 * @param trustedProxies reverse proxies ({@code --trusted-proxy}) whose {@code X-Forwarded-For}
 *                       is believed; from anyone else the header is ignored
 */
public record Network(Optional<String> publicUrl, List<Cidr> trustedProxies) {
    /** The most hops of X-Forwarded-For looked at. */
    private static final int HOPS = 20;

    public Network {
        trustedProxies = List.copyOf(trustedProxies);
        publicUrl = publicUrl.map(u -> u.replaceAll("/+$", ""));
    }

    /** Reached directly: no public URL known, no proxy trusted. */
    public static Network direct() {
        return new Network(Optional.empty(), List.of());
    }

    /**
     * Reads {@code --public-url}: an absolute http(s) URL with a host and nothing after the path.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String publicUrl(String text) {
        URI u;
        try {
            u = new URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--public-url is not a URL: " + text);
        }
        if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                || u.getHost() == null || u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--public-url is an http or https URL with a host (and no query,"
                    + " fragment or user), such as https://breakwater.example.org, not '" + text + "'");
        }
        return u.toString();
    }

    /**
     * The client's address: the connection's peer, unless that is a trusted proxy; then the
     * nearest address in X-Forwarded-For (read from the right) that is not a trusted proxy.
     * Entries a client wrote itself lie left of the ones our proxies add, so they are never
     * reached unless every proxy on the way is trusted. An entry that is not an IP address ends
     * the walk at the proxy that passed it on.
     */
    public String client(String peer, List<String> forwardedFor) {
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - HOPS; i--) {
            Optional<String> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!trusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        return trustedProxies.stream().anyMatch(c -> c.contains(address));
    }

    /** An IP address in its usual spelling; empty for anything else (no name is ever looked up). */
    private static Optional<String> literal(String text) {
        if (text.isEmpty() || text.indexOf('/') >= 0 || Cidr.parse(text).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getHostAddress()); // a checked literal: no lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
