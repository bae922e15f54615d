package org.breakwater.meeting;

/** How an item was matched, strongest first: the order {@link MinutesMatcher} tries them in. */
public enum MatchedBy {
    /** The item names the plan's reference, {@code BW-12}. */
    REFERENCE,
    /** The item names a service (a whole word, any case), or classifies one. */
    SERVICE_NAME,
    /** The item contains a plan's title. */
    PLAN_TITLE
}
