/**
 * The rule catalogue: every change Breakwater reports, with a stable id, a level and a
 * direction. {@link org.breakwater.apidiff.rule.Rules} lists operation-level rules; schema
 * rules are {@link org.breakwater.apidiff.rule.Scope} × {@link
 * org.breakwater.apidiff.rule.SchemaChange}.
 */
package org.breakwater.apidiff.rule;
