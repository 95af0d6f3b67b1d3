package dev.aigc.serving.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void shouldEchoAWellFormedIncomingId() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.addHeader(RequestIds.HEADER, "abc-123_DEF.4");
        AtomicReference<String> seenInMdc = new AtomicReference<>();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, chainRecording(seenInMdc));

        assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("abc-123_DEF.4");
        assertThat(seenInMdc.get()).isEqualTo("abc-123_DEF.4");
        assertThat(request.getAttribute(RequestIds.ATTRIBUTE)).isEqualTo("abc-123_DEF.4");
        assertThat(MDC.get(RequestIds.MDC_KEY)).as("MDC cleared after the request").isNull();
    }

    @Test
    void shouldGenerateAnIdWhenNoneIsSent() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seenInMdc = new AtomicReference<>();

        filter.doFilter(new MockHttpServletRequest("GET", "/x"), response, chainRecording(seenInMdc));

        assertThat(response.getHeader(RequestIds.HEADER)).matches("[0-9a-f]{32}").isEqualTo(seenInMdc.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "line\nbreak", "semi;colon", "ünïcode",
            "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void shouldReplaceMalformedOrOverlongIds(String incoming) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.addHeader(RequestIds.HEADER, incoming);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader(RequestIds.HEADER)).isNotEqualTo(incoming).matches("[0-9a-f]{32}");
    }

    @Test
    void shouldAcceptIdsOfExactlySixtyFourCharacters() {
        assertThat(RequestIds.isValid("a".repeat(64))).isTrue();
        assertThat(RequestIds.isValid("a".repeat(65))).isFalse();
        assertThat(RequestIds.isValid(null)).isFalse();
    }

    private static MockFilterChain chainRecording(AtomicReference<String> seen) {
        return new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                    jakarta.servlet.http.HttpServletResponse res) {
                seen.set(MDC.get(RequestIds.MDC_KEY));
            }
        });
    }
}
