package io.cmeautopilot.web.browser;

/** Account 360. */
final class AccountScreen {

    private final Browser browser;

    AccountScreen(Browser browser) {
        this.browser = browser;
    }

    static AccountScreen open(Browser browser, long id) {
        browser.go("/console/accounts/" + id);
        return new AccountScreen(browser);
    }

    String heading() {
        return browser.text("h1");
    }

    String metric(String field) {
        return browser.text("dd[data-field=" + field + "]");
    }

    /** Asks why (explain, evaluated now) and answers what it says. */
    String explain() {
        browser.find("#explain-link").click();
        return browser.text("#why-body #explained");
    }

    String problem() {
        return browser.text(".problem");
    }
}
