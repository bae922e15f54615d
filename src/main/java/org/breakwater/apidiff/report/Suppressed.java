package org.breakwater.apidiff.report;

/** A finding hidden by an entry of the ignore file, with that entry's reason. */
public record Suppressed(Finding finding, String reason) {
}
