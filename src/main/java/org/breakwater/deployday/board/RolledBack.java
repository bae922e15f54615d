package org.breakwater.deployday.board;

import java.util.List;
import org.breakwater.announce.Announcement;
import org.breakwater.catalog.Deployment;
import org.breakwater.plan.Plan;

/** A rollback done: the plan now rolled back, the deployments recorded, the rolled-back notice drafted. */
public record RolledBack(Plan plan, List<Deployment> deployments, List<Announcement> notices) {
    public RolledBack {
        deployments = List.copyOf(deployments);
        notices = List.copyOf(notices);
    }
}
