/**
 * Catalog files: Breakwater's own YAML format and Backstage entities in, the YAML format out.
 * {@link org.breakwater.catalog.files.CatalogFolderReader} is the way in; it collects every
 * problem with its place instead of stopping at the first. The format: docs/catalog.md.
 */
package org.breakwater.catalog.files;
