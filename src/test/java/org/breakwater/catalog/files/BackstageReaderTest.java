package org.breakwater.catalog.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.breakwater.apidiff.spec.Node;
import org.breakwater.apidiff.spec.ReadLimits;
import org.breakwater.apidiff.spec.SpecException;
import org.breakwater.apidiff.spec.TreeReader;
import org.breakwater.catalog.Catalog;
import org.breakwater.catalog.CatalogDraft;
import org.breakwater.catalog.CatalogProblem;
import org.breakwater.catalog.Consumer;
import org.breakwater.catalog.ConsumerKind;
import org.breakwater.catalog.Identify;
import org.breakwater.catalog.Located;
import org.breakwater.catalog.Person;
import org.breakwater.catalog.Service;
import org.breakwater.catalog.Team;
import org.breakwater.catalog.Tier;
import org.breakwater.catalog.Use;
import org.junit.jupiter.api.Test;

/** Backstage entities as catalog entries, each at its entity's place, and every problem at its node. */
class BackstageReaderTest {
    private static final TreeReader READER = new TreeReader(ReadLimits.defaults());
    private static final String FEDORA = "backstage/catalog-info.yaml";

    private static BackstageReader.SourceFile source(String name) throws SpecException, URISyntaxException {
        Path path = Path.of(BackstageReaderTest.class.getResource("/" + name).toURI());
        return new BackstageReader.SourceFile(name, READER.readDocuments(path, name));
    }

    private static CatalogDraft read(String name) throws Exception {
        CatalogDraft draft = new CatalogDraft();
        BackstageReader.SourceFile file = source(name);
        BackstageReader.read(file.documents(), file.file(), draft);
        return draft;
    }

    private static List<String> problems(CatalogDraft draft) {
        return draft.problems().stream().map(CatalogProblem::toString).toList();
    }

    private static <T> Located<T> at(T value, String file, int line) {
        return new Located<>(value, file, line, 1);
    }

    private static Node parse(String yaml) throws SpecException {
        return READER.parse(yaml, "doc.yaml");
    }

    @Test
    void a_document_is_backstage_when_its_api_version_is_in_the_backstage_io_group() throws Exception {
        assertThat(BackstageReader.isBackstage(parse("apiVersion: backstage.io/v1alpha1\nkind: Group\n"))).isTrue();
        assertThat(BackstageReader.isBackstage(parse("apiVersion: scaffolder.backstage.io/v1beta3\n"))).isTrue();
        assertThat(BackstageReader.isBackstage(parse("apiVersion: v1\nkind: Service\n"))).isFalse();
        assertThat(BackstageReader.isBackstage(parse("apiVersion: notbackstage.io/v1\n"))).isFalse();
        assertThat(BackstageReader.isBackstage(parse("kind: Group\n"))).isFalse();
        assertThat(BackstageReader.isBackstage(parse("- apiVersion: backstage.io/v1alpha1\n"))).isFalse();
        assertThat(BackstageReader.isBackstage(parse("teams: []\n"))).isFalse();
    }

    @Test
    void the_fedora_catalog_reads_without_problems() throws Exception {
        assertThat(read(FEDORA).problems()).isEmpty();
    }

    @Test
    void groups_become_teams_with_profile_annotations_and_members_by_any_reference_form() throws Exception {
        assertThat(read(FEDORA).teams()).containsExactly(
                at(new Team("infrastructure", "Fedora Infrastructure", true,
                        Optional.of("infrastructure@lists.fedoraproject.org"), Optional.of("#fedora-admin"),
                        List.of("pingou", "ralph", "nirik")), FEDORA, 2),
                at(new Team("releng", "Fedora Release Engineering", false,
                        Optional.of("rel-eng@lists.fedoraproject.org"), Optional.of("#fedora-releng"),
                        List.of("ausil")), FEDORA, 16));
    }

