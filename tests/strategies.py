"""Hypothesis strategies for random but plausible task-list datasets (shared by the test modules)."""

from __future__ import annotations

from hypothesis import strategies as st

from xltools.dataset.model import KIND_COLLECTIVE, Dataset, Task, Unit, make_dataset_id, make_task_key

# Common CJK characters plus digits and punctuation a task text really contains.
_HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
_TEXT_CHARS = _HANZI + "0123456789，。；：“”（）%+X"
_UNIT_CORES = ["教育", "财政", "人社", "发改", "自然资源", "住建", "农业农村", "商务", "税务", "科技", "民政", "应急"]
_SUFFIX = ["局", "委", "办", "中心"]
_LEVEL = ["市", "区", "县"]


def zh_text(min_size: int = 1, max_size: int = 80) -> st.SearchStrategy[str]:
    return st.text(alphabet=_TEXT_CHARS, min_size=min_size, max_size=max_size).filter(lambda s: s.strip())


# Inside a name, 及 and 等 are read as connectives between units (xltools/units.py, rule 5: "市人社及一局"
# is 市人社 and 一局), so a random name holds neither.
_NAME_CHARS = _HANZI.replace("及", "").replace("等", "")


@st.composite
def unit_names(draw: st.DrawFn) -> str:
    level = draw(st.sampled_from(_LEVEL))
    core = draw(st.sampled_from(_UNIT_CORES))
    extra = draw(st.text(alphabet=_NAME_CHARS, min_size=0, max_size=3))
    return level + core + extra + draw(st.sampled_from(_SUFFIX))


@st.composite
def datasets(draw: st.DrawFn, min_tasks: int = 1, max_tasks: int = 12, with_category: bool | None = None,
             with_deadline: bool | None = None) -> Dataset:
    """A dataset whose tasks have random Chinese text and 1–5 units from a small pool."""
    pool = draw(st.lists(unit_names(), min_size=2, max_size=10, unique=True))
    collective = "各县区人民政府"
    if with_category is None:
        with_category = draw(st.booleans())
    if with_deadline is None:
        with_deadline = draw(st.booleans())
    n = draw(st.integers(min_tasks, max_tasks))
    taken: set[str] = set()
    tasks: list[Task] = []
    category = ""
    for i in range(n):
        content = draw(zh_text(4, 120))
        if draw(st.integers(0, 5)) == 0:
            content += "\n" + draw(zh_text(2, 40))
        lead = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True))
        rest = [u for u in pool if u not in lead]
        units = draw(st.lists(st.sampled_from(rest), max_size=4, unique=True)) if rest else []
        if draw(st.integers(0, 6)) == 0:
            units.append(collective)
        if with_category and (i == 0 or draw(st.integers(0, 3)) == 0):
            category = draw(zh_text(2, 20)).replace("\n", "")
        tasks.append(Task(
            key=make_task_key(content, taken), number=str(i + 1), content=content,
            category=category if with_category else "", lead_units=lead, units=units,
            deadline=draw(st.sampled_from(["2026年6月底前", "长期坚持", "2027年"])) if with_deadline else "",
            lead_text="、".join(lead), units_text="、".join(units),
        ))
    columns = {"number": "序号"}
    if with_category:
        columns["category"] = "主要任务"
    columns.update({"content": "工作任务", "lead": "牵头单位", "units": "责任单位"})
    if with_deadline:
        columns["deadline"] = "完成时限"
    names = sorted({u for t in tasks for u in t.all_units()})
    units_reg = [Unit(name=u, kind=KIND_COLLECTIVE if u == collective else "单位") for u in names]
    title = draw(zh_text(4, 30)).replace("\n", "") + "任务清单"
    return Dataset(title=title, attachment_label="附件", columns=columns, tasks=tasks, units=units_reg,
                   dataset_id=make_dataset_id(title, [t.key for t in tasks]))
