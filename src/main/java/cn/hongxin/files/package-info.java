/**
 * Attachment storage: uploads checked by content (not by name), size-limited, images thumbnailed,
 * stored on local disk under the data directory behind one interface ({@link cn.hongxin.files.FileStore});
 * an S3-compatible store can take its place where several instances run.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security"})
package cn.hongxin.files;
