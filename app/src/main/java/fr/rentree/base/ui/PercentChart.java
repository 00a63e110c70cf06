package fr.rentree.base.ui;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A percentage over time, with the target as a dashed line. */
public class PercentChart extends ChartCanvas {

    private final String seriesLabel;
    private final String targetLabel;

    public PercentChart(String seriesLabel, String targetLabel) {
        super("percent-chart");
        this.seriesLabel = seriesLabel;
        this.targetLabel = targetLabel;
    }

    /** Draws the points ({@code labels} on the time axis, {@code percents} from 0 to 100) and the target line. */
    public void show(List<String> labels, List<Integer> percents, int target) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode data = json.createObjectNode();
        data.set("labels", json.valueToTree(labels));
        ObjectNode series = data.putArray("datasets").addObject().put("label", seriesLabel)
                .put("borderColor", "#1a5fb4").put("backgroundColor", "#1a5fb433").put("fill", true)
                .put("tension", 0.2);
        series.set("data", json.valueToTree(percents));
        ObjectNode goal = data.withArray("datasets").addObject().put("label", targetLabel)
                .put("borderColor", "#2e7d32").put("pointRadius", 0).put("fill", false);
        goal.putArray("borderDash").add(6).add(4);
        goal.set("data", json.valueToTree(percents.stream().map(percent -> target).toList()));
        draw("line", data, false, true);
    }
}
