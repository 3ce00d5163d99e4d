package io.cmeautopilot.common;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Wrong JSON types are errors, not guesses: without this, {@code "signupDate": 20260101} is read
 * as 20 million days after 1970 instead of being refused.
 */
@Singleton
class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setDefaultLeniency(false);
    }
}
