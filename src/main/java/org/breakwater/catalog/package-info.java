/**
 * The service catalog: teams, people, services with their tier, consumers and the operations
 * they use, environments, releases with their API descriptions, and deployment records. Start
 * at {@link org.breakwater.catalog.CatalogService} (the use cases); files are read by
 * {@code catalog.files}, stored by {@code catalog.store}, and offered as commands by
 * {@code catalog.cli}. This package imports no framework.
 */
package org.breakwater.catalog;
