/**
 * Findings, reports, the ignore file, and the renderers for each output format (text,
 * markdown, json, html, junit, github). The JSON shape is documented in docs/diff-json.md.
 */
package org.breakwater.apidiff.report;
