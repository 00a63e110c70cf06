package fr.rentree.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

import org.jspecify.annotations.Nullable;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import net.sf.jasperreports.renderers.Renderable;

/**
 * A rate drawn as a bar against its target: a grey track, the rate filled (green at or over the target, orange
 * under it) and the target as a dark line. Drawn with rectangles, in vector, because JasperReports 7 moved its
 * charts to an extension (jasperreports-charts with JFreeChart) that a one-bar chart does not justify.
 */
final class RateBar implements Renderable, Graphics2DRenderable {

    private static final Color TRACK = new Color(0xE4, 0xE7, 0xEB);
    private static final Color REACHED = new Color(0x2E, 0x7D, 0x32);
    private static final Color UNDER = new Color(0xE6, 0x7E, 0x22);
    private static final Color TARGET = new Color(0x1A, 0x1A, 0x1A);

    private final @Nullable Integer percent;
    private final int target;

    RateBar(@Nullable Integer percent, int target) {
        this.percent = percent;
        this.target = target;
    }

    @Override
    public String getId() {
        return "rate-bar-" + percent + "-" + target;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D box) {
        double height = box.getHeight() * 0.7;
        double top = box.getY() + (box.getHeight() - height) / 2;
        graphics.setColor(TRACK);
        graphics.fill(new Rectangle2D.Double(box.getX(), top, box.getWidth(), height));
        if (percent != null) {
            graphics.setColor(percent >= target ? REACHED : UNDER);
            graphics.fill(new Rectangle2D.Double(box.getX(), top, box.getWidth() * Math.min(percent, 100) / 100.0,
                    height));
        }
        double x = box.getX() + box.getWidth() * Math.min(target, 100) / 100.0;
        graphics.setColor(TARGET);
        graphics.setStroke(new BasicStroke(1.5f));
        graphics.draw(new Line2D.Double(x, box.getY(), x, box.getY() + box.getHeight()));
    }
}
