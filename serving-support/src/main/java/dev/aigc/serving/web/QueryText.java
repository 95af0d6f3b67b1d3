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

    /** The problem in the client's terms, or null when {@code ex} is not such a failure. */
    static String problem(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (TOMCAT_INVALID_PARAMETER.equals(t.getClass().getName())) {
                return describe(t.getMessage() == null ? "" : t.getMessage());
            }
        }
        return null;
    }

    private static String describe(String message) {
        if (message.contains("decoding failed") || message.contains("decode")) {
            Matcher name = NAME.matcher(message);
            String which = name.find() ? "the parameter '" + name.group(1) + "'" : "a parameter";
            return which + " is not valid percent-encoded UTF-8 (write non-ASCII text as %XX bytes of its UTF-8 "
                    + "encoding)";
        }
        if (message.startsWith("Invalid chunk")) {
            return "it holds a parameter without a name (such as '=value')";
        }
        if (message.contains("maximum") || message.contains("too many") || message.contains("count")) {
            return "too many parameters";
        }
        return "the query string could not be read (it must be percent-encoded UTF-8)";
    }
}
