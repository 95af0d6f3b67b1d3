package dev.aigc.career;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@OpenAPIDefinition(info = @Info(title = "AIGC career service", version = "v1",
        description = "A versioned career-tolerance questionnaire with its published scoring key, transparent "
                + "assessments, a sourced role catalogue and explainable role recommendations, in Chinese or "
                + "English; nothing is stored. Errors are RFC 9457 problem details (`application/problem+json`). "
                + "See docs/career.md."))
@SpringBootApplication
@ConfigurationPropertiesScan
public class CareerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareerApplication.class, args);
    }
}
