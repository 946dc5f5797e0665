package org.apppasswords.selfservice.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PageFileTest {
    @Test
    void loadShouldReadAResourceOfThisPackage() {
        PageFile page = PageFile.load("index.html", "text/html; charset=utf-8");

        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(page.content(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void loadShouldFailWhenTheResourceIsMissing() {
        assertThatThrownBy(() -> PageFile.load("missing.html", "text/html"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("missing.html");
    }

    @Test
    void contentShouldBeACopy() {
        PageFile page = PageFile.load("app.css", "text/css");
        page.content()[0] = 0;

        assertThat(page.content()[0]).isNotZero();
    }
}
