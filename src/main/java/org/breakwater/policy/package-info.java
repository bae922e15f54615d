/**
 * The major-deployment policy as code: a versioned {@code policy.yaml} that says when the
 * policy applies (per service tier) and what it asks (notices and their lists, the weekly
 * meeting, staging, consumers, the firefighting roster, freezes, when deployments may start).
 * Start at {@link org.breakwater.policy.PolicyReader}, which reads a file into the
 * {@link org.breakwater.policy.Policy} record and reports every problem at its line and
 * column; {@code docs/policy.md} explains each rule and the gate it produces. The bundled
 * default is the policy Fedora's infrastructure team agreed on in June 2014. This package
 * imports no framework.
 */
package org.breakwater.policy;
