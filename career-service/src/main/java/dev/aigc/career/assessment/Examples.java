package dev.aigc.career.assessment;

/** Complete, valid request bodies for the OpenAPI "Try it out" examples (questionnaire v1). */
public final class Examples {

    private Examples() {
    }

    /** A careful respondent who is at ease with errors, ambiguity and open research and prefers solo work. */
    public static final String HIGH_TOLERANCE = """
            {
              "questionnaireVersion": "v1",
              "answers": {
                "ET1": 5, "AT1": 4, "ST1": 4, "PN1": 3, "OR1": 5, "PO1": 2,
                "ET4": 1, "AT3": 5, "ST3": 2, "PN3": 3, "OR4": 1, "PO3": 3,
                "ET3": 5, "AT4": 2, "ST4": 4, "PN4": 3, "OR3": 5, "PO4": 4,
                "ET2": 2, "AT2": 2, "ST2": 2, "PN2": 3, "OR2": 1, "PO2": 4
              },
              "background": {
                "skills": ["Python", "PyTorch", "linear algebra"],
                "yearsOfExperience": 1,
                "education": "master",
                "interests": ["research", "algorithms"]
              }
            }
            """;

    /** The same answer to every statement: the consistency check flags it. */
    public static final String STRAIGHT_LINER = """
            {
              "answers": {
                "ET1": 4, "AT1": 4, "ST1": 4, "PN1": 4, "OR1": 4, "PO1": 4,
                "ET4": 4, "AT3": 4, "ST3": 4, "PN3": 4, "OR4": 4, "PO3": 4,
                "ET3": 4, "AT4": 4, "ST4": 4, "PN4": 4, "OR3": 4, "PO4": 4,
                "ET2": 4, "AT2": 4, "ST2": 4, "PN2": 4, "OR2": 4, "PO2": 4
              }
            }
            """;

    /** A careful respondent who wants precision, clear procedures and contact with people. */
    public static final String LOW_TOLERANCE = """
            {
              "answers": {
                "ET1": 2, "AT1": 1, "ST1": 4, "PN1": 5, "OR1": 1, "PO1": 5,
                "ET4": 4, "AT3": 2, "ST3": 2, "PN3": 5, "OR4": 4, "PO3": 5,
                "ET3": 2, "AT4": 5, "ST4": 4, "PN4": 1, "OR3": 2, "PO4": 2,
                "ET2": 4, "AT2": 5, "ST2": 2, "PN2": 1, "OR2": 5, "PO2": 1
              },
              "background": {
                "skills": ["Linux", "troubleshooting", "客户服务"],
                "yearsOfExperience": 3,
                "interests": ["troubleshooting", "customer-support"]
              }
            }
            """;

    /** Dimension scores as an earlier assessment returned them, for a recommendation without answers. */
    public static final String SCORES = """
            {
              "scores": {
                "error_tolerance": 56.3, "ambiguity_tolerance": 50.0, "stress_tolerance": 62.5,
                "precision_need": 75.0, "open_research": 62.5, "people_orientation": 43.8
              },
              "background": {
                "skills": ["SQL", "pandas", "statistics"],
                "yearsOfExperience": 4,
                "interests": ["data-analysis"]
              }
            }
            """;
}
