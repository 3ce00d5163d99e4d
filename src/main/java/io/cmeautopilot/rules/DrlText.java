package io.cmeautopilot.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light structural reading of one DRL file, independent of Drools, so that safety and metadata
 * checks run before (and instead of) compiling, and so that every rule has a file and line. The
 * {@code code} view is the text with comments and string contents blanked out (same offsets), so a
 * word inside a title or a comment never counts as code.
 */
final class DrlText {

    record Import(String name, String modifier, int offset) {
    }

    record Annotation(String name, String rawValue, int offset) {
    }

    record RuleBlock(String name, int offset, List<Annotation> annotations, String conditions) {
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:(static|function|accumulate)\\s+)?([\\w.$]+(?:\\.\\*)?)");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+");
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern ANNOTATION = Pattern.compile("@(\\w+)\\s*\\(");
    /** A template name given as one string literal: {@code .template("name")} (the code view blanks its contents). */
    private static final Pattern TEMPLATE_CALL = Pattern.compile("\\.\\s*(template)\\s*\\(\\s*(?:(\"[^\"\\n]*\")\\s*\\))?");

    final String file;
    final String text;
    final String code;
    private final int[] lineStarts;

    DrlText(String file, String text) {
        this.file = file;
        this.text = text;
        this.code = mask(text);
        this.lineStarts = lineStarts(text);
    }

    String packageName() {
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1) : "defaultpkg";
    }

    List<Import> imports() {
        List<Import> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            imports.add(new Import(m.group(2), m.group(1), m.start(2)));
        }
        return imports;
    }

    List<RuleBlock> rules() {
        List<RuleBlock> rules = new ArrayList<>();
        Matcher m = RULE.matcher(code);
        while (m.find()) {
            int nameStart = m.end();
            int nameEnd = nameEnd(nameStart);
            String name = text.substring(nameStart, nameEnd).trim();
            if (name.length() >= 2 && (name.startsWith("\"") || name.startsWith("'"))) {
                name = name.substring(1, name.length() - 1);
            }
            int then = find(THEN, nameEnd);
            int when = find(WHEN, nameEnd);
            boolean hasWhen = when >= 0 && (then < 0 || when < then);
            int headerEnd = hasWhen ? when : then < 0 ? code.length() : then;
            String conditions = hasWhen ? code.substring(when + 4, then < 0 ? code.length() : then) : "";
            rules.add(new RuleBlock(name, m.start() + (m.group().length() - m.group().stripLeading().length()),
                    annotations(nameEnd, headerEnd), conditions));
        }
        return rules;
    }

    /** The {@code .template(...)} calls in code (not in comments or strings); a name that is not one literal is null. */
    List<TemplateReference> templateReferences() {
        List<TemplateReference> found = new ArrayList<>();
        Matcher m = TEMPLATE_CALL.matcher(code);
        while (m.find()) {
            boolean literal = m.group(2) != null;
            int at = literal ? m.start(2) + 1 : m.start(1);
            String name = literal ? text.substring(m.start(2) + 1, m.end(2) - 1) : null;
            found.add(new TemplateReference(name, file, line(at), column(at)));
        }
        return found;
    }

    private List<Annotation> annotations(int from, int to) {
        List<Annotation> found = new ArrayList<>();
        Matcher m = ANNOTATION.matcher(code).region(from, to);
        while (m.find()) {
            int close = matchingParen(m.end() - 1, to);
            String raw = close < 0 ? text.substring(m.end(), to) : text.substring(m.end(), close);
            found.add(new Annotation(m.group(1), raw.trim(), m.start()));
        }
        return found;
    }

    private int matchingParen(int open, int limit) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private int nameEnd(int start) {
        char first = start < text.length() ? text.charAt(start) : ' ';
        if (first == '"' || first == '\'') {
            int close = text.indexOf(first, start + 1);
            return close < 0 ? text.length() : close + 1;
        }
        int i = start;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '@') {
            i++;
        }
        return i;
    }

    private int find(Pattern pattern, int from) {
        Matcher m = pattern.matcher(code);
        return m.find(from) ? m.start() : -1;
    }

    /** 1-based line of an offset. */
    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** 1-based column of an offset. */
    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Blanks comments and the contents of string literals, keeping quotes, newlines and offsets. */
    static String mask(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            char next = i + 1 < out.length ? out[i + 1] : 0;
            if (c == '/' && next == '/' || c == '#' && atLineStart(out, i)) {
                while (i < out.length && out[i] != '\n') {
                    out[i++] = ' ';
                }
            } else if (c == '/' && next == '*') {
                while (i < out.length && !(out[i] == '*' && i + 1 < out.length && out[i + 1] == '/')) {
                    blank(out, i++);
                }
                blank(out, i++);
                blank(out, i++);
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < out.length && out[i] != c && out[i] != '\n') {
                    if (out[i] == '\\' && i + 1 < out.length) {
                        blank(out, i++);
                    }
                    blank(out, i++);
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(out);
    }

    private static boolean atLineStart(char[] text, int i) {
        for (int j = i - 1; j >= 0 && text[j] != '\n'; j--) {
            if (!Character.isWhitespace(text[j])) {
                return false;
            }
        }
        return true;
    }

    private static void blank(char[] text, int i) {
        if (i < text.length && text[i] != '\n') {
            text[i] = ' ';
        }
    }
}
