/**
 * Small stateless comparators, one per element of a description: the whole API ({@link
 * org.breakwater.apidiff.compare.SpecComparator}, start here), operations, responses,
 * security and schemas. Schema comparison is direction-aware and memoised per pair of
 * referenced components.
 */
package org.breakwater.apidiff.compare;
