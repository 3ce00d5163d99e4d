package io.cmeautopilot.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns Jackson's errors into problems that name the JSON field and the expected JSON type. */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** For services that read JSON themselves (e.g. a merge patch result). */
    public static ProblemException toException(JsonProcessingException e) {
        Problem p = describe(e, null);
        return new ProblemException(p.status(), p.type().substring(p.type().lastIndexOf('/') + 1), p.title(),
                p.detail(), p.errors());
    }

    static Problem describe(JsonProcessingException e, String instance) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return new Problem(ProblemTypes.of("malformed-json"), "Malformed JSON", 400,
                    "The request body is not valid JSON" + location(e), instance, null, null);
        }
        String field = fieldPath(mapping);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException format) {
            message = "expected " + jsonType(format.getTargetType()) + ", got '" + format.getValue() + "'";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + jsonType(mismatch.getTargetType());
        } else {
            message = "has a value that cannot be read";
        }
        String shown = field.isEmpty() ? "body" : field;
        return new Problem(ProblemTypes.of("wrong-type"), "Wrong type in JSON", 400, shown + ": " + message,
                instance, List.of(new Problem.FieldError(shown, message)), null);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String jsonType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                values.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return values.toString();
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class
                || type == double.class || type == BigDecimal.class || type == BigInteger.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or timestamp string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }
}
