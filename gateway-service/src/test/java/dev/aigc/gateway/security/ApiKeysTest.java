package dev.aigc.gateway.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    @Test
    void shouldMatchConfiguredKeysToTheirRolesAndNothingElse() {
        ApiKeys keys = ApiKeys.parse(List.of("alpha-0123456789abcdef:admin", " beta-0123456789abcdef : User "));
        assertThat(keys.find("alpha-0123456789abcdef")).hasValueSatisfying(m -> assertThat(m.role()).isEqualTo(Role.ADMIN));
        assertThat(keys.find("beta-0123456789abcdef")).hasValueSatisfying(m -> assertThat(m.role()).isEqualTo(Role.USER));
        assertThat(keys.find("alpha-0123456789abcde")).isEmpty();
        assertThat(keys.find("alpha-0123456789abcdefX")).isEmpty();
        assertThat(keys.find("")).isEmpty();
    }

    @Test
    void shouldNameClientsByADigestPrefixThatRevealsNothingOfTheKey() {
        ApiKeys keys = ApiKeys.parse(List.of("alpha-0123456789abcdef:user", "gamma-0123456789abcdef:user"));
        String alpha = keys.find("alpha-0123456789abcdef").orElseThrow().clientId();
        String gamma = keys.find("gamma-0123456789abcdef").orElseThrow().clientId();
        assertThat(alpha).matches("key-[0-9a-f]{12}").isNotEqualTo(gamma).doesNotContain("alpha");
    }

    @Test
    void shouldRefuseWeakOrMalformedEntriesWithoutQuotingTheKey() {
        assertThatThrownBy(() -> ApiKeys.parse(List.of("short:user")))
                .hasMessage("API key entry #1 must be at least 16 characters without spaces")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("alpha-0123456789abcdef:root")))
                .hasMessageContaining("unknown role 'root'").hasMessageNotContaining("alpha");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("alpha-0123456789abcdef")))
                .hasMessage("API key entry #1 is not key:role");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("alpha-0123456789abcdef:user", "alpha-0123456789abcdef:admin")))
                .hasMessage("API key entry #2 repeats an earlier key");
    }

    @Test
    void shouldReadKeysFromAMountedSecretFileAsWellAsFromTheList(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("api-keys");
        Files.writeString(file, "# issued 2026-11\nfile-key-0123456789abcdef:admin\n\n");
        ApiKeys keys = ApiKeys.from(new SecurityProperties(false, List.of("list-key-0123456789abcdef:user"),
                file.toString()));
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.find("file-key-0123456789abcdef").orElseThrow().role()).isEqualTo(Role.ADMIN);
    }
}
