"""Synthetic but realistic task lists for the benchmark suite, in every form the steps read.

`generate(size, workdir)` writes, deterministically (seeded):
- 任务总表.xlsx and 任务总表.json: the dataset (xltools.save_dataset);
- 附件清单.docx: the list as an office types it — label, title, one table whose header row repeats
  (w:tblHeader), the 主要任务 cell merged down its group (w:vMerge), built as raw XML;
- 附件清单.txt: the same list pasted out of Word (tab-led cells, a blank line between rows, like
  seeds/pingqiao.txt);
- 下发/ and 回收/ on demand (`write_returns`): the trackers issued by xltools and the returns filled in
  as departments would (xltools.demo.fill_tracker), a few units late.

Realism: task texts of 50–300 Chinese characters built from clauses of real task lists; 1 lead and 2–8
responsible units per task, drawn with the skew real lists have (财政、发改、教育 in many tasks, a county
bureau in few); a few collectives (各县区人民政府 …) with members; tasks grouped under 主要任务 categories.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from xltools.dataset.model import KIND_COLLECTIVE, Dataset, Task, Unit, make_dataset_id, make_task_key

SIZES = {"tiny": (10, 20), "small": (50, 100), "medium": (200, 400), "large": (500, 1500)}
SEED = 2026
QUARTER, DEADLINE = "2026Q1", "2026-04-10"
COLUMNS = {"number": "序号", "category": "主要任务", "content": "任务内容", "lead": "牵头单位",
           "units": "责任单位", "deadline": "完成时限"}
LATE_SHARE = 0.03  # units that do not return by the merge

_CITY_DEPTS = [
    "发展和改革委员会", "教育局", "财政局", "人力资源和社会保障局", "科学技术局", "工业和信息化局", "住房和城乡建设局",
    "自然资源和规划局", "农业农村局", "商务局", "民政局", "卫生健康委员会", "交通运输局", "水利局", "生态环境局",
    "文化广电和旅游局", "市场监督管理局", "应急管理局", "司法局", "公安局", "审计局", "统计局", "医疗保障局",
    "退役军人事务局", "林业和草原局", "乡村振兴局", "数据局", "机关事务管理局", "国有资产监督管理委员会",
    "地方金融监督管理局", "行政审批局", "城市管理综合执法局", "体育局", "税务局", "总工会", "妇女联合会",
    "科学技术协会", "残疾人联合会", "委组织部", "委宣传部", "委编办", "委网信办", "政府办公室", "信访局",
]
_SCHOOLS = ["职业技术学院", "第一职业中专", "技师学院", "工程职业学院", "卫生学校", "师范高等专科学校"]
_COUNTY_STEMS = "东西南北青白金石龙凤安永兴平长新清河山泉湖阳云华德宁"
_COUNTY_DEPTS = ["教育局", "财政局", "人力资源和社会保障局", "发展和改革局", "农业农村局", "住房和城乡建设局",
                 "卫生健康局", "民政局", "商务局", "应急管理局", "自然资源局", "交通运输局", "文化旅游局", "水务局"]
_CATEGORIES = [
    "全面落实立德树人根本任务", "优化职业院校和专业布局", "深化产教融合校企合作", "完善现代职业教育体系",
    "加强“双师型”教师队伍建设", "提升职业院校办学条件", "推进教育数字化转型", "健全就业创业服务体系",
    "加快建设现代化产业体系", "持续优化营商环境", "推动城乡融合发展", "加强生态环境保护", "保障和改善民生",
    "强化组织实施和保障", "深化重点领域改革", "扩大高水平对外开放", "提升基层治理能力", "加强安全生产监管",
]
_VERBS = ["加快推进", "全面实施", "深入开展", "积极推动", "持续深化", "大力支持", "健全完善", "统筹推进", "着力提升",
          "加强", "规范", "鼓励", "探索建立", "扎实推进", "稳步扩大", "优化调整"]
_OBJECTS = ["职业院校专业设置与产业需求对接", "校企合作育人机制", "高技能人才培养培训", "“双师型”教师队伍建设",
            "中等职业学校标准化建设工程", "产教融合型企业认定", "公共实训基地建设", "数字化校园建设",
            "技能人才评价制度改革", "农村劳动力转移就业培训", "社区教育和老年教育", "职业技能等级认定",
            "重点产业链人才需求预测", "营商环境评价指标体系", "基层医疗卫生服务能力", "城乡生活垃圾分类处理",
            "农业社会化服务体系", "“一网通办”政务服务改革", "安全生产专项整治三年行动", "高标准农田建设",
            "中小企业公共服务平台", "养老服务设施布局", "学前教育普惠性资源扩容", "乡村振兴重点帮扶项目"]
_TARGETS = ["到{y}年底前，建成{n}个市级{t}", "{y}年完成{p}%以上的年度目标任务", "每年培训{n}00人次以上",
            "培育{n}所省级示范学校和{n}个特色专业群", "新增{n}个校外实践基地", "力争{y}年实现县区全覆盖",
            "遴选{n}个典型案例并在全市推广", "争取上级资金{n}000万元以上", "建立季度调度和年度考核制度"]
_TARGET_NOUNS = ["产教融合实训基地", "示范性职业教育集团", "技能大师工作室", "社区学院", "创新创业孵化平台"]
_TAILS = ["强化部门协同，形成工作合力。", "定期通报工作进展，确保各项任务按期完成。",
          "将工作情况纳入年度绩效考核。", "建立健全长效机制，巩固提升工作成效。",
          "加强宣传引导，营造良好社会氛围。", "落实经费保障，按规定统筹使用相关资金。"]
_DEADLINES = ["2026年6月底前", "2026年底前", "2027年6月底前", "长期坚持", "持续推进", "2026年9月底前"]


@dataclass
class Files:
    """Where one size's inputs are."""

    root: Path
    dataset_xlsx: Path
    dataset_json: Path
    docx: Path
    text: Path

    @property
    def issued(self) -> Path:
        return self.root / "下发"

    @property
    def inbox(self) -> Path:
        return self.root / "回收"


