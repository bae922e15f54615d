package org.breakwater.bench;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/**
 * Stand-in for openapi-diff's own CLI ({@code org.openapitools.openapidiff.cli.Main} from
 * {@code openapi-diff-cli}), whose 2.1.7 artifact is not published to the Maven repository
 * this project uses. It does what that CLI does by default: {@code OpenApiCompare.fromLocations},
 * then the console render to standard output; with {@code --fail-on-incompatible} it exits 1
 * when the change is incompatible, like the upstream flag.
 *
 * <pre>java -jar openapi-diff-cli.jar OLD NEW [--markdown] [--fail-on-incompatible]</pre>
 */
public final class OpenApiDiffCli {
  private OpenApiDiffCli() {}

  public static void main(String[] args) throws Exception {
    String oldSpec = null;
    String newSpec = null;
    boolean markdown = false;
    boolean failOnIncompatible = false;
    for (String a : args) {
      switch (a) {
        case "--markdown" -> markdown = true;
        case "--fail-on-incompatible" -> failOnIncompatible = true;
        default -> {
          if (oldSpec == null) {
            oldSpec = a;
          } else if (newSpec == null) {
            newSpec = a;
          } else {
            System.err.println("usage: OLD NEW [--markdown] [--fail-on-incompatible]");
            System.exit(2);
          }
        }
      }
    }
    if (newSpec == null) {
      System.err.println("usage: OLD NEW [--markdown] [--fail-on-incompatible]");
      System.exit(2);
    }
    ChangedOpenApi result = OpenApiCompare.fromLocations(oldSpec, newSpec);
    Render render = markdown ? new MarkdownRender() : new ConsoleRender();
    try (OutputStreamWriter out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
      render.render(result, out);
    }
    if (failOnIncompatible && result.isIncompatible()) {
      System.exit(1);
    }
  }
}
