package dev.aigc.gan.jobs;

import dev.aigc.serving.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Training as a service: start one job at a time, watch it, cancel it. */
@RestController
@RequestMapping(TrainingJobController.BASE)
@Tag(name = "GAN training jobs",
        description = "One training job at a time on the MNIST training set; a finished job adds a model version")
class TrainingJobController {

    static final String BASE = "/api/v1/gan/training-jobs";

    private final TrainingJobs jobs;

    TrainingJobController(TrainingJobs jobs) {
        this.jobs = jobs;
    }

    @Operation(operationId = "startTrainingJob",
            summary = "Start a training job", description = "202 with the job's address; 409 while another job"
            + " runs on any replica. The job runs on the replica that accepted it; its record lives in the model"
            + " store, so every replica shows it. The finished job adds a model version (with its evaluation) that"
            + " is not activated.")
    @ApiResponse(responseCode = "202", description = "Started; Location names the job")
    @ApiResponse(responseCode = "409", description = "Another job is running (on this or another replica)")
    @PostMapping
    ResponseEntity<TrainingJob.Status> start(@Valid @RequestBody TrainingJobRequest request) {
        TrainingJob.Status status = jobs.submit(request);
        return ResponseEntity.accepted().location(URI.create(BASE + "/" + status.id())).body(status);
    }

    @Operation(operationId = "listTrainingJobs", summary = "List training jobs", description = "Newest first.")
    @GetMapping
    List<TrainingJob.Status> list() {
        return jobs.list();
    }

    @Operation(operationId = "getTrainingJob",
            summary = "A job's status", description = "State, progress, latest losses, per-epoch losses, the"
            + " address of the latest sample grid and, once finished, the new version with its metrics.")
    @GetMapping("/{id}")
    TrainingJob.Status get(@PathVariable String id) {
        return jobs.get(id);
    }

    @Operation(operationId = "trainingJobGrid",
            summary = "The latest sample grid of a job", description = "One row per digit; 404 before the"
            + " first epoch ends.")
    @GetMapping(value = "/{id}/grid.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> grid(@PathVariable String id) {
        return jobs.grid(id).map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(jobs.read(png)))
                .orElseThrow(() -> ApiException.notFound("Job " + id + " has no sample grid yet"));
    }

    @Operation(operationId = "cancelTrainingJob",
            summary = "Cancel a job", description = "Stops it after the current batch (a job on another replica"
            + " within a few seconds); no version is added.")
    @ApiResponse(responseCode = "202", description = "Cancelling: the job stops after its current batch")
    @ApiResponse(responseCode = "409", description = "The job has already ended")
    @DeleteMapping("/{id}")
    ResponseEntity<TrainingJob.Status> cancel(@PathVariable String id) {
        return ResponseEntity.accepted().body(jobs.cancel(id));
    }
}
