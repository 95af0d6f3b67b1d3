package dev.aigc.serving.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.springframework.core.MethodParameter;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;

import tools.jackson.core.JacksonException;

/** Turns Spring's validation and binding errors into {@link Violation}s named as the client wrote them. */
final class Violations {

    private Violations() {
    }

    static List<Violation> of(Errors result, String prefix) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            String field = prefix == null || error.getField().isEmpty() ? error.getField() : prefix + "." + error.getField();
            violations.add(new Violation(field.isEmpty() ? prefix : field, error.getDefaultMessage()));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            violations.add(new Violation(prefix == null ? error.getObjectName() : prefix, error.getDefaultMessage()));
        }
        return violations;
    }

    /**
     * A constraint violation's path as the client wrote it: {@code items[3].pixels[0]} for a bean, the parameter
     * (then the property path inside it) for method validation; container element nodes such as
     * {@code <list element>} are dropped.
     */
    static String fieldPath(Path path) {
        StringBuilder out = new StringBuilder();
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        boolean method = !nodes.isEmpty() && (nodes.get(0).getKind() == ElementKind.METHOD
                || nodes.get(0).getKind() == ElementKind.CONSTRUCTOR);
        for (int i = method ? 1 : 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (method && node.getKind() == ElementKind.PARAMETER && i + 1 < nodes.size()
                    && nodes.get(i + 1).getKind() == ElementKind.PROPERTY) {
                continue; // the parameter's name adds nothing to the property path the client sent
            }
            if (node.isInIterable()) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getKind() == ElementKind.BEAN
                    || node.getName() == null) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(node.getName());
        }
        return out.isEmpty() ? "(body)" : out.toString();
    }

    static String parameterName(MethodParameter parameter) {
        String annotated = null;
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        if (param != null) {
            annotated = param.name().isEmpty() ? param.value() : param.name();
        } else if (path != null) {
            annotated = path.name().isEmpty() ? path.value() : path.name();
        } else if (header != null) {
            annotated = header.name().isEmpty() ? header.value() : header.name();
        } else if (part != null) {
            annotated = part.name().isEmpty() ? part.value() : part.name();
        }
        if (annotated != null && !annotated.isEmpty()) {
            return annotated;
        }
        String name = parameter.getParameterName();
        return name != null ? name : "arg" + parameter.getParameterIndex();
    }

    static String jsonPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
