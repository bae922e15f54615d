/**
 * Small helpers for the words Breakwater says back to people, shared by every feature and
 * adapter: {@link org.breakwater.text.Suggestions} finds the known name a mistyped one was
 * meant to be ("did you mean 'pkgdb'?"). A leaf: it imports nothing of the rest of Breakwater.
 */
package org.breakwater.text;
