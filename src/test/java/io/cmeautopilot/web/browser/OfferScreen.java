package io.cmeautopilot.web.browser;

/** A retention offer or expansion suggestion to decide. */
final class OfferScreen {

    private final Browser browser;

    OfferScreen(Browser browser) {
        this.browser = browser;
    }

    static OfferScreen openFromInbox(Browser browser, long offerId) {
        browser.go("/console/offers");
        browser.find("#offer-" + offerId + " a.task-link").click();
        browser.find("#detail #decision");
        return new OfferScreen(browser);
    }

    String evidence() {
        return browser.text("#decision .evidence");
    }

    void approve(String value, String contact) {
        browser.find("#value").clear();
        browser.find("#value").sendKeys(value);
        browser.find("#contact").sendKeys(contact);
        browser.find("#approve").click();
        browser.until(d -> status().equals("APPROVED"));
    }

    String status() {
        return browser.text("#decision-status");
    }
}
