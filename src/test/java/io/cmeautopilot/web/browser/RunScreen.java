package io.cmeautopilot.web.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A run, its live progress (htmx polls it), and its outcomes by rule. */
final class RunScreen {

    private final Browser browser;

    RunScreen(Browser browser) {
        this.browser = browser;
    }

    /** Watches the page (without reloading it) until the run has finished; answers its final status. */
    String watchToTheEnd() {
        // htmx replaces the run's section every second while it goes on: an element read may already be gone.
        return new WebDriverWait(browser.driver, Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            String status = d.findElement(By.cssSelector("#run")).getAttribute("data-status");
            return "RUNNING".equals(status) ? null : status;
        });
    }

    String progress() {
        return browser.text("#progress");
    }

    String proposedBy(String rule) {
        return browser.find("#outcomes tr[data-rule='" + rule + "'] .proposed").getText();
    }

    String mode() {
        return browser.text("#run .meta");
    }
}
