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
 * Readers and writers for the package parts the filler streams itself (drawings, charts). A template may have been
 * edited anywhere, so no DTD and no external entity is ever resolved. Factories are made per use: the JDK does not
 * promise that a configured factory is safe to share between threads.
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

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
