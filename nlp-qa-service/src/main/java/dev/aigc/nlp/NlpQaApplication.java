package dev.aigc.nlp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NlpQaApplication {

    public static void main(String[] args) {
        SpringApplication.run(NlpQaApplication.class, args);
    }
}
