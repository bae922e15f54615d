package org.breakwater.meeting;

/** The files MeetBot writes for every meeting; {@link MinutesReader} reads each. */
public enum MinutesFormat {
    /** {@code NAME.txt}: the plain-text minutes. */
    TEXT_MINUTES,
    /** {@code NAME.html}: the HTML minutes. */
    HTML_MINUTES,
    /** {@code NAME.log.txt}: the raw log, {@code HH:MM:SS <nick> line}. */
    TEXT_LOG,
    /** {@code NAME.log.html}: the raw log in a {@code <pre>}. */
    HTML_LOG
}
