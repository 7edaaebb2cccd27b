package cn.minzheng.approvals.admin.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses uploaded XML with a parser that refuses any DOCTYPE (so no external entities, no entity
 * expansion bombs) before Camunda's own parser ever sees the file.
 */
final class SafeXml {

  /** Why a file is not acceptable XML: a DOCTYPE, or not well-formed. */
  static final class Refused extends Exception {
    private final boolean doctype;

    Refused(boolean doctype, String message) {
      super(message);
      this.doctype = doctype;
    }

    boolean doctype() {
      return doctype;
    }
  }

  private SafeXml() {
  }

  static Document parse(byte[] bytes) throws Refused {
    if (declaresDoctype(bytes)) {
      throw new Refused(true, "DOCTYPE");
    }
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // errors are thrown, not printed
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (SAXException e) {
      String message = String.valueOf(e.getMessage());
      throw new Refused(message.contains("DOCTYPE"), message);
    } catch (IOException | ParserConfigurationException e) {
      throw new Refused(false, String.valueOf(e.getMessage()));
    }
  }

  private static boolean declaresDoctype(byte[] bytes) {
    // ASCII-compatible encodings; anything else is caught by the parser's own refusal
    String text = new String(bytes, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
    return text.contains("<!DOCTYPE") || text.contains("<!ENTITY");
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }
}
