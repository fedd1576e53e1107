package cn.hongxin.files;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import cn.hongxin.security.CurrentUser;

/** Asks the {@link FileAccessPolicy} beans of the owning modules whether an account may read a file. */
@Component
class FileAccess {

    private final List<FileAccessPolicy> policies;

    FileAccess(List<FileAccessPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    /** The uploader may always read their own upload; everybody else needs a policy that says yes. */
    boolean canRead(StoredFile file, CurrentUser user) {
        if (file.ownerAccountId() != null && Objects.equals(file.ownerAccountId(), user.accountId())) {
            return true;
        }
        return policies.stream().anyMatch(p -> p.canRead(file, user));
    }
}
