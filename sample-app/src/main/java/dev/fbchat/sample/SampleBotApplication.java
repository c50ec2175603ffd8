package dev.fbchat.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the sample bot. */
@SpringBootApplication
public class SampleBotApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleBotApplication.class, args);
    }
}
