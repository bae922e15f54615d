package org.breakwater.plan;

/**
 * Why a piece of evidence would count for nothing on its gate, and which input to fix.
 *
 * @param field the input at fault: {@code consumer} (the consumer gates) or {@code note} (the roster)
 * @param message what is wrong and what the gate can use, with a "did you mean" for a near miss
 */
public record EvidenceProblem(String field, String message) {
}
