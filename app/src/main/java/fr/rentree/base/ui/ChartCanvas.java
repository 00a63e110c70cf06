package fr.rentree.base.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Div;

/**
 * A chart drawn by Chart.js (from the webjar): its data comes from the server, redrawn only when it changed. The
 * component hides itself when the browser cannot draw it: the screens say the figures in words beside it.
 */
public abstract class ChartCanvas extends Div {

    private static final WebJarScript CHART_JS = new WebJarScript("chart.js/4.5.1/dist/chart.umd.min.js");

    private ObjectNode shown;

    protected ChartCanvas(String className) {
        addClassName(className);
        getStyle().set("position", "relative").set("height", "14em").set("width", "100%");
    }

    /**
     * Draws the chart, or updates the one drawn.
     *
     * @param type       Chart.js's type ({@code line}, {@code bar})
     * @param data       Chart.js's data: labels and datasets
     * @param horizontal bars along the x axis, the labels down the y axis
     * @param percent    the values are percents, from 0 to 100
     */
    protected void draw(String type, ObjectNode data, boolean horizontal, boolean percent) {
        if (data.equals(shown)) {
            return;
        }
        shown = data;
        getElement().executeJs("""
                        const element = this;
                        return %s.then(() => {
                            if (element.chart) {
                                element.chart.data = $1;
                                element.chart.update();
                                return true;
                            }
                            const canvas = document.createElement('canvas');
                            element.appendChild(canvas);
                            const unit = $3 ? '\\u00a0%%' : '';
                            const values = $3 ? { min: 0, max: 100, ticks: { callback: value => value + unit } }
                                              : { min: 0, ticks: { precision: 0 } };
                            element.chart = new Chart(canvas, { type: $0, data: $1, options: {
                                responsive: true, maintainAspectRatio: false, animation: false,
                                indexAxis: $2 ? 'y' : 'x', scales: $2 ? { x: values } : { y: values },
                                plugins: { tooltip: { callbacks: { label: item => item.dataset.label + '\\u00a0: '
                                    + ($2 ? item.parsed.x : item.parsed.y) + unit } } } } });
                            element.dataset.drawn = 'true';
                            return true;
                        });""".formatted(CHART_JS.loaded()), type, data, horizontal, percent)
                .then(Boolean.class, drawn -> setVisible(true), failure -> setVisible(false));
    }
}
