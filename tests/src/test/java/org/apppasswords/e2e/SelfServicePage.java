package org.apppasswords.e2e;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The self-service page as a person uses it: typing into labelled fields and pressing buttons,
 * reading what the page shows. Every read waits for the element to be shown, so that tests
 * follow the page's asynchronous calls to the API.
 */
final class SelfServicePage {
    static final String PATH = "/app-passwords-api/ui/";

    private final WebDriver driver;
    private final WebDriverWait wait;

    SelfServicePage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    SelfServicePage open(JamesConfDirectory.Ports ports) {
        driver.get("http://" + Protocol.LOOPBACK + ":" + ports.jmap + PATH);
        visible("sign-in-user");
        return this;
    }

    /** {@code code}: null for a user without TOTP. */
    void signIn(String user, String password, String code) {
        type("sign-in-user", user);
        type("sign-in-password", password);
        if (code != null) {
            type("sign-in-code", code);
        }
        click("sign-in-submit");
    }

    /** Types into the field labelled {@code id} (cleared first). */
    void type(String id, String text) {
        WebElement field = visible(id);
        field.clear();
        field.sendKeys(text);
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Answers the dialog the page opened to confirm a destructive action. */
    void confirm(boolean yes) {
        click(yes ? "confirm-yes" : "confirm-no");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm")));
    }

    WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    boolean isShown(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    /** The text of a shown element, once it has some. */
    String text(String id) {
        wait.until(driver -> !visible(id).getText().isBlank());
        return visible(id).getText();
    }

    /** The alert message, once the page shows one that contains {@code expected}. */
    String errorContaining(String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), expected));
        return text("error");
    }

    String noticeContaining(String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), expected));
        return text("notice");
    }

    /** The notice, once the page shows one that matches the regular expression {@code expected} somewhere. */
    String noticeMatching(String expected) {
        Pattern pattern = Pattern.compile(expected);
        wait.until(driver -> pattern.matcher(driver.findElement(By.id("notice")).getText()).find());
        return text("notice");
    }

    /** The value of the field {@code id}, shown or not. */
    boolean isChecked(String id) {
        return driver.findElement(By.id(id)).isSelected();
    }

    String value(String id) {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.getElementById(arguments[0]).value;", id);
    }

    /** The text content of the element {@code id}, shown or not (not what is rendered: what the DOM still holds). */
    String textContent(String id) {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.getElementById(arguments[0]).textContent;", id);
    }

    /** The app password list: one entry per row, its cells' texts. */
    List<List<String>> rows() {
        return driver.findElements(By.cssSelector("#list-body tr")).stream()
            .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).collect(Collectors.toList()))
            .collect(Collectors.toList());
    }

    void waitForRows(int count) {
        wait.until(driver -> driver.findElements(By.cssSelector("#list-body tr")).size() == count
            && (count > 0 || driver.findElement(By.id("list-empty")).isDisplayed()));
    }

    /** Presses the revoke button of the row labelled {@code label}. */
    void revoke(String label) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#list-body button[aria-label='Revoke " + label + "']"))).click();
    }

    /** The element the copy button {@code buttonId} copies from. */
    String copyTarget(String buttonId) {
        return text(visible(buttonId).getAttribute("data-copy"));
    }
}
