package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Markdown rendering (commonmark-java) and sanitising of text and html components. Blocks are separated by a line
 * break, as commonmark-java writes them; the browser ignores it.
 */
class SafeHtmlTest {

    @Test
    void markdownHeadingsParagraphsAndEmphasis() {
        assertThat(SafeHtml.markdown("# Tiêu đề\n\nĐoạn **đậm**, _nghiêng_, *nghiêng*, ~~gạch~~ và `mã`.\nDòng tiếp."))
                .isEqualTo("<h1>Tiêu đề</h1>\n<p>Đoạn <strong>đậm</strong>, <em>nghiêng</em>, <em>nghiêng</em>,"
                        + " <del>gạch</del> và <code>mã</code>.\nDòng tiếp.</p>");
    }

    @Test
    void markdownListsNestedByIndentation() {
        assertThat(SafeHtml.markdown("* Một\n* Hai\n  1. Hai a\n  2. Hai b\n* Ba"))
                .isEqualTo("<ul>\n<li>Một</li>\n<li>Hai\n<ol>\n<li>Hai a</li>\n<li>Hai b</li>\n</ol>\n</li>\n<li>Ba</li>\n</ul>");
        assertThat(SafeHtml.markdown("3. Ba\n4. Bốn")).isEqualTo("<ol start=\"3\">\n<li>Ba</li>\n<li>Bốn</li>\n</ol>");
    }

    @Test
    void markdownQuotesRulesCodeBlocksAndLineBreaks() {
        assertThat(SafeHtml.markdown("> Trích dẫn\n\n---\n\n```\n<b>x</b>\n```\n\nA  \nB"))
                .isEqualTo("<blockquote>\n<p>Trích dẫn</p>\n</blockquote>\n<hr>\n<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n"
                        + "<p>A<br>\nB</p>");
    }

    @Test
    void markdownLinksOpenInANewTabAndUnsafeSchemesAreDropped() {
        assertThat(SafeHtml.markdown("[Cổng dịch vụ công](https://dichvucong.gov.vn) [x](javascript:alert(1))"
                + " [y](data:text/html,abc) [z](/portal/huong-dan)"))
                .isEqualTo("<p><a href=\"https://dichvucong.gov.vn\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">"
                        + "Cổng dịch vụ công</a> x y <a href=\"/portal/huong-dan\" rel=\"nofollow noopener noreferrer\""
                        + " target=\"_blank\">z</a></p>");
    }

    @Test
    void unsafeTargetsOfReferenceLinksAndImagesKeepOnlyTheirText() {
        assertThat(SafeHtml.markdown("[Hướng dẫn][h] ![Sơ đồ](javascript:alert(1)) ![Ảnh](https://a.example/b.png)\n\n"
                + "[h]: javascript:alert(1)"))
                .isEqualTo("<p>Hướng dẫn Sơ đồ <img src=\"https://a.example/b.png\" alt=\"Ảnh\"></p>");
    }

    @Test
    void rawHtmlInMarkdownIsShownAsText() {
        assertThat(SafeHtml.markdown("<script>alert(1)</script><img src=x onerror=alert(1)>"))
                .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>");
        assertThat(SafeHtml.markdown("Chào <b onclick=\"x()\">bạn</b>\n\n<div>\n<iframe src=\"https://evil\"></iframe>\n</div>"))
                .isEqualTo("<p>Chào &lt;b onclick=\"x()\"&gt;bạn&lt;/b&gt;</p>\n"
                        + "<p>&lt;div&gt;\n&lt;iframe src=\"https://evil\"&gt;&lt;/iframe&gt;\n&lt;/div&gt;</p>");
    }

    @Test
    void markdownTablesAndStrikeThroughNeedTwoTildes() {
        assertThat(SafeHtml.markdown("| Bản sao | Lệ phí |\n|---|---:|\n| 1 | 8000 |\n\nTrả kết quả sau 8~10 ngày, ~~không~~ đúng hạn"))
                .isEqualTo("<table>\n<thead>\n<tr>\n<th>Bản sao</th>\n<th align=\"right\">Lệ phí</th>\n</tr>\n</thead>\n"
                        + "<tbody>\n<tr>\n<td>1</td>\n<td align=\"right\">8000</td>\n</tr>\n</tbody>\n</table>\n"
                        + "<p>Trả kết quả sau 8~10 ngày, <del>không</del> đúng hạn</p>");
    }

    @Test
    void htmlIsCleanedOfScriptsHandlersAndDangerousUrls() {
        assertThat(SafeHtml.sanitize("<p onclick=\"x()\" style=\"color:red\">Chào <b>bạn</b></p><script>alert(1)</script>"
                + "<a href=\"javascript:alert(1)\">x</a><iframe src=\"https://evil\"></iframe><img src=\"https://a/b.png\">"))
                .isEqualTo("<p>Chào <b>bạn</b></p><a rel=\"nofollow noopener noreferrer\" target=\"_blank\">x</a>"
                        + "<img src=\"https://a/b.png\">");
    }

