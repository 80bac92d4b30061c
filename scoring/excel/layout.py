"""What the reader and the writer of the 自评表 workbook agree on: the sheets, and the rows of
the 部门 sheet (label in column A, value in column B)."""

DEPARTMENT_SHEET = "部门"
OWN_TABLE_SHEET = "部门整体"

# What a review adds (scoring.excel.annotate): two columns beside each table and two sheets.
REVIEW_TITLES = ("复核得分", "复核意见")
SUMMARY_SHEET = "汇总"
FINDINGS_SHEET = "复核发现"

# Label in column A, key in the department mapping (a tuple: inside ``budget``).
DEPARTMENT_ROWS = (
    ("部门名称", ("name",)),
    ("年度", ("year",)),
    ("年初预算数（万元）", ("budget", "planned")),
    ("全年预算数（万元）", ("budget", "adjusted")),
    ("全年执行数（万元）", ("budget", "spent")),
    ("执行率得分", ("budget", "score")),
    ("资金偏差原因", ("budget", "reason")),
    ("自评得分", ("score",)),
    ("自评等级", ("grade",)),
    ("分值调整说明", ("weights_reason",)),
)
