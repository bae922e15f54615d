/**
 * The catalog's commands: {@code catalog validate|import|export}, {@code record-deployment},
 * {@code where}, {@code consumers}, {@code prune}.
 */
package org.breakwater.catalog.cli;
