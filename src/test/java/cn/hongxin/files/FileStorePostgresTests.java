package cn.hongxin.files;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class FileStorePostgresTests extends FileStoreTests {
}
