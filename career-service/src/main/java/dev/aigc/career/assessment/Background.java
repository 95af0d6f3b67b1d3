package dev.aigc.career.assessment;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Optional facts about the person. Skills are free text matched against the catalogue's skills; interests come
 * from the catalogue's fixed vocabulary ({@code GET /roles} lists it).
 */
@Schema(description = "Optional background; skills are free text, interests come from the catalogue vocabulary")
public record Background(
        @Schema(example = "[\"Python\", \"PyTorch\", \"统计学\"]")
        @Size(max = 40) List<@NotBlank @Size(max = 80) String> skills,
        @Schema(example = "2")
        @Min(0) @Max(60) Integer yearsOfExperience,
        @Schema(example = "bachelor")
        Education education,
        @Schema(example = "[\"research\", \"algorithms\"]")
        @Size(max = 8) List<@NotBlank String> interests) {

    public List<String> skillsOrEmpty() {
        return skills == null ? List.of() : skills;
    }

    public List<String> interestsOrEmpty() {
        return interests == null ? List.of() : interests;
    }
}