def make_dataset(n_units: int, n_tasks: int, seed: int = SEED) -> Dataset:
    """A list of `n_tasks` tasks over `n_units` units (plus a few collectives); every unit has a task."""
    rng = random.Random(seed)
    units, collectives = _make_units(n_units)
    weights = [1.0 / (i + 1) ** 0.7 for i in range(len(units))]
    categories = _category_runs(n_tasks, rng)
    taken: set[str] = set()
    tasks: list[Task] = []
    for i in range(n_tasks):
        content = _task_text(rng)
        lead, others = _task_units(i, units, weights, collectives, rng)
        tasks.append(Task(key=make_task_key(content, taken), number=str(i + 1), content=content,
                          category=categories[i], lead_units=lead, units=others,
                          deadline=rng.choice(_DEADLINES), lead_text="、".join(lead), units_text="、".join(others)))
    registry = [Unit(name=u) for u in units]
    registry += [Unit(name=name, kind=KIND_COLLECTIVE, members=members) for name, members in collectives.items()]
    title = "关于推进职业教育高质量发展的重点任务清单"
    return Dataset(title=title, attachment_label="附件2", columns=dict(COLUMNS), tasks=tasks, units=registry,
                   dataset_id=make_dataset_id(title, [t.key for t in tasks]), source="bench")


