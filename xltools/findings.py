"""The catalogue of merge findings: each kind a code, a level and a Chinese template saying what to do.

What to do is said where the clerk works: KINDS holds the wording for the command line (and the files
it writes), PAGE_HINTS the page's own wording where the two differ (a button instead of a command), so
the page never tells a clerk to run `xltools remind`. One catalogue, both places: a new kind whose hint
names no command needs no page entry.

Findings are collected, never raised: one bad file never stops a batch. Every finding names the file,
and where they apply the sheet, the row and the unit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

# code: (level, template of what is wrong, what the clerk should do)
KINDS: dict[str, tuple[str, str, str]] = {
    "unreadable": ("问题", "文件无法读取：{detail}", "请联系该单位重新发送，或在办公软件中打开后另存为 .xlsx。"),
    "not_a_tracker": ("问题", "不是本次下发的填报表：{detail}", "请核实文件；如确是填报内容，请让单位使用下发的填报表重新填写。"),
    "other_dataset": ("问题", "属于另一份任务清单（{detail}），未计入汇总", "请确认单位填的是本清单的填报表，必要时重新下发。"),
    "other_quarter": ("问题", "是 {detail} 的填报表，不是本季度的，未计入汇总", "请让单位填写本季度下发的填报表。"),
    "no_provenance": ("提示", "填报表的隐藏信息表已丢失（内容可能被复制到新文件），已按标题、单位和任务内容识别为「{detail}」",
                      "请核对识别是否正确；以后请直接在下发的文件中填写。"),
    "unknown_unit": ("问题", "无法确定或不在下发名单中的单位：{detail}，未计入汇总", "请核实文件来自哪个单位。"),
    "duplicate_return": ("提示", "同一单位报送了多份，采用「{detail}」，本文件未计入", "如需采用本文件，请删除另一份后重新汇总。"),
    "text_edited": ("提示", "第 {number} 项的任务原文被单位改动（已保留其填报内容）", "请核对改动是否需要；任务原文以下发清单为准。"),
    "row_deleted": ("问题", "第 {number} 项任务被删除，视为未报送", "请让该单位补报这一项。"),
    "row_added": ("提示", "新增了清单中没有的一行：{detail}（已记录，未计入汇总）", "请核实是否为新增任务，如是，请在任务总表中添加。"),
    "bad_status": ("问题", "第 {number} 项的完成状态「{detail}」不在选项中", "请让单位从下拉列表中选择完成状态。"),
    "empty_required": ("问题", "第 {number} 项的「{detail}」未填写", "请让单位补充填写。"),
    "empty_contact": ("问题", "「{detail}」未填写", "请让单位补充填报人和联系电话，便于核实。"),
    "blank_return": ("问题", "交回的是空表（{detail} 项任务都未填写），视为未报送",
                     "请催报，请该单位填写后重新报送；可使用 xltools remind 生成催报文字。"),
    "task_unanswered": ("问题", "第 {number} 项未填写，视为该项未报送", "请让该单位补报这一项。"),
    "missing_return": ("问题", "尚未报送（涉及任务 {detail} 项）", "请催报，可使用 xltools remind 生成催报文字。"),
    "skipped_file": ("提示", "已跳过：{detail}", "无需处理。"),
    "formula_cell": ("提示", "第 {number} 项的「{detail}」是公式，已按显示的值计入", "请让单位直接填写文字。"),
}

# code: what the clerk should do, in the page's words (only where the command line's words do not fit)
PAGE_HINTS: dict[str, str] = {
    "blank_return": "请催报，请该单位填写后重新报送；可在第 5 步点击「生成催报清单」生成催报文字。",
    "missing_return": "请催报，可在第 5 步点击「生成催报清单」生成催报文字。",
    "duplicate_return": "如需采用本文件，请在第 4 步「已收到的文件」中把另一份「撤回」，汇总会自动重做。",
    "unreadable": "请联系该单位重新发送后在第 4 步上传，或在办公软件中打开后另存为 .xlsx 再上传。",
}


@dataclass
class Finding:
    """One thing a merge noticed about a return (its kind in KINDS), with where it is."""

    code: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    unit: str = ""
    number: str = ""
    detail: str = ""

    @property
    def level(self) -> str:
        return KINDS[self.code][0]

    @property
    def message(self) -> str:
        return KINDS[self.code][1].format(number=self.number, detail=self.detail)

    @property
    def hint(self) -> str:
        return KINDS[self.code][2]

    @property
    def hint_page(self) -> str:
        """What to do, said for the page (PAGE_HINTS), else the same words as `hint`."""
        return PAGE_HINTS.get(self.code, self.hint)

    def render(self) -> str:
        where = "，".join(x for x in (f"「{self.file}」" if self.file else "", f"工作表「{self.sheet}」" if self.sheet else "",
                                     f"第 {self.row} 行" if self.row else "", self.unit) if x)
        return f"[{self.level}] {where}：{self.message}。{self.hint}"

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data.update(level=self.level, message=self.message, hint=self.hint, hint_page=self.hint_page)
        return data
