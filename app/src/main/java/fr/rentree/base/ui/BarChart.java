package fr.rentree.base.ui;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One value per label as bars, counts or percents (schools per step, a rate per profile). */
public class BarChart extends ChartCanvas {

    private final String seriesLabel;
    private final boolean horizontal;
    private final boolean percent;

    public BarChart(String seriesLabel, boolean horizontal, boolean percent) {
        super("bar-chart");
        this.seriesLabel = seriesLabel;
        this.horizontal = horizontal;
        this.percent = percent;
    }

    public void show(List<String> labels, List<? extends Number> values) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode data = json.createObjectNode();
        data.set("labels", json.valueToTree(labels));
        ObjectNode series = data.putArray("datasets").addObject().put("label", seriesLabel)
                .put("backgroundColor", "#1a5fb4");
        series.set("data", json.valueToTree(values));
        draw("bar", data, horizontal, percent);
    }
}
