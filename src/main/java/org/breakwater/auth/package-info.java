/**
 * Who may do what: local accounts (passwords as PBKDF2 hashes) and web sessions, login
 * throttling kept in the store ({@link org.breakwater.auth.LoginThrottle}), API tokens and read-only
 * feed tokens (shown once, stored hashed, revocable), all standing for a user with a
 * role (viewer, service owner of a team, admin), and the audit log of changes. Single sign-on
 * through an OpenID provider is in {@code oidc}. Start at {@link org.breakwater.auth.AccessService}.
 */
package org.breakwater.auth;
