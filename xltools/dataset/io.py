"""Load and save a dataset in either form, chosen by the file extension."""

from __future__ import annotations

from pathlib import Path

from ..errors import XlError
from .model import Dataset


def load_dataset(path: str | Path) -> Dataset:
    path = Path(path)
    if not path.exists():
        raise XlError("找不到数据集文件。", file=str(path), hint="请检查路径，或先用 xltools import 生成任务总表。")
    suffix = path.suffix.lower()
    if suffix == ".json":
        from .store_json import load_json

        return load_json(path)
    if suffix in (".xlsx", ".xlsm"):
        from .store_xlsx import load_xlsx

        return load_xlsx(path)
    raise XlError("数据集只能是 .xlsx（任务总表）或 .json 文件。", file=path.name,
                  hint="若这是原始任务清单，请先运行：xltools import 该文件 -o 任务总表.xlsx")


def save_dataset(ds: Dataset, path: str | Path) -> None:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        from .store_json import save_json

        save_json(ds, path)
    elif suffix == ".xlsx":
        from .store_xlsx import save_xlsx

        save_xlsx(ds, path)
    else:
        raise XlError("数据集的输出文件须以 .xlsx 或 .json 结尾。", file=path.name)
