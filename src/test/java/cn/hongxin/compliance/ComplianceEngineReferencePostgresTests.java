package cn.hongxin.compliance;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class ComplianceEngineReferencePostgresTests extends ComplianceEngineReferenceTests {

    @Override
    boolean halvesRunSideBySide() {
        return true;
    }
}
