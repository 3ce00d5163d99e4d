package io.cmeautopilot.common;

/**
 * Optimistic concurrency over HTTP: a client that sends {@code If-Match} with the ETag it read
 * gets 412 instead of silently overwriting someone else's change. No header, or {@code *}, means
 * "whatever the current version is".
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static void require(String ifMatch, long version, String what) {
        if (ifMatch == null || "*".equals(ifMatch.trim())) {
            return;
        }
        String tag = ifMatch.trim();
        if (!tag.equals("\"" + version + "\"") && !tag.equals("W/\"" + version + "\"")) {
            throw ProblemException.preconditionFailed(what + " has changed (current version " + version
                    + "); read it again and retry");
        }
    }
}
