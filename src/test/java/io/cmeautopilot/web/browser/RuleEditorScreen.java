package io.cmeautopilot.web.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The rule editor: change a file, check it, see its blast radius. */
final class RuleEditorScreen {

    private final Browser browser;

    RuleEditorScreen(Browser browser) {
        this.browser = browser;
    }

    static RuleEditorScreen open(Browser browser) {
        browser.go("/console/rules/edit");
        browser.find("#text");
        return new RuleEditorScreen(browser);
    }

    void write(String file, String drl) {
        browser.find("#file").clear();
        browser.find("#file").sendKeys(file);
        WebElement text = browser.find("#text");
        text.clear();
        text.sendKeys(drl);
    }

    /** Checks the book; answers the diagnostics' locations (file:line:column). */
    List<String> check() {
        WebElement before = browser.find("#checked");
        browser.find("#validate").click();
        browser.until(ExpectedConditions.stalenessOf(before));
        browser.until(d -> !d.findElements(By.cssSelector("#valid, #invalid")).isEmpty());
        return browser.driver.findElements(By.cssSelector("#diagnostics code.location")).stream().map(WebElement::getText)
                .toList();
    }

    boolean valid() {
        return !browser.driver.findElements(By.cssSelector("#valid")).isEmpty();
    }

    RunScreen blastRadius() {
        browser.find("#blast-radius").click();
        browser.until(d -> browser.path().startsWith("/console/runs/"));
        return new RunScreen(browser);
    }
}
