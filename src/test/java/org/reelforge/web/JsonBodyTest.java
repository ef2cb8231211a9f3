package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.reelforge.wire.RequestDocument;

class JsonBodyTest {
    private static Problem problem(String json) {
        try {
            JsonBody.parse(json.getBytes(StandardCharsets.UTF_8), RequestDocument.class);
        } catch (ApiException e) {
            return e.problem();
        }
        throw new AssertionError("accepted " + json);
    }

    @Test
    void unknownFieldIsNamed() {
        Problem p = problem("{\"theme\":\"x\",\"colour\":\"red\"}");

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.field()).isEqualTo("colour");
        assertThat(p.rule()).isEqualTo("is not a known field");
    }

    @Test
    void stringsAreNotNumbersAndNumbersAreNotStrings() {
        assertThat(problem("{\"target_duration\":\"12\"}").field()).isEqualTo("target_duration");
        assertThat(problem("{\"target_duration\":12.5}").field()).isEqualTo("target_duration");
        assertThat(problem("{\"target_duration\":true}").field()).isEqualTo("target_duration");
        assertThat(problem("{\"theme\":42}").rule()).isEqualTo("must be a string");
        assertThat(problem("{\"theme\":{}}").field()).isEqualTo("theme");
    }

    @Test
    void nestedFieldsAreNamedWithTheirPath() {
        Problem p = problem("{\"script\":{\"title\":\"t\",\"blocks\":[{\"index\":1,\"duration\":\"4\"}]}}");

        assertThat(p.field()).isEqualTo("script.blocks[0].duration");
    }

    @Test
    void malformedJsonAndWrongShapesAreBadRequests() {
        for (String json : new String[] {"{", "{\"theme\":", "[]", "\"text\"", "42", "null", "{'theme':'x'}", "{\"theme\":\"x\"} {}"}) {
            assertThat(problem(json).status()).as(json).isEqualTo(400);
        }
        assertThatThrownBy(() -> JsonBody.parse(new byte[0], RequestDocument.class)).isInstanceOf(ApiException.class);
    }

    @Test
    void wellTypedBodyIsRead() {
        RequestDocument d = JsonBody.parse("{\"theme\":\"Volcans\",\"target_duration\":15,\"budget_usd\":2}"
                .getBytes(StandardCharsets.UTF_8), RequestDocument.class);

        assertThat(d.targetDuration()).isEqualTo(15);
        assertThat(d.budgetUsd()).isEqualByComparingTo("2");
    }
}
