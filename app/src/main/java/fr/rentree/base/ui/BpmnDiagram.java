package fr.rentree.base.ui;

import java.util.Collection;
import java.util.List;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;

/**
 * A BPMN model drawn by bpmn-js (its navigated viewer, from the webjar: the wheel zooms, a drag moves), with the steps done and the current ones marked. The
 * bpmn.io watermark stays visible, as bpmn-js's licence asks. When the browser cannot draw it, the component hides
 * itself: the screen must say the same in words beside it.
 */
@StyleSheet("context://webjars/bpmn-js/8.0.0/dist/assets/diagram-js.css")
@StyleSheet("context://styles/bpmn-diagram.css")
public class BpmnDiagram extends Div {

    private static final WebJarScript VIEWER = new WebJarScript("bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js");

    /**
     * The smallest scale drawn: labels of 14 px (bpmn-js draws 12) stay over 10 px high. On a laptop the diagram is
     * then wider than the page and dragged sideways; from 1600 px wide it fits whole.
     */
    private static final String MIN_SCALE = "0.75";

    /** What is drawn now: a poll that changes nothing redraws nothing. */
    private List<String> shown = List.of();

    public BpmnDiagram() {
        addClassName("bpmn-diagram");
    }

    /**
     * Draws the model; {@code failing} steps are marked in red, {@code current} ones in blue, {@code done} in green,
     * {@code interrupted} ones (where the process was stopped) in grey, dashed.
     */
    public void show(String bpmnXml, Collection<String> done, Collection<String> current, Collection<String> failing,
            Collection<String> interrupted) {
        String doneIds = String.join(" ", done);
        String currentIds = String.join(" ", current);
        String failingIds = String.join(" ", failing);
        String interruptedIds = String.join(" ", interrupted);
        List<String> wanted = List.of(bpmnXml, doneIds, currentIds, failingIds, interruptedIds);
        if (wanted.equals(shown)) {
            return;
        }
        shown = wanted;
        // the model is imported once; later calls move the marks only, so the director's zoom and position stay
        getElement().executeJs("""
                        const element = this;
                        // the whole width of the frame, the height following: 'fit-viewport' in a fixed height
                        // drew the labels about 7 px high; below a readable scale the diagram is dragged instead
                        const fit = element => {
                            const canvas = element.viewer.get('canvas');
                            const inner = canvas.viewbox().inner;
                            const margin = 16;
                            const width = element.clientWidth;
                            const scale = Math.max(width / (inner.width + 2 * margin), %s);
                            element.style.height = Math.ceil((inner.height + 2 * margin) * scale) + 'px';
                            canvas.resized();
                            canvas.viewbox({ x: inner.x - margin, y: inner.y - margin, width: width / scale,
                                             height: (inner.height + 2 * margin) });
                        };
                        const marks = { 'step-done': $1, 'step-current': $2, 'step-failing': $3, 'step-interrupted': $4 };
                        return %s.then(async () => {
                            if (element.xml !== $0) {
                                element.viewer = element.viewer || new BpmnJS({ container: element, textRenderer: {
                                    defaultStyle: { fontSize: 14 }, externalStyle: { fontSize: 13 } } });
                                await element.viewer.importXML($0);
                                fit(element);
                                element.xml = $0;
                                element.marked = [];
                            }
                            const canvas = element.viewer.get('canvas');
                            const registry = element.viewer.get('elementRegistry');
                            element.marked.forEach(([id, mark]) => canvas.removeMarker(id, mark));
                            element.marked = [];
                            for (const [mark, ids] of Object.entries(marks)) {
                                ids.split(' ').filter(id => registry.get(id)).forEach(id => {
                                    canvas.addMarker(id, mark);
                                    element.marked.push([id, mark]);
                                });
                            }
                            element.dataset.drawn = 'true';
                            return true;
                        });""".formatted(MIN_SCALE, VIEWER.loaded()), bpmnXml, doneIds, currentIds, failingIds,
                        interruptedIds)
                .then(Boolean.class, drawn -> setVisible(true), failure -> setVisible(false));
    }
}
