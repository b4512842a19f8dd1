"""The learner site as a SCORM 1.2 package: one .zip that a trainer uploads to Moodle (or
any SCORM 1.2 platform), which then tracks every learner's progress through the course.

**One SCO: the whole course.** The package is the built learner site plus a launch page
(``launch.html``), the only SCO, which the platform opens and which shows the site's own
pages in a frame. Why one and not one per chapter:

- The course is one web of pages. Chapters link to each other, to the cases, the glossary
  and the tools; search and the progress page cover every chapter. Inside one SCO all of
  that keeps working, since the site's own navigation moves within the frame. With a SCO
  per chapter, every cross-chapter link would leave the SCO the platform is tracking, and
  SCORM 1.2 lets a SCO neither reach another SCO nor share data with it.
- The course's progress is one state (the store of ``course-store.js``: every self-check
  answer and the tools' inputs). One SCO keeps it whole in its one ``cmi.suspend_data``
  (at most 4,096 characters; ``course-scorm-codec.js`` keeps it compact, and the tests
  check the worst case), so it follows the learner to another device, and the progress
  page still shows every chapter.
- The trainer sees one line per learner in Moodle's gradebook (a SCORM activity gives one
  grade item however many SCOs it has): the status and the score (the best practice-test
  attempt; before one, the share of self-check items right), and, in Moodle's objectives
  report, one line per chapter and one for the practice test. What each value means, and
  the Moodle settings that go with them, are in ``course-scorm-launch.js`` and the trainer's
  guide (cases/notes/trainer-guide/platform.md). ``--report completion`` reports
  completed/incomplete only.

What the package holds: ``imsmanifest.xml`` at the root (schemaversion 1.2, one
organisation with one item, one resource listing every file), the four SCORM 1.2 schemas
beside it, ``launch.html``, and the site with one script more on every page
(``course-scorm.js``, which joins the launch page's session). The built site itself is not
changed, and only the package's pages carry the script. Without a platform (the package
unzipped and opened from its files, or a platform with no API) the launch page opens the
course's first page in its place, and the course is the plain site.

The zip has fixed timestamps (the same site gives the same bytes) and is written all or
nothing (:mod:`tools.output`).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tools.output import write_bytes
from tools.trainer.guard import learner_check

from . import scorm_manifest, scorm_pages
from . import zh as strings

IDENTIFIER = "guanxi-xiaoshou-course"
LAUNCH = "launch.html"
START = "book/index.html"
PACKAGE_NAME = "关系销售-scorm12.zip"  # the file's name; every name inside the zip is ASCII
HERE = Path(__file__).parent
STATIC = HERE / "static"
ROOT = HERE.parent.parent  # the course sources: the banks are checked against its chapters and labels
SCHEMAS = HERE / "schemas" / "scorm12"
SCRIPTS = ("course-scorm-codec.js", "course-scorm-launch.js", scorm_pages.ADAPTER)
# A maintained library the launch page needs, which the site build already carries (its
# progress page uses it: tools/sphinxext/transfer.py copies it from node_modules).
FROM_SITE = ("_static/lz-string.min.js",)
# Fixed entry times: the same site gives the same package, byte for byte.
ENTRY_TIME = (1980, 1, 1, 0, 0, 0)


class PackageError(Exception):
    """What was asked cannot be packaged (no site, a trainer build, broken banks); one line,
    naming the path. An output that cannot be written is :class:`tools.output.OutputError`."""


@dataclass(frozen=True)
class Package:
    path: Path
    size: int  # bytes
    entries: int  # files in the zip
    pages: int  # HTML pages a learner can be on
    items: int  # self-check items the score and status count


def site_files(html_root: Path) -> list[str]:
    """Every file of a built site, as package paths (``book/index.html``), sorted; hidden
    files (``.buildinfo``) are the builder's, not the site's."""
    files = []
    for path in html_root.rglob("*"):
        rel = path.relative_to(html_root)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            files.append(rel.as_posix())
    return sorted(files)


def check_site(html_root: Path) -> None:
    if not (html_root / START).is_file():
        raise PackageError(f"{html_root}: holds no built learner site (no {START}); run `make site` first")
    if (html_root / "cases" / "notes").exists():
        raise PackageError(
            f"{html_root}: is the trainer edition (it has cases/notes/); the SCORM package is for learners, "
            "so package the learner site (`make scorm`)"
        )
    for name in ("_static/course-dom.js", "_static/course-quiz.js", "_static/course-store.js"):
        if not (html_root / name).is_file():
            raise PackageError(f"{html_root}: has no {name}; rebuild the site with `make site`")
    # The launch page scores with the self-checks' own rules, which course-quiz.js exports.
    if "window.CourseQuizRules" not in (html_root / "_static" / "course-quiz.js").read_text(encoding="utf-8"):
        raise PackageError(f"{html_root}: was built by an older version of the course; rebuild it with `make site`")


def course_items(exercises: Path) -> dict[str, list[dict]]:
    """Every bank's items, by chapter, as the launch page counts them: what an answer looks
    like and which is right (the progress page's specs)."""
    from tools.data.yamlfile import DataError
    from tools.exercises.model import load_course_banks
    from tools.exercises.render import answer_spec

    try:
        banks = load_course_banks(exercises, ROOT)
    except DataError as exc:
        raise PackageError(str(exc)) from None
    if not banks:
        raise PackageError(f"{exercises}: no self-check banks (*.yml) there")
    return {
        chapter: [{"id": item.id, "chapter": chapter, "type": item.type, **answer_spec(item)} for item in bank.items]
        for chapter, bank in banks.items()
    }


def check_chapters(html_root: Path, chapters: list[str]) -> None:
    """Every bank's chapter is a page of the site (a site built from other banks is not)."""
    for chapter in chapters:
        if not (html_root / "book" / f"{chapter}.html").is_file():
            raise PackageError(
                f"{html_root}: has no page for the bank `{chapter}` (book/{chapter}.html); run `make site`"
            )


REPORTS = ("passfail", "completion")  # what the status reports: see course-scorm-launch.js


def package_entries(html_root: Path, items: list[dict], report: str = "passfail") -> tuple[dict[str, bytes], list[str]]:
    """The package's files in zip order (manifest, schemas, launch page, then the site), and
    the pages a learner can be on."""
    files = site_files(html_root)
    added = {
        LAUNCH,
        "imsmanifest.xml",
        *scorm_manifest.SCHEMA_FILES,
        *(f"_static/{name}" for name in SCRIPTS),
    }
    clash = sorted(added & set(files))
    if clash:
        names = ", ".join(clash)
        raise PackageError(f"{html_root}: already has {names}, so it is not a plain site build; run `make site`")
    site: dict[str, bytes] = {}
    pages = []
    for name in files:
        data = (html_root / name).read_bytes()
        if name.endswith(".html"):
            page = scorm_pages.with_adapter(data.decode("utf-8"), name)
            if page is not None:
                data = page.encode("utf-8")
                pages.append(name)
        site[name] = data
    for name in SCRIPTS:
        site[f"_static/{name}"] = (STATIC / name).read_bytes()
    missing = [name for name in FROM_SITE if name not in site]
    if missing:
        raise PackageError(f"{html_root}: has no {', '.join(missing)}; run `make site` (after `make setup`)")
    # The final test's cut score (tools/exercises/blueprint.py): the launch page's verdict.
    from tools.exercises.blueprint import CUT_PERCENT, cut_score

    final = {"cut": cut_score(), "mastery": CUT_PERCENT}
    data = {"start": START, "pages": pages, "items": items, "final": final, "report": report}
    launch = scorm_pages.launch_page(data, strings)
    content = {LAUNCH: launch.encode("utf-8"), **dict(sorted(site.items()))}
    # The mastery score only where passed/failed is reported: with it, a platform may turn a
    # "completed" into passed/failed by the score itself.
    mastery = CUT_PERCENT if report == "passfail" else None
    manifest = scorm_manifest.manifest_xml(
        IDENTIFIER, strings.COURSE_TITLE, strings.SCO_TITLE, LAUNCH, list(content), mastery=mastery
    )
    schemas = {name: (SCHEMAS / name).read_bytes() for name in scorm_manifest.SCHEMA_FILES}
    return {"imsmanifest.xml": manifest.encode("utf-8"), **schemas, **content}, pages


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    """The zip of ``entries``, in their order, with fixed times and ordinary file modes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, ENTRY_TIME)
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


def build(html_root: Path, target: Path, exercises: Path, report: str = "passfail") -> Package:
    """Package the learner site at ``html_root`` as ``target`` (a .zip); ``report`` is what the
    status reports (:data:`REPORTS`)."""
    if report not in REPORTS:
        raise PackageError(f"report `{report}`: choose one of {', '.join(REPORTS)}")
    if target.suffix.lower() != ".zip":
        raise PackageError(f"{target}: a SCORM package is a .zip file; give a name ending in .zip")
    check_site(html_root)
    banks = course_items(exercises)
    check_chapters(html_root, list(banks))
    items = [item for chapter_items in banks.values() for item in chapter_items]
    entries, pages = package_entries(html_root, items, report)
    data = zip_bytes(entries)
    # All or nothing: a temporary file, then a rename; not at all if a member quotes trainer material.
    write_bytes(target, data, learner_check())
    return Package(path=target, size=len(data), entries=len(entries), pages=len(pages), items=len(items))
