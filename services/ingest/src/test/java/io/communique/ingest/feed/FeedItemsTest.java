package io.communique.ingest.feed;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedItemsTest {

    @Test
    void rssItemsComeOldestFirstKeyedByLinkWithoutFragmentDatedInUtc() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>http://n/</link>
                <description>d</description><language>zh-cn</language>
                <item><title>新</title><link>http://n/b.html#top</link><pubDate>Tue, 30 Apr 2019 23:30:00 -0200</pubDate>
                <description>&lt;p&gt;第二段&lt;/p&gt;</description></item>
                <item><title>旧</title><guid isPermaLink="false">urn:item:a</guid><pubDate>Mon, 29 Apr 2019 10:00:00 GMT</pubDate></item>
                </channel></rss>""";
        List<FeedItems.Item> items = FeedItems.parse(rss.getBytes(StandardCharsets.UTF_8));
        assertThat(items).extracting(FeedItems.Item::key).containsExactly("urn:item:a", "http://n/b.html");
        FeedItems.Item newer = items.get(1);
        assertThat(newer.published()).isEqualTo("2019-05-01"); // 23:30 at -02:00 is the next day in UTC
        assertThat(newer.language()).isEqualTo("zh-cn");
        assertThat(newer.fallbackText()).isEqualTo("新\n第二段");
        assertThat(items.get(0).link()).isNull();
    }

    @Test
    void atomEntriesUseTheirSummaryOrContent() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
                <id>urn:f</id><updated>2019-04-25T08:00:00Z</updated>
                <entry><title>会谈</title><link href="http://n/c.html"/><id>urn:c</id><updated>2019-04-25T08:00:00Z</updated>
                <content type="html">&lt;p&gt;正文&lt;/p&gt;</content></entry></feed>""";
        FeedItems.Item item = FeedItems.parse(atom.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(item.key()).isEqualTo("http://n/c.html");
        assertThat(item.published()).isEqualTo("2019-04-25");
        assertThat(item.fallbackText()).isEqualTo("会谈\n正文");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityCanReadLocalFiles() {
        String xxe = """
                <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <rss version="2.0"><channel><title>&secret;</title><link>http://n/</link><description>d</description>
                </channel></rss>""";
        assertThatThrownBy(() -> FeedItems.parse(xxe.getBytes(StandardCharsets.UTF_8)));
    }
}
