package io.communique.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.communique.ingest.web.ArticleText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/** Reads RSS and Atom feeds with Rome (which refuses DOCTYPEs, so no XML entity tricks) into plain items. */
final class FeedItems {
    private FeedItems() {
    }

    /**
     * @param key       what identifies the item across polls and feeds: its link without fragment, else its guid/id
     * @param summary   the item's description or content as text (the fallback when its page cannot be had)
     * @param published the item's date (pubDate / published, else updated) as YYYY-MM-DD in UTC, or null
     * @param language  the feed's declared language, or null
     */
    record Item(String key, String link, String title, String summary, String published, String language) {
        /** The title and the summary, as the document text when the article page is not available. */
        String fallbackText() {
            String head = title == null ? "" : title.strip();
            return (head + "\n" + (summary == null ? "" : summary)).strip();
        }
    }

    /** The feed's items, oldest first (feeds list the newest first; ingesting in order keeps the log chronological). */
    static List<Item> parse(byte[] xml) throws IOException, FeedException {
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
        List<Item> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = blankToNull(entry.getLink());
            String key = link != null ? link.replaceFirst("#.*$", "") : blankToNull(entry.getUri());
            if (key == null) {
                continue; // an item without link or id cannot be remembered, so it would come back at every poll
            }
            items.add(new Item(key, link, blankToNull(entry.getTitle()), summary(entry), date(entry),
                    blankToNull(feed.getLanguage())));
        }
        Collections.reverse(items);
        return items;
    }

    private static String summary(SyndEntry entry) {
        SyndContent content = entry.getDescription();
        if ((content == null || blankToNull(content.getValue()) == null) && !entry.getContents().isEmpty()) {
            content = entry.getContents().get(0);
        }
        if (content == null || content.getValue() == null) {
            return null;
        }
        return ArticleText.extract(content.getValue()).text();
    }

    private static String date(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
