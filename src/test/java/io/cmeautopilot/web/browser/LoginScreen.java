package io.cmeautopilot.web.browser;

/** The login form. */
final class LoginScreen {

    private final Browser browser;

    LoginScreen(Browser browser) {
        this.browser = browser;
    }

    static LoginScreen open(Browser browser) {
        browser.go("/console/login");
        return new LoginScreen(browser);
    }

    /** Logs in and waits for the page the console sends this person to. */
    void logInAs(String username, String password) {
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.find("#login").click();
        browser.until(d -> !browser.path().startsWith("/console/login"));
    }

    String error() {
        return browser.text("#login-error");
    }

    /** Logs out from any console page and waits for the login form. */
    static void logOut(Browser browser) {
        browser.find("#logout").click();
        browser.until(d -> browser.path().startsWith("/console/login"));
    }
}
