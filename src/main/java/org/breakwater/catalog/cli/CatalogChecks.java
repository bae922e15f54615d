package org.breakwater.catalog.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.CatalogCheck;
import org.breakwater.catalog.CatalogProblem;
import org.breakwater.catalog.CatalogValidator;
import org.breakwater.catalog.files.CatalogFolderReader;

/** Reading and checking a catalog folder, and printing what was found; shared by validate and import. */
final class CatalogChecks {
    private CatalogChecks() {
    }

    static CatalogCheck check(Path source) {
        return CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults()).read(source));
    }

    static void printProblems(PrintWriter err, CatalogCheck check) {
        check.problems().forEach(p -> err.println(p));
    }

    static String tally(CatalogCheck check) {
        return check.errors() + " error" + (check.errors() == 1 ? "" : "s") + (check.following() == 0 ? ""
                : " and " + check.following() + " that follow from them") + ", " + check.warnings() + " warning"
                + (check.warnings() == 1 ? "" : "s");
    }

    static void writeProblems(JsonGenerator g, CatalogCheck check) throws IOException {
        g.writeNumberField("errors", check.errors());
        g.writeNumberField("warnings", check.warnings());
        g.writeNumberField("following", check.following());
        g.writeArrayFieldStart("problems");
        for (CatalogProblem p : check.problems()) {
            g.writeStartObject();
            g.writeStringField("severity", p.isError() ? "error" : "warning");
            g.writeStringField("file", p.file());
            g.writeNumberField("line", p.line());
            g.writeNumberField("column", p.column());
            g.writeStringField("message", p.message());
            if (p.following() > 0) {
                g.writeNumberField("following", p.following());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("counts");
        g.writeNumberField("environments", check.catalog().environments().size());
        g.writeNumberField("teams", check.catalog().teams().size());
        g.writeNumberField("people", check.catalog().people().size());
        g.writeNumberField("services", check.catalog().services().size());
        g.writeNumberField("consumers", check.catalog().consumers().size());
        g.writeEndObject();
    }
}