    @Test
    void templatesInsertValuesAndExpressions() {
        Map<String, Object> data = Map.of("ten", "An", "so", 3);
        assertThat(SafeHtml.text("Xin chào {{ ten }}, bạn có {{so * 2}} hồ sơ", data, FEEL)).isEqualTo("Xin chào An, bạn có 6 hồ sơ");
        assertThat(SafeHtml.text("=\"Mã: \" + ten", data, FEEL)).isEqualTo("Mã: An");
        assertThat(SafeHtml.text("Không có biến", Map.of(), (e, v) -> null)).isEqualTo("Không có biến");
    }

    @Test
    void valuesInsertedIntoMarkdownCannotBecomeMarkup() {
        String inserted = SafeHtml.fill("Người nộp: {{ten}}", Map.of(), (e, v) -> "[bấm vào đây](https://lua-dao.example) **!**",
                Markdown::escapeMarkdown);
        assertThat(SafeHtml.markdown(inserted))
                .isEqualTo("<p>Người nộp: [bấm vào đây](https://lua-dao.example) **!**</p>");
    }

    @Test
    void aWholeTextFeelExpressionMayProduceMarkdown() {
        String filled = SafeHtml.fill("=if daNop then \"**Đã nộp** lệ phí\" else \"Chưa nộp\"",
                Map.of("daNop", true), FEEL, Markdown::escapeMarkdown);
        assertThat(SafeHtml.markdown(filled)).isEqualTo("<p><strong>Đã nộp</strong> lệ phí</p>");
    }

    private static final java.util.function.BiFunction<String, Map<String, Object>, Object> FEEL = (e, v) -> Feel.standard().evaluate(e, v);

    @Test
    void conditionalSectionsShowOnlyWhenTheirConditionHolds() {
        String template = "Hồ sơ của {{ten}}.{{#if daNop}} Đã nộp lệ phí {{phi}} đồng.{{/if}}{{#if ghiChu}} Ghi chú: {{ghiChu}}{{/if}}";
        assertThat(SafeHtml.text(template, Map.of("ten", "An", "daNop", true, "phi", 8000, "ghiChu", ""), FEEL))
                .isEqualTo("Hồ sơ của An. Đã nộp lệ phí 8000 đồng.");
        assertThat(SafeHtml.text(template, Map.of("ten", "An", "daNop", false, "ghiChu", "Thiếu bản sao"), FEEL))
                .isEqualTo("Hồ sơ của An. Ghi chú: Thiếu bản sao");
        // null, an empty list and zero do not hold; a FEEL comparison does
        assertThat(SafeHtml.text("{{#if x}}có{{/if}}{{#if []}}rỗng{{/if}}{{#if 0}}không{{/if}}{{#if 2 > 1}}đúng{{/if}}", Map.of(), FEEL))
                .isEqualTo("đúng");
    }

    @Test
    void loopsRepeatForEachItemWithItsFieldsThisAndParentAndNest() {
        Map<String, Object> data = Map.of("donVi", "đồng",
                "con", List.of(Map.of("ten", "Bình", "giayTo", List.of("Giấy chứng sinh", "Tờ khai")),
                        Map.of("ten", "Châu", "giayTo", List.of())));
        String template = "{{#loop con}}- {{ten}} ({{parent.donVi}}):{{#loop giayTo}} [{{this}}]{{/loop}}\n{{/loop}}";
        assertThat(SafeHtml.text(template, data, FEEL))
                .isEqualTo("- Bình (đồng): [Giấy chứng sinh] [Tờ khai]\n- Châu (đồng):\n");
        // not a list: nothing repeated
        assertThat(SafeHtml.text("a{{#loop donVi}}x{{/loop}}b", data, FEEL)).isEqualTo("ab");
    }

    @Test
    void valuesInsertedInLoopsAreEscapedLikeAnyOther() {
        String filled = SafeHtml.fill("{{#loop xs}}* {{this}}\n{{/loop}}", Map.of("xs", List.of("<script>alert(1)</script>", "**đậm**")),
                FEEL, Markdown::escapeMarkdown);
        String html = SafeHtml.markdown(filled);
        assertThat(html).doesNotContain("<script>").doesNotContain("<strong>").contains("**đậm**");
    }

    @Test
    void malformedBlocksAreNamed() {
        assertThatThrownBy(() -> Template.parse("{{#if a}}x")).hasMessage("{{#if}} is not closed");
        assertThatThrownBy(() -> Template.parse("{{#if a}}x{{/loop}}")).hasMessage("{{#if}} is closed by {{/loop}}");
        assertThatThrownBy(() -> Template.parse("x{{/if}}")).hasMessage("{{/if}} closes no block");
        assertThatThrownBy(() -> Template.parse("{{#each a}}x{{/each}}")).hasMessageContaining("unknown template block {{#each}}");
        assertThatThrownBy(() -> Template.parse("{{#loop}}x{{/loop}}")).hasMessageContaining("{{#loop}} needs an expression");
    }
}
