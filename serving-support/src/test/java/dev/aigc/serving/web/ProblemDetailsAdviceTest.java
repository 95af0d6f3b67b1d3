package dev.aigc.serving.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.CompletionException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import dev.aigc.serving.batch.QueueFullException;
import dev.aigc.serving.image.ImageTooLargeException;

class ProblemDetailsAdviceTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        mvc = MockMvcBuilders.standaloneSetup(new TestController())
                .setControllerAdvice(new ProblemDetailsAdvice())
                .setValidator(validator)
                .addFilters(new RequestIdFilter())
                .build();
    }

    @Test
    void shouldMapApiExceptionToItsStatusTitleAndDetailWithTheRequestId() throws Exception {
        mvc.perform(get("/test/models/{version}", "v9").header(RequestIds.HEADER, "trace-42"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(header().string(RequestIds.HEADER, "trace-42"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("No version 'v9'"))
                .andExpect(jsonPath("$.requestId").value("trace-42"));
    }

    @Test
    void shouldAnswerAFullQueueWith503AndRetryAfter() throws Exception {
        mvc.perform(get("/test/busy"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(jsonPath("$.title").value("Server busy"))
                .andExpect(jsonPath("$.detail", containsString("full")))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
    }

    @Test
    void shouldUnwrapCompletionExceptionsFromFutures() throws Exception {
        mvc.perform(get("/test/wrapped"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "3"));
    }

    @Test
    void shouldHideInternalsOfUnexpectedErrorsBehind500() throws Exception {
        mvc.perform(get("/test/boom").header(RequestIds.HEADER, "req-500"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Internal server error"))
                .andExpect(jsonPath("$.detail", containsString("req-500")))
                .andExpect(jsonPath("$.detail", not(containsString("secret"))))
                .andExpect(jsonPath("$.requestId").value("req-500"));
    }

    @Test
    void shouldNameInvalidBodyFieldsIn400() throws Exception {
        mvc.perform(post("/test/items").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"count\":99}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail", containsString("'name'")))
                .andExpect(jsonPath("$.detail", containsString("'count'")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("count")))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
    }

    @Test
    void shouldNameTheFieldOfAWronglyTypedJsonValue() throws Exception {
        mvc.perform(post("/test/items").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"count\":\"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.detail", containsString("'count'")));
    }

    @Test
    void shouldReport400ForMalformedOrMissingBodies() throws Exception {
        mvc.perform(post("/test/items").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Unreadable request body"))
                .andExpect(jsonPath("$.detail", containsString("Malformed JSON")));
        mvc.perform(post("/test/items").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Required request body is missing"));
    }

    @Test
    void shouldNameParametersOfTheWrongTypeOrOutOfRange() throws Exception {
        mvc.perform(get("/test/steps").param("steps", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("steps"))
                .andExpect(jsonPath("$.detail", containsString("'steps' must be an integer, got 'abc'")));
        mvc.perform(get("/test/steps").param("steps", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("steps"))
                .andExpect(jsonPath("$.detail", containsString("'steps'")));
        mvc.perform(get("/test/steps"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("steps"));
    }

    @Test
    void shouldKeepSpringsStatusesFor404And405And415() throws Exception {
        mvc.perform(get("/test/nowhere"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("/test/nowhere")))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
        mvc.perform(delete("/test/busy"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("GET")))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
        mvc.perform(post("/test/items").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.requestId").isNotEmpty());
    }

    @Test
    void shouldAnswer413ForOversizedUploadsAndImages() throws Exception {
        mvc.perform(get("/test/upload"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail", containsString("1024 bytes")));
        mvc.perform(get("/test/image"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.title").value("Image too large"));
    }

    /** Bodies for the validation tests. */
    record Item(@NotBlank String name, @Min(1) @Max(10) int count) {
    }

    @RestController
    static class TestController {

        @GetMapping("/test/models/{version}")
        String model(@PathVariable String version) {
            throw ApiException.notFound("No version '" + version + "'");
        }

        @GetMapping("/test/busy")
        String busy() {
            throw new QueueFullException("test", 8, 7);
        }

        @GetMapping("/test/wrapped")
        String wrapped() {
            throw new CompletionException(new QueueFullException("test", 8, 3));
        }

        @GetMapping("/test/boom")
        String boom() {
            throw new IllegalStateException("secret internal state");
        }

        @PostMapping("/test/items")
        Item items(@Valid @RequestBody Item item) {
            return item;
        }

        @GetMapping("/test/steps")
        int steps(@RequestParam @Min(1) @Max(100) int steps) {
            return steps;
        }

        @GetMapping("/test/upload")
        String upload() {
            throw new MaxUploadSizeExceededException(1024);
        }

        @GetMapping("/test/image")
        String image() {
            throw new ImageTooLargeException("The image is 50000x50000 pixels");
        }
    }
}