    @Test
    void users_become_people_with_their_time_zone_and_the_groups_they_are_members_of() throws Exception {
        assertThat(read(FEDORA).people()).containsExactly(
                at(new Person("pingou", "Pierre-Yves Chibon", "pingou@fedoraproject.org", ZoneId.of("Europe/Paris"),
                        List.of("infrastructure")), FEDORA, 31),
                at(new Person("ralph", "Ralph Bean", "ralph@fedoraproject.org", ZoneId.of("America/New_York"),
                        List.of("infrastructure")), FEDORA, 43),
                at(new Person("nirik", "Kevin Fenzi", "kevin@fedoraproject.org", ZoneId.of("America/Denver"),
                        List.of("infrastructure", "releng")), FEDORA, 55),
                at(new Person("ausil", "Dennis Gilmore", "", ZoneId.of("UTC"), List.of("releng")), FEDORA, 67));
    }

    @Test
    void memberships_written_on_either_side_meet_in_the_built_catalog() throws Exception {
        Catalog catalog = read(FEDORA).build();
        assertThat(catalog.team("releng")).map(Team::members).contains(List.of("ausil", "nirik"));
        assertThat(catalog.people()).filteredOn(p -> p.username().equals("nirik"))
                .extracting(Person::teams).containsExactly(List.of("infrastructure", "releng"));
    }

    @Test
    void components_become_services_with_tier_announcements_links_and_system() throws Exception {
        assertThat(read(FEDORA).services()).containsExactly(
                at(new Service("pkgdb", "Package Database", "infrastructure", Tier.ESSENTIAL, true,
                        List.of("infrastructure@lists.fedoraproject.org", "devel-announce@lists.fedoraproject.org"),
                        Optional.of("https://github.com/fedora-infra/packagedb"),
                        Optional.of("https://fedoraproject.org/wiki/PackageDB"), Optional.of("fedora-infra")),
                        FEDORA, 85),
                at(new Service("fas", "Fedora Account System", "infrastructure", Tier.ESSENTIAL, true, List.of(),
                        Optional.of("https://github.com/fedora-infra/fas"),
                        Optional.of("https://fedoraproject.org/wiki/Infrastructure/AccountSystem"),
                        Optional.of("fedora-infra")), FEDORA, 104),
                at(new Service("bodhi", "Bodhi updates system", "infrastructure", Tier.BORDERLINE, false, List.of(),
                        Optional.empty(), Optional.empty(), Optional.of("fedora-infra")), FEDORA, 127));
    }

    @Test
    void a_component_that_consumes_an_api_becomes_a_consumer_of_the_providing_service() throws Exception {
        assertThat(read(FEDORA).consumers()).containsExactly(
                at(new Consumer("bodhi", ConsumerKind.SERVICE, Optional.of("bodhi"), "infrastructure",
                        Optional.empty(), Optional.of("Backstage component bodhi"),
                        List.of(new Use("pkgdb", List.of()), new Use("fas", List.of())),
                        List.of(new Identify(Identify.Kind.USER_AGENT, "^bodhi/", Optional.empty()),
                                new Identify(Identify.Kind.ADDRESS, "10.5.126.21", Optional.empty()),
                                new Identify(Identify.Kind.ADDRESS, "10.5.128.0/24", Optional.empty()))), FEDORA, 127));
    }

    @Test
    void identify_annotations_that_do_not_read_are_errors_at_their_values() throws Exception {
        String file = "backstage/bad-identify.yaml";
        assertThat(problems(read(file))).containsExactlyInAnyOrder(
                file + ":7:41: error: annotation breakwater.org/identify-user-agent: 'bodhi/(' is not a regular"
                        + " expression: Unclosed group",
                file + ":8:38: error: annotation breakwater.org/identify-address: 'bodhi01.phx2' is not an address or a"
                        + " block such as 10.5.126.0/24");
    }

