"""Long steps (attachment with PDF, trackers, merge, report) run one at a time in a background thread.

A route submits a job and answers at once with a progress fragment that htmx polls. The job's
function receives the job and passes `job.progress` as the library's `progress` callback
(callable(done, total, label)), so the page shows the same files-done-of-total as the CLI.
An `XlError` ends the job with its Chinese message and hint; any other exception ends it with a
short internal-error message (the traceback goes to the server's log, never to the page).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..errors import XlError
from .messages import internal_text

log = logging.getLogger("xltools.web")

WAITING, RUNNING, DONE, FAILED = "排队中", "进行中", "完成", "出错"
_KEEP = 50


@dataclass
class Job:
    """One background job of the local page: its step, progress, result or error."""

    id: str
    label: str
    step: int
    kind: str = ""  # which result fragment shows the outcome
    fold: str = ""  # jobs with the same key that are waiting are one job (see JobRunner.submit)
    state: str = WAITING
    done: int = 0
    total: int = 0
    item: str = ""
    result: Any = None
    error: XlError | None = None
    finished: threading.Event = field(default_factory=threading.Event, repr=False)

    def progress(self, done: int, total: int, label: str = "") -> None:
        self.done, self.total, self.item = done, total, str(label)

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def over(self) -> bool:
        return self.state in (DONE, FAILED)


class JobRunner:
    """One worker thread: steps never run over each other's files."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xltools-job")
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def submit(self, label: str, step: int, fn: Callable[[Job], Any], kind: str = "", fold: str = "") -> Job:
        """Queue `fn`; with `fold`, a job of the same key still waiting to start is answered instead.

        A merge reads whatever is in 回收/ when it starts, so uploads and clicks that arrive while one
        merge runs need one more merge after it, not one each."""
        with self._lock:
            if fold:
                waiting = next((j for j in self._jobs.values() if j.fold == fold and j.state == WAITING), None)
                if waiting is not None:
                    return waiting
            job = Job(uuid.uuid4().hex[:12], label, step, kind, fold=fold)
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-_KEEP]:
                if self._jobs[old].over:
                    del self._jobs[old]
        self._pool.submit(self._run, job, fn)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def wait(self, job_id: str, timeout: float = 120) -> Job:
        """Block until the job is over (for tests and scripts)."""
        job = self.get(job_id)
        if job is None:
            raise KeyError(job_id)
        job.finished.wait(timeout)
        return job

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, fn: Callable[[Job], Any]) -> None:
        with self._lock:  # from now on a new click needs a new job
            job.state = RUNNING
        try:
            job.result = fn(job)
            job.state = DONE
        except XlError as exc:
            job.error, job.state = exc, FAILED
        except Exception as exc:  # the last net: a Chinese message on the page, the traceback in the log
            log.exception("job %s (%s) failed", job.id, job.label)
            text, hint = internal_text(exc)
            job.error = XlError(text, hint=hint)
            job.state = FAILED
        finally:
            job.finished.set()
