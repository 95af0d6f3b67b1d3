package dev.aigc.serving.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code BasicErrorController}: errors that never reached a controller (the servlet container's
 * {@code sendError}, e.g. 405 for {@code TRACE}, or a filter's failure) become problem documents too, with the request
 * id, instead of Boot's {@code {"timestamp", "error", "path"}} JSON or its HTML page. The body is always
 * {@code application/problem+json}, whatever the client's {@code Accept} said. Hidden from the OpenAPI documents:
 * {@code /error} is the container's error page, not an API operation.
 */
@Hidden
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uriAttribute = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = uriAttribute instanceof String text ? text : request.getRequestURI();
        String requestId = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String id ? id
                : RequestIds.current().orElseGet(RequestIds::generate);
        Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        Violation badQuery = failure == null ? null : QueryText.problem(failure);
        String detail;
        if (badQuery != null) {
            status = HttpStatus.BAD_REQUEST;
            detail = "Invalid query string: '" + badQuery.field() + "' " + badQuery.message();
        } else if (status == HttpStatus.NOT_FOUND) {
            detail = "No endpoint " + request.getMethod() + " " + uri;
        } else if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            detail = "The method " + request.getMethod() + " is not supported at " + uri;
        } else if (status.is5xxServerError()) {
            log.error("Unexpected error on {} {} (request id {})", request.getMethod(), uri, requestId, failure);
            detail = "An unexpected error occurred. Quote request id " + requestId + " when reporting it.";
        } else {
            detail = status.getReasonPhrase();
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(status.getReasonPhrase());
        body.setInstance(URI.create("/").resolve(safePath(uri)));
        body.setProperty(ProblemDetailsAdvice.REQUEST_ID, requestId);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String safePath(String uri) {
        try {
            String path = URI.create(uri).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException notAUri) {
            return "/";
        }
    }
}
