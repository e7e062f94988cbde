package no.kostra.workbook;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Writer;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Readers, writers and text escaping for the package parts the filler writes itself (sheet rows, drawings, charts).
 * A template may have been edited anywhere, so no DTD and no external entity is ever resolved. Factories are made per
 * use: the JDK does not promise that a configured factory is safe to share between threads.
 */
final class PartXml {
    private PartXml() {
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return inputFactory().createXMLStreamReader(in);
    }

    static XMLEventReader events(byte[] xml) throws XMLStreamException {
        return inputFactory().createXMLEventReader(new ByteArrayInputStream(xml));
    }

    static XMLEventWriter writer(Writer out) throws XMLStreamException {
        return XMLOutputFactory.newDefaultFactory().createXMLEventWriter(out);
    }

    /** Element or attribute text: the characters XML gives meaning to escaped, characters XML 1.0 cannot hold left out. */
    static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        xml.append(c);
                    }
                }
            }
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
