package io.cmeautopilot.common;

/** How an exception is told to a person in run records and logs: its root cause's type and message. */
public final class Failures {

    private Failures() {
    }

    /** {@code SimpleName: message} of the innermost cause. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
