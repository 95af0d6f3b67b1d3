package dev.aigc.career.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A {@code lang} parameter ({@link Kind#PARAM}) or an {@code Accept-Language} header ({@link Kind#HEADER}) that
 * names a supported language; absent values are valid (the default applies). The header is only checked when the
 * request has no {@code lang} parameter, since the parameter overrides it: a browser asking for German can still
 * use {@code ?lang=en}.
 */
@Documented
@Constraint(validatedBy = SupportedLanguage.Validator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SupportedLanguage {

    enum Kind { PARAM, HEADER }

    Kind value() default Kind.PARAM;

    String message() default "names no supported language";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SupportedLanguage, String> {

        private Kind kind;

        @Override
        public void initialize(SupportedLanguage annotation) {
            kind = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            boolean valid = kind == Kind.PARAM ? Languages.isSupportedParam(value)
                    : langParameterGiven() || Languages.isSupportedHeader(value);
            if (!valid) {
                context.disableDefaultConstraintViolation();
                String message = kind == Kind.PARAM ? Languages.unsupportedParam(value) : Languages.unsupportedHeader(value);
                context.buildConstraintViolationWithTemplate(Templates.escape(message)).addConstraintViolation();
            }
            return valid;
        }

        private static boolean langParameterGiven() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                String lang = attributes.getRequest().getParameter(Languages.PARAM);
                return lang != null && !lang.isBlank();
            }
            return false;
        }
    }
}
