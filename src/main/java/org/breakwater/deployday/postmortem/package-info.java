/**
 * The post-mortem draft (docs/deployment-day.md): Markdown assembled from the record of a plan, in
 * the shape of the pkgdb2 post-mortem that started the policy, for a person to edit. Start at
 * {@link PostMortemService}.
 */
package org.breakwater.deployday.postmortem;
