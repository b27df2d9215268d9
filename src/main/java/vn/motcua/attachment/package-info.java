/**
 * Attachment: the files of a dossier (tệp đính kèm). Uploads are streamed to a content-addressed store, their media
 * type detected from the content and checked against the dossier component they fill; their text is extracted in the
 * background by Apache Tika in a separate, limited JVM (with OCR in Vietnamese); PDF signatures are verified; dossiers
 * and attachment text are searchable without diacritics, each user seeing only what they may see.
 */
package vn.motcua.attachment;
