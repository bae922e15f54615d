package org.breakwater.traffic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Tells who made a request: the first consumer whose rules match (in the order given: put the
 * most specific first), else "unknown" with what the log shows of the caller, so its owner can
 * be asked. Rules are compiled once; reverse DNS is asked only when a host rule exists, through
 * the given resolver, and remembered per address. Thread-safe.
 */
public final class CallerIdentifier {
    /** The caller of one request: a consumer of the catalog, or an unknown one described. */
    public record Caller(Optional<String> consumer, String description) {
        public boolean known() {
            return consumer.isPresent();
        }

        /** The consumer's name, or "unknown (…)". */
        public String name() {
            return consumer.orElse("unknown (" + description + ")");
        }
    }

    /**
     * What a request shows of its caller. {@code fields} are the log's other fields by their
     * variable name, as the parsers keep them: a header X-Api-Key is {@code http_x_api_key}.
     */
    public record Request(String address, Optional<String> user, Optional<String> userAgent, Map<String, String> fields) {
    }

    private interface Test {
        boolean matches(Request r, Function<String, Optional<String>> host);
    }

    private record Compiled(String consumer, Test test) {
    }

    private final List<Compiled> rules = new ArrayList<>();
    private final boolean needsHosts;
    private final Function<String, Optional<String>> resolver;
    private final Map<String, Optional<String>> hosts = new HashMap<>();
    private final List<String> headerFields = new ArrayList<>();

    /** {@code resolver} gives an address's host name (reverse DNS), used only by host rules. */
    public CallerIdentifier(List<CallerRule> rules, Function<String, Optional<String>> resolver) {
        boolean hostRules = false;
        for (CallerRule r : rules) {
            this.rules.add(new Compiled(r.consumer(), compile(r)));
            hostRules |= r.kind() == CallerRule.Kind.HOST;
            if (r.kind() == CallerRule.Kind.HEADER) {
                String field = field(r);
                if (!headerFields.contains(field)) {
                    headerFields.add(field);
                }
            }
        }
        this.needsHosts = hostRules;
        this.resolver = resolver;
    }

    private static Test compile(CallerRule r) {
        switch (r.kind()) {
            case USER_AGENT: {
                Pattern p = Pattern.compile(r.value());
                return (q, h) -> q.userAgent().map(ua -> p.matcher(ua).find()).orElse(false);
            }
            case ADDRESS: {
                Cidr block = Cidr.parse(r.value()).orElseThrow();
                return (q, h) -> block.contains(q.address());
            }
            case HOST: {
                Pattern p = Pattern.compile(r.value());
                return (q, h) -> h.apply(q.address()).map(name -> p.matcher(name).find()).orElse(false);
            }
            case USER:
                return (q, h) -> q.user().filter(r.value()::equals).isPresent();
            default: {
                String field = field(r);
                return (q, h) -> r.value().equals(q.fields().get(field));
            }
        }
    }

    /** The log field a header rule looks at: X-Api-Key → {@code http_x_api_key}. */
    private static String field(CallerRule r) {
        return "http_" + r.header().orElseThrow().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * The only {@link Request#fields()} the rules read (those of header rules): a request's
     * caller depends on its address, user, user agent and these fields alone.
     */
    List<String> headerFields() {
        return List.copyOf(headerFields);
    }

    public Caller identify(Request request) {
        Function<String, Optional<String>> host = needsHosts ? this::host : a -> Optional.empty();
        for (Compiled c : rules) {
            if (c.test().matches(request, host)) {
                return new Caller(Optional.of(c.consumer()), request.address());
            }
        }
        String who = request.userAgent().filter(ua -> !ua.isBlank() && !ua.equals("-")).map(ua -> ua.length() > 80
                ? ua.substring(0, 80) + "…" : ua).orElse("no user agent");
        String from = host(request.address()).orElse(request.address());
        return new Caller(Optional.empty(), who + " from " + from);
    }

    private Optional<String> host(String address) {
        if (!needsHosts) {
            return Optional.empty();
        }
        synchronized (hosts) {
            if (hosts.size() > 100_000) {
                hosts.clear(); // memory stays bounded however many addresses a log holds
            }
            return hosts.computeIfAbsent(address, resolver);
        }
    }
}
