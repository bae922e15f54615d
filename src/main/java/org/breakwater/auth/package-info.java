/**
 * Who may do what: API tokens (shown once, stored hashed, revocable) standing for a user with a
 * role (viewer, service owner of a team, admin), and the audit log of changes. Start at
 * {@link org.breakwater.auth.AccessService}. Local accounts with passwords and OpenID Connect
 * are still to come (issue 5).
 */
package org.breakwater.auth;
