package vn.motcua.attachment;

/** The tests of the attachments panel ({@link AttachmentViewTest}), every one of them, with the content in the S3 store. */
@OnS3Store
class AttachmentViewOnS3IT extends AttachmentViewTest { }
