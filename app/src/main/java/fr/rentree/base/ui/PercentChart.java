package fr.rentree.base.ui;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.vaadin.flow.component.html.Div;

/**
 * A percentage over time drawn by Chart.js (from the webjar), with the target as a dashed line. The component hides
 * itself when the browser cannot draw it: the screen says the latest figure in words beside it.
 */
public class PercentChart extends Div {

    private static final WebJarScript CHART_JS = new WebJarScript("chart.js/4.5.1/dist/chart.umd.min.js");

    private final String seriesLabel;
    private final String targetLabel;
    private List<Object> shown = List.of();

    public PercentChart(String seriesLabel, String targetLabel) {
        this.seriesLabel = seriesLabel;
        this.targetLabel = targetLabel;
        addClassName("percent-chart");
        getStyle().set("position", "relative").set("height", "16em").set("width", "100%");
    }

    /** Draws the points ({@code labels} on the time axis, {@code percents} from 0 to 100) and the target line. */
    public void show(List<String> labels, List<Integer> percents, int target) {
        List<Object> wanted = List.of(labels, percents, target);
        if (wanted.equals(shown)) {
            return;
        }
        shown = wanted;
        ObjectMapper json = new ObjectMapper();
        ArrayNode x = json.valueToTree(labels);
        ArrayNode y = json.valueToTree(percents);
        ArrayNode goal = json.valueToTree(percents.stream().map(percent -> target).toList());
        getElement().executeJs("""
                        const element = this;
                        return %s.then(() => {
                            const data = { labels: $0, datasets: [
                                { label: $3, data: $1, borderColor: '#1a5fb4', backgroundColor: '#1a5fb433',
                                  fill: true, tension: 0.2 },
                                { label: $4, data: $2, borderColor: '#2e7d32', borderDash: [6, 4], pointRadius: 0,
                                  fill: false }] };
                            if (element.chart) {
                                element.chart.data = data;
                                element.chart.update();
                                return true;
                            }
                            const canvas = document.createElement('canvas');
                            element.appendChild(canvas);
                            element.chart = new Chart(canvas, { type: 'line', data, options: {
                                responsive: true, maintainAspectRatio: false, animation: false,
                                scales: { y: { min: 0, max: 100, ticks: { callback: value => value + '\\u00a0%%' } } },
                                plugins: { tooltip: { callbacks: {
                                    label: item => item.dataset.label + '\\u00a0: ' + item.parsed.y + '\\u00a0%%' } } } } });
                            element.dataset.drawn = 'true';
                            return true;
                        });""".formatted(CHART_JS.loaded()), x, y, goal, seriesLabel, targetLabel)
                .then(Boolean.class, drawn -> setVisible(true), failure -> setVisible(false));
    }
}
