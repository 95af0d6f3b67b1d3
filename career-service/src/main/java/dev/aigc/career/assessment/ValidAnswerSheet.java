package dev.aigc.career.assessment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Checks an {@link AnswerSheet} against the questionnaire it names: the version exists, every item is answered,
 * no answer names an unknown item or lies outside the scale; recommendation requests may give dimension scores
 * instead of answers; interests come from the catalogue vocabulary. Each problem names its field, e.g.
 * {@code answers[ET3]} or {@code background.interests[1]}.
 */
@Documented
@Constraint(validatedBy = AnswerSheetValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidAnswerSheet {

    String message() default "invalid answers";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
