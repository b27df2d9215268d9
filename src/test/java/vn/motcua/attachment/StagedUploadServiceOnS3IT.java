package vn.motcua.attachment;

/** The tests of files staged before their dossier exists ({@link StagedUploadServiceTest}), every one of them, with the content in the S3 store. */
@OnS3Store
class StagedUploadServiceOnS3IT extends StagedUploadServiceTest { }
