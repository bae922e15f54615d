package org.breakwater.apidiff.rule;

/**
 * Which way the data of a change flows. A client sends requests, so narrowing what a request
 * may carry breaks clients; a client reads responses, so widening what a response may carry
 * is what can surprise it.
 */
public enum Direction {
    REQUEST, RESPONSE, NONE
}
