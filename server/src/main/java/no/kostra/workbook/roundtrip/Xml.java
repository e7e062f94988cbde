package no.kostra.workbook.roundtrip;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The JDK's streaming XML reader, set up for untrusted parts: no DTD and no external entities (a part that declares a
 * DOCTYPE is refused by the caller when {@link #next} meets it). Elements and attributes are matched by local name, so
 * the transitional namespaces and the Strict (ISO) ones read alike. One reader per part, not shared between threads.
 */
final class Xml {
    private final XMLInputFactory factory = XMLInputFactory.newDefaultFactory();

    Xml() {
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return factory.createXMLStreamReader(in);
    }

    /** The next event; a DOCTYPE is thrown as {@link DoctypeFound}. */
    static int next(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
            throw new DoctypeFound();
        }
        return event;
    }

    /** An attribute by local name, in any namespace or none; null when absent. */
    static String attribute(XMLStreamReader reader, String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * The text of a string item ({@code <si>} or {@code <is>}): its {@code <t>} elements, plain or in rich-text runs,
     * without the phonetic guides ({@code <rPh>}), as Excel shows it. The reader ends on the item's end tag.
     */
    static String stringItem(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        boolean inPhonetic = false;
        while (depth > 0) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (name.equals("rPh")) {
                    inPhonetic = true;
                } else if (name.equals("t") && !inPhonetic) {
                    text.append(reader.getElementText());
                    continue;
                }
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (reader.getLocalName().equals("rPh")) {
                    inPhonetic = false;
                }
                depth--;
            }
        }
        return text.toString();
    }

    /** Thrown where a part declares a DOCTYPE (XML entities are not allowed in a workbook). */
    static final class DoctypeFound extends XMLStreamException {
        DoctypeFound() {
            super("DOCTYPE");
        }
    }
}