def _make_units(n: int) -> tuple[list[str], dict[str, list[str]]]:
    """City departments first (most often named), then schools, then county governments and bureaus."""
    city = ["市" + d for d in _CITY_DEPTS] + ["市" + s for s in _SCHOOLS]
    counties = [a + b + "县" for a in _COUNTY_STEMS for b in _COUNTY_STEMS if a != b]
    out = city[: max(n - n // 5, min(n, 6))]
    county_govs: list[str] = []
    bureaus: list[str] = []
    k = 0
    while len(out) + len(county_govs) + len(bureaus) < n:
        county = counties[k // (len(_COUNTY_DEPTS) + 1)]
        j = k % (len(_COUNTY_DEPTS) + 1)
        (county_govs if j == 0 else bureaus).append(county + ("人民政府" if j == 0 else _COUNTY_DEPTS[j - 1]))
        k += 1
    collectives: dict[str, list[str]] = {}
    if county_govs:
        collectives["各县区人民政府"] = list(county_govs)
    edu = [b for b in bureaus if b.endswith("教育局")]
    if edu:
        collectives["各县区教育局"] = edu
    return out + county_govs + bureaus, collectives


def _category_runs(n: int, rng: random.Random) -> list[str]:
    out: list[str] = []
    k = 0
    while len(out) < n:
        out += [_CATEGORIES[k % len(_CATEGORIES)]] * rng.randint(3, 15)
        k += 1
    return out[:n]


def _task_text(rng: random.Random) -> str:
    """50–300 characters: clauses of a task, a target, a closing requirement."""
    goal = rng.choice([60, 90, 120, 150, 200, 260])
    text = ""
    while len(text) < goal:
        clause = rng.choice(_VERBS) + rng.choice(_OBJECTS) + "，" + rng.choice(_TARGETS).format(
            y=rng.choice([2026, 2027, 2028]), n=rng.randint(2, 9), p=rng.choice([60, 80, 90]),
            t=rng.choice(_TARGET_NOUNS)) + "。"
        if rng.random() < 0.4:
            clause += rng.choice(_TAILS)
        if len(text) + len(clause) > 300:
            break
        text += clause
    while len(text) < 50:
        text += rng.choice(_TAILS)
    return text[:300]


def _task_units(i: int, units: list[str], weights: list[float], collectives: dict[str, list[str]],
                rng: random.Random) -> tuple[list[str], list[str]]:
    """1 lead and 2–8 responsible units; task i also names unit i (mod n), so every unit has a task."""
    lead = rng.choices(units[: max(3, len(units) // 4)], k=1)
    chosen = {lead[0]}
    others: list[str] = []
    want = rng.randint(2, 8)
    must = units[i % len(units)]
    if must not in chosen:
        others.append(must)
        chosen.add(must)
    while len(others) < want and len(chosen) < len(units):
        u = rng.choices(units, weights=weights, k=1)[0]
        if u not in chosen:
            chosen.add(u)
            others.append(u)
    if collectives and rng.random() < 0.12:
        name = rng.choice(sorted(collectives))
        if not chosen & set(collectives[name]):
            others[-1] = name
    return lead, others


# -- the document forms -----------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_COL_TWIPS = {"number": 700, "category": 1800, "content": 6000, "lead": 1800, "units": 2600, "deadline": 1300}


def _cell(role: str, text: str, merge: str | None = None) -> str:
    vmerge = "" if merge is None else ('<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>")
    body = "" if merge == "continue" else f"<w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r>"
    return (f'<w:tc><w:tcPr><w:tcW w:w="{_COL_TWIPS[role]}" w:type="dxa"/>{vmerge}</w:tcPr>'
            f"<w:p>{body}</w:p></w:tc>")


def _table_xml(ds: Dataset) -> str:
    roles = list(ds.columns)
    grid = "".join(f'<w:gridCol w:w="{_COL_TWIPS[r]}"/>' for r in roles)
    head = ('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + "".join(_cell(r, ds.columns[r]) for r in roles)
            + "</w:tr>")
    rows = [head]
    previous = None
    for task in ds.tasks:
        cells = []
        for role in roles:
            if role == "category":
                merge = "continue" if task.category == previous else "restart"
                cells.append(_cell(role, task.category, merge))
            else:
                cells.append(_cell(role, _printed(task, role)))
        previous = task.category
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    borders = "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl xmlns:w="{_W}"><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}'
            f'</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def _printed(task: Task, role: str) -> str:
    if role == "lead":
        return task.lead_text
    if role == "units":
        return task.units_text
    return str(getattr(task, role))


def write_docx(ds: Dataset, path: Path) -> Path:
    """The list as a Word table (python-docx's blank document; the table itself as raw XML)."""
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_paragraph(ds.attachment_label)
    doc.add_paragraph(ds.title)
    body = doc.element.body
    body.insert(len(body) - 1, parse_xml(_table_xml(ds)))
    doc.save(str(path))
    return path


def write_text(ds: Dataset, path: Path) -> Path:
    """The list as pasted out of Word: each cell a line led by a tab, a blank line after each row."""
    roles = list(ds.columns)
    lines = [ds.attachment_label, ds.title, ""]
    lines += ["\t" + ds.columns[r] for r in roles] + [""]
    previous = None
    for task in ds.tasks:
        for role in roles:
            if role == "category":
                lines.append("\t" + ("" if task.category == previous else task.category))
            else:
                lines.append("\t" + _printed(task, role))
        previous = task.category
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- everything for one size ------------------------------------------------------------------------

def files_for(root: Path) -> Files:
    return Files(root, root / "任务总表.xlsx", root / "任务总表.json", root / "附件清单.docx", root / "附件清单.txt")


def generate(size: str, root: str | Path, returns: bool = True) -> Files:
    """Write one size's case into root/size: the dataset, the .docx, the text and (with `returns`) the
    issued trackers and their returns. Reused when a previous call with the same generator made it."""
    import xltools

    n_units, n_tasks = SIZES[size]
    files = files_for(Path(root) / size)
    stamp = files.root / "stamp.json"
    want = {"size": size, "units": n_units, "tasks": n_tasks, "seed": SEED, "gen": _fingerprint(),
            "returns": returns}
    if stamp.exists() and json.loads(stamp.read_text(encoding="utf-8")) == want:
        return files
    clear(files.root)
    files.root.mkdir(parents=True)
    ds = make_dataset(n_units, n_tasks)
    xltools.save_dataset(ds, files.dataset_xlsx)
    xltools.save_dataset(ds, files.dataset_json)
    write_docx(ds, files.docx)
    write_text(ds, files.text)
    if returns:
        xltools.write_trackers(ds, QUARTER, files.issued, deadline=DEADLINE)
        write_returns(files)
    stamp.write_text(json.dumps(want), encoding="utf-8")
    return files


def write_returns(files: Files, seed: int = SEED) -> int:
    """Fill every issued tracker as its department would; LATE_SHARE of the units send nothing."""
    from xltools.demo import answers_for, fill_tracker

    manifest = json.loads((files.issued / "manifest.json").read_text(encoding="utf-8"))
    clear(files.inbox)
    files.inbox.mkdir(parents=True)
    rng = random.Random(seed)
    entries = manifest["units"]
    late = {e["unit"] for e in rng.sample(entries, int(len(entries) * LATE_SHARE))}
    people = ["王丽", "李明", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"]
    count = 0
    for entry in entries:
        if entry["unit"] in late:
            continue
        answers = answers_for(entry["unit"], [t["key"] for t in entry["tasks"]], rng)
        signoff = {"填报人": rng.choice(people), "联系电话": f"0411-{rng.randint(2000000, 8999999)}",
                   "审核人": rng.choice(people), "填报日期": "2026-04-08"}
        fill_tracker(files.issued / entry["file"], answers, signoff, out=files.inbox / entry["file"])
        count += 1
    return count


def load(files: Files) -> Dataset:
    import xltools

    return xltools.load_dataset(files.dataset_json)


def expected_trackers(ds: Dataset) -> dict[str, int]:
    """Recipient → task rows, worked out here (not by xltools): collectives with members expanded."""
    members = {u.name: u.members for u in ds.units if u.kind == KIND_COLLECTIVE and u.members}
    out: dict[str, set[str]] = {}
    for task in ds.tasks:
        for name in task.all_units():
            for unit in members.get(name, [name]):
                out.setdefault(unit, set()).add(task.key)
    return {unit: len(keys) for unit, keys in out.items()}


def returned_rows(files: Files) -> int:
    """Task rows in the returned trackers (0 when the returns were not made)."""
    manifest = files.issued / "manifest.json"
    if not manifest.exists():
        return 0
    entries = json.loads(manifest.read_text(encoding="utf-8"))["units"]
    present = {p.name for p in files.inbox.glob("*.xlsx")}
    return sum(len(e["tasks"]) for e in entries if e["file"] in present)


def clear(path: Path) -> None:
    import shutil

    if path.exists():
        shutil.rmtree(path)


def _fingerprint() -> str:
    import hashlib

    return hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]


if __name__ == "__main__":  # python tests/bench/gen.py SIZE DIR
    print(generate(sys.argv[1], sys.argv[2]).root)
