/**
 * The comparison engine: reads two API descriptions and reports every change that could
 * break a client. Pure Java — no framework, database or network. Start at {@link
 * org.breakwater.apidiff.ApiDiff}; reading is in {@code spec}, the rules in {@code rule},
 * the comparison in {@code compare}, output formats in {@code report}.
 */
package org.breakwater.apidiff;
