package dev.aigc.serving.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the servlet container's failure to read the query string (or a form body): text that is not
 * percent-encoded UTF-8 ({@code ?b=%ff}, {@code ?x=%C3%28}), or too many parameters. Tomcat reports it as an
 * {@code InvalidParameterException} from the first {@code getParameter} call, which would otherwise look like a
 * server fault. Matched by class name so that serving-support does not depend on Tomcat's classes.
 */
final class QueryText {

    private static final String TOMCAT_INVALID_PARAMETER = "org.apache.tomcat.util.http.InvalidParameterException";
    private static final Pattern NAME = Pattern.compile("Parameter \\[([\\x21-\\x7e&&[^\\[\\]]]{1,64})]");

    private QueryText() {
    }

    /** The problem in the client's terms (the parameter, or {@code (query)}), or null for another failure. */
    static Violation problem(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (TOMCAT_INVALID_PARAMETER.equals(t.getClass().getName())) {
                return describe(t.getMessage() == null ? "" : t.getMessage());
            }
        }
        return null;
    }

    private static Violation describe(String message) {
        if (message.startsWith("Invalid chunk")) {
            return new Violation("(query)", "holds a parameter without a name (such as '=value')");
        }
        if (message.contains("decoding failed") || message.contains("decode")) {
            Matcher name = NAME.matcher(message);
            return new Violation(name.find() ? name.group(1) : "(query)", "is not valid percent-encoded UTF-8 (write "
                    + "non-ASCII text as %XX bytes of its UTF-8 encoding)");
        }
        if (message.contains("maximum") || message.contains("too many") || message.contains("count")) {
            return new Violation("(query)", "has too many parameters");
        }
        return new Violation("(query)", "could not be read (it must be percent-encoded UTF-8)");
    }
}