    @Test
    void apis_and_systems_make_no_entries_of_their_own() throws Exception {
        CatalogDraft draft = read(FEDORA);
        assertThat(draft.services()).extracting(s -> s.value().name()).doesNotContain("pkgdb-api", "fas-api", "fedora-infra");
        assertThat(draft.teams()).extracting(t -> t.value().name()).doesNotContain("fedora-infra");
        assertThat(draft.apis()).isEmpty();
    }

    @Test
    void an_api_provided_in_another_file_is_found_when_the_files_are_read_together() throws Exception {
        CatalogDraft draft = new CatalogDraft();
        BackstageReader.read(List.of(source("backstage/mirrormanager.yaml"), source(FEDORA)), draft);
        assertThat(draft.problems()).isEmpty();
        assertThat(draft.consumers()).filteredOn(c -> c.value().name().equals("mirrormanager"))
                .containsExactly(at(new Consumer("mirrormanager", ConsumerKind.SERVICE, Optional.of("mirrormanager"),
                        "infrastructure", Optional.empty(), Optional.of("Backstage component mirrormanager"),
                        List.of(new Use("pkgdb", List.of()), new Use("fas", List.of()), new Use("bodhi", List.of()))),
                        "backstage/mirrormanager.yaml", 2));
    }

    @Test
    void an_api_no_component_provides_is_a_warning_and_no_use() throws Exception {
        CatalogDraft draft = read("backstage/mirrormanager.yaml");
        assertThat(problems(draft)).containsExactly(
                "backstage/mirrormanager.yaml:11:18: warning: API pkgdb-api is provided by no Component in these files",
                "backstage/mirrormanager.yaml:11:29: warning: API fas-api is provided by no Component in these files");
        assertThat(draft.consumers()).extracting(c -> c.value().uses()).containsExactly(List.of(new Use("bodhi", List.of())));
    }

    @Test
    void defaults_fill_what_the_entities_leave_out_and_an_absent_tier_is_a_warning() throws Exception {
        String file = "backstage/defaults.yaml";
        CatalogDraft draft = read(file);
        assertThat(draft.teams()).containsExactly(
                at(new Team("docs", "docs", true, Optional.empty(), Optional.empty(), List.of()), file, 1));
        assertThat(draft.people()).containsExactly(
                at(new Person("randomuser", "randomuser", "", ZoneId.of("UTC"), List.of("docs")), file, 9));
        assertThat(draft.services()).containsExactly(
                at(new Service("elections", "elections", "docs", Tier.BORDERLINE, true, List.of(), Optional.empty(),
                        Optional.empty(), Optional.empty()), file, 16),
                at(new Service("nuancier", "nuancier", "user:randomuser", Tier.LEAF, false, List.of(),
                        Optional.empty(), Optional.empty(), Optional.empty()), file, 25));
        assertThat(draft.consumers()).isEmpty();
        assertThat(problems(draft)).containsExactlyInAnyOrder(
                file + ":19:3: warning: no tier: annotate breakwater.org/tier; assumed borderline",
                file + ":34:10: warning: owner 'user:randomuser' is a user; Breakwater services are owned by teams"
                        + " (a Group), so the owner is kept as written");
    }

    @Test
    void a_document_that_is_not_a_mapping_is_an_error_and_the_other_documents_are_still_read() throws Exception {
        String file = "backstage/not-a-mapping.yaml";
        CatalogDraft draft = read(file);
        assertThat(problems(draft)).containsExactly(
                file + ":2:1: error: a Backstage entity must be a mapping, not an array",
                file + ":6:1: error: a Backstage entity must be a mapping, not a string");
        assertThat(draft.teams()).extracting(Located::value).extracting(Team::name).containsExactly("qa");
        assertThat(draft.teams()).extracting(Located::line).containsExactly(8);
    }

