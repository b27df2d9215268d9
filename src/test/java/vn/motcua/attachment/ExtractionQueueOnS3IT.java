package vn.motcua.attachment;

/** The tests of the extraction queue ({@link ExtractionQueueTest}), every one of them, with the content in the S3 store. */
@OnS3Store
class ExtractionQueueOnS3IT extends ExtractionQueueTest { }
