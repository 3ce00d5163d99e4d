package io.cmeautopilot.rules;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.builder.Message;

/**
 * Turns Drools builder messages into diagnostics with our file names and the best position we can
 * find. The parser puts "Line 14:32" in its text; type errors only carry the line of the pattern or
 * rule, so the offending name (misspelt field, unknown method or type) is looked up from there.
 */
final class DroolsMessages {

    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
    private static final List<Pattern> CULPRITS = List.of(
            Pattern.compile("strict-mode: [\\w.$]+\\.(\\w+)\\(\\)"),
            Pattern.compile("The method (\\w+)\\("),
            Pattern.compile("(\\w+) cannot be resolved"),
            Pattern.compile("ObjectType '([\\w.$]+)'"),
            Pattern.compile("Unable to Analyse Expression ([\\w$]+)"),
            Pattern.compile("unable to resolve method using strict-mode: .*\\.(\\w+)\\("));
    private static final int SEARCH_LINES = 60;

    private DroolsMessages() {
    }

    /** Null for messages that only echo another one ("Parser returned a null Package"). */
    static Diagnostic toDiagnostic(Message message, Map<String, String> files) {
        String text = message.getText() == null ? "" : message.getText();
        if (text.contains("Parser returned a null Package")) {
            return null;
        }
        String file = fileOf(message.getPath(), files);
        int line = Math.max(message.getLine(), 0);
        int column = 0;
        Matcher position = PARSER_POSITION.matcher(text);
        if (position.find() && (line == 0 || Integer.parseInt(position.group(1)) == line)) {
            line = Integer.parseInt(position.group(1));
            column = Integer.parseInt(position.group(2)) + 1;
        } else if (file != null && files.containsKey(file) && line > 0) {
            int[] found = locateCulprit(text, files.get(file), line);
            if (found != null) {
                line = found[0];
                column = found[1];
            }
        }
        String oneLine = text.replaceAll("\\s+", " ").replace(" ^ ", " ").trim();
        if (oneLine.length() > 500) {
            oneLine = oneLine.substring(0, 497) + "...";
        }
        String code = text.contains("[ERR ") ? "syntax" : "compile";
        return message.getLevel() == Message.Level.ERROR ? Diagnostic.error(file, line, column, code, oneLine)
                : Diagnostic.warning(file, line, column, code, oneLine);
    }

    /** [line, column] of the first mention of the name the message complains about, from {@code fromLine} on. */
    private static int[] locateCulprit(String message, String source, int fromLine) {
        String[] lines = DrlText.mask(source).split("\n", -1);
        for (Pattern culprit : CULPRITS) {
            Matcher m = culprit.matcher(message);
            if (!m.find()) {
                continue;
            }
            String name = m.group(1);
            name = name.substring(name.lastIndexOf('.') + 1);
            Pattern word = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
            for (int i = fromLine - 1; i < Math.min(lines.length, fromLine - 1 + SEARCH_LINES); i++) {
                Matcher w = word.matcher(lines[i]);
                if (w.find()) {
                    return new int[] { i + 1, w.start() + 1 };
                }
            }
        }
        return null;
    }

    private static String fileOf(String path, Map<String, String> files) {
        if (path == null) {
            return null;
        }
        String normalized = path.replace('\\', '/');
        return files.keySet().stream().filter(f -> normalized.equals(f) || normalized.endsWith("/" + f)).findFirst()
                .orElse(normalized);
    }
}
