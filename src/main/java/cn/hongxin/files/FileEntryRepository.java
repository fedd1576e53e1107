package cn.hongxin.files;

import org.springframework.data.jpa.repository.JpaRepository;

interface FileEntryRepository extends JpaRepository<FileEntry, Long> {
}
