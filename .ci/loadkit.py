"""What the load clients (.ci/faults.py, docker/cluster-load.py) file: GB 11643 ID numbers never handed out twice
in one run (as support/TestIds), a 低保 application of a two-person household, and the 调查 form's data."""
import datetime
import random
import threading

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
_used_ids = set()
_ids_lock = threading.Lock()


def id_number():
    while True:
        birth = datetime.date(1940, 1, 1) + datetime.timedelta(days=random.randrange(365 * 60))
        first17 = "420112" + birth.strftime("%Y%m%d") + "%03d" % random.randrange(1000)
        value = first17 + CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]
        with _ids_lock:
            if value not in _used_ids:
                _used_ids.add(value)
                return value


def dibao_application(community):
    applicant = id_number()
    return {
        "type": "dibao", "regionCode": community,
        "applicant": {"name": "张小三", "idNumber": applicant, "phone": "13812345678"},
        "members": [
            {"name": "张小三", "idNumber": applicant, "relation": "self", "coResident": True, "monthlyIncome": 300,
             "workAbility": "none", "disability": "grade2"},
            {"name": "李四", "idNumber": id_number(), "relation": "spouse", "coResident": True, "monthlyIncome": 200,
             "workAbility": "partial", "disability": "none"}],
        "bankName": "中国农业银行", "bankAccount": "6228480012345678901", "reason": "因病致贫",
        "materials": [{"kind": "id_card", "description": "身份证", "provided": True},
                      {"kind": "hukou", "description": "户口簿", "provided": True}],
    }


INVESTIGATION = {"investigator1": "王五", "investigator2": "赵六", "visitDate": "2026-11-18",
                 "verificationResult": "consistent", "holdDemocraticReview": False, "skipReason": "家庭情况清楚，无争议"}
