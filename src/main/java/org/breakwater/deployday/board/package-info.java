/**
 * The day's board (docs/deployment-day.md): a plan's checklist ticked with time and person, its
 * roster, its incidents (through {@link DayIncidents}), calls of its affected consumers, and
 * whether a rollback is possible; {@link BoardService#rollback} carries one out. Start at {@link BoardService}.
 */
package org.breakwater.deployday.board;
