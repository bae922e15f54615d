/**
 * Web login through an OpenID Connect provider (Keycloak, Authentik, Dex, Entra ID, Google…):
 * the authorization code flow with PKCE, the ID token verified with Nimbus JOSE+JWT, and
 * the user's groups mapped to a Breakwater role. No web framework: the routes call
 * {@link org.breakwater.auth.oidc.OidcClient#begin()} and
 * {@link org.breakwater.auth.oidc.OidcClient#finish}. Start at
 * {@link org.breakwater.auth.oidc.OidcClient}.
 */
package org.breakwater.auth.oidc;
