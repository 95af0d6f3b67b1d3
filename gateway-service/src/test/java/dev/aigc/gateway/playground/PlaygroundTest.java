package dev.aigc.gateway.playground;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground page at {@code /}: served without a key even with anonymous access off (its API calls then carry
 * the key the visitor enters), under a strict Content-Security-Policy, with nothing inline for that policy to block
 * and no third-party origin. The page's behaviour is tested in a real browser by {@code e2e/}.
 */
@TestPropertySource(properties = "aigc.gateway.security.anonymous-access=false")
class PlaygroundTest extends GatewayTestSupport {

    private static final String CSP = "Content-Security-Policy";

    @Test
    void shouldServeThePageAtTheRootWithoutAKeyUnderAStrictPolicy() {
        String page = client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals(CSP, PlaygroundHeaders.CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<script type=\"module\" src=\"/playground/app.js\"></script>");
        assertThat(PlaygroundHeaders.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                        "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        assertThat(StubServices.ALL).allSatisfy(stub -> assertThat(stub.requests()).isEmpty());
    }

    @Test
    void shouldServeEveryAssetWithoutAKey() throws IOException {
        List<Resource> assets = assets();
        assertThat(assets).extracting(Resource::getFilename)
                .contains("app.js", "api.js", "dom.js", "i18n.js", "playground.css");
        for (Resource asset : assets) {
            String name = asset.getFilename();
            MediaType type = name.endsWith(".js") ? MediaType.parseMediaType("text/javascript")
                    : name.endsWith(".css") ? MediaType.parseMediaType("text/css")
                    : MediaType.parseMediaType("image/svg+xml");
            client.get().uri("/playground/" + name).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(type)
                    .expectHeader().valueEquals(CSP, PlaygroundHeaders.CONTENT_SECURITY_POLICY);
        }
        // the page opens to anyone; the APIs behind it still need the key
        client.get().uri("/api/v1/status").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void shouldHoldNothingInlineThatThePolicyWouldBlock() throws IOException {
        String page = read(new PathMatchingResourcePatternResolver().getResource("classpath:/static/index.html"));
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(page).find())
                .as("inline <script>").isFalse();
        assertThat(page).as("inline styles").doesNotContainPattern("(?i)<style|\\sstyle=");
        assertThat(page).as("inline event handlers").doesNotContainPattern("(?i)\\son[a-z]+=");
        assertThat(page).as("javascript: URLs").doesNotContainIgnoringCase("javascript:");
    }

    @Test
    void shouldNeitherParseDataAsHtmlNorReachAnotherOrigin() throws IOException {
        String page = read(new PathMatchingResourcePatternResolver().getResource("classpath:/static/index.html"));
        assertThat(origins(page)).as("origins in index.html").isEmpty();
        for (Resource asset : assets()) {
            String text = read(asset);
            assertThat(origins(text)).as("origins in %s", asset.getFilename()).isEmpty();
            if (asset.getFilename().endsWith(".js")) {
                assertThat(text).as("%s builds the DOM from text only", asset.getFilename())
                        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                                "new Function", "setAttribute('style'", "localStorage.setItem('aigc.apiKey'");
            }
        }
    }

    /** Absolute URLs other than XML namespace names (which browsers never fetch). */
    private static List<String> origins(String text) {
        Matcher m = Pattern.compile("(?i)(?:https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s'\"<>)]*").matcher(text);
        return m.results().map(r -> r.group())
                .filter(url -> !url.startsWith("http://www.w3.org/2000/svg"))
                .toList();
    }

    private static List<Resource> assets() throws IOException {
        return Arrays.asList(new PathMatchingResourcePatternResolver().getResources("classpath:/static/playground/*"));
    }

    private static String read(Resource resource) throws IOException {
        return resource.getContentAsString(StandardCharsets.UTF_8);
    }
}
