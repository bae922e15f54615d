/**
 * The logs: Logback encoders that write every event on one line with secrets masked
 * ({@link org.breakwater.logs.TextEncoder}, {@link org.breakwater.logs.JsonLinesEncoder}), the
 * masking itself ({@link org.breakwater.logs.Secrets}) and the switches {@code serve} offers
 * ({@link org.breakwater.logs.LogSettings}). The default configuration is {@code logback.xml};
 * docs/operations.md says how to replace it.
 */
package org.breakwater.logs;
