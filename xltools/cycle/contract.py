"""The contract of the tracker cycle: the statuses a unit may report, what 「未报送」 is, and the rule that
settles a task's overall status from its units' answers.

The statuses and the rule's words can be changed by the clerk in templates/merge.toml (and the tracker's
drop-down in templates/tracker.toml); the defaults live here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

STATUSES = ("已完成", "推进中", "滞后", "未启动")  # what a unit may choose in its tracker
NOT_REPORTED = "未报送"  # a task or unit with no usable answer
NO_OWNER = "未明确单位"  # a task naming no lead or responsible unit: no tracker carried it, nobody could report
STATUS_ORDER = (*STATUSES, NOT_REPORTED, NO_OWNER)  # how outputs list the statuses
LEAD = "牵头"  # the role of a lead unit in trackers and 明细


@dataclass(frozen=True)
class MergeRules:
    """How a task's overall status is settled and which answers are required (templates/merge.toml)."""

    statuses: tuple[str, ...] = STATUSES
    late: str = "滞后"
    done: str = "已完成"
    in_progress: str = "推进中"
    not_started: str = "未启动"
    required: tuple[str, ...] = ("进展情况", "完成状态")
    rule_text: str = ("总体状态的判定：清单没有写明单位的任务为「未明确单位」（没有下发）；无单位报送为「未报送」；任一单位为「滞后」即为「滞后」；否则取牵头单位的状态；"
                      "牵头单位未报送时，全部已完成为「已完成」，有已开展的为「推进中」，否则为「未启动」。")


DEFAULT_RULES = MergeRules()


def load_rules(path: str | Path | None = None) -> MergeRules:
    from ..infra.settings import load_settings

    return load_settings(MergeRules, path, "merge.toml", "汇总规则文件")


def overall_of(answers: Iterable[tuple[str, str]], rules: MergeRules = DEFAULT_RULES) -> str:
    """A task's overall status from the (role, status) of each unit that reported a status.

    Nobody → 未报送; any unit late → late; else the lead units' status (several leads: the least
    advanced one); without a lead: all done → done, any started → in progress, else not started."""
    states = [(role, status) for role, status in answers if status and status != NOT_REPORTED]
    if not states:
        return NOT_REPORTED
    if any(status == rules.late for _r, status in states):
        return rules.late
    lead = [status for role, status in states if role == LEAD]
    if lead:
        order = list(rules.statuses)
        return max(lead, key=lambda s: order.index(s) if s in order else -1)
    if all(status == rules.done for _r, status in states):
        return rules.done
    if any(status != rules.not_started for _r, status in states):
        return rules.in_progress if rules.in_progress in rules.statuses else states[0][1]
    return rules.not_started
