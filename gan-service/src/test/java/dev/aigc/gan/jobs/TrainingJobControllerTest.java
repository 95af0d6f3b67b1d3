package dev.aigc.gan.jobs;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.aigc.serving.web.ApiException;
import dev.aigc.serving.web.ServingWebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(TrainingJobController.class)
@ImportAutoConfiguration(ServingWebAutoConfiguration.class)
class TrainingJobControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TrainingJobs jobs;

    @Test
    void shouldAcceptAJobWithItsAddress() throws Exception {
        TrainingJob job = new TrainingJob("abc12345", new TrainingJobRequest(2, 64, 1e-4, null, null), "replica-a",
                status -> { });
        when(jobs.submit(any())).thenReturn(job.status());

        mvc.perform(post("/api/v1/gan/training-jobs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"epochs\":2,\"batchSize\":64,\"learningRate\":0.0001}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/gan/training-jobs/abc12345"))
                .andExpect(jsonPath("$.state").value("QUEUED"))
                .andExpect(jsonPath("$.progressPercent").value(0.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"epochs\":1000000}",
        "{\"epochs\":0}",
        "{\"batchSize\":0}",
        "{\"batchSize\":100000}",
        "{\"learningRate\":0}",
        "{\"learningRate\":5}",
        "{\"startFrom\":\"../../etc\"}",
        "{\"maxBatchesPerEpoch\":0}",
        "{\"epochs\":\"ten\"}"
    })
    void shouldRejectAbsurdSettingsWithProblemDetail(String body) throws Exception {
        mvc.perform(post("/api/v1/gan/training-jobs").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        verifyNoInteractions(jobs);
    }

    @Test
    void shouldAnswerConflictWhileAnotherJobRuns() throws Exception {
        when(jobs.submit(any())).thenThrow(ApiException.conflict("Training job x is still running"));

        mvc.perform(post("/api/v1/gan/training-jobs").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Training job x is still running"));
    }

    @Test
    void shouldAnswerNotFoundForUnknownJobs() throws Exception {
        when(jobs.get("nope")).thenThrow(ApiException.notFound("No training job 'nope'"));
        when(jobs.cancel("nope")).thenThrow(ApiException.notFound("No training job 'nope'"));

        mvc.perform(get("/api/v1/gan/training-jobs/nope")).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/gan/training-jobs/nope")).andExpect(status().isNotFound());
    }

    @Test
    void shouldCancelARunningJobAndRefuseToCancelAnEndedOne() throws Exception {
        TrainingJob job = new TrainingJob("j1", new TrainingJobRequest(null, null, null, null, null), "replica-a",
                status -> { });
        job.cancel();
        when(jobs.cancel("j1")).thenReturn(job.status())
                .thenThrow(ApiException.conflict("Job j1 has already ended (CANCELLED)"));

        mvc.perform(delete("/api/v1/gan/training-jobs/j1"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelRequested").value(true))
                .andExpect(jsonPath("$.runner").value("replica-a"));
        mvc.perform(delete("/api/v1/gan/training-jobs/j1"))
                .andExpect(status().isConflict());
    }

    @Test
    void shouldAnswerNotFoundForAGridBeforeTheFirstEpoch() throws Exception {
        when(jobs.grid("j2")).thenReturn(java.util.Optional.empty());

        mvc.perform(get("/api/v1/gan/training-jobs/j2/grid.png")
                        .accept(MediaType.IMAGE_PNG, MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isNotFound());
    }
}
