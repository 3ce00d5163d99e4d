package io.cmeautopilot.web.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/**
 * Accessibility basics checked in the real browser: every control has an accessible name (a label,
 * aria-label or its own text), and text has WCAG AA contrast (4.5:1) against its effective background.
 */
final class Accessibility {

    static final double AA = 4.5;

    private static final String UNLABELLED = """
            return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
              .filter(e => {
                if (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')) return false;
                if (e.tagName === 'BUTTON') return e.textContent.trim() === '';
                if (e.id && document.querySelector('label[for="' + e.id + '"]')) return false;
                return !e.closest('label');
              }).map(e => e.outerHTML.substring(0, 120));""";

    /** Foreground and effective background of visible text elements, as "r,g,b" strings. */
    private static final String COLOURS = """
            const rgb = c => c.match(/[\\d.]+/g).map(Number);
            const bg = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
                const v = rgb(c); if (v.length < 4 || v[3] > 0) return v.slice(0, 3).join(','); } return '255,255,255'; };
            return Array.from(document.querySelectorAll('a, p, td, th, dt, dd, li, h1, h2, h3, label, button, .badge, span, legend, code'))
              .filter(e => e.offsetParent !== null && Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
              .map(e => ({ text: e.textContent.trim().substring(0, 40), fg: rgb(getComputedStyle(e).color).slice(0, 3).join(','), bg: bg(e) }));""";

    private Accessibility() {
    }

    static List<String> unlabelledControls(Browser browser) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) ((JavascriptExecutor) browser.driver).executeScript(UNLABELLED);
        return found;
    }

    /** Text whose contrast is below AA, with its ratio. */
    static List<String> lowContrast(Browser browser) {
        @SuppressWarnings("unchecked")
        List<Map<String, String>> texts = (List<Map<String, String>>) ((JavascriptExecutor) browser.driver)
                .executeScript(COLOURS);
        List<String> low = new ArrayList<>();
        for (Map<String, String> t : texts) {
            double ratio = ratio(t.get("fg"), t.get("bg"));
            if (ratio < AA) {
                low.add(String.format(java.util.Locale.ROOT, "'%s' %.2f:1 (%s on %s)", t.get("text"), ratio, t.get("fg"),
                        t.get("bg")));
            }
        }
        return low;
    }

    static double ratio(String fg, String bg) {
        double a = luminance(fg);
        double b = luminance(bg);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String rgb) {
        String[] p = rgb.split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(p[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
