package org.breakwater.apidiff.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.breakwater.apidiff.ApiDiff;
import org.breakwater.apidiff.DiffOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading well-formed descriptions of every supported version into the normalised model. */
class SpecReaderTest {
    private final SpecReader reader = new SpecReader(ReadLimits.defaults());

    static Path fixture(String name) {
        try {
            return Path.of(SpecReaderTest.class.getResource("/specs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 1-based line of the first line of {@code file} containing {@code text}. */
    static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static List<String> names(Operation op) {
        return op.parameters().stream().map(Parameter::name).toList();
    }

    private static Parameter parameter(Operation op, String name) {
        return op.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Nested
    class Swagger2 {
        private final Path file = fixture("swagger2/petstore.yaml");

        @Test
        void a_swagger_2_description_is_read_as_swagger_2() throws Exception {
            ApiSpec spec = reader.read(file);

            assertThat(spec.version()).isEqualTo(SpecVersion.SWAGGER_2_0);
            assertThat(spec.title()).isEqualTo("Pet store");
            assertThat(spec.apiVersion()).isEqualTo("1.0.0");
            assertThat(spec.operations()).containsOnlyKeys("GET /pets", "POST /pets", "POST /pets/{}/photo");
        }

        @Test
        void host_schemes_and_base_path_become_the_server_and_its_base_path() throws Exception {
            ApiSpec spec = reader.read(file);

            assertThat(spec.servers()).singleElement().satisfies(s -> {
                assertThat(s.url()).isEqualTo("https://pets.example.com/v1/");
                assertThat(s.basePath()).isEqualTo("/v1");
                assertThat(s.source().line()).isEqualTo(lineOf(file, "basePath:"));
            });
        }

        @Test
        void a_body_parameter_becomes_a_required_request_body_with_the_operations_consumes_types() throws Exception {
            Operation post = reader.read(file).operations().get("POST /pets");

            RequestBody body = post.requestBody().orElseThrow();
            assertThat(body.required()).isTrue();
            assertThat(body.content()).containsOnlyKeys("application/json", "text/json");
            assertThat(body.content().get("text/json").schema()).hasValueSatisfying(
                    s -> assertThat(s.ref()).contains("#/definitions/Pet"));
            assertThat(names(post)).as("the body is no parameter; the path-level ones apply")
                    .containsExactly("X-Request-Id", "limit");
        }

        @Test
        void form_data_parameters_become_one_object_body_of_the_consumed_form_type() throws Exception {
            Operation upload = reader.read(file).operations().get("POST /pets/{}/photo");

            RequestBody body = upload.requestBody().orElseThrow();
            assertThat(body.required()).isTrue();
            assertThat(body.content()).containsOnlyKeys("multipart/form-data");
            Schema form = body.content().get("multipart/form-data").schema().orElseThrow();
            assertThat(form.types()).containsExactly("object");
            assertThat(form.properties()).containsOnlyKeys("file", "caption");
            assertThat(form.properties().get("file").types()).containsExactly("string");
            assertThat(form.required()).containsExactly("file");
            assertThat(names(upload)).containsExactly("id");
            assertThat(parameter(upload, "id").required()).as("path parameters are always required").isTrue();
        }

        @Test
        void produces_gives_the_response_media_types_globally_and_per_operation() throws Exception {
            ApiSpec spec = reader.read(file);

            assertThat(spec.operations().get("POST /pets").responses().get("201").content())
                    .containsOnlyKeys("application/json", "application/xml");
            assertThat(spec.operations().get("POST /pets/{}/photo").responses().get("200").content())
                    .containsOnlyKeys("text/plain");
        }

        @Test
        void collection_format_becomes_style_and_explode() throws Exception {
            Operation get = reader.read(file).operations().get("GET /pets");

            assertThat(parameter(get, "tags")).extracting(Parameter::style, Parameter::explode).containsExactly("form", true);
            assertThat(parameter(get, "ids")).extracting(Parameter::style, Parameter::explode).containsExactly("pipeDelimited", false);
            assertThat(parameter(get, "words")).extracting(Parameter::style, Parameter::explode).containsExactly("spaceDelimited", false);
            assertThat(parameter(get, "cols")).extracting(Parameter::style, Parameter::explode).containsExactly("tabDelimited", false);
            assertThat(parameter(get, "sort")).extracting(Parameter::style, Parameter::explode).containsExactly("form", false);
        }

        @Test
        void path_level_parameters_are_merged_and_the_operation_overrides_them() throws Exception {
            Operation get = reader.read(file).operations().get("GET /pets");

            assertThat(names(get)).containsExactly("X-Request-Id", "limit", "tags", "ids", "words", "cols", "sort");
            Parameter limit = parameter(get, "limit");
            assertThat(limit.required()).isTrue();
            assertThat(limit.schema().limits().get(Constraint.MAXIMUM).value()).isEqualByComparingTo("50");
            assertThat(limit.source().line()).isEqualTo(lineOf(file, "maximum: 50"));
        }

        @Test
        void x_nullable_makes_a_definition_property_nullable() throws Exception {
            ApiSpec spec = reader.read(file);

            Schema pet = spec.schemas().get("#/definitions/Pet");
            assertThat(pet.properties().get("nickname").nullable()).isTrue();
            assertThat(pet.properties().get("name").nullable()).isFalse();
        }
    }

    @Nested
    class OpenApi30 {
        private final Path file = fixture("openapi30/api.json");

        @Test
        void an_openapi_3_0_json_description_is_read_with_servers_and_operations() throws Exception {
            ApiSpec spec = reader.read(file);

            assertThat(spec.version()).isEqualTo(SpecVersion.OPENAPI_3_0);
            assertThat(spec.servers()).singleElement().extracting(Server::basePath).isEqualTo("/shop/v3");
            assertThat(spec.operations()).containsOnlyKeys("GET /orders/{}", "DELETE /orders/{}");
        }

        @Test
        void path_level_parameters_reach_every_operation_and_are_overridden_by_name_and_location() throws Exception {
            ApiSpec spec = reader.read(file);

            Operation get = spec.operations().get("GET /orders/{}");
            assertThat(names(get)).containsExactly("id", "verbose", "fields");
            assertThat(parameter(get, "verbose").schema().types()).containsExactly("integer");
            assertThat(parameter(get, "verbose").required()).isTrue();
            assertThat(parameter(get, "fields")).extracting(Parameter::style, Parameter::explode).containsExactly("form", false);

            Operation delete = spec.operations().get("DELETE /orders/{}");
            assertThat(names(delete)).containsExactly("id", "verbose");
            assertThat(parameter(delete, "verbose").schema().types()).containsExactly("boolean");
            assertThat(parameter(delete, "verbose").explode()).as("form style explodes by default").isTrue();
        }

        @Test
        void nullable_and_boolean_exclusive_minimum_are_normalised() throws Exception {
            Schema order = reader.read(file).schemas().get("#/components/schemas/Order");

            assertThat(order.properties().get("note").types()).containsExactlyInAnyOrder("string", "null");
            Limit min = order.properties().get("total").limits().get(Constraint.MINIMUM);
            assertThat(min.exclusive()).isTrue();
            assertThat(min.value()).isEqualByComparingTo("0");
        }

        @Test
        void positions_in_json_are_line_and_column_of_the_value() throws Exception {
            Schema order = reader.read(file).schemas().get("#/components/schemas/Order");

            Source total = order.properties().get("total").source();
            assertThat(total.file()).isEqualTo(file.toString());
            assertThat(total.pointer()).isEqualTo("/components/schemas/Order/properties/total");
            assertThat(total.line()).isEqualTo(lineOf(file, "\"total\": {"));
            String line = Files.readAllLines(file).get(total.line() - 1);
            assertThat(total.column()).isEqualTo(line.indexOf("{\"type\": \"number\"") + 1);
        }
    }

    @Nested
    class OpenApi31 {
        @Test
        void type_arrays_const_and_numeric_exclusive_bounds_are_read() throws Exception {
            ApiSpec spec = reader.read(fixture("openapi31/api.yaml"));

            assertThat(spec.version()).isEqualTo(SpecVersion.OPENAPI_3_1);
            Schema reading = spec.schemas().get("#/components/schemas/Reading");
            Schema value = reading.properties().get("value");
            assertThat(value.types()).containsExactlyInAnyOrder("number", "null");
            assertThat(value.nullable()).isTrue();
            assertThat(value.limits().get(Constraint.MINIMUM)).isEqualTo(new Limit(new java.math.BigDecimal("0"), true));
            assertThat(value.limits().get(Constraint.MAXIMUM)).isEqualTo(new Limit(new java.math.BigDecimal("1000"), true));
            assertThat(reading.properties().get("unit").enumValues()).contains(List.of("\"celsius\""));
            assertThat(reading.properties().get("kind").enumValues()).contains(List.of("\"temperature\"", "\"humidity\""));
        }

        @Test
        void the_same_description_in_json_and_in_yaml_reads_the_same() throws Exception {
            ApiDiff diff = new ApiDiff(DiffOptions.defaults());

            assertThat(diff.compare(fixture("openapi31/api.yaml"), fixture("openapi31/api.json")).findings()).isEmpty();
            ApiSpec json = reader.read(fixture("openapi31/api.json"));
            assertThat(json.schemas().get("#/components/schemas/Reading").properties().get("value").types())
                    .containsExactlyInAnyOrder("number", "null");
        }
    }

    @Nested
    class YamlAnchors {
        private final Path file = fixture("anchors/api.yaml");

        @Test
        void an_alias_stands_for_the_anchored_list_and_object() throws Exception {
            ApiSpec spec = reader.read(file);

            Operation things = spec.operations().get("GET /things");
            assertThat(names(things)).containsExactly("offset", "limit");
            assertThat(things.responses().get("500").content().get("application/json").schema().orElseThrow()
                    .properties()).containsOnlyKeys("message");
            assertThat(spec.operations().get("GET /widgets").responses()).containsKey("DEFAULT");
        }

        @Test
        void a_merge_key_copies_the_fields_the_mapping_does_not_set_itself() throws Exception {
            Schema things = reader.read(file).operations().get("GET /things").responses().get("200")
                    .content().get("application/json").schema().orElseThrow();

            assertThat(things.types()).containsExactly("object");
            assertThat(things.required()).containsExactly("id");
            assertThat(things.properties()).containsOnlyKeys("id", "name");
        }

        @Test
        void a_merge_key_with_a_list_takes_the_first_mapping_that_sets_a_field() throws Exception {
            Schema widgets = reader.read(file).operations().get("GET /widgets").responses().get("200")
                    .content().get("application/json").schema().orElseThrow();

            assertThat(widgets.required()).containsExactly("id");
            assertThat(widgets.title()).contains("Widget");
            assertThat(widgets.properties()).containsOnlyKeys("id");
        }

        @Test
        void an_anchored_key_can_be_used_again_through_its_alias() throws Exception {
            Node root = new TreeReader(ReadLimits.defaults()).parse("a:\n  &k name: 1\n  other: *k\n", "keys.yaml");

            ObjectNode a = (ObjectNode) ((ObjectNode) root).fields().get("a");
            assertThat(a.text("other")).contains("name");
        }
    }

    @Nested
    class MultiFile {
        private final Path file = fixture("multi/openapi.yaml");

        @Test
        void schemas_in_other_files_are_read_and_keyed_by_their_file_and_pointer() throws Exception {
            ApiSpec spec = reader.read(file);

            assertThat(spec.schemas()).containsKeys("schemas/pet.yaml#/Pet", "schemas/owner.yaml#/Owner",
                    "schemas/owner.yaml#/Error");
            Schema response = spec.operations().get("GET /pets/{}").responses().get("200")
                    .content().get("application/json").schema().orElseThrow();
            assertThat(response.ref()).contains("schemas/pet.yaml#/Pet");
            assertThat(spec.resolve(response).required()).containsExactlyInAnyOrder("id", "name");
            Source pet = spec.schemas().get("schemas/pet.yaml#/Pet").source();
            assertThat(pet.file()).endsWith("schemas" + java.io.File.separator + "pet.yaml");
            assertThat(pet.line()).isEqualTo(2);
        }

        @Test
        void a_circular_reference_across_two_files_is_kept_as_references() throws Exception {
            ApiSpec spec = reader.read(file);

            Schema pet = spec.schemas().get("schemas/pet.yaml#/Pet");
            assertThat(pet.properties().get("owner").ref()).contains("schemas/owner.yaml#/Owner");
            Schema owner = spec.resolve(pet.properties().get("owner"));
            assertThat(owner.properties().get("pets").items().orElseThrow().ref()).contains("schemas/pet.yaml#/Pet");
            assertThat(new ApiDiff(DiffOptions.defaults()).compare(file, file).findings()).isEmpty();
        }

        @Test
        void a_reference_chain_through_two_files_reaches_the_parameter_at_its_end() throws Exception {
            Operation get = reader.read(file).operations().get("GET /pets/{}");

            assertThat(names(get)).containsExactly("petId", "limit");
            Parameter limit = parameter(get, "limit");
            assertThat(limit.schema().limits().get(Constraint.MAXIMUM).value()).isEqualByComparingTo("200");
            assertThat(limit.source().file()).endsWith("limits.yaml");
            assertThat(limit.source().line()).isEqualTo(2);
        }

        @Test
        void a_referenced_response_and_a_dot_slash_reference_name_the_same_schema_as_a_plain_one() throws Exception {
            ApiSpec spec = reader.read(file);

            Response notFound = spec.operations().get("GET /pets/{}").responses().get("404");
            assertThat(notFound.content().get("application/json").schema().orElseThrow().ref())
                    .contains("schemas/owner.yaml#/Error");
        }

        @Test
        void an_old_and_a_new_version_in_different_folders_match_their_schemas_by_relative_file(@TempDir Path tmp)
                throws Exception {
            Path copy = tmp.resolve("v2");
            copyTree(file.getParent(), copy);

            assertThat(new ApiDiff(DiffOptions.defaults()).compare(file, copy.resolve("openapi.yaml")).findings()).isEmpty();
        }
    }

    @Test
    void a_description_given_as_text_may_refer_inside_itself() throws Exception {
        String text = "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {\"/a\": {\"get\": {"
                + "\"responses\": {\"200\": {\"$ref\": \"#/components/responses/Ok\"}}}}},"
                + "\"components\": {\"responses\": {\"Ok\": {\"description\": \"ok\"}}}}";

        ApiSpec spec = reader.parse(text, "pasted");

        assertThat(spec.operations().get("GET /a").responses()).containsOnlyKeys("200");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
