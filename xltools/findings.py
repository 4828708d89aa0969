"""The catalogue of findings: every check of the tool (validate, check-format, merge) reports what it
noticed as a Finding whose code names its kind here, with a level (问题: needs the clerk; 提示: worth a look), a
Chinese template of what is wrong and what to do.

What to do is said where the clerk works: KINDS holds the wording for the command line (and the files
it writes), PAGE_HINTS the page's own wording where the two differ (a button instead of a command), so
the page never tells a clerk to run `xltools remind`. One catalogue, both places: a new kind whose hint
names no command needs no page entry.

Findings are collected, never raised: one bad file never stops a batch. A finding names where it is: the
file, sheet, row and unit of a return; the task and column of a dataset; the part of a document.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

PROBLEM, HINT = "问题", "提示"
FORMAT_HINT = "请用 xltools attachment 重新生成，或在 Word/WPS 中按 GB/T 9704-2012 调整。"

# code: (level, template of what is wrong, what the clerk should do)
# -- a merge: the returned trackers -----------------------------------------------------------
_RETURNS: dict[str, tuple[str, str, str]] = {
    "unreadable": ("问题", "文件无法读取：{detail}", "请联系该单位重新发送，或在办公软件中打开后另存为 .xlsx。"),
    "not_a_tracker": ("问题", "不是本次下发的填报表：{detail}", "请核实文件；如确是填报内容，请让单位使用下发的填报表重新填写。"),
    "other_dataset": ("问题", "属于另一份任务清单（{detail}），未计入汇总", "请确认单位填的是本清单的填报表，必要时重新下发。"),
    "other_quarter": ("问题", "是 {detail} 的填报表，不是本季度的，未计入汇总", "请让单位填写本季度下发的填报表。"),
    "no_provenance": ("提示", "填报表的隐藏信息表已丢失（内容可能被复制到新文件），已按标题、单位和任务内容识别为「{detail}」",
                      "请核对识别是否正确；以后请直接在下发的文件中填写。"),
    "unknown_unit": ("问题", "无法确定或不在下发名单中的单位：{detail}，未计入汇总", "请核实文件来自哪个单位。"),
    "duplicate_return": ("提示", "同一单位报送了多份，采用「{detail}」，本文件未计入", "如需采用本文件，请删除另一份后重新汇总。"),
    "text_edited": ("提示", "{task}的任务原文被单位改动（已保留其填报内容）", "请核对改动是否需要；任务原文以下发清单为准。"),
    "row_deleted": ("问题", "{task}任务被删除，视为未报送", "请让该单位补报这一项。"),
    "row_added": ("提示", "新增了清单中没有的一行：{detail}（已记录，未计入汇总）", "请核实是否为新增任务，如是，请在任务总表中添加。"),
    "bad_status": ("问题", "{task}的完成状态「{detail}」不在选项中", "请让单位从下拉列表中选择完成状态。"),
    "empty_required": ("问题", "{task}的「{detail}」未填写", "请让单位补充填写。"),
    "empty_contact": ("问题", "「{detail}」未填写", "请让单位补充填报人和联系电话，便于核实。"),
    "blank_return": ("问题", "交回的是空表（{detail} 项任务都未填写），视为未报送",
                     "请催报，请该单位填写后重新报送；可使用 xltools remind 生成催报文字。"),
    "task_unanswered": ("问题", "{task}未填写，视为该项未报送", "请让该单位补报这一项。"),
    "missing_return": ("问题", "尚未报送（涉及任务 {detail} 项）", "请催报，可使用 xltools remind 生成催报文字。"),
    "skipped_file": ("提示", "已跳过：{detail}", "无需处理。"),
    "formula_cell": ("提示", "{task}的「{detail}」是公式，已按显示的值计入", "请让单位直接填写文字。"),
}



# -- a dataset: the list as imported and corrected (xltools validate) --------------------------------
_DATASET: dict[str, tuple[str, str, str]] = {
    "import_note": (HINT, "导入时：{detail}", "请核对这一处导入是否正确。"),
    "import_doubt": (HINT, "导入时读法存疑：{detail}", "请对照原文核对这一项的内容和单位。"),
    "empty_content": (PROBLEM, "任务内容为空", "请在任务总表中补上任务内容。"),
    "no_number": (PROBLEM, "没有序号", "请在任务总表中补上序号。"),
    "duplicate_number": (PROBLEM, "序号「{number}」重复出现 {detail} 次", "请核对并改正序号。"),
    "no_unit": (PROBLEM, "没有任何牵头或责任单位，无法下发", "请在任务总表中填写单位。"),
    "open_list": (HINT, "单位列表以「等」结尾，可能未列全，请确认是否需要补充", ""),
    "suspicious_unit": (PROBLEM, "单位「{subject}」{detail}", "确认后可采纳建议（validate --accept-all 或网页上的「采纳」）。"),
    "not_unit_like": (PROBLEM, "「{subject}」不像一个单位名称，请核对", "请在任务总表中改正，或在「单位名录」中注明类型。"),
    "alias_group": (HINT, "以下写法视为同一单位「{subject}」：{detail}；如不是，请在「单位名录」中拆开", ""),
    "collective_without_members": (HINT, "集合单位「{subject}」没有列出成员，填报表将整体发给它；如需逐个下发，"
                                         "请在「单位名录」的「成员」中填写", ""),
}

# -- a document: the official format (xltools check-format) ------------------------------------------
_FORMAT: dict[str, tuple[str, str, str]] = {
    "paper": (PROBLEM, "纸张不是 A4", FORMAT_HINT),
    "margin": (PROBLEM, "{detail}边距不符合版心要求（5.2.2）", FORMAT_HINT),
    "empty": (PROBLEM, "文档没有正文段落", "请检查文件是否完整。"),
    "title_align": (PROBLEM, "标题未居中", FORMAT_HINT),
    "label": (PROBLEM, "附件标签写法不规范（7.3.7）", FORMAT_HINT),
    "label_font": (PROBLEM, "附件序号的字体不是黑体（7.3.7）", FORMAT_HINT),
    "font": (PROBLEM, "字体不符（{detail}…）", FORMAT_HINT),
    "size": (PROBLEM, "字号不符（{detail}…）", FORMAT_HINT),
    "header_repeat": (PROBLEM, "表头行未设置「在各页顶端以标题行形式重复出现」", FORMAT_HINT),
    "table_font": (PROBLEM, "表格中使用了不规范的字体", FORMAT_HINT),
    "page_number": (PROBLEM, "页脚中没有页码", FORMAT_HINT),
    "page_number_format": (PROBLEM, "页码格式不是「— 1 —」（7.5）", FORMAT_HINT),
    "page_number_odd": (PROBLEM, "单页页码应居右（7.5）", FORMAT_HINT),
    "page_number_even": (PROBLEM, "{detail}（7.5）", FORMAT_HINT),  # 双页页码应居左, or no even-page footer at all
}

KINDS: dict[str, tuple[str, str, str]] = {**_RETURNS, **_DATASET, **_FORMAT}

# code: what the clerk should do, in the page's words (only where the command line's words do not fit)
PAGE_HINTS: dict[str, str] = {
    "blank_return": "请催报，请该单位填写后重新报送；可在第 5 步点击「生成催报清单」生成催报文字。",
    "missing_return": "请催报，可在第 5 步点击「生成催报清单」生成催报文字。",
    "duplicate_return": "如需采用本文件，请在第 4 步「已收到的文件」中把另一份「撤回」，汇总会自动重做。",
    "unreadable": "请联系该单位重新发送后在第 4 步上传，或在办公软件中打开后另存为 .xlsx 再上传。",
    "suspicious_unit": "确认后可在第 1 步点「采纳」（不是同一单位的点「不采纳」）。",
    **{code: "请在第 2 步重新生成附件，或在 Word/WPS 中按 GB/T 9704-2012 调整。"
       for code, (_level, _what, todo) in _FORMAT.items() if todo == FORMAT_HINT},
}


@dataclass
class Finding:
    """One thing a check noticed (its kind in KINDS), with where it is.

    A return: file, sheet, row, unit. A dataset: the task (number, task_key) and column, a suggestion. A
    document: `where` (标题, 第 1 节, 页码) and what was expected and found. `detail` and `subject` fill the
    kind's template."""

    code: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    unit: str = ""
    number: str = ""
    detail: str = ""
    subject: str = ""
    task_key: str = ""
    column: str = ""
    suggestion: str = ""
    where: str = ""
    expected: str = ""
    found: str = ""

    @property
    def level(self) -> str:
        return KINDS[self.code][0]

    @property
    def message(self) -> str:
        task = name_tasks([self.number]) if self.number else "该项"  # a return's task: 「第 3 项」 or its opening words
        return KINDS[self.code][1].format(number=self.number, task=task, detail=self.detail, subject=self.subject)

    @property
    def hint(self) -> str:
        return KINDS[self.code][2]

    @property
    def hint_page(self) -> str:
        """What to do, said for the page (PAGE_HINTS), else the same words as `hint`."""
        return PAGE_HINTS.get(self.code, self.hint)

    def place(self) -> str:
        """Where the finding is, in the clerk's words."""
        task = f"第 {self.number} 项" if self.number and self.column else ""
        parts = (f"「{self.file}」" if self.file else "", f"工作表「{self.sheet}」" if self.sheet else "",
                 f"第 {self.row} 行" if self.row else "", self.unit,
                 task + (f"「{self.column}」" if self.column else ""), self.where)
        return "，".join(x for x in parts if x)

    def render(self, page: bool = False) -> str:
        """The finding in one line; `page`: what to do in the page's words (hint_page)."""
        place = self.place()
        text = f"[{self.level}] {place + '：' if place else ''}{self.message}"
        if self.expected or self.found:
            text += f"（应为 {self.expected}，实为 {self.found}）"
        if self.suggestion:
            text += f" → 建议：{self.suggestion}"
        hint = self.hint_page if page else self.hint
        return text + (f"。{hint}" if hint else "")

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data.update(level=self.level, message=self.message, hint=self.hint, hint_page=self.hint_page)
        return data


def name_tasks(labels: list[str], spaced: bool = True) -> str:
    """Several tasks in one phrase: 「第 1、3 项」, the unnumbered ones by their opening words after them."""
    numbered = [label for label in labels if not label.startswith("「")]
    quoted = [label for label in labels if label.startswith("「")]
    parts = []
    if numbered:
        parts.append(f"第 {'、'.join(numbered)} 项" if spaced else f"第{'、'.join(numbered)}项")
    return "、".join(parts + quoted)
