package fr.rentree.siecle.service;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import fr.rentree.siecle.domain.Finding;
import fr.rentree.siecle.service.XmlFault.Open;

/**
 * Reads an export as a stream (never a whole document in memory) and hands over its records: for each registered
 * path (from below the root: {@code DONNEES/ELEVES/ELEVE}), the {@link Fields} under it, as soon as it closes.
 * DOCTYPE declarations are refused, so neither external entities nor entity expansion can reach the parser.
 */
final class XmlScanner {

    private final Map<String, Consumer<Fields>> records = new LinkedHashMap<>();

    XmlScanner on(String path, Consumer<Fields> record) {
        records.put(path, record);
        return this;
    }

    /** The root element's name, reading no further than it. */
    static String root(DecodedExport export) throws IOException, RefusedExport {
        try (Reader reader = export.reader()) {
            XMLStreamReader xml = factory().createXMLStreamReader(reader);
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new RefusedExport(Finding.error("doctype", export.name(),
                                xml.getLocation().getLineNumber()));
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        return xml.getLocalName();
                    }
                }
                throw new RefusedExport(Finding.error("empty", export.name(), null));
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new RefusedExport(XmlFault.of(export, e, null, null));
        }
    }

    void scan(DecodedExport export) throws IOException, RefusedExport {
        Deque<Open> open = new ArrayDeque<>();
        String root = null;
        Deque<Fields> collecting = new ArrayDeque<>();
        StringBuilder path = new StringBuilder();
        StringBuilder text = new StringBuilder();
        try (Reader reader = export.reader()) {
            XMLStreamReader xml = factory().createXMLStreamReader(reader);
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    switch (event) {
                        case XMLStreamConstants.DTD -> throw new RefusedExport(Finding.error("doctype", export.name(),
                                xml.getLocation().getLineNumber()));
                        case XMLStreamConstants.START_ELEMENT -> {
                            int line = xml.getLocation().getLineNumber();
                            if (open.isEmpty()) {
                                root = xml.getLocalName();
                            } else { // paths start below the root
                                if (open.size() > 1) {
                                    path.append('/');
                                }
                                path.append(xml.getLocalName());
                            }
                            open.push(new Open(xml.getLocalName(), line));
                            text.setLength(0);
                            String here = path.toString();
                            Map<String, String> attributes = new LinkedHashMap<>();
                            for (int i = 0; i < xml.getAttributeCount(); i++) {
                                attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                            }
                            for (Fields fields : collecting) {
                                String relative = here.substring(fields.path().length() + 1);
                                attributes.forEach((name, value) -> fields.add(relative + "@" + name, value, line));
                            }
                            if (records.containsKey(here)) {
                                collecting.push(new Fields(here, line, attributes));
                            }
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
                        case XMLStreamConstants.END_ELEMENT -> {
                            String here = path.toString();
                            if (!collecting.isEmpty() && collecting.peek().path().equals(here)) {
                                Fields done = collecting.pop();
                                records.get(here).accept(done);
                            } else {
                                int line = open.peek().line();
                                for (Fields fields : collecting) {
                                    fields.add(here.substring(fields.path().length() + 1), text.toString(), line);
                                }
                            }
                            text.setLength(0);
                            open.pop();
                            int cut = path.lastIndexOf("/");
                            path.setLength(Math.max(cut, 0));
                        }
                        default -> {
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new RefusedExport(XmlFault.of(export, e, root, open.peek()));
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's parser, whatever the classpath has
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false); // a DOCTYPE is still reported, then refused
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
