package io.cmeautopilot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.Test;

import io.quarkus.security.Authenticated;

/**
 * Every console page and action declares who may use it (the pages are left out of the OpenAPI
 * document, so EndpointGuardTest does not see them): roles, or, for the login form and the front
 * door only, everybody.
 */
class ConsolePagesGuardTest {

    static final List<String> PUBLIC = List.of("LoginPage.form", "LoginPage.login", "HomePage.root");

    @Test
    void every_console_endpoint_declares_its_roles() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Class<?> page : pageClasses()) {
            for (Method m : page.getDeclaredMethods()) {
                if (!isEndpoint(m)) {
                    continue;
                }
                String name = page.getSimpleName() + "." + m.getName();
                checked.add(name);
                boolean roles = m.isAnnotationPresent(RolesAllowed.class) || m.isAnnotationPresent(Authenticated.class)
                        || (page.isAnnotationPresent(RolesAllowed.class) && !m.isAnnotationPresent(PermitAll.class));
                boolean open = m.isAnnotationPresent(PermitAll.class);
                if (open != PUBLIC.contains(name) || (!open && !roles)) {
                    problems.add(name + (open ? ": open to everybody" : ": declares no roles"));
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).contains("WorkPage.page", "TaskPage.complete", "RulesPage.blastRadius", "AdminPage.replay");
    }

    private static boolean isEndpoint(Method m) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
            if (m.isAnnotationPresent(verb)) {
                return true;
            }
        }
        return false;
    }

    private static List<Class<?>> pageClasses() throws IOException, ClassNotFoundException {
        Path root = Path.of("target", "classes");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/cmeautopilot/web"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, ConsolePagesGuardTest.class.getClassLoader());
                if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }
}
