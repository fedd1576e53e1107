package cn.hongxin.outreach;

import org.springframework.stereotype.Component;

import cn.hongxin.files.FileAccessPolicy;
import cn.hongxin.files.StoredFile;
import cn.hongxin.security.CurrentUser;

/** The article files of column pieces may be read by whoever keeps the column of the piece's unit. */
@Component
class ColumnFileAccess implements FileAccessPolicy {

    private final ColumnService column;

    ColumnFileAccess(ColumnService column) {
        this.column = column;
    }

    @Override
    public boolean canRead(StoredFile file, CurrentUser user) {
        return column.articleReadable(file.id(), user);
    }
}
