package cn.hongxin.files;

import cn.hongxin.security.CurrentUser;

/**
 * Who may read a stored file. The files module keeps bytes, not meaning: each module that hands out file
 * ids (events for photos, attachments and lecture materials; submissions for posters and essays)
 * implements this interface as a Spring bean and answers for the files it knows. A download is allowed
 * when the account that uploaded the file asks, or when at least one policy says yes; otherwise it is
 * answered as not found (404), so file ids cannot be probed.
 */
public interface FileAccessPolicy {

    /**
     * Whether {@code user} may read {@code file}. Answer false for files this module does not know;
     * never throw for them.
     */
    boolean canRead(StoredFile file, CurrentUser user);
}
