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
    void shouldReadTheSharedModelsApisAnswer() {
        assertThat(read("""
                {"active":"v3","versions":[{"version":"v1","active":false,"card":{"name":"m","version":"v1"}},
                 {"version":"v2","active":false,"card":{}},{"version":"v3","active":true,"card":{}}]}"""))
                .isEqualTo(new ModelVersions("v3", List.of("v1", "v2", "v3")));
    }

    @Test
    void shouldSayUnknownWhenNoVersionIsActiveOrTheAnswerHasAnotherShape() {
        assertThat(read("{\"active\":null,\"versions\":[]}")).isEqualTo(new ModelVersions("unknown", List.of()));
        assertThat(read("{\"active\":null,\"versions\":[{\"version\":\"a\",\"active\":false}]}"))
                .isEqualTo(new ModelVersions("unknown", List.of("a")));
        assertThat(read("{\"something\":\"else\"}")).isEqualTo(new ModelVersions("unknown", List.of()));
        assertThat(read("[{\"version\":\"a\",\"active\":true}]")).as("the shape before the one models API")
                .isEqualTo(new ModelVersions("unknown", List.of()));
        assertThat(read("{\"activeVersion\":\"v3\",\"versions\":\"v3\"}").active()).isEqualTo("unknown");
    }
}
