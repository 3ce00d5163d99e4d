package io.cmeautopilot.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What the tests read from {@code docker/}: the Dockerfile's runtime stage (its last {@code FROM}:
 * base image, working directory, environment, copies, entry point) and the compose file as YAML.
 */
final class ImageFiles {

    static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
    static final Path COMPOSE = Path.of("docker", "compose.yaml");

    final String base;
    final String workdir;
    final Map<String, String> env = new LinkedHashMap<>();
    final List<String> copies = new ArrayList<>();
    final List<String> entrypoint = new ArrayList<>();

    private ImageFiles(String base, String workdir) {
        this.base = base;
        this.workdir = workdir;
    }

    /** The runtime stage of the Dockerfile (continuation lines joined, comments dropped). */
    static ImageFiles runtimeStage() throws IOException {
        String text = Files.readString(DOCKERFILE).replaceAll("(?m)^\\s*#.*\\n", "").replace("\\\n", " ");
        String stage = text.substring(text.lastIndexOf("\nFROM ") + 1);
        List<String> lines = stage.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        ImageFiles image = new ImageFiles(lines.get(0).split("\\s+")[1], word(lines, "WORKDIR"));
        Matcher env = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(String.join(" ", startingWith(lines, "ENV")));
        while (env.find()) {
            image.env.put(env.group(1), env.group(2).replaceAll("^\"|\"$", ""));
        }
        image.copies.addAll(startingWith(lines, "COPY"));
        Matcher args = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(startingWith(lines, "ENTRYPOINT").get(0));
        while (args.find()) {
            image.entrypoint.add(args.group(1));
        }
        return image;
    }

    static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
    }

    /** The Java feature release the runtime image names ({@code eclipse-temurin:17-jdk} gives 17). */
    int javaRelease() {
        Matcher m = Pattern.compile(":(\\d+)").matcher(base);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static List<String> startingWith(List<String> lines, String instruction) {
        return lines.stream().filter(l -> l.startsWith(instruction + " ")).map(l -> l.substring(instruction.length() + 1))
                .toList();
    }

    private static String word(List<String> lines, String instruction) {
        return startingWith(lines, instruction).get(0).strip();
    }
}
