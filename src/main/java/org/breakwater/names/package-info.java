/**
 * Names people type: {@link org.breakwater.names.Suggestions} finds the known name a typo was
 * meant to be. A leaf: it depends on nothing else in Breakwater, so every feature may use it.
 */
package org.breakwater.names;
