package dev.aigc.serving.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Jackson's and Spring's wording rewritten in the client's terms; ordinary text left as it is. */
class ClientTermsTest {

    enum Format { PNG, PIXELS }

    record Body(int count) {
    }

    @Test
    void shouldNameJsonKindsForJavaTypes() {
        assertThat(ClientTerms.expected(Integer.class)).isEqualTo("an integer");
        assertThat(ClientTerms.expected(long.class)).isEqualTo("an integer");
        assertThat(ClientTerms.expected(BigDecimal.class)).isEqualTo("a number");
        assertThat(ClientTerms.expected(boolean.class)).isEqualTo("true or false");
        assertThat(ClientTerms.expected(String.class)).isEqualTo("a string");
        assertThat(ClientTerms.expected(List.class)).isEqualTo("an array");
        assertThat(ClientTerms.expected(int[].class)).isEqualTo("an array");
        assertThat(ClientTerms.expected(Map.class)).isEqualTo("an object");
        assertThat(ClientTerms.expected(Body.class)).isEqualTo("an object");
        assertThat(ClientTerms.expected(Format.class)).isEqualTo("one of [PNG, PIXELS]");
    }

    @Test
    void shouldScrubJavaNamesAndJacksonHints() {
        assertThat(ClientTerms.scrub("Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.String,"
                + "java.lang.Integer>` from Array value (token `JsonToken.START_ARRAY`)"))
                .isEqualTo("Cannot deserialize value of type object from Array value");
        assertThat(ClientTerms.scrub("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` "
                + "to allow")).isEqualTo("Non-standard token 'NaN'");
        assertThat(ClientTerms.scrub("Number value length (2000) exceeds the maximum allowed (1000, from "
                + "`StreamReadConstraints.getMaxNumberLength()`)"))
                .isEqualTo("Number value length (2000) exceeds the maximum allowed (1000)");
        assertThat(ClientTerms.scrub("Cannot construct instance of `dev.aigc.career.assessment.AssessmentRequest`"))
                .isEqualTo("Cannot construct instance of object");
        assertThat(ClientTerms.scrub("must be of type java.lang.Integer")).isEqualTo("must be of type integer");
    }

    @Test
    void shouldLeaveOrdinaryTextAlone() {
        for (String text : new String[] {"The image 'com.png' has 5000 bytes", "unknown model 'io.v2'",
                "No endpoint GET /api/v1/x", "'count' must be an integer, got 4.5", "在 dev.环境 里"}) {
            assertThat(ClientTerms.scrub(text)).isEqualTo(text);
        }
        assertThat(ClientTerms.scrub(null)).isNull();
    }
}
