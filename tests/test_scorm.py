"""The SCORM 1.2 package (``make scorm``): its manifest against the ADL SCORM 1.2 schemas, its
files, the learner site inside it, the command's errors, and the compact form of the
progress in ``cmi.suspend_data`` (run under Node, as the package's own script), worst
case included. The package played by a SCORM runtime: ``test_scorm_browser.py``."""

from __future__ import annotations

import hashlib
import json
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest
import xmlschema
from conftest import ROOT

from tools.conversations.model import load_conversation
from tools.lms import scorm
from tools.lms.scorm_manifest import SCHEMA_FILES
from tools.widgets import purchase, ratings, relationship

CODEC = ROOT / "tools" / "lms" / "static" / "course-scorm-codec.js"
SCHEMAS = ROOT / "tools" / "lms" / "schemas" / "scorm12"
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
NS = {"cp": IMSCP, "adlcp": ADLCP}
ADAPTER_TAG = re.compile(r'\n?\s*<script defer="defer" src="(?:\.\./)*_static/course-scorm\.js"></script>\n?')


def run_tools(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tools", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def package(scorm_package) -> Path:
    return scorm_package  # made once per run (conftest.py); the CLI's own output: test_same_site_same_package


@pytest.fixture(scope="module")
def manifest(package) -> bytes:
    with zipfile.ZipFile(package) as archive:
        return archive.read("imsmanifest.xml")


def scorm12_schema() -> xmlschema.XMLSchema:
    """IMS CP 1.1.2 with the ADL SCORM 1.2 and IMS meta-data schemas the manifest names,
    offline. Two flaws of these 2001 files are worked around, as validators do: ims_xml.xsd
    binds its default prefix to the XML namespace, which XML Namespaces forbids (no current
    parser reads it), so xmlschema's own copy of the W3C's xml.xsd (the same ``xml:``
    attributes) stands in; and imsmd's content models break the later Unique Particle
    Attribution check, so the schemas are read with ``validation="lax"`` (instances are
    still validated strictly), and must read with no error."""
    w3c_xml = (Path(xmlschema.__file__).parent / "schemas" / "XML" / "xml.xsd").as_uri()

    def uri_mapper(uri: str) -> str:
        return w3c_xml if uri.endswith("/ims_xml.xsd") else uri

    schema = xmlschema.XMLSchema(
        str(SCHEMAS / "imscp_rootv1p1p2.xsd"), uri_mapper=uri_mapper, validation="lax", build=False
    )
    schema.import_schema(ADLCP, str(SCHEMAS / "adlcp_rootv1p2.xsd"))
    schema.import_schema("http://www.imsglobal.org/xsd/imsmd_rootv1p2p1", str(SCHEMAS / "imsmd_rootv1p2p1.xsd"))
    schema.build()
    assert schema.all_errors == [] and {IMSCP, ADLCP} <= set(schema.maps.namespaces)
    return schema


# ---------------------------------------------------------------- the manifest


def test_manifest_is_valid_scorm12(manifest):
    scorm12_schema().validate(manifest.decode("utf-8"))
    root = ElementTree.fromstring(manifest)
    assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"


def test_the_schemas_catch_a_broken_manifest(manifest):
    """The validation can fail: an unknown SCO type, a file without its href, no resources,
    an element IMS CP does not have."""
    schema = scorm12_schema()
    text = manifest.decode("utf-8")
    for wrong in (
        text.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"'),
        text.replace('<file href="launch.html"/>', "<file/>"),
        re.sub(r"<resources>.*</resources>", "", text, flags=re.S),
        text.replace("<metadata>", "<metadata><lesson/>"),
    ):
        assert wrong != text
        assert not schema.is_valid(wrong)


def test_schemas_are_the_published_ones():
    """The vendored schemas are the files their README names, unchanged."""
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    listed = dict(reversed(line.split()) for line in re.findall(r"^[0-9a-f]{64}  \S+$", readme, flags=re.M))
    assert set(listed) == set(SCHEMA_FILES)
    for name, digest in listed.items():
        assert hashlib.sha256((SCHEMAS / name).read_bytes()).hexdigest() == digest, name


def test_one_sco_whose_resource_lists_every_file(package, manifest):
    root = ElementTree.fromstring(manifest)
    items = root.findall(".//cp:organization/cp:item", NS)
    resources = root.findall("cp:resources/cp:resource", NS)
    assert len(items) == 1 and len(resources) == 1, "the whole course is one SCO"
    sco = resources[0]
    assert sco.get(f"{{{ADLCP}}}scormtype") == "sco"
    assert items[0].get("identifierref") == sco.get("identifier")
    assert sco.get("href") == "launch.html"
    listed = [unquote(f.get("href")) for f in sco.findall("cp:file", NS)]
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    assert names[0] == "imsmanifest.xml", "the manifest is the zip's first entry, at its root"
    assert len(listed) == len(set(listed))
    assert set(names) == {"imsmanifest.xml", *SCHEMA_FILES, *listed}, "every file is listed, and only files in the zip"
    assert "launch.html" in listed
    assert all(name.isascii() and " " not in name for name in names), "file names any platform unpacks"
    assert not [name for name in names if "notes" in name.split("/")], "no teaching notes in the learner package"


# ---------------------------------------------------------------- the site inside


def test_package_is_the_site_with_one_script_per_page(package, site):
    with zipfile.ZipFile(package) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    site_files = scorm.site_files(site)
    added = {"imsmanifest.xml", *SCHEMA_FILES, "launch.html"} | {f"_static/{name}" for name in scorm.SCRIPTS}
    assert set(entries) == set(site_files) | added
    pages = 0
    for name in site_files:
        original = (site / name).read_bytes()
        if not name.endswith(".html") or original.count(b"</head>") == 0:
            assert entries[name] == original, name
            continue
        text = entries[name].decode("utf-8")
        assert len(ADAPTER_TAG.findall(text)) == 1, name
        assert ADAPTER_TAG.sub("\n", text, count=1).split() == original.decode("utf-8").split(), name
        # Deferred scripts run in order: the adapter after the store, before its readers.
        order = [m.group(1) for m in re.finditer(r'<script[^>]*src="(?:\.\./)*_static/(course-[a-z]+\.js)', text)]
        if "course-store.js" in order:
            at = order.index("course-scorm.js")
            assert order[at - 1] == "course-store.js", (name, order)
            assert not {"course-quiz.js", "course-widgets.js"} & set(order[:at]), (name, order)
        pages += 1
    launch = entries["launch.html"].decode("utf-8")
    data = json.loads(re.search(r'id="course-scorm-data">(.*?)</script>', launch, flags=re.S).group(1))
    assert len(data["pages"]) == pages and data["start"] in data["pages"]
    assert data["start"] == "book/index.html"
    assert len(data["items"]) == sum(len(items) for items in scorm.course_items(ROOT / "exercises").values())


def test_the_normal_site_has_no_scorm_script(site):
    """The site itself is untouched: no SCORM file, no page loads a SCORM script, no script
    looks for the SCORM session."""
    for path in site.rglob("*"):
        if path.is_file():
            assert "course-scorm" not in path.name and path.name not in {"launch.html", "imsmanifest.xml"}
            if path.suffix in {".html", ".js"}:
                text = path.read_text(encoding="utf-8", errors="replace")
                assert not re.search(r"<script[^>]*course-scorm", text), path
                assert "CourseScormSession" not in text and "LMSInitialize" not in text, path


def test_same_site_same_package(site, package, tmp_path):
    again = tmp_path / "again.zip"
    result = run_tools("scorm", "--html", str(site), "-o", str(again))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {again}")
    assert again.read_bytes() == package.read_bytes()


def test_make_scorm_writes_under_build_scorm():
    result = subprocess.run(["make", "-n", "scorm"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "-m tools scorm" in result.stdout
    assert (scorm.PACKAGE_NAME).endswith(".zip")


# ---------------------------------------------------------------- the command's errors


def fake_site(root: Path, *, notes: bool = False) -> Path:
    (root / "book").mkdir(parents=True)
    (root / "book" / "index.html").write_text("<html><head></head><body></body></html>", encoding="utf-8")
    if notes:
        (root / "cases" / "notes").mkdir(parents=True)
    return root


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing site", "holds no built learner site"),
        ("trainer build", "is the trainer edition"),
        ("not a zip", "a SCORM package is a .zip file"),
        ("folder in the way", "is a folder"),
        ("parent is a file", "is a file, not a folder"),
    ],
)
def test_errors_are_one_line_exit_2_and_nothing_written(case, message, site, package, tmp_path):
    html, output = site, tmp_path / "out" / "course.zip"
    if case == "missing site":
        html = tmp_path / "no-such-site"
    elif case == "trainer build":
        html = fake_site(tmp_path / "trainer", notes=True)
    elif case == "not a zip":
        output = tmp_path / "out" / "course.txt"
    elif case == "folder in the way":
        output.mkdir(parents=True)
    else:
        (tmp_path / "file").write_text("x", encoding="utf-8")
        output = tmp_path / "file" / "course.zip"
    result = run_tools("scorm", "--html", str(html), "-o", str(output))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not output.is_file()
    assert not list(tmp_path.rglob("*.part")) and not list(tmp_path.rglob(".writing-*"))


def test_a_failed_run_keeps_the_previous_package(site, package, tmp_path):
    target = tmp_path / "course.zip"
    target.write_bytes(package.read_bytes())
    result = run_tools("scorm", "--html", str(fake_site(tmp_path / "t", notes=True)), "-o", str(target))
    assert result.returncode == 2
    assert target.read_bytes() == package.read_bytes()


def test_bad_arguments_are_one_line():
    result = run_tools("scorm", "--no-such-option")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------- cmi.suspend_data

NODE_RUNNER = """
const codec = require(process.argv[1]);
const LZString = require("lz-string");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = input.snapshots.map((s) => {
  const encoded = codec.encode(s, input.limit);
  const plain = LZString.decompressFromBase64(encoded.text.slice(2));
  return { text: encoded.text, plain: plain, dropped: encoded.dropped, back: codec.decode(encoded.text) };
});
const decoded = input.texts.map((t) => codec.decode(t));
process.stdout.write(JSON.stringify({ out, decoded, limit: codec.LIMIT }));
"""


def run_codec(snapshots: list, texts: list | None = None, limit: int | None = None) -> dict:
    result = subprocess.run(
        ["node", "-e", NODE_RUNNER, str(CODEC)],
        input=json.dumps({"snapshots": snapshots, "texts": texts or [], "limit": limit}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def canonical(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def longest_answer(spec: dict) -> list[int]:
    """The longest answer an item can hold in the store."""
    if spec["kind"] == "choice" and not spec["multiple"]:
        return [spec["n"] - 1]
    return list(range(spec["n"]))[::-1]


def name(length: int, seed: int) -> str:
    """A Chinese name of ``length`` characters drawn at random (seeded): unlike "国国国…",
    which lz-string shrinks to nothing, such names are as hard to compress as real ones."""
    rng = random.Random(seed)
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(length))


def worst_case(name_length: int = ratings.MAX_NAME) -> dict:
    """Every self-check item of the course answered with its longest answer, revealed, checked
    99,999 times (the store's cap); both tools filled in completely, the relationship map with
    its most contacts, each with the longest valid Chinese name."""
    items = [spec for specs in scorm.course_items(ROOT / "exercises").values() for spec in specs]
    quiz = {s["id"]: {"answer": longest_answer(s), "revealed": True, "attempts": 99999} for s in items}
    contacts = []
    for n in range(relationship.MAX_CONTACTS):
        contact = {"name": name(name_length, n), "role": max(relationship.ROLES, key=len)}
        contact.update({key: "5" for key in relationship.INDICATORS})
        contacts.append(contact)
    factors = {
        "sale_type": max(purchase.SALE_TYPES, key=len),
        **{side: {factor: "5" for factor in purchase.FACTORS} for side in purchase.SIDES},
        "alignment": {factor: max(purchase.ALIGNMENTS, key=len) for factor in purchase.FACTORS},
    }
    widgets = {
        "relationship-map": {"form": {"contacts": contacts}},
        "purchase-factors": {"form": factors},
    }
    return {"v": 2, "areas": {"quiz": {"items": quiz}, "widgets": widgets}}


def test_worst_case_fits_in_4096_characters_whole():
    state = worst_case()
    result = run_codec([state, {"v": 2, "areas": {"quiz": state["areas"]["quiz"]}}])
    whole, quiz_only = result["out"]
    assert result["limit"] == 4096
    assert whole["dropped"] == []
    assert len(whole["text"]) <= 4096, len(whole["text"])
    assert canonical(whole["back"]) == canonical(state)
    # The self-checks at their worst leave room for the final test and review beside one
    # tool (test_final_test_and_review_fit_beside_the_worst_case); 127 items take about 1,540.
    sizes = f"worst case {len(whole['text'])} characters, self-checks {len(quiz_only['text'])}"
    assert len(quiz_only["text"]) <= 2000, sizes


def test_too_much_input_drops_a_tool_entry_never_the_self_checks():
    state = worst_case(name_length=200)  # names far past the tool's limit of 30 characters
    whole = run_codec([state])["out"][0]
    assert len(whole["text"]) <= 4096
    assert whole["dropped"] == ["widgets.relationship-map"], whole["dropped"]
    assert canonical(whole["back"]["areas"]["quiz"]) == canonical(state["areas"]["quiz"])
    kept = {"purchase-factors": state["areas"]["widgets"]["purchase-factors"]}
    assert canonical(whole["back"]["areas"]["widgets"]) == canonical(kept)


def with_final_and_review(state: dict, review_items: int) -> dict:
    """``state`` plus a finished final-test attempt (30 items, longest answers) and
    ``review_items`` items in spaced review (course-final.js, course-review.js)."""
    items = [spec for specs in scorm.course_items(ROOT / "exercises").values() for spec in specs]
    drawn = items[:30]
    final = {
        "cur": {
            "s": 4294967295,
            "i": " ".join(s["id"] for s in drawn),
            "a": [longest_answer(s) for s in drawn],
            "d": 1790000000000,
        },
        "past": [[1790000000000 + n, 21, 30] for n in range(10)],
    }
    review = {s["id"]: [5, 21000] for s in items[:review_items]}
    return {"v": 2, "areas": {**state["areas"], "final": final, "review": review}}


def test_final_test_and_review_fit_beside_the_worst_case():
    """Issue 13: every self-check at its longest (first-try flag included), a finished final
    test, its 10-line history and 40 items in review fit whole beside one tool's inputs; with
    everything at its worst (both tools full, every item in review) the text still fits and
    only tool and review entries are left out, never the self-checks or the final test."""
    base = worst_case()
    for entry in base["areas"]["quiz"]["items"].values():
        entry["first"] = False
    typical = with_final_and_review(base, 40)
    del typical["areas"]["widgets"]["relationship-map"]
    full = with_final_and_review(base, 999)
    some, every = run_codec([typical, full])["out"]
    assert some["dropped"] == [], len(some["text"])
    assert len(some["text"]) <= 4096
    assert canonical(some["back"]) == canonical(typical)
    assert len(every["text"]) <= 4096
    # Compressed (lz-string), even everything at its worst now fits; whatever had to go
    # would be tool and review entries, never the self-checks or the final test.
    assert all(d.startswith(("review.", "widgets.")) for d in every["dropped"]), every["dropped"]
    assert canonical(every["back"]["areas"]["final"]) == canonical(full["areas"]["final"])
    assert canonical(every["back"]["areas"]["quiz"]) == canonical(full["areas"]["quiz"])


def test_first_try_flag_round_trips():
    state = {
        "v": 2,
        "areas": {
            "quiz": {
                "items": {
                    "pf-01": {"answer": [1], "revealed": False, "attempts": 2, "first": False},
                    "pf-02": {"answer": [0], "revealed": False, "attempts": 1, "first": True},
                    "pf-03": {"answer": [2], "revealed": False, "attempts": 1},
                }
            }
        },
    }
    out = run_codec([state])["out"][0]
    assert canonical(out["back"]) == canonical(state)
    assert "01.1=*2" in out["plain"] and "02.0+" in out["plain"]  # the c1 text lz-string compressed


def random_state(rng: random.Random) -> dict:
    alphabet = 'a~|,;:.!*_-"\\ {}[]$\n\t国王总🙂ü€' + "".join(chr(c) for c in range(0x20, 0x7F))
    text = lambda: "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))  # noqa: E731
    items = {}
    for _ in range(rng.randint(0, 30)):
        item_id = rng.choice(["pf-", "kad-", "x", "a-b-", "rt-"]) + str(rng.randint(0, 99)).zfill(2)
        answer = [rng.choice([None, *range(16)]) for _ in range(rng.randint(0, 16))]
        attempts = rng.choice([0, 1, 2, 35, 99999])
        items[item_id] = {"answer": answer, "revealed": rng.random() < 0.3, "attempts": attempts}
    contacts = [{"name": text(), "role": text(), "trust": text()} for _ in range(rng.randint(0, 4))]
    widgets = {"w" + str(i): {"form": {"contacts": contacts, "note": text()}} for i in range(rng.randint(0, 2))}
    areas = {"quiz": {"items": items}, "widgets": widgets}
    if rng.random() < 0.5:
        areas["review"] = {"due": [text(), rng.randint(0, 10**6), None, True, {"k": [1.5, -2]}]}
    return {"v": 2, "areas": areas}


def test_any_state_round_trips_in_printable_ascii():
    rng = random.Random(20261129)
    states = [random_state(rng) for _ in range(300)] + [{"v": 2, "areas": {}}]
    for state, result in zip(states, run_codec(states)["out"], strict=True):
        assert result["dropped"] == []
        assert all(" " <= c <= "~" for c in result["text"]), result["text"]
        expected = {"v": 2, "areas": {"quiz": {"items": {}}, **state["areas"]}}
        assert canonical(result["back"]) == canonical(expected)


def test_text_that_is_not_ours_is_refused():
    texts = [None, "", "hello", "c1v2|pf-:01.2|{broken", "c2v2||", '{"v":2,"areas":{}}']
    assert run_codec([], texts)["decoded"] == [None] * len(texts)


def test_sample_learner_encoding():
    """What a platform stores for two answers: short, and readable by a person."""
    state = {
        "v": 2,
        "areas": {
            "quiz": {
                "items": {
                    "pf-01": {"answer": [2], "revealed": False, "attempts": 1},
                    "pf-02": {"answer": [0, 1, 2], "revealed": True, "attempts": 0},
                    "kad-03": {"answer": [1, None], "revealed": False, "attempts": 3},
                }
            },
            "widgets": {"relationship-map": {"form": {"contacts": [{"name": "王总", "role": "other"}]}}},
        },
    }
    result = run_codec([state])["out"][0]
    assert result["text"].startswith("c2") and result["text"].isascii()
    text = result["plain"]  # what lz-string compressed (tools/lms/static/course-scorm-codec.js)
    assert text.startswith("c1v2|kad-:03.1_*3;pf-:01.2,02.012!*0|")
    assert "~" in text and "王总" not in text


def test_a_stored_uncompressed_state_is_still_read():
    """A platform may hold a state saved before compression (c1): it is read as before."""
    texts = ["c1v2|kad-:03.1_*3;pf-:01.2|"]
    decoded = run_codec([], texts)["decoded"][0]
    assert decoded["areas"]["quiz"]["items"]["pf-01"] == {"answer": [2], "revealed": False, "attempts": 1}


def everything() -> dict:
    """A learner who has done everything: every self-check answered (two checks each, the
    first wrong for one item in three, and those items in spaced review), both tools filled
    in completely (the relationship map with its most contacts, names of three characters),
    every conversation finished twice, the practice test taken three times.
    The relationship map holds one account's seven contacts (the running example's account has
    seven); filled to its limit of twelve, the state still fits whole (about 64 %)."""
    state = worst_case(name_length=3)
    contacts = state["areas"]["widgets"]["relationship-map"]["form"]["contacts"]
    del contacts[7:]
    for n, entry in enumerate(state["areas"]["quiz"]["items"].values()):
        entry.update({"attempts": 2, "first": n % 3 != 0, "revealed": False})
    missed = len(state["areas"]["quiz"]["items"]) // 3 + 1
    state = with_final_and_review(state, missed)
    state["areas"]["final"]["past"] = state["areas"]["final"]["past"][-3:]  # the test taken three times
    names = sorted(p.stem for p in (ROOT / "exercises" / "conversations").glob("*.yml"))
    endings = {}
    for name in names:
        conversation = load_conversation(ROOT / "exercises" / "conversations" / f"{name}.yml")
        endings[name] = {"endings": [ending.id for ending in conversation.endings[:2]]}
    state["areas"]["conversations"] = endings
    return state


def test_a_learner_who_has_done_everything_uses_at_most_60_percent():
    """Issue 23: compressed with lz-string, the whole state of a learner who has done
    everything fits in 60 % of SCORM 1.2's 4,096 characters, with nothing left out."""
    state = everything()
    result = run_codec([state])["out"][0]
    assert result["dropped"] == []
    assert canonical(result["back"]) == canonical(state)
    assert len(result["text"]) <= 0.6 * 4096, (len(result["text"]), len(result["plain"]))


def test_the_manifest_names_the_mastery_score(manifest):
    """The practice test's cut score (70 %) is the SCO's adlcp:masteryscore: the platform
    shows it, and the launch page reports passed/failed against the same figure."""
    root = ElementTree.fromstring(manifest)
    scores = [e.text for e in root.iter(f"{{{ADLCP}}}masteryscore")]
    from tools.exercises.blueprint import CUT_PERCENT

    assert scores == [str(CUT_PERCENT)]
