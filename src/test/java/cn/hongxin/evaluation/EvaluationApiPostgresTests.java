package cn.hongxin.evaluation;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class EvaluationApiPostgresTests extends EvaluationApiTests {
}