    @Test
    void an_entity_without_kind_metadata_name_or_owner_is_an_error_at_its_place() throws Exception {
        String file = "backstage/missing-fields.yaml";
        CatalogDraft draft = read(file);
        assertThat(problems(draft)).containsExactlyInAnyOrder(
                file + ":4:3: error: the entity has no 'metadata.name'",
                file + ":8:1: error: the entity has no 'kind'",
                file + ":12:1: error: the entity has no 'metadata'",
                file + ":21:3: error: Component ownerless has no 'spec.owner'",
                file + ":23:13: error: not a Backstage entity: apiVersion must start with backstage.io/");
        assertThat(draft.services()).isEmpty();
        assertThat(draft.people()).isEmpty();
        assertThat(draft.teams()).isEmpty();
    }

    @Test
    void invalid_tier_freeze_timezone_and_infrastructure_annotations_are_errors_at_their_values() throws Exception {
        String file = "backstage/bad-annotations.yaml";
        CatalogDraft draft = read(file);
        assertThat(problems(draft)).containsExactlyInAnyOrder(
                file + ":6:26: error: annotation breakwater.org/tier must be essential, borderline or leaf, not 'critical'",
                file + ":7:38: error: annotation breakwater.org/freeze-sensitive must be \"true\" or \"false\", not 'maybe'",
                file + ":17:30: error: annotation breakwater.org/timezone: 'Mars/Olympus_Mons' is not a time zone"
                        + " (an IANA id such as Europe/Prague); UTC assumed",
                file + ":26:36: error: annotation breakwater.org/infrastructure must be \"true\" or \"false\", not 'yes'",
                // reported once, though every annotation and both profile fields are looked up
                file + ":33:16: error: 'metadata.annotations' must be a mapping, not an array",
                file + ":32:3: warning: no tier: annotate breakwater.org/tier; assumed borderline",
                file + ":42:12: error: 'spec.profile' must be a mapping, not a string");
        // the entries are still made, so that one reading reports every problem and no knock-on ones
        assertThat(draft.services()).extracting(Located::value)
                .extracting(Service::name, Service::tier, Service::freezeSensitive)
                .containsExactly(tuple("koji", Tier.BORDERLINE, true), tuple("badges", Tier.BORDERLINE, true));
        assertThat(draft.people()).extracting(p -> p.value().timezone())
                .containsExactly(ZoneId.of("UTC"), ZoneId.of("UTC"));
        assertThat(draft.teams()).extracting(t -> t.value().infrastructure()).containsExactly(true);
    }

    @Test
    void kinds_without_a_breakwater_counterpart_are_skipped_with_a_warning_naming_the_kind() throws Exception {
        String file = "backstage/unknown-kinds.yaml";
        CatalogDraft draft = read(file);
        assertThat(problems(draft)).containsExactly(
                file + ":2:7: warning: Backstage kind Resource has no counterpart in the Breakwater catalog; skipped",
                file + ":8:7: warning: Backstage kind Location has no counterpart in the Breakwater catalog; skipped",
                file + ":15:7: warning: Backstage kind Domain has no counterpart in the Breakwater catalog; skipped",
                file + ":21:7: warning: Backstage kind Template has no counterpart in the Breakwater catalog; skipped");
        assertThat(draft.teams()).isEmpty();
        assertThat(draft.services()).isEmpty();
    }

