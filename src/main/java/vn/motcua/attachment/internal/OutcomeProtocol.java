package vn.motcua.attachment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;
import vn.motcua.attachment.AttachmentState;
import vn.motcua.attachment.SignatureCheck;

/**
 * How the forked JVM hands an outcome back: a few SAX events through Tika's content-handler proxy (an
 * {@code outcome} element with attributes, {@code signature} elements and the text in chunks). The reading side
 * trusts nothing: it keeps at most the character limit of text and ignores anything it does not expect.
 */
final class OutcomeProtocol {
    private static final String OUTCOME = "outcome";
    private static final String SIGNATURE = "signature";
    private static final String TEXT = "text";
    private static final int CHUNK = 8192;

    private OutcomeProtocol() { }

    static void write(ExtractionOutcome outcome, ContentHandler handler) throws SAXException {
        handler.startDocument();
        var attributes = new AttributesImpl();
        add(attributes, "state", outcome.state().name());
        add(attributes, "reason", outcome.reason());
        add(attributes, "detail", outcome.detail());
        add(attributes, "truncated", String.valueOf(outcome.truncated()));
        add(attributes, "pages", outcome.pages() == null ? null : outcome.pages().toString());
        add(attributes, "language", outcome.language());
        add(attributes, "title", outcome.title());
        handler.startElement("", OUTCOME, OUTCOME, attributes);
        for (SignatureCheck s : outcome.signatures()) {
            var a = new AttributesImpl();
            add(a, "signer", s.signer());
            add(a, "signedAt", s.signedAt() == null ? null : s.signedAt().toString());
            add(a, "coversWholeDocument", String.valueOf(s.coversWholeDocument()));
            add(a, "valid", String.valueOf(s.valid()));
            add(a, "problem", s.problem());
            add(a, "trusted", s.trusted() == null ? null : s.trusted().toString());
            add(a, "trustProblem", s.trustProblem());
            handler.startElement("", SIGNATURE, SIGNATURE, a);
            handler.endElement("", SIGNATURE, SIGNATURE);
        }
        handler.startElement("", TEXT, TEXT, new AttributesImpl());
        char[] text = outcome.text().toCharArray();
        for (int start = 0; start < text.length; start += CHUNK) {
            handler.characters(text, start, Math.min(CHUNK, text.length - start));
        }
        handler.endElement("", TEXT, TEXT);
        handler.endElement("", OUTCOME, OUTCOME);
        handler.endDocument();
    }

    private static void add(AttributesImpl attributes, String name, String value) {
        if (value != null) attributes.addAttribute("", name, name, "CDATA", value);
    }

    /** Collects an outcome from the events, keeping at most {@code maxChars} characters of text. */
    static final class Reader extends DefaultHandler {
        private final int maxChars;
        private final StringBuilder text = new StringBuilder();
        private final List<SignatureCheck> signatures = new ArrayList<>();
        private Attributes outcome;
        private boolean inText;
        private boolean cut;

        Reader(int maxChars) { this.maxChars = maxChars; }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            switch (name) {
                case OUTCOME -> outcome = new AttributesImpl(attributes);
                case SIGNATURE -> {
                    if (signatures.size() < 100) {
                        signatures.add(new SignatureCheck(attributes.getValue("signer"), instant(attributes.getValue("signedAt")),
                                Boolean.parseBoolean(attributes.getValue("coversWholeDocument")),
                                Boolean.parseBoolean(attributes.getValue("valid")), limit(attributes.getValue("problem"), 64),
                                trusted(attributes.getValue("trusted")), limit(attributes.getValue("trustProblem"), 64)));
                    }
                }
                case TEXT -> inText = true;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            if (TEXT.equals(name)) inText = false;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!inText) return;
            int room = maxChars - text.length();
            if (length > room) cut = true;
            if (room > 0) text.append(ch, start, Math.min(room, length));
        }

        /** The outcome read, or null when the events held none. */
        ExtractionOutcome outcome() {
            if (outcome == null) return null;
            AttachmentState state;
            try {
                state = AttachmentState.valueOf(outcome.getValue("state"));
            } catch (RuntimeException e) {
                return null;
            }
            if (state == AttachmentState.PENDING) return null;
            Integer pages = null;
            try {
                String p = outcome.getValue("pages");
                pages = p == null ? null : Integer.valueOf(p);
            } catch (NumberFormatException ignored) {
                // no page count then
            }
            return new ExtractionOutcome(state, limit(outcome.getValue("reason"), 64), limit(outcome.getValue("detail"), 500),
                    text.toString(), cut || Boolean.parseBoolean(outcome.getValue("truncated")), pages,
                    limit(outcome.getValue("language"), 16), limit(outcome.getValue("title"), 500), signatures);
        }

        private static String limit(String value, int max) {
            return value == null || value.length() <= max ? value : value.substring(0, max);
        }

        private static Boolean trusted(String value) {
            return value == null ? null : Boolean.valueOf(value);
        }

        private static Instant instant(String value) {
            try {
                return value == null ? null : Instant.parse(value);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
