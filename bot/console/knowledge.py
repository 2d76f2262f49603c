"""The knowledge page: what is in force and its check, and uploading a new services.yaml or places.yaml (checked,
shown as a difference, applied with the previous version kept and the change logged)."""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.responses import Response

from bot.console import texts
from bot.console.access import Handler
from bot.console.core import Console, Ctx
from bot.console.sessions import COOKIE
from bot.dialog.opening import ages_label, week_label
from knowledge.loader import FILES, paths_in, read
from knowledge.loader import parse as parse_knowledge
from knowledge.problems import KnowledgeError

MAX_BYTES = 512_000
HISTORY = "history"


@dataclass(frozen=True, slots=True)
class Draft:
    name: str
    raw: bytes
    digest: str


def check(directory: Path, name: str | None = None, raw: bytes | None = None) -> list[str]:
    """Problems of the files on disk, with ``name`` replaced by ``raw`` when given (empty: usable)."""
    paths = paths_in(directory)
    contents = read(paths)
    if name is not None:
        contents[name] = raw
    try:
        parse_knowledge(contents, paths)
    except KnowledgeError as exc:
        return [str(p) for p in exc.problems]
    return []


def difference(old: bytes | None, new: bytes, name: str) -> str:
    before = (old or b"").decode("utf-8-sig", errors="replace").splitlines()
    after = new.decode("utf-8-sig", errors="replace").splitlines()
    return "\n".join(difflib.unified_diff(before, after, f"{name} (지금)", f"{name} (올린 파일)", lineterm="", n=2))


def handlers(console: Console) -> dict[str, Handler]:
    directory = console.settings.knowledge_dir
    drafts: dict[str, Draft] = {}
    """One draft per session (keyed by its cookie token): what this person uploaded and may apply."""

    def page(ctx: Ctx, status: int = 200, **values: object) -> Response:
        k = console.knowledge.current
        services = [{"s": s, "hours": week_label(s.hours), "ages": ages_label(s.ages),
                     "sites": [(site, week_label(site.hours) if site.hours else "") for site in s.sites]}
                    for s in k.services]
        return console.page(ctx, "knowledge.html", status, services=services, files=FILES,
                            disk_problems=check(directory), versions=in_force(console), **values)

    async def show(ctx: Ctx) -> Response:
        return page(ctx)

    async def upload(ctx: Ctx) -> Response:
        assert ctx.who is not None and ctx.form is not None
        name, file = ctx.form.get("name"), ctx.form.get("file")
        if name not in FILES or not isinstance(file, UploadFile):
            return page(ctx, 400, problems=[texts.KNOWLEDGE_PICK])
        raw = await file.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return page(ctx, 413, problems=[texts.KNOWLEDGE_TOO_BIG])
        problems = check(directory, str(name), raw)
        await console.access.record(ctx.who.name, ctx.ip, f"knowledge_upload:{name}:{'ok' if not problems else 'bad'}")
        if problems:
            return page(ctx, 422, problems=problems, uploaded=name)
        draft = Draft(str(name), raw, hashlib.sha256(raw).hexdigest())
        drafts[ctx.request.cookies.get(COOKIE, "")] = draft
        diff = difference(read(paths_in(directory))[draft.name], raw, draft.name)
        return page(ctx, draft=draft, diff=diff or texts.KNOWLEDGE_SAME)

    async def apply(ctx: Ctx) -> Response:
        assert ctx.who is not None and ctx.form is not None
        token = ctx.request.cookies.get(COOKIE, "")
        draft = drafts.get(token)
        if draft is None or ctx.form.get("digest") != draft.digest:
            return page(ctx, 409, problems=[texts.KNOWLEDGE_NO_DRAFT])
        problems = check(directory, draft.name, draft.raw)  # the other file may have changed meanwhile
        if problems:
            return page(ctx, 422, problems=problems, uploaded=draft.name)
        kept = keep_previous(directory, draft.name, ctx.who.name, console.clock())
        # the version row (other workers take it from there) and this worker's folder, written whole, in one step
        version = await console.versions.apply(draft.name, draft.raw, ctx.who.name, console.clock())
        del drafts[token]
        await console.access.record(ctx.who.name, ctx.ip, f"knowledge_apply:{draft.name}")
        return page(ctx, applied=texts.KNOWLEDGE_APPLIED.format(name=draft.name, kept=kept or "-", id=version.id))

    return {"knowledge": show, "knowledge_upload": upload, "knowledge_apply": apply}


def in_force(console: Console) -> list[dict[str, object]]:
    """Each file's version in force on this worker (number, who, when), and a newer one it refused, for the page."""
    tz = console.settings.tz
    rows: list[dict[str, object]] = []
    for name in FILES:
        v, refused = console.versions.in_force.get(name), console.versions.refused.get(name)
        when = datetime.fromisoformat(v.at).astimezone(tz).strftime("%Y-%m-%d %H:%M") if v else ""
        rows.append({"name": name, "version": v, "when": when, "refused": refused})
    return rows


def keep_previous(directory: Path, name: str, who: str, now: datetime) -> str | None:
    """The file in force, copied to history/NAME.<time>.<who> before it is replaced; returns that file's name."""
    current = directory / name
    if not current.exists():
        return None
    folder = directory / HISTORY
    folder.mkdir(exist_ok=True)
    kept = folder / f"{name}.{now:%Y%m%dT%H%M%S}.{who}"
    kept.write_bytes(current.read_bytes())
    return f"{HISTORY}/{kept.name}"
