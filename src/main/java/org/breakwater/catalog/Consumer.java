package org.breakwater.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Code that calls services' APIs: another service, a client library, a cron job or script,
 * or an outside team's tool.
 *
 * @param identify how to recognise it in access logs (docs/catalog.md)
 * @param service the catalog service this consumer is part of, so that whatever breaks it
 *                breaks that service's own consumers too
 */
public record Consumer(String name, ConsumerKind kind, Optional<String> service, String owner,
                       Optional<String> contact, Optional<String> description, List<Use> uses, List<Identify> identify) {
    public Consumer {
        Names.require(name, "consumer name");
        Names.require(owner, "owner team");
        uses = List.copyOf(uses);
        identify = List.copyOf(identify);
    }

    /** A consumer with no rules to recognise it in access logs. */
    public Consumer(String name, ConsumerKind kind, Optional<String> service, String owner, Optional<String> contact,
                    Optional<String> description, List<Use> uses) {
        this(name, kind, service, owner, contact, description, uses, List.of());
    }

    public Optional<Use> use(String provider) {
        return uses.stream().filter(u -> u.service().equals(provider)).findFirst();
    }
}
