package io.cmeautopilot.web.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** My work: the queue on the left, the selected task on the right (swapped in by htmx). */
final class WorkScreen {

    private final Browser browser;

    WorkScreen(Browser browser) {
        this.browser = browser;
    }

    static WorkScreen open(Browser browser, String query) {
        browser.go("/console/work" + query);
        browser.find("#queue");
        return new WorkScreen(browser);
    }

    List<String> taskTitles() {
        return browser.driver.findElements(By.cssSelector("#queue a.task-link")).stream().map(WebElement::getText).toList();
    }

    /** Claims the most urgent unassigned task of the team queue; it opens beside the queue. */
    TaskPanel claimNext() {
        browser.find("#claim-next").click();
        browser.find("#detail #task-detail");
        return new TaskPanel(browser);
    }

    TaskPanel openTask(String title) {
        browser.find("#queue").findElement(By.linkText(title)).click();
        browser.until(d -> d.findElement(By.cssSelector("#detail #task-title")).getText().equals(title));
        return new TaskPanel(browser);
    }
}
