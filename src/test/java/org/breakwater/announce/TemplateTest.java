package org.breakwater.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateTest {
    static String render(String template, Map<String, ?> data) throws TemplateException {
        return Template.parse(template, "t.txt").render(data);
    }

    @Test
    void values_dotted_names_and_the_current_item() throws TemplateException {
        assertThat(render("{{a}} {{b.c}} [{{missing}}] {{b.missing.deeper}}", Map.of("a", "x", "b", Map.of("c", 3))))
                .isEqualTo("x 3 [] ");
        assertThat(render("{{#items}}<{{.}}>{{/items}}", Map.of("items", List.of("a", "b")))).isEqualTo("<a><b>");
        assertThat(render("{{list}}", Map.of("list", List.of("a", "b")))).isEqualTo("a, b");
    }

    @Test
    void sections_repeat_lists_show_true_values_and_inverted_ones_show_empty_and_false() throws TemplateException {
        String t = "{{#on}}on{{/on}}{{^on}}off{{/on}}";
        assertThat(render(t, Map.of("on", true))).isEqualTo("on");
        assertThat(render(t, Map.of("on", false))).isEqualTo("off");
        assertThat(render(t, Map.of())).isEqualTo("off");
        assertThat(render(t, Map.of("on", List.of()))).isEqualTo("off");
        assertThat(render(t, Map.of("on", ""))).isEqualTo("off");
        assertThat(render("{{#p}}{{name}} of {{team}}{{/p}}", Map.of("team", "infra", "p", Map.of("name", "pingou"))))
                .as("an inner scope, then the outer ones").isEqualTo("pingou of infra");
    }

    @Test
    void a_line_holding_only_a_section_tag_or_comment_leaves_no_blank_line() throws TemplateException {
        String t = "before\n{{#items}}\n- {{.}}\n{{/items}}\n{{! a note for editors }}\nafter\n";
        assertThat(render(t, Map.of("items", List.of("a", "b")))).isEqualTo("before\n- a\n- b\nafter\n");
    }

    @Test
    void values_go_through_the_escaper_and_the_template_text_does_not() throws TemplateException {
        Template t = Template.parse("<b>{{x}}</b>", "t.html");
        assertThat(t.render(Map.of("x", "<script>"), s -> s.replace("<", "&lt;"))).isEqualTo("<b>&lt;script></b>");
    }

    @Test
    void the_names_a_template_uses_are_listed() throws TemplateException {
        assertThat(Template.parse("{{a}}{{#b}}{{c}}{{.}}{{/b}}{{a}}", "t").names()).containsExactly("a", "b", "c");
    }

    @Test
    void mistakes_are_refused_with_their_place_and_code_cannot_be_written() {
        assertThatThrownBy(() -> Template.parse("line\n  {{#items}}x", "t.txt"))
                .hasMessage("t.txt:2:3: the section {{#items}} is never closed");
        assertThatThrownBy(() -> Template.parse("{{#a}}{{/b}}", "t.txt"))
                .hasMessage("t.txt:1:7: {{/b}} closes the section {{#a}} opened at 1:1");
        assertThatThrownBy(() -> Template.parse("{{/a}}", "t.txt")).hasMessage("t.txt:1:1: {{/a}} closes no section");
        assertThatThrownBy(() -> Template.parse("ok {{x", "t.txt")).hasMessage("t.txt:1:4: '{{' is never closed by '}}'");
        assertThatThrownBy(() -> Template.parse("{{> partial}}", "t.txt")).hasMessageContaining("no partials, no code");
        assertThatThrownBy(() -> Template.parse("{{ Runtime.getRuntime().exec('x') }}", "t.txt"))
                .hasMessageContaining("is not a name");
        assertThatThrownBy(() -> Template.parse("{{{raw}}}", "t.txt")).hasMessageContaining("is not a name");
        assertThatThrownBy(() -> Template.parse("{{}}", "t.txt")).hasMessage("t.txt:1:1: a tag needs a name");
        assertThatThrownBy(() -> Template.parse("x\n{{#a}}", "t.txt", 3)).isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("t.txt:4:1:");
    }

    @Test
    void a_template_file_needs_its_subject_line_and_team_overrides_replace_the_defaults(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertThatThrownBy(() -> Templates.split("Hello\n\nbody", "x.txt")).hasMessage("x.txt:1:1: a template starts"
                + " with a 'Subject:' line");
        assertThatThrownBy(() -> Templates.split("Subject: s\nbody", "x.txt")).hasMessageStartingWith("x.txt:2:1:");
        assertThatThrownBy(() -> Templates.split("Subject: s\n\nline 3\n{{#open}}", "x.txt"))
                .hasMessage("x.txt:4:1: the section {{#open}} is never closed");
        java.nio.file.Files.writeString(dir.resolve("done.txt"), "Subject: Done: {{serviceNames}}\n\nAll good.\n");
        Templates t = Templates.load(Optional.of(dir));
        assertThat(t.of(Kind.DONE).subject().render(Map.of("serviceNames", "pkgdb"))).isEqualTo("Done: pkgdb");
        assertThat(t.of(Kind.OUTAGE_NOTICE).body().names()).as("the others stay Breakwater's").contains("duration");
    }
}
