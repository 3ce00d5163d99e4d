package io.cmeautopilot.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the documentation tests read from a Markdown file: its fenced code blocks (with their
 * language and the heading they sit under), its headings as GitHub turns them into anchors, and
 * its links outside code. Only the subset of Markdown the project's docs use.
 */
final class Markdown {

    /** One fenced block: its language ({@code bash}, {@code drl}...; empty when none) and the nearest heading above it. */
    record CodeBlock(Path file, int line, String section, String language, String text) {

        @Override
        public String toString() {
            return file + ":" + line + " (" + section + ")";
        }
    }

    /** One link {@code [text](target)} outside code, with the line it is on. */
    record Link(Path file, int line, String target) {
    }

    private static final Pattern HEADING = Pattern.compile("^(#{1,6}) (.+)$");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    final Path file;
    final List<CodeBlock> blocks = new ArrayList<>();
    final Set<String> anchors = new LinkedHashSet<>();
    final List<Link> links = new ArrayList<>();

    private Markdown(Path file) {
        this.file = file;
    }

    static Markdown read(Path file) {
        Markdown md = new Markdown(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                int start = i;
                StringBuilder text = new StringBuilder();
                while (++i < lines.size() && !lines.get(i).startsWith("```")) {
                    text.append(lines.get(i)).append('\n');
                }
                md.blocks.add(new CodeBlock(file, start + 1, section, line.substring(3).trim(), text.toString()));
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                section = heading.group(2).trim();
                md.anchors.add(anchor(section));
            }
            Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (link.find()) {
                md.links.add(new Link(file, i + 1, link.group(1)));
            }
        }
        return md;
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
    }

    /** The blocks of one language under the heading with this exact text. */
    List<CodeBlock> blocks(String section, String language) {
        return blocks.stream().filter(b -> b.section().equals(section) && b.language().equals(language)).toList();
    }
}
