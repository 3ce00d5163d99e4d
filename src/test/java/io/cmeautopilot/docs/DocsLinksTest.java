package io.cmeautopilot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The documentation holds together: every relative link leads to a file and heading of this repository. */
class DocsLinksTest {

    static final Path ROOT = Path.of("").toAbsolutePath();

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("rules", "README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void every_relative_link_and_anchor_of_the_docs_leads_somewhere_inside_the_repository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            Markdown md = Markdown.read(doc);
            for (Markdown.Link link : md.links) {
                if (link.target().matches("[a-z]+:.*")) {
                    continue; // http(s), mailto: not ours to check offline
                }
                String path = link.target().contains("#") ? link.target().substring(0, link.target().indexOf('#')) : link.target();
                String anchor = link.target().contains("#") ? link.target().substring(link.target().indexOf('#') + 1) : "";
                Path target = path.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(path).normalize();
                if (!target.toAbsolutePath().startsWith(ROOT)) {
                    broken.add(doc + ":" + link.line() + " " + link.target() + " points outside the repository");
                } else if (!Files.exists(target)) {
                    broken.add(doc + ":" + link.line() + " " + link.target() + ": no such file");
                } else if (!anchor.isEmpty() && !Markdown.read(target).anchors.contains(anchor)) {
                    broken.add(doc + ":" + link.line() + " " + link.target() + ": no such heading");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void the_docs_name_nothing_outside_the_repository() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path doc : documents()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("../shared") || lines.get(i).contains("/work/")) {
                    outside.add(doc + ":" + (i + 1) + " " + lines.get(i).trim());
                }
            }
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void the_readme_stays_a_front_door_and_the_guides_exist() throws IOException {
        assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThan(400);
        assertThat(Path.of("docs")).isDirectoryContaining(p -> p.getFileName().toString().equals("authoring-rules.md"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("integrating.md"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("operating.md"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("architecture.md"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("performance.md"));
    }
}
