package org.breakwater.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answer to a request it refuses before Breakwater sees it (headers too large, a URI it
 * cannot decode, a malformed length): problem details like every other refusal, instead of
 * Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/problem+json"));
        return ByteBuffer.wrap(json(status, reason, "").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(json(code, message, String.valueOf(request.getRequestURI()))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String json(int status, String reason, String instance) {
        String title = Optional.ofNullable(HttpStatus.getMessage(status)).orElse("Bad request");
        String detail = reason == null || reason.isBlank() ? "the request does not read as HTTP" : reason;
        return Failures.json(status, title, detail, instance, Optional.empty());
    }
}
