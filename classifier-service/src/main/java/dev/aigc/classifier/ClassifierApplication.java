package dev.aigc.classifier;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@OpenAPIDefinition(info = @Info(title = "AIGC classifier service", version = "v1",
        description = "Handwritten digit recognition (MNIST CNN ensemble served with DJL/PyTorch): uploads, raw "
                + "images, JSON pixels or Base64 images, batches, the model versions with their model cards, and "
                + "the Open Inference Protocol (KServe v2) for the `mnist` model. Errors are RFC 9457 problem "
                + "details (`application/problem+json`); the KServe v2 paths answer errors as `{\"error\": ...}` "
                + "like the protocol's servers. See docs/classifier.md."))
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClassifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClassifierApplication.class, args);
    }
}