    @Test
    void references_of_the_wrong_kind_or_malformed_are_reported_and_dropped() throws Exception {
        String file = "backstage/bad-refs.yaml";
        CatalogDraft draft = read(file);
        String notAComponent = " is not a component reference (component:name); only components become uses,"
                + " so it is ignored";
        assertThat(problems(draft)).containsExactlyInAnyOrder(
                file + ":18:18: warning: API pkgdb-api is already provided by Component pkgdb;"
                        + " its consumers are counted as using pkgdb",
                file + ":27:29: warning: 'component:pkgdb' in spec.consumesApis is not an API; ignored",
                file + ":27:46: error: 'not a ref!' in spec.consumesApis is not an entity reference (kind:namespace/name)",
                file + ":28:15: warning: dependsOn 'api:fas-api'" + notAComponent,
                file + ":28:28: warning: dependsOn 'fas'" + notAComponent,
                file + ":36:10: error: owner 'component:pkgdb' must be a Group",
                file + ":43:13: error: 'user:' in spec.members is not an entity reference (kind:namespace/name)",
                file + ":43:22: error: each entry of 'spec.members' must be an entity reference, not an object",
                file + ":43:37: warning: 'group:infrastructure' in spec.members is not a user; ignored");
        assertThat(draft.services()).extracting(s -> s.value().name()).containsExactly("pkgdb", "packages", "koschei");
        // pkgdb consumes only its own API: no consumer; koschei's API use and dependsOn of pkgdb make one use
        assertThat(draft.consumers()).extracting(Located::value)
                .extracting(Consumer::name, Consumer::uses)
                .containsExactly(tuple("koschei", List.of(new Use("pkgdb", List.of()))));
        assertThat(draft.teams()).extracting(t -> t.value().members()).containsExactly(List.of("kevin"));
    }

    @Test
    void mistyped_fields_anywhere_are_reported_at_a_place_and_never_thrown() throws Exception {
        String head = "apiVersion: backstage.io/v1alpha1\n";
        List<String> documents = List.of(
                head + "kind: Component\nmetadata: {name: c, title: [t], annotations: {breakwater.org/tier: [a],"
                        + " breakwater.org/announce: {a: b}}, links: [1, {title: t}, {url: [x]}]}\n"
                        + "spec: {owner: [a], consumesApis: x, dependsOn: [null], providesApis: {a: b}, system: 'bad ref!'}\n",
                head + "kind: User\nmetadata: {name: u, annotations: {breakwater.org/timezone: ''}}\n"
                        + "spec: {memberOf: null, profile: {displayName: [x], email: 3}}\n",
                head + "kind: Group\nmetadata: {name: ' '}\n",
                head + "kind: ''\nmetadata: {name: g}\n",
                head + "kind: [Group]\nmetadata: []\nspec: 3\n",
                head + "kind: Component\nmetadata: {name: c}\nspec: {owner: 'user:'}\n",
                head + "kind: Component\nmetadata: {name: c}\nspec: null\n",
                head + "kind: Group\nmetadata: {name: g, annotations: [x]}\nspec: {members: {a: b}}\n",
                "apiVersion: [backstage.io/v1alpha1]\n",
                "42\n",
                "~\n");
        for (String yaml : documents) {
            CatalogDraft draft = new CatalogDraft();
            BackstageReader.read(List.of(parse(yaml)), "odd.yaml", draft);
            assertThat(draft.problems()).as(yaml).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.line()).as(p.toString()).isPositive())
                    .anySatisfy(p -> assertThat(p.isError()).as(p.toString()).isTrue());
        }
    }

    @Test
    void entity_references_keep_the_name_whatever_the_form() {
        assertThat(EntityRef.parse("component:default/fas")).contains(new EntityRef(Optional.of("component"), "default", "fas"));
        assertThat(EntityRef.parse("Group:infrastructure")).contains(new EntityRef(Optional.of("group"), "default", "infrastructure"));
        assertThat(EntityRef.parse("fedora/pkgdb-api")).contains(new EntityRef(Optional.empty(), "fedora", "pkgdb-api"));
        assertThat(EntityRef.parse(" ralph ")).contains(new EntityRef(Optional.empty(), "default", "ralph"));
        assertThat(EntityRef.parse("")).isEmpty();
        assertThat(EntityRef.parse("user:")).isEmpty();
        assertThat(EntityRef.parse("/ralph")).isEmpty();
        assertThat(EntityRef.parse("a/b/c")).isEmpty();
        assertThat(EntityRef.parse("not a ref")).isEmpty();
    }
}
