/**
 * Streaming access-log parsing for traffic analysis. A {@link org.breakwater.traffic.parse.LogFormat}
 * turns one line into a {@link org.breakwater.traffic.parse.LogRecord} or a
 * {@link org.breakwater.traffic.parse.LineProblem} (Apache/nginx common and combined, nginx
 * {@code log_format} strings, JSON lines); {@link org.breakwater.traffic.parse.LogReader} feeds a
 * plain or gzip stream through a format line by line with bounded memory and counts what it could
 * not parse. {@link org.breakwater.traffic.parse.ChunkedLogReader} does the same in large chunks on
 * every core, reading ASCII lines in place ({@link org.breakwater.traffic.parse.LogFormat#scan},
 * {@link org.breakwater.traffic.parse.ScannedLine}) and handing results back in file order: the
 * ingest's fast path. This package imports nothing outside {@code java.*}.
 */
package org.breakwater.traffic.parse;
