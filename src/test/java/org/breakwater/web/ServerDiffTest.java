package org.breakwater.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.spec.ApiSpec;
import org.junit.jupiter.api.Test;

/** The engine as the server runs it: a comparison past its time limit is a 503 problem, not a report. */
class ServerDiffTest {
    private final ApiDiff diff = ServerDiff.engine();

    private ApiSpec spec(String prefix) throws Exception {
        String props = IntStream.range(0, 6000).mapToObj(i -> prefix + i + ": {type: string}")
                .collect(Collectors.joining(", "));
        return diff.reader().parse("openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths:\n  /a:\n    get:\n"
                + "      responses:\n        \"200\":\n          description: ok\n          content:\n"
                + "            application/json:\n              schema: {type: object, properties: {" + props + "}}\n",
                prefix + ".yaml");
    }

    @Test
    void a_comparison_past_the_time_limit_is_a_503_problem_that_says_why() throws Exception {
        ApiSpec older = spec("p");
        ApiSpec newer = spec("q");

        Problem p = catchThrowableOfType(Problem.class, () -> ServerDiff.compare(diff, older, newer, Duration.ZERO));

        assertThat(p.status()).isEqualTo(503);
        assertThat(p.getMessage()).contains("ran past its time limit");
        assertThat(ServerDiff.compare(diff, older, newer).truncated()).as("within the real limit: a report").isTrue();
    }
}
