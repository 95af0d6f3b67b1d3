package dev.aigc.gateway.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ModelVersionsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private ModelVersions read(String body) {
        return ModelVersions.from(json.readTree(body));
    }

    @Test
    void shouldReadAnObjectNamingTheActiveVersion() {
        assertThat(read("{\"activeVersion\":\"v3\",\"versions\":[\"v1\",\"v2\",\"v3\"]}"))
                .isEqualTo(new ModelVersions("v3", List.of("v1", "v2", "v3")));
        assertThat(read("{\"active\":{\"version\":\"lm-2\",\"createdAt\":\"x\"},\"models\":[{\"version\":\"lm-2\"}]}"))
                .isEqualTo(new ModelVersions("lm-2", List.of("lm-2")));
    }

    @Test
    void shouldReadAListOfModelCardsWithAnActiveFlag() {
        assertThat(read("[{\"name\":\"cgan\",\"version\":\"g1\"},{\"version\":\"g2\",\"active\":true}]"))
                .isEqualTo(new ModelVersions("g2", List.of("g1", "g2")));
    }

    @Test
    void shouldSayUnknownWhenNothingNamesTheActiveVersion() {
        assertThat(read("{\"something\":\"else\"}")).isEqualTo(new ModelVersions("unknown", List.of()));
        assertThat(read("[{\"version\":\"a\"}]").active()).isEqualTo("unknown");
    }
}
