/**
 * The weekly meeting: MeetBot's minutes read back as evidence. {@link org.breakwater.meeting.MinutesReader}
 * reads the four files MeetBot (zodbot at Fedora) writes for a meeting - the text minutes, the HTML
 * minutes, and the raw log as text or HTML - into one {@link org.breakwater.meeting.Minutes}, or refuses
 * them with a one-line reason ({@link org.breakwater.meeting.ReadResult}): unknown format, not UTF-8,
 * too large, too many or too long lines. Minutes without an end-of-meeting marker are read and flagged
 * {@code truncated}. {@link org.breakwater.meeting.MinutesMatcher} then ties each item to a plan or a
 * service - by reference ({@code BW-12}) first, then by service name, then by plan title - and reads the
 * decisions in {@code #agreed} lines (docs/meetings.md has the grammar); an item that could mean more than
 * one thing is {@code Ambiguous} and waits for a person. HTML is read with jsoup (a well-kept parser,
 * already the usual choice for untrusted HTML) rather than a hand-written tag stripper: MeetBot's HTML
 * wraps inside tags and escapes entities, and jsoup also gives each element's source line. This package
 * is pure domain: no framework, no database, no network; fetching minutes by URL, storing them and the
 * commands and pages that show them are adapters still to come.
 */
package org.breakwater.meeting;
