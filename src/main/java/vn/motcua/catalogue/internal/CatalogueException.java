package vn.motcua.catalogue.internal;

/** A procedure folder that cannot be deployed: names the file and the problem. */
public class CatalogueException extends RuntimeException {
    public CatalogueException(String file, String problem) {
        super(file + ": " + problem);
    }
}
