package dev.aigc.gan;

import dev.aigc.gan.jobs.TrainingJobCommand;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@OpenAPIDefinition(info = @Info(title = "AIGC GAN service", version = "v1",
        description = "Draws handwritten digits with a conditional DCGAN: seeded batches as PNG or pixels, a PNG grid, "
                + "latent-space interpolations, generator versions with their model cards and evaluation, and "
                + "training jobs that add versions. Errors are RFC 9457 problem details "
                + "(`application/problem+json`). See docs/gan.md."))
@SpringBootApplication
@ConfigurationPropertiesScan
public class GanApplication {

    /**
     * Starts the service, or with {@code train-job} as the first argument runs one training job against the model
     * store and exits ({@link TrainingJobCommand}: the Kubernetes training Job runs the service image this way).
     */
    public static void main(String[] args) {
        if (args.length > 0 && TrainingJobCommand.NAME.equals(args[0])) {
            TrainingJobCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(GanApplication.class, args);
    }
}
