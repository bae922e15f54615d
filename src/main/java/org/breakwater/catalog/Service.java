package org.breakwater.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A service the infrastructure team runs.
 *
 * @param freezeSensitive frozen during a release freeze
 * @param announce        the lists its announcements go to
 * @param system          the larger system it belongs to (Backstage's System), if any
 */
public record Service(String name, String title, String owner, Tier tier, boolean freezeSensitive,
                      List<String> announce, Optional<String> repository, Optional<String> docs,
                      Optional<String> system) {
    public Service {
        Names.require(name, "service name");
        Names.require(owner, "owner team");
        title = title == null || title.isBlank() ? name : title;
        announce = List.copyOf(announce);
    }
}
