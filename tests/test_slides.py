"""Lecture decks for the 精讲 blocks (issue 24): one per block of the two-day programme, its
minutes the block's, speaker notes on every slide; an editable .pptx read back with
python-pptx, a PDF of it with one page per slide and only the Simplified Chinese face; the
sources guarded as trainer material; `slides` refuses learner folders; a broken deck is an
error naming file and line."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from pptx import Presentation

from tools.data.yamlfile import DataError
from tools.trainer import guard, leaks
from tools.trainer.slides import FOLDER, MAX_POINT, load_deck, load_decks
from tools.trainer.slides_html import deck_pdf
from tools.trainer.slides_pptx import deck_pptx

DECKS = load_decks(ROOT)
PROGRAMME = (ROOT / "cases" / "notes" / "trainer-guide" / "programme.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| (\d+):(\d+)–(\d+):(\d+) \| ([^|]*精讲[^|]*) \| ([^|]*) \|$", re.M)


def test_every_lecture_block_of_the_programme_has_its_deck_and_minutes():
    rows = ROW.findall(PROGRAMME)
    assert len(rows) == 5
    by_id = {deck.id: deck for deck in DECKS}
    for h1, m1, h2, m2, topic, material in rows:
        named = re.search(r"幻灯片 `([a-z0-9-]+)`", material)
        assert named and named.group(1) in by_id, topic
        minutes = (int(h2) * 60 + int(m2)) - (int(h1) * 60 + int(m1))
        assert by_id[named.group(1)].minutes == minutes, topic
    assert sum(deck.minutes for deck in DECKS) == 225


def test_every_slide_has_notes_and_short_lines():
    for deck in DECKS:
        assert sum(s.minutes for s in deck.slides) == deck.minutes
        for slide in deck.slides:
            assert len(slide.notes) >= 40, (deck.id, slide.title)
            assert all(len(p) <= MAX_POINT for p in slide.points)
        assert "小结" in deck.slides[-1].title, "each deck closes with a check"


def test_pptx_is_editable_with_notes_on_every_slide():
    deck = next(d for d in DECKS if any(s.kind == "matrix" for s in d.slides))
    pres = Presentation(io.BytesIO(deck_pptx(deck)))
    assert (pres.slide_width, pres.slide_height) == (12192000, 6858000)
    slides = list(pres.slides)
    assert len(slides) == len(deck.slides) + 1
    for shown, source in zip(slides[1:], deck.slides, strict=True):
        texts = [shape.text_frame.text for shape in shown.shapes if shape.has_text_frame]
        assert source.title in texts
        assert shown.notes_slide.notes_text_frame.text == source.notes
    matrix = next(n for n, s in enumerate(deck.slides) if s.kind == "matrix")
    cells = [sh.text_frame.text for sh in slides[matrix + 1].shapes if sh.shape_type == 1]  # autoshapes
    assert cells == list(deck.slides[matrix].cells)


def test_pdf_has_a_page_per_slide_and_only_the_chinese_face(tmp_path):
    deck = DECKS[0]
    path = tmp_path / "deck.pdf"
    path.write_bytes(deck_pdf(deck))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1) == str(len(deck.slides) + 1)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    faces = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
    assert faces and all("CJK" in f and ("SC" in f or "Sans" in f) for f in faces), faces
    assert not any("JP" in f for f in faces)


def test_decks_are_trainer_material_for_the_leak_scan():
    files = leaks.notes_files(ROOT)
    assert all(ROOT / FOLDER / f"{deck.id}.yml" in files for deck in DECKS)
    note = DECKS[2].slides[4].notes.splitlines()[0]
    with pytest.raises(guard.LeakError):
        guard.learner_check()({Path("page.html"): f"<p>{note}</p>".encode()})


def test_a_deck_whose_minutes_do_not_add_up_is_refused(tmp_path):
    text = (ROOT / FOLDER / f"{DECKS[0].id}.yml").read_text(encoding="utf-8")
    bad = tmp_path / "deck.yml"
    bad.write_text(text.replace("minutes: 40", "minutes: 45", 1), encoding="utf-8")
    with pytest.raises(DataError, match="the slides take 40 minutes, the deck 45") as caught:
        load_deck(bad)
    assert f"{bad}:" in str(caught.value)


def test_slides_command_writes_every_deck_and_refuses_learner_folders(tmp_path):
    run = [sys.executable, "-m", "tools", "slides", "-o"]
    done = subprocess.run([*run, str(tmp_path / "decks")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert {p.name for p in (tmp_path / "decks").iterdir()} == {
        f"{d.id}.{ext}" for d in DECKS for ext in ("pptx", "pdf")
    }
    refused = subprocess.run([*run, str(ROOT / "_build" / "html" / "decks")], cwd=ROOT, capture_output=True, text=True)
    assert refused.returncode == 2 and "trainer material" in refused.stderr
    assert not (ROOT / "_build" / "html" / "decks").exists()
