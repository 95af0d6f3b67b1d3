package dev.aigc.gan;

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

    public static void main(String[] args) {
        SpringApplication.run(GanApplication.class, args);
    }
}
