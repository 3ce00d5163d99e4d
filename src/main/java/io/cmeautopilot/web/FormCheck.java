package io.cmeautopilot.web;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Checks a form's request record with the same constraints the API's JSON body has, so bad input
 * from a form gets the API's 422 problem (shown as HTML by {@link PageProblems}) and changes nothing.
 */
@ApplicationScoped
public class FormCheck {

    @Inject
    Validator validator;

    public <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
