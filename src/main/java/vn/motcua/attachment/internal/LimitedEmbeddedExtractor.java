package vn.motcua.attachment.internal;

import java.io.IOException;
import java.io.InputStream;

import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses embedded documents (attachments of a mail, files of an archive, objects in an office document) up to a
 * number and a nesting depth, and skips the others: a document with ten thousand embedded files, or files nested
 * in files ad infinitum, costs no more than the limits allow. The same instance serves every nesting level.
 */
final class LimitedEmbeddedExtractor implements EmbeddedDocumentExtractor {
    private final ParsingEmbeddedDocumentExtractor delegate;
    private final int maxCount;
    private final int maxDepth;
    private int count;
    private int depth;
    private boolean skipped;

    LimitedEmbeddedExtractor(ParseContext context, int maxCount, int maxDepth) {
        this.delegate = new ParsingEmbeddedDocumentExtractor(context);
        this.delegate.setWriteFileNameToContent(false);
        this.maxCount = maxCount;
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        if (overLimit()) return false;
        return delegate.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (overLimit()) return;
        count++;
        depth++;
        try {
            delegate.parseEmbedded(stream, handler, metadata, outputHtml);
        } finally {
            depth--;
        }
    }

    private boolean overLimit() {
        if (count >= maxCount || depth >= maxDepth) {
            skipped = true;
            return true;
        }
        return false;
    }

    /** True when some embedded document was skipped because of a limit. */
    boolean skipped() { return skipped; }
}
