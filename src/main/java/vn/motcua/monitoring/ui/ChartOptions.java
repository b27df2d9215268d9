package vn.motcua.monitoring.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.motcua.shared.Formats;

/**
 * ECharts options for the dashboard, built as JSON trees (values as numbers, N/A as null: a gap in the chart). Each
 * option carries {@code motcuaNumbers}: how the reader's language writes numbers ({@code locale}, a BCP 47 tag for the
 * browser's {@code Intl.NumberFormat}: vi-VN 1.892 and 89,74 %, en-US 1,892 and 89.74%) and what follows a value
 * ({@code suffix}); {@code /js/motcua-chart.js} removes it and formats the value axes, labels and tooltips with it.
 */
final class ChartOptions {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String[] COLOURS = {"#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f"};

    private ChartOptions() { }

    /** A named series of values, one per category. */
    record Series(String name, List<BigDecimal> values) { }

    /** Vertical bars per category (e.g. the indicators' rates) with a second series drawn as target markers. */
    static ObjectNode barsWithTargets(String title, List<String> categories, Series rates, Series targets, Locale locale) {
        ObjectNode option = base(title, locale, Formats.percentSign(locale));
        option.putObject("legend").put("top", 24);
        option.putObject("grid").put("left", 48).put("right", 16).put("top", 64).put("bottom", 40);
        option.putObject("xAxis").put("type", "category").set("data", strings(categories));
        option.putObject("yAxis").put("type", "value").put("max", 100);
        ArrayNode series = option.putArray("series");
        series.addObject().put("name", rates.name()).put("type", "bar").put("barMaxWidth", 36)
                .set("data", numbers(rates.values()));
        ObjectNode target = series.addObject().put("name", targets.name()).put("type", "scatter")
                .put("symbol", "rect").put("z", 3);
        target.putArray("symbolSize").add(30).add(4);
        target.set("data", numbers(targets.values()));
        target.putObject("itemStyle").put("color", "#c62828");
        return option;
    }

    /** Lines over periods (trends), in percent. */
    static ObjectNode lines(String title, List<String> periods, List<Series> lines, Locale locale) {
        ObjectNode option = base(title, locale, Formats.percentSign(locale));
        option.putObject("legend").put("top", 24);
        option.putObject("grid").put("left", 48).put("right", 16).put("top", 64).put("bottom", 40);
        option.putObject("xAxis").put("type", "category").put("boundaryGap", false).set("data", strings(periods));
        option.putObject("yAxis").put("type", "value").put("max", 100);
        ArrayNode series = option.putArray("series");
        for (Series s : lines) {
            series.addObject().put("name", s.name()).put("type", "line").put("connectNulls", false)
                    .put("smooth", false).set("data", numbers(s.values()));
        }
        return option;
    }

    /** Horizontal bars, one per category (rankings), best at the top. */
    static ObjectNode ranking(String title, List<String> categories, Series values, String unit, Locale locale) {
        ObjectNode option = base(title, locale, "%".equals(unit) ? Formats.percentSign(locale) : "");
        option.putObject("grid").put("left", 8).put("right", 48).put("top", 40).put("bottom", 24).put("containLabel", true);
        option.putObject("xAxis").put("type", "value");
        List<String> reversed = new java.util.ArrayList<>(categories);
        java.util.Collections.reverse(reversed);
        List<BigDecimal> reversedValues = new java.util.ArrayList<>(values.values());
        java.util.Collections.reverse(reversedValues);
        option.putObject("yAxis").put("type", "category").set("data", strings(reversed));
        ObjectNode bar = option.putArray("series").addObject().put("name", values.name()).put("type", "bar");
        bar.set("data", numbers(reversedValues));
        bar.putObject("label").put("show", true).put("position", "right");
        return option;
    }

    private static ObjectNode base(String title, Locale locale, String suffix) {
        ObjectNode option = JSON.objectNode();
        option.putObject("motcuaNumbers").put("locale", Formats.numberLocaleTag(locale)).put("suffix", suffix);
        option.putObject("title").put("text", title).put("left", "left").putObject("textStyle").put("fontSize", 14);
        option.putObject("tooltip").put("trigger", "axis");
        ArrayNode colours = option.putArray("color");
        for (String c : COLOURS) colours.add(c);
        option.put("animation", false);
        return option;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ArrayNode numbers(List<BigDecimal> values) {
        ArrayNode array = JSON.arrayNode();
        for (BigDecimal v : values) {
            if (v == null) array.addNull(); else array.add(v);
        }
        return array;
    }
}
