package no.kostra.workbook.powerquery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.StreamHelper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Package parts as DOM documents, read and written through POI's package layer (its parser refuses DTDs and external
 * entities). Elements are matched by local name in SpreadsheetML's main namespace and made with the prefix the part
 * already uses for it, so a part Excel wrote with prefixes stays consistent.
 */
final class PackageXml {
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private PackageXml() {
    }

    static Document read(PackagePart part) {
        try (InputStream in = part.getInputStream()) {
            return DocumentHelper.readDocument(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("The part " + part.getPartName() + " is not well-formed XML", e);
        }
    }

    /** Writes a document into the part of this name (POI replaces a part read from the ZIP by one held in memory). */
    static void write(OPCPackage pkg, PackagePartName name, Document document) {
        try (OutputStream out = pkg.getPart(name).getOutputStream()) {
            StreamHelper.saveXmlInStream(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a part with these bytes. */
    static PackagePart create(OPCPackage pkg, String name, String contentType, byte[] content) {
        try {
            PackagePart part = pkg.createPart(partName(name), contentType);
            try (OutputStream out = part.getOutputStream()) {
                out.write(content);
            }
            return part;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PackagePartName partName(String name) {
        try {
            return PackagingURIHelper.createPartName(name);
        } catch (InvalidFormatException e) {
            throw new IllegalArgumentException("Not a part name: " + name, e);
        }
    }

    /** The element's children of this local name (main namespace), in order. */
    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && MAIN.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** A new element in the main namespace, with the prefix the document's root uses for it. */
    static Element element(Document document, String localName) {
        String prefix = document.getDocumentElement().getPrefix();
        return document.createElementNS(MAIN, prefix == null ? localName : prefix + ":" + localName);
    }

    /** An attribute's value, or null when it is not there. */
    static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }
}
