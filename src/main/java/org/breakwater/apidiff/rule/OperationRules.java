package org.breakwater.apidiff.rule;

import static org.breakwater.apidiff.rule.Direction.NONE;
import static org.breakwater.apidiff.rule.Direction.REQUEST;
import static org.breakwater.apidiff.rule.Direction.RESPONSE;
import static org.breakwater.apidiff.rule.Level.BREAKING;
import static org.breakwater.apidiff.rule.Level.INFO;
import static org.breakwater.apidiff.rule.Level.WARNING;

/**
 * Operation-level rules for what an operation holds beside its parameters, bodies and
 * responses: callbacks, the parameters and headers of webhooks and callbacks, response links,
 * and servers named by a path item or an operation. They join the catalogue after
 * {@link Rules}' own.
 *
 * <p>Webhooks and callbacks turn the roles round: the API sends the request and its subscriber
 * reads it, so a parameter there is judged as a response would be; the subscriber answers, so
 * a header of that answer is judged as a request would be. The {@code webhook-*} rules below
 * serve callbacks too.
 */
public final class OperationRules {
    // Callbacks (OpenAPI 3): requests the API sends to a URL the client gave it
    public static final Rule CALLBACK_REMOVED = Rules.rule("callback-removed", BREAKING, NONE,
            "a callback is no longer sent: clients that gave the API their URL never hear of the event again",
            "callbacks: {onData: …} → (none)");
    public static final Rule CALLBACK_ADDED = Rules.rule("callback-added", INFO, NONE,
            "a new callback clients may receive", "(none) → callbacks: {onData: …}");

    // Parameters the API sends with a webhook or callback: its subscribers read them
    public static final Rule WEBHOOK_PARAMETER_REMOVED = Rules.rule("webhook-parameter-removed", BREAKING, RESPONSE,
            "a parameter of a webhook or callback is no longer sent: subscribers reading it get nothing",
            "X-Signature (header) → (none)");
    public static final Rule WEBHOOK_PARAMETER_ADDED = Rules.rule("webhook-parameter-added", INFO, RESPONSE,
            "a webhook or callback carries a new parameter: subscribers may ignore it", "(none) → ?attempt=");
    public static final Rule WEBHOOK_PARAMETER_BECAME_OPTIONAL = Rules.rule("webhook-parameter-became-optional",
            BREAKING, RESPONSE, "a parameter of a webhook or callback may now be missing: subscribers relying on it fail",
            "required: true → false");
    public static final Rule WEBHOOK_PARAMETER_BECAME_REQUIRED = Rules.rule("webhook-parameter-became-required",
            INFO, RESPONSE, "a parameter of a webhook or callback is now always sent", "required: false → true");

    // Headers of the answer a subscriber gives: the API reads them
    public static final Rule WEBHOOK_RESPONSE_HEADER_REQUIRED_ADDED = Rules.rule("webhook-response-header-required-added",
            BREAKING, REQUEST, "subscribers must now answer a webhook or callback with a new header: answers without"
                    + " it are not understood", "(none) → headers: {X-Ack (required)}");
    public static final Rule WEBHOOK_RESPONSE_HEADER_ADDED = Rules.rule("webhook-response-header-added", INFO, REQUEST,
            "subscribers may answer a webhook or callback with a new optional header", "(none) → headers: {X-Ack}");
    public static final Rule WEBHOOK_RESPONSE_HEADER_REMOVED = Rules.rule("webhook-response-header-removed", INFO,
            REQUEST, "the API no longer reads a header of the subscriber's answer: sending it does no harm",
            "headers: {X-Ack} → (none)");
    public static final Rule WEBHOOK_RESPONSE_HEADER_BECAME_REQUIRED = Rules.rule(
            "webhook-response-header-became-required", BREAKING, REQUEST,
            "subscribers must now always answer with a header they could leave out: answers without it are not"
                    + " understood", "required: false → true");
    public static final Rule WEBHOOK_RESPONSE_HEADER_BECAME_OPTIONAL = Rules.rule(
            "webhook-response-header-became-optional", INFO, REQUEST,
            "subscribers may now leave a header out of their answer", "required: true → false");

    // Links of a response: nothing of them travels on the wire
    public static final Rule RESPONSE_LINK_REMOVED = Rules.rule("response-link-removed", WARNING, RESPONSE,
            "a link of a response is gone: no request or response changes, so clients calling the operations"
                    + " keep working, but the few clients and tools that follow links from the description lose"
                    + " the way to the next call (a warning, not breaking)", "links: {GetUser} → (none)");
    public static final Rule RESPONSE_LINK_ADDED = Rules.rule("response-link-added", INFO, RESPONSE,
            "a response documents a new link to another operation", "(none) → links: {GetUser}");
    public static final Rule RESPONSE_LINK_CHANGED = Rules.rule("response-link-changed", WARNING, RESPONSE,
            "a link leads to another operation, or fills its parameters, body or server otherwise: clients that"
                    + " follow it make another call than before (the wire of each operation is unchanged)",
            "operationId: getUser → getAccount");

    // Servers named by a path item or an operation, in place of the document's
    public static final Rule OPERATION_BASE_PATH_CHANGED = Rules.rule("operation-base-path-changed", BREAKING, NONE,
            "the operation is served under another base path (its own servers, or the document's it now uses"
                    + " instead): clients call a URL that no longer exists", "servers: [/v1] → servers: [/v2]");
    public static final Rule OPERATION_SERVER_REMOVED = Rules.rule("operation-server-removed", WARNING, NONE,
            "a server URL the operation was served from is gone, as server-removed for the whole API: clients"
                    + " configured with it must move", "servers: [https://upload.example] → [https://files.example]");
    public static final Rule OPERATION_SERVER_ADDED = Rules.rule("operation-server-added", INFO, NONE,
            "the operation is served from another server URL as well", "servers: [a] → servers: [a, b]");

    private OperationRules() {
    }

    /** Makes sure this class's rules are in the catalogue: {@link Rules} calls it once. */
    static void load() {
        // loading the class registers its rules
    }
}
