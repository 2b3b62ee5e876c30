package io.communique.ingest.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the main text of a news page: the {@code <article>} (or {@code <main>}) when the page marks it, otherwise
 * the block holding the most paragraph text; navigation, scripts, headers, footers, asides and forms never count.
 * Paragraphs and headings become lines, so sentences keep their boundaries for the extractor.
 */
public final class ArticleText {
    private static final String CHROME = "script, style, noscript, template, nav, header, footer, aside, form, iframe,"
            + " svg, button, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";
    private static final String BLOCKS = "h1, h2, h3, h4, p, blockquote, pre";
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");

    private ArticleText() {
    }

    /**
     * @param title     the page's headline, or null
     * @param text      the main text, one block per line; empty when the page has none
     * @param language  the page's declared language ({@code <html lang>}), or null
     * @param published the page's declared publication date as YYYY-MM-DD, or null
     */
    public record Article(String title, String text, String language, String published) {
    }

    /** @param charset from the Content-Type header, or null to detect it from a BOM or {@code <meta charset>} */
    public static Article extract(byte[] html, String charset, String baseUri) {
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(html), charset, baseUri));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from memory only fails on an unknown charset name
        }
    }

    public static Article extract(String html) {
        return extract(Jsoup.parse(html));
    }

    private static Article extract(Document page) {
        String title = firstNonBlank(page.select("meta[property=og:title]").attr("content"), page.title());
        String language = blankToNull(page.select("html").attr("lang"));
        String published = date(firstNonBlank(
                page.select("meta[property=article:published_time]").attr("content"),
                page.select("time[datetime]").attr("datetime")));
        page.select(CHROME).remove();
        Element root = mainBlock(page);
        List<String> lines = new ArrayList<>();
        for (Element block : root.select(BLOCKS)) {
            if (block.parents().stream().noneMatch(parent -> parent.is(BLOCKS))) {
                String line = block.text().strip();
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        String text = lines.isEmpty() ? root.text().strip() : String.join("\n", lines);
        return new Article(blankToNull(title), text, language, published);
    }

    private static Element mainBlock(Document page) {
        Element marked = page.selectFirst("article, main, [role=main], [itemprop=articleBody]");
        if (marked != null && !marked.text().isBlank()) {
            return marked;
        }
        // The element whose own paragraphs hold the most text: where the story is, not the sidebar's teasers.
        return page.body().select("div, section, td, body").stream()
                .max(Comparator.comparingInt(ArticleText::ownParagraphText))
                .filter(best -> ownParagraphText(best) > 0)
                .orElse(page.body());
    }

    private static int ownParagraphText(Element element) {
        return element.children().stream().filter(child -> child.is("p")).mapToInt(p -> p.text().length()).sum();
    }

    private static String date(String value) {
        if (value == null || !ISO_DATE.matcher(value).find()) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10)).toString();
        } catch (DateTimeException e) {
            return null; // a page's bad metadata must not reject its text
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
