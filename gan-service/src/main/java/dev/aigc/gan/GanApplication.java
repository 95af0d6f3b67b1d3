package dev.aigc.gan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GanApplication {

    public static void main(String[] args) {
        SpringApplication.run(GanApplication.class, args);
    }
}
