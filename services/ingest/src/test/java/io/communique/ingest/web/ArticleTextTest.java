package io.communique.ingest.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleTextTest {
    static final String MARKED = """
            <!doctype html><html lang="zh-CN"><head><title>站点 - 新闻</title>
            <meta property="article:published_time" content="2019-04-25T10:00:00+08:00">
            <script>var tracking = "习近平";</script><style>p { color: red }</style></head>
            <body><header><nav><a href="/">首页</a> <a href="/world">国际</a></nav></header>
            <article><h1>习近平同埃及总统会谈</h1>
            <p>2019年4月25日，国家主席习近平在北京同埃及总统塞西举行会谈。</p>
            <p>双方签署了经济技术合作协定。</p>
            <aside>相关阅读：另一条新闻</aside></article>
            <footer>版权所有 © 新闻网</footer></body></html>""";

    @Test
    void keepsTheArticlesHeadlineAndParagraphsAsLinesAndDropsPageChrome() {
        ArticleText.Article article = ArticleText.extract(MARKED.getBytes(StandardCharsets.UTF_8), null, "http://x/");
        assertThat(article.text()).isEqualTo("""
                习近平同埃及总统会谈
                2019年4月25日，国家主席习近平在北京同埃及总统塞西举行会谈。
                双方签署了经济技术合作协定。""");
        assertThat(article.language()).isEqualTo("zh-CN");
        assertThat(article.published()).isEqualTo("2019-04-25");
        assertThat(article.title()).isEqualTo("站点 - 新闻");
    }

    @Test
    void withoutArticleMarkupTakesTheBlockWithTheMostParagraphTextNotTheSidebar() {
        String html = """
                <html><body><div class="sidebar"><p>Most read</p><p>Weather</p></div>
                <div class="story"><p>On 5 March 2018 President Xi Jinping held talks with the President of Brazil in Beijing.</p>
                <p>The two heads of state agreed to deepen trade.</p></div>
                <div id="comments"><p>Nice</p></div></body></html>""";
        assertThat(ArticleText.extract(html).text()).isEqualTo("""
                On 5 March 2018 President Xi Jinping held talks with the President of Brazil in Beijing.
                The two heads of state agreed to deepen trade.""");
    }

    @Test
    void decodesTheCharsetTheResponseNames() {
        String html = "<html><body><article><p>国家主席习近平会见来访的总统。</p></article></body></html>";
        byte[] gbk = html.getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThat(ArticleText.extract(gbk, "GBK", "http://x/").text()).isEqualTo("国家主席习近平会见来访的总统。");
    }

    @Test
    void ignoresAnImpossiblePublicationDate() {
        String html = "<html><head><meta property=\"article:published_time\" content=\"2019-02-30\"></head>"
                + "<body><p>Text.</p></body></html>";
        assertThat(ArticleText.extract(html).published()).isNull();
    }
}
