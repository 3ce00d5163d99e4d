package io.cmeautopilot.web.browser;

import org.openqa.selenium.By;

/** A task opened beside the queue (or on its own page): its state, why it exists, and the moves on it. */
final class TaskPanel {

    private final Browser browser;

    TaskPanel(Browser browser) {
        this.browser = browser;
    }

    String title() {
        return browser.text("#task-title");
    }

    String status() {
        return browser.text("#task-status");
    }

    String assignee() {
        return browser.text("#task-assignee");
    }

    String why() {
        return browser.text("#why");
    }

    void start() {
        act("#start", "in progress");
    }

    void tickStep(String step) {
        String version = version();
        browser.find("#task-detail").findElement(By.xpath(".//button[contains(., '" + step + "')]")).click();
        browser.until(d -> !version().equals(version));
    }

    void complete(String outcome) {
        browser.find("#task-detail textarea[name=outcome]").sendKeys(outcome);
        act("#complete", "done");
    }

    /** Tries to complete; answers the alert shown instead (a conflict, bad input). */
    String completeExpectingProblem(String outcome) {
        browser.find("#task-detail textarea[name=outcome]").sendKeys(outcome);
        browser.find("#complete").click();
        return browser.text("#task-detail .form-errors .problem");
    }

    String version() {
        return browser.find("#task-detail").getAttribute("data-version");
    }

    private void act(String button, String expectedStatus) {
        browser.find(button).click();
        browser.until(d -> status().equals(expectedStatus));
    }
}
