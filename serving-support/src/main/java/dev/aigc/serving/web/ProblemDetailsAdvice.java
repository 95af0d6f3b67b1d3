package dev.aigc.serving.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;

/**
 * The one place where failures become RFC 9457 {@link ProblemDetail} responses.
 *
 * <p>Spring MVC's own exceptions keep their standard status (404 unknown path, 405, 406, 413 upload too large,
 * 415...); validation, type and body errors become 400 with the offending field names in the detail and an
 * {@code errors} list of {@link Violation}s; an {@link ApiException} keeps its status, title, detail and headers
 * (so {@code QueueFullException} gives 503 with {@code Retry-After}); anything else is a 500 logged at error level
 * whose detail reveals nothing internal. Every body carries the {@code requestId} property.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** Name of the ProblemDetail property holding the request id. */
    public static final String REQUEST_ID = "requestId";
    /** Name of the ProblemDetail property listing the invalid inputs of a 400. */
    public static final String ERRORS = "errors";
    /** Name of the property giving the number of invalid inputs when {@code errors} lists only the first ones. */
    public static final String ERROR_COUNT = "errorCount";
    /** At most this many violations are listed in {@code errors}; the detail names the first few. */
    static final int MAX_LISTED = 20;
    static final int MAX_IN_DETAIL = 5;

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Object> handleApiException(ApiException ex, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(ex.status(), ex.detail());
        body.setTitle(ex.title());
        if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            log.debug("503 {}: {}", describe(request), ex.detail());
        } else if (ex.status().is5xxServerError()) {
            log.warn("{} {}: {}", ex.status().value(), describe(request), ex.detail(), ex.getCause());
        }
        return handleExceptionInternal(ex, body, ex.headers(), ex.status(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            violations.add(new Violation(Violations.fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        return badRequest(ex, "Invalid request", violations, request);
    }

    /** Futures from the batcher fail with the real cause wrapped: answer for the cause. */
    @ExceptionHandler({CompletionException.class, ExecutionException.class})
    public ResponseEntity<Object> handleWrapped(Exception ex, WebRequest request) throws Exception {
        Throwable cause = ex;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiException api) {
            return handleApiException(api, request);
        }
        if (cause instanceof ConstraintViolationException violation) {
            return handleConstraintViolation(violation, request);
        }
        if (cause instanceof Exception inner && cause != ex) {
            try {
                ResponseEntity<Object> standard = handleException(inner, request);
                if (standard != null) {
                    return standard;
                }
            } catch (Exception notStandard) {
                return handleUnexpected(inner, request);
            }
        }
        return handleUnexpected(ex, request);
    }

    /**
     * Anything else: a 500 whose detail only quotes the request id. Exceptions annotated with
     * {@link ResponseStatus} keep their status; Spring Security's exceptions are rethrown for its filters.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
        if (ex.getClass().getName().startsWith("org.springframework.security.")) {
            throw ex;
        }
        if (ex instanceof IllegalArgumentException && hasWildcardContentType(request)) {
            // Spring refuses to read a body declared as */* (or text/*) with a plain IllegalArgumentException
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type '" + request.getHeader(HttpHeaders.CONTENT_TYPE) + "' is a wildcard; a request body "
                            + "needs its concrete media type (such as application/json)");
            body.setTitle("Unsupported Media Type");
            return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
        }
        Violation badQuery = QueryText.problem(ex);
        if (badQuery != null) {
            return badRequest(ex, "Invalid query string", List.of(badQuery), request);
        }
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        if (annotated != null) {
            HttpStatus status = annotated.code();
            String detail = annotated.reason().isEmpty() ? ex.getMessage() : annotated.reason();
            return handleApiException(new ApiException(status, status.getReasonPhrase(), detail, ex), request);
        }
        String requestId = requestId(request);
        log.error("Unexpected error on {} (request id {})", describe(request), requestId, ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Quote request id " + requestId + " when reporting it.");
        body.setTitle("Internal server error");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(ex, "Invalid request", Violations.of(ex.getBindingResult(), null), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = Violations.parameterName(result.getMethodParameter());
            if (result instanceof ParameterErrors errors) {
                violations.addAll(Violations.of(errors, name));
            } else {
                result.getResolvableErrors().forEach(e -> violations.add(new Violation(name, e.getDefaultMessage())));
            }
        }
        ex.getCrossParameterValidationResults()
                .forEach(e -> violations.add(new Violation("(parameters)", e.getDefaultMessage())));
        return badRequest(ex, "Invalid request", violations, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : "value";
        String expected = ex.getRequiredType() != null ? ClientTerms.expected(ex.getRequiredType()) : "another value";
        String message = "must be " + expected + ", got '" + ex.getValue() + "'";
        return badRequest(ex, "Invalid request parameter", List.of(new Violation(field, message)), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Violation violation = new Violation(ex.getParameterName(), "is required");
        return badRequest(ex, "Missing request parameter", List.of(violation), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Violation violation = new Violation(ex.getRequestPartName(), "is required (multipart part)");
        return badRequest(ex, "Missing request part", List.of(violation), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = Violations.jsonPath(json);
            return badRequest(ex, "Unreadable request body", List.of(new Violation(field, ClientTerms.jsonProblem(json))),
                    request);
        }
        String detail = ClientTerms.unreadableBody(ex);
        detail = Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Unreadable request body");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** A multipart body that cannot be parsed (no boundary, truncated parts...): the client's fault, 400. */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<Object> handleMultipart(MultipartException ex, WebRequest request) throws Exception {
        if (ex instanceof MaxUploadSizeExceededException tooLarge) {
            return handleMaxUploadSizeExceededException(tooLarge, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE,
                    request);
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String detail = contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("boundary=")
                ? "A multipart/form-data body needs a boundary parameter in its Content-Type"
                : "The multipart/form-data body is malformed: its parts must be delimited by the boundary given in "
                        + "Content-Type";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Malformed multipart request");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getMaxUploadSize() > 0
                ? "Upload exceeds the limit of " + ex.getMaxUploadSize() + " bytes"
                : "Upload exceeds the configured size limit";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        body.setTitle("Upload too large");
        return handleExceptionInternal(ex, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return notFound(ex, ex.getHttpMethod().name(), "/" + ex.getResourcePath(), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return notFound(ex, ex.getHttpMethod(), ex.getRequestURL(), headers, request);
    }

    /** Adds the request id (and a title when missing) to every ProblemDetail this advice or Spring produces. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> entity = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (entity != null && entity.getBody() instanceof ProblemDetail problem) {
            // preset, so that the problem is written whatever the client's Accept header asked for (else: empty 406)
            HttpHeaders withType = new HttpHeaders();
            withType.putAll(entity.getHeaders());
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            entity = new ResponseEntity<>(problem, withType, entity.getStatusCode());
            problem.setDetail(ClientTerms.scrub(problem.getDetail()));
            problem.setProperty(REQUEST_ID, requestId(request));
            if (problem.getTitle() == null) {
                HttpStatus resolved = HttpStatus.resolve(statusCode.value());
                problem.setTitle(resolved != null ? resolved.getReasonPhrase() : "Error");
            }
            if (statusCode.is4xxClientError()) {
                log.debug("{} {}: {}", statusCode.value(), describe(request), problem.getDetail());
            }
        }
        return entity;
    }

    private ResponseEntity<Object> badRequest(Exception ex, String title, List<Violation> violations,
            WebRequest request) {
        List<Violation> sorted = violations.stream().sorted(Comparator.comparing(Violation::field,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        List<Violation> listed = sorted.size() > MAX_LISTED ? sorted.subList(0, MAX_LISTED) : sorted;
        String more = sorted.size() > MAX_IN_DETAIL ? "; and " + (sorted.size() - MAX_IN_DETAIL) + " more" : "";
        String detail = sorted.isEmpty() ? title : sorted.stream().limit(MAX_IN_DETAIL)
                .map(v -> "'" + v.field() + "' " + v.message())
                .collect(Collectors.joining("; ", title + ": ", more));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle(title);
        body.setProperty(ERRORS, listed.stream().map(v -> new Violation(v.field(), ClientTerms.scrub(v.message())))
                .toList());
        if (listed.size() < sorted.size()) {
            body.setProperty(ERROR_COUNT, sorted.size());
        }
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> notFound(Exception ex, String method, String path, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No endpoint " + method + " " + path);
        body.setTitle("Not found");
        return handleExceptionInternal(ex, body, headers, HttpStatus.NOT_FOUND, request);
    }

    private static boolean hasWildcardContentType(WebRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }

    static String requestId(WebRequest request) {
        if (request.getAttribute(RequestIds.ATTRIBUTE, WebRequest.SCOPE_REQUEST) instanceof String id) {
            return id;
        }
        return RequestIds.current().orElseGet(() -> {
            String generated = RequestIds.generate();
            request.setAttribute(RequestIds.ATTRIBUTE, generated, WebRequest.SCOPE_REQUEST);
            return generated;
        });
    }

    private static String describe(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest http) {
            return http.getMethod() + " " + http.getRequestURI();
        }
        return request.getDescription(false);
    }
}
