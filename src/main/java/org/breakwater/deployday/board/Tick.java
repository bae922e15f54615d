package org.breakwater.deployday.board;

import java.time.Instant;
import java.util.Optional;

/** One checklist step ticked: who, when, and a line (a link to the smoke run, the notice). */
public record Tick(long planId, ChecklistStep step, String by, Instant at, Optional<String> note) {
}
