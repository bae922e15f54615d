/**
 * The command line (picocli). {@link org.breakwater.cli.Main} is the only class that exits
 * the process; each subcommand is a {@code *Command} that maps outcomes to exit codes:
 * 0 ok, 1 check failed, 2 usage or input error, 3 internal error.
 */
package org.breakwater.cli;
