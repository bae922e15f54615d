/**
 * Reading API descriptions: JSON and YAML into position-carrying {@link
 * org.breakwater.apidiff.spec.Node} trees ({@link org.breakwater.apidiff.spec.TreeReader}),
 * safe {@code $ref} resolution confined to the description's folder, and normalisation of
 * Swagger 2.0, OpenAPI 3.0 and 3.1 into one immutable model ({@link
 * org.breakwater.apidiff.spec.ApiSpec}). Start at {@link org.breakwater.apidiff.spec.SpecReader}.
 */
package org.breakwater.apidiff.spec;
