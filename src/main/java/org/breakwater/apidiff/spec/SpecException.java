package org.breakwater.apidiff.spec;

/** An API description that cannot be read: malformed, unsafe, too large or not OpenAPI. */
public final class SpecException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public SpecException(Problem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
