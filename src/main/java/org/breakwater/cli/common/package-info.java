/**
 * What every command shares: exit codes, where the store is ({@link
 * org.breakwater.cli.common.StoreOptions}), tables and ages for people, JSON for machines.
 */
package org.breakwater.cli.common;
