package dev.aigc.serving.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Says what was wrong with a request in the client's terms (JSON types, field names, limits) rather than the
 * server's (Java types, Jackson features, method signatures). {@link #scrub} is the safety net applied to every
 * problem detail: it rewrites whatever internal name slipped through.
 */
public final class ClientTerms {

    /**
     * A backquoted or bare fully qualified Java type name: {@code java.lang.Integer}, {@code dev.aigc.x.Request$Inner},
     * with generic arguments. Package segments are lower case and the type's name starts upper case, so a file name
     * such as {@code com.png} is left alone.
     */
    private static final Pattern QUALIFIED = Pattern.compile(
            "`?\\b(?:java|javax|jakarta|dev|org|com|tools|io|ai|reactor|sun)\\.(?:[a-z_][\\w]*\\.)*"
                    + "([A-Z][\\w$]*)(?:<[^`>]*>+)?(?:\\[])?`?");
    /** Jackson's hints, e.g. {@code (enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow)}. */
    private static final Pattern FEATURE_HINT = Pattern.compile(
            "\\s*[(:;,]?\\s*(?:enable|disable|use)\\s+`?\\w+Feature\\.\\w+`?[^)]*\\)?|,?\\s*from `?\\w+Constraints\\.\\w+\\(\\)`?");
    private static final Pattern BACKQUOTED = Pattern.compile("`([^`]*)`");
    /** "(token `JsonToken.START_ARRAY`)" and similar. */
    private static final Pattern TOKEN = Pattern.compile("\\s*\\(token `?JsonToken\\.\\w+`?\\)");
    private static final Pattern FROM_KIND = Pattern.compile("from (Array|Object|String|Integer|Floating-point|"
            + "Boolean|Null|Embedded Object) value");

    private ClientTerms() {
    }

    /**
     * The message for a body that could not be read: JSON syntax, limits, or a value of the wrong JSON type (then
     * prefixed with the field, e.g. {@code 'count' must be an integer, got 4.5}).
     */
    public static String unreadableBody(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof JacksonException json) {
            String problem = jsonProblem(json);
            if (!json.getPath().isEmpty()) {
                return "'" + Violations.jsonPath(json) + "' " + problem;
            }
            return problem.startsWith("Malformed JSON") ? problem : "the request body " + problem;
        }
        String message = ex.getMessage();
        if (message != null && message.startsWith("Required request body is missing")) {
            return "Required request body is missing";
        }
        return "Request body could not be read";
    }

    /**
     * What is wrong with a value, for a Jackson failure; the field it concerns is named separately (from the
     * exception's path).
     */
    public static String jsonProblem(JacksonException ex) {
        if (ex instanceof StreamConstraintsException) {
            return "the JSON exceeds a size limit: " + scrub(firstLine(ex.getOriginalMessage()));
        }
        if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "must be " + expected(invalid.getTargetType()) + ", got " + quote(invalid.getValue());
        }
        if (ex instanceof ValueInstantiationException) {
            Throwable cause = ex.getCause();
            return cause != null && cause.getMessage() != null ? scrub(firstLine(cause.getMessage()))
                    : "has a value that is not valid here";
        }
        if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Matcher kind = FROM_KIND.matcher(String.valueOf(ex.getOriginalMessage()));
            String got = kind.find() ? " (got " + jsonKind(kind.group(1)) + ")" : "";
            return "must be " + expected(mismatch.getTargetType()) + got;
        }
        if (ex instanceof StreamReadException read) {
            String message = firstLine(read.getOriginalMessage());
            if (message.contains("Non-standard token")) {
                message = "NaN and Infinity are not JSON numbers";
            }
            String where = read.getLocation() != null && read.getLocation().getLineNr() > 0
                    ? " (line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr() + ")"
                    : "";
            return "Malformed JSON: " + scrub(message) + where;
        }
        return scrub(firstLine(ex.getOriginalMessage()));
    }

    /** "an integer", "a number", "one of [png, pixels]"... for a Java type a JSON value was bound to. */
    public static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(ClientTerms::enumName)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (type == Float.class || type == float.class || type == Double.class || type == double.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of another kind";
    }

    /** Rewrites Java names and Jackson hints that would tell a client about the server's insides. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = FEATURE_HINT.matcher(text).replaceAll("");
        out = TOKEN.matcher(out).replaceAll("");
        out = QUALIFIED.matcher(out).replaceAll(match -> Matcher.quoteReplacement(simpleTerm(match.group(1))));
        out = BACKQUOTED.matcher(out).replaceAll("$1");
        return out;
    }

    private static String simpleTerm(String simpleName) {
        return switch (simpleName) {
            case "Integer", "Long", "Short", "Byte", "BigInteger" -> "integer";
            case "Float", "Double", "BigDecimal", "Number" -> "number";
            case "Boolean" -> "boolean";
            case "String", "CharSequence", "Character" -> "string";
            case "List", "ArrayList", "Set", "HashSet", "LinkedHashSet", "Collection" -> "array";
            default -> "object";
        };
    }

    private static String jsonKind(String jacksonKind) {
        return switch (jacksonKind) {
            case "Array" -> "an array";
            case "Object" -> "an object";
            case "String" -> "a string";
            case "Integer" -> "an integer";
            case "Floating-point" -> "a fractional number";
            case "Boolean" -> "true or false";
            case "Null" -> "null";
            default -> "another kind of value";
        };
    }

    private static String enumName(Object constant) {
        try {
            JsonProperty property = ((Enum<?>) constant).getDeclaringClass().getField(((Enum<?>) constant).name())
                    .getAnnotation(JsonProperty.class);
            if (property != null && !property.value().isEmpty()) {
                return property.value();
            }
        } catch (NoSuchFieldException | SecurityException e) {
            // fall back to the constant's own name
        }
        return ((Enum<?>) constant).name();
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 40) {
            text = text.substring(0, 40) + "…";
        }
        return value instanceof String ? "'" + text + "'" : text;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable value";
        }
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline).trim() : message.trim();
    }
}
