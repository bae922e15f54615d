package org.breakwater.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.catalog.files.CatalogFolderReader;
import org.junit.jupiter.api.Test;

/** The one pattern for catalog names: Backstage's entity name rule. */
class NamesTest {
    @Test
    void every_name_of_the_demo_catalog_follows_the_pattern() {
        Catalog demo = CatalogValidator.check(new CatalogFolderReader(ReadLimits.defaults())
                .read(Path.of("src/main/resources/demo/catalog"))).catalog();
        List<String> all = new ArrayList<>();
        demo.environments().forEach(e -> all.add(e.name()));
        demo.teams().forEach(t -> all.add(t.name()));
        demo.people().forEach(p -> all.add(p.username()));
        demo.services().forEach(s -> all.add(s.name()));
        demo.consumers().forEach(c -> all.add(c.name()));

        assertThat(all).hasSizeGreaterThan(90).allMatch(Names::valid);
    }

    @Test
    void backstage_names_with_single_separators_up_to_63_characters_are_valid() {
        assertThat(List.of("pkgdb", "dist-git", "python_fedora.client", "MyService2", "a", "x".repeat(63)))
                .allMatch(Names::valid);
    }

    @Test
    void paths_markup_leading_dots_doubled_separators_and_long_names_are_not() {
        assertThat(List.of("", "/tmp/x/pwned", "../login", "..", ".hidden", "a..b", "a/b", "a b", "<b>x</b>",
                "trailing-", "-leading", "a--b", "x".repeat(64), "caf\u00e9", "a\nb", "a\\b"))
                .noneMatch(Names::valid);
        assertThat(Names.problem("../login", "service")).hasValue("service name '../login' is not a valid name: use"
                + " letters and digits, with single '-', '_' or '.' between them, at most 63 characters (docs/catalog.md)");
    }
}
