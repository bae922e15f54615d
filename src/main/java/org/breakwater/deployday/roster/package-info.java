/**
 * The deployment day's roster (docs/deployment-day.md): proposed from a plan ({@link RosterProposer}),
 * invited through the announcement outbox with an .ics of the window, confirmed logged in or through
 * a single-use link ({@link ConfirmLinks}); each person's time zone checked against the window
 * ({@link DayHours}); the {@code roster} gate computed from confirmations. Start at {@link RosterService}.
 */
package org.breakwater.deployday.roster;
