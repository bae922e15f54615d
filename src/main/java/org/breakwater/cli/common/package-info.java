/**
 * What every command shares: exit codes, where the store is ({@link
 * org.breakwater.cli.common.StoreOptions}; with the policy, {@link
 * org.breakwater.cli.common.StoreAndPolicy}), tables and ages for people, JSON for machines.
 */
package org.breakwater.cli.common;
