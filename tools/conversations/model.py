"""Conversation practice: load a conversation file, check every rule, report errors to the line.

Format (YAML, one file per conversation in ``exercises/conversations/``): see
``exercises/conversations/README.md``, whose numbered rules this module enforces. The shape
(keys, types, list lengths) is the schema ``CONVERSATION`` below, checked by
:mod:`tools.data.schema`; this module adds the rules that relate fields to each other
(IDs unique, every ``next`` and ``who`` known) and the rules about the conversation as a
graph (every node reachable, every path able to end, good choices never ending badly, a main
path of a sensible length). :func:`course_problems` ties the conversations to the course
(section labels exist). Every refusal is a :class:`DataError` with file, line and what is wrong.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from tools.data import schema as s
from tools.data.yamlfile import DataError, Mapping
from tools.exercises.shuffle import shuffled

QUALITIES = ("good", "mixed", "bad")  # of a choice, and the outcome of an ending
# The main path (the shortest run of good choices to a good ending) is this many decisions:
# fewer is not practice, more is a test of patience.
MAIN_PATH = (4, 7)
SUFFIX = ".yml"
# IDs are keys in the reader's browser store: course-store.js accepts exactly this form.
ID_PATTERN = r"[a-z][a-z0-9-]{0,39}"
ID_FORM = "lower-case letters, digits and hyphens, starting with a letter, at most 40 characters"


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str


@dataclass(frozen=True)
class Line:
    who: str
    text: str


@dataclass(frozen=True)
class Choice:
    say: str
    quality: str
    reply: tuple[Line, ...]
    feedback: str
    section: str
    next: str
    line: int  # where the choice starts
    next_line: int
    section_line: int


@dataclass(frozen=True)
class Turn:
    id: str
    choices: tuple[Choice, ...]
    line: int
    scene: str = ""
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Ending:
    id: str
    outcome: str
    title: str
    comment: str
    line: int
    lines: tuple[Line, ...] = ()
    section: str = ""
    section_line: int = 0


@dataclass
class Conversation:
    id: str
    title: str
    situation: str
    goal: str
    path: Path
    people: list[Person] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    endings: list[Ending] = field(default_factory=list)

    @property
    def start(self) -> Turn:
        return self.turns[0]

    def person(self, person_id: str) -> Person:
        return next(p for p in self.people if p.id == person_id)

    def node(self, node_id: str) -> Turn | Ending:
        return next(n for n in [*self.turns, *self.endings] if n.id == node_id)

    def main_path(self) -> list[tuple[Turn, Choice]]:
        """The shortest run of good choices from the first turn to a good ending (validated
        conversations always have one)."""
        return _main_path(self) or []


# ------------------------------------------------------------------ the shape
_TEXT = s.Text()
_ID = s.Text(pattern=ID_PATTERN, form=ID_FORM)
LINE = s.Record({"who": _ID, "text": _TEXT}, what="a line: a mapping with `who` and `text`")
_LINES = s.ListOf(LINE, noun="lines", name=lambda i: f"line {i + 1}")
PERSON = s.Record({"id": _ID, "name": _TEXT, "role": _TEXT}, what="a person: `id`, `name` and `role`", id_key="id")
CHOICE = s.Record(
    {
        "say": _TEXT,
        "quality": s.Choice(*QUALITIES),
        "reply": s.ListOf(LINE, noun="lines of reply", name=lambda i: f"reply line {i + 1}"),
        "feedback": _TEXT,
        "section": _TEXT,
        "next": _ID,
    },
    what="a choice: `say`, `quality`, `reply`, `feedback`, `section` and `next`",
)
TURN = s.Record(
    {
        "id": _ID,
        "scene": s.Optional(_TEXT),
        "lines": s.Optional(_LINES),
        "choices": s.ListOf(
            CHOICE,
            low=2,
            high=4,
            noun="choices",
            name=lambda i: f"choice {i + 1}",
            why="more than four is hard to read on a phone",
        ),
    },
    what="a turn: `id`, `choices`, and optionally `scene` and `lines`",
    id_key="id",
)
ENDING = s.Record(
    {
        "id": _ID,
        "outcome": s.Choice(*QUALITIES),
        "title": _TEXT,
        "lines": s.Optional(_LINES),
        "comment": _TEXT,
        "section": s.Optional(_TEXT),
    },
    what="an ending: `id`, `outcome`, `title`, `comment`, and optionally `lines` and `section`",
    id_key="id",
)
CONVERSATION = s.Record(
    {
        "id": _ID,
        "title": _TEXT,
        "situation": _TEXT,
        "goal": _TEXT,
        "people": s.ListOf(PERSON, low=1, high=4, noun="people", name=lambda i: f"person {i + 1}"),
        "turns": s.ListOf(TURN, low=1, high=24, noun="turns", name=lambda i: f"turn {i + 1}"),
        "endings": s.ListOf(ENDING, low=2, high=8, noun="endings", name=lambda i: f"ending {i + 1}"),
    },
    what="a conversation: id, title, situation, goal, people, turns and endings",
)


# ------------------------------------------------------------------ reading
def _text(node: Mapping, key: str) -> str:
    value = node.get(key)
    return value.strip() if isinstance(value, str) else ""


def _lines(raw, known: dict[str, Person], path: Path, item: str) -> tuple[Line, ...]:
    """Rule 5: every speaker is one of ``people``."""
    out = []
    for entry in raw or []:
        who = _text(entry, "who")
        if who not in known:
            raise DataError(
                path,
                entry.line_of("who"),
                f"unknown speaker `{who}`{s.suggestion(who, list(known))} (people: {', '.join(known)})",
                item,
            )
        out.append(Line(who, _text(entry, "text")))
    return tuple(out)


def load_conversation(path: Path) -> Conversation:
    """One conversation file, checked against the schema and every rule of its own."""
    data = s.load(path, CONVERSATION)
    conv_id = _text(data, "id")
    if conv_id != path.stem:  # rule 2
        raise DataError(path, data.line_of("id"), f"id `{conv_id}` must equal the file name `{path.stem}`")
    conv = Conversation(
        id=conv_id,
        title=_text(data, "title"),
        situation=_text(data, "situation"),
        goal=_text(data, "goal"),
        path=path,
    )
    people: dict[str, Person] = {}
    for raw in data["people"]:
        person = Person(_text(raw, "id"), _text(raw, "name"), _text(raw, "role"))
        if person.id in people:  # rule 3
            raise DataError(path, raw.line_of("id"), f"two people have the ID `{person.id}`")
        people[person.id] = person
    conv.people = list(people.values())

    seen: dict[str, int] = {}  # node ID -> line: turns and endings share one namespace

    def claim(raw: Mapping) -> str:
        node_id = _text(raw, "id")
        if node_id in seen:  # rule 3
            raise DataError(
                path,
                raw.line_of("id"),
                f"duplicate ID `{node_id}` (first at line {seen[node_id]}): turns and endings need distinct IDs",
            )
        seen[node_id] = raw.line_of("id")
        return node_id

    for raw in data["turns"]:
        turn_id = claim(raw)
        choices = []
        said: dict[str, int] = {}
        for entry in raw["choices"]:
            say = _text(entry, "say")
            if say in said:  # rule 9
                raise DataError(
                    path, entry.line_of("say"), f"two choices say the same thing (first at line {said[say]})", turn_id
                )
            said[say] = entry.line_of("say")
            choices.append(
                Choice(
                    say=say,
                    quality=entry["quality"],
                    reply=_lines(entry["reply"], people, path, turn_id),
                    feedback=_text(entry, "feedback"),
                    section=_text(entry, "section"),
                    next=_text(entry, "next"),
                    line=entry.line,
                    next_line=entry.line_of("next"),
                    section_line=entry.line_of("section"),
                )
            )
        conv.turns.append(
            Turn(
                id=turn_id,
                # Shown order: a seeded shuffle (as the self-checks' options), so that the good
                # choice is no more often first than chance; authors write choices in any order.
                choices=shuffled(f"conversation:{conv_id}/{turn_id}", choices),
                line=raw.line,
                scene=_text(raw, "scene"),
                lines=_lines(raw.get("lines"), people, path, turn_id),
            )
        )
    for raw in data["endings"]:
        ending_id = claim(raw)
        conv.endings.append(
            Ending(
                id=ending_id,
                outcome=raw["outcome"],
                title=_text(raw, "title"),
                comment=_text(raw, "comment"),
                line=raw.line,
                lines=_lines(raw.get("lines"), people, path, ending_id),
                section=_text(raw, "section"),
                section_line=raw.line_of("section") if "section" in raw else 0,
            )
        )
    _check_graph(conv, data)
    return conv


# ------------------------------------------------------------------ the graph
def _check_graph(conv: Conversation, data: Mapping) -> None:
    path = conv.path
    nodes = {n.id: n for n in [*conv.turns, *conv.endings]}
    for turn in conv.turns:
        for choice in turn.choices:
            if choice.next not in nodes:  # rule 4
                raise DataError(
                    path,
                    choice.next_line,
                    f"`next: {choice.next}` names no turn or ending{s.suggestion(choice.next, list(nodes))}",
                    turn.id,
                )
            if choice.next == turn.id:  # rule 8
                raise DataError(
                    path,
                    choice.next_line,
                    "this choice leads back to its own turn: the learner would face the same words again; "
                    "write the follow-up as a turn of its own",
                    turn.id,
                )

    reached = _reachable(conv.start.id, nodes)
    for node in [*conv.turns, *conv.endings]:  # rule 6
        if node.id not in reached:
            kind = "turn" if isinstance(node, Turn) else "ending"
            raise DataError(
                path,
                node.line,
                f"unreachable {kind}: no choice leads here from the first turn `{conv.start.id}`",
                node.id,
            )

    can_end = _can_end(conv)
    for turn in conv.turns:  # rule 7
        if turn.id not in can_end:
            raise DataError(
                path,
                turn.line,
                "this conversation never ends from here: every choice leads back round to turns already "
                "passed, and no path from this turn reaches an ending",
                turn.id,
            )
    _check_no_way_back(conv)  # rule 8, for loops of any length (those that can end)

    outcomes = {e.outcome for e in conv.endings}
    for wanted in ("good", "bad"):  # rule 10
        if wanted not in outcomes:
            raise DataError(
                path,
                data.line_of("endings"),
                f"no {wanted} ending: a conversation needs at least one good and one bad ending "
                "(several paths end well, some end badly)",
            )

    _check_good_choices(conv, nodes)  # rule 11
    main = _main_path(conv)  # rule 12
    low, high = MAIN_PATH
    if main is None:
        raise DataError(
            path,
            conv.start.line,
            "no main path: taking only good choices from the first turn never reaches a good ending",
            conv.start.id,
        )
    if not low <= len(main) <= high:
        steps = " → ".join(turn.id for turn, _choice in main)
        raise DataError(
            path,
            conv.start.line,
            f"the main path (the shortest run of good choices to a good ending: {steps}) takes {len(main)} "
            f"decisions; it needs {low} to {high}",
            conv.start.id,
        )


def _check_no_way_back(conv: Conversation) -> None:
    """No choice leads back to a turn already passed on the way to it (a loop of two turns or
    more): the learner would face the same words again, and a loop whose turns all lead round
    it never ends. Depth first, without recursion (a long conversation cannot overflow it)."""
    turns = {t.id: t for t in conv.turns}
    on_path: list[str] = [conv.start.id]
    done: set[str] = set()
    stack = [iter(conv.start.choices)]
    while stack:
        choice = next(stack[-1], None)
        if choice is None:
            stack.pop()
            done.add(on_path.pop())
            continue
        if choice.next not in turns or choice.next in done:
            continue
        if choice.next in on_path:
            loop = " → ".join([*on_path[on_path.index(choice.next) :], choice.next])
            raise DataError(
                conv.path,
                choice.next_line,
                f"this choice leads back to turn `{choice.next}`, already passed ({loop}): the learner would face "
                "the same words again; write the follow-up as a turn of its own",
                on_path[-1],
            )
        on_path.append(choice.next)
        stack.append(iter(turns[choice.next].choices))


def _reachable(start: str, nodes: dict[str, Turn | Ending]) -> set[str]:
    seen = {start}
    queue = deque([start])
    while queue:
        node = nodes[queue.popleft()]
        for choice in getattr(node, "choices", ()):
            if choice.next not in seen:
                seen.add(choice.next)
                queue.append(choice.next)
    return seen


def _can_end(conv: Conversation) -> set[str]:
    """Every node from which some ending can be reached (walking the edges backwards)."""
    back: dict[str, set[str]] = {}
    for turn in conv.turns:
        for choice in turn.choices:
            back.setdefault(choice.next, set()).add(turn.id)
    done = {e.id for e in conv.endings}
    queue = deque(done)
    while queue:
        for earlier in back.get(queue.popleft(), ()):
            if earlier not in done:
                done.add(earlier)
                queue.append(earlier)
    return done


def _check_good_choices(conv: Conversation, nodes: dict[str, Turn | Ending]) -> None:
    """Rule 11: from the first turn, following only good choices, no bad ending is reached.
    The error points at the good choice that leads into the bad ending."""
    seen = {conv.start.id}
    queue = deque([conv.start])
    while queue:
        turn = queue.popleft()
        for choice in turn.choices:
            if choice.quality != "good":
                continue
            target = nodes[choice.next]
            if isinstance(target, Ending):
                if target.outcome == "bad":
                    raise DataError(
                        conv.path,
                        choice.line,
                        f"a good choice leads to the bad ending `{target.id}` on a path of good choices only: "
                        "either the choice is not good or the ending is not bad",
                        turn.id,
                    )
            elif target.id not in seen:
                seen.add(target.id)
                queue.append(target)


def _main_path(conv: Conversation) -> list[tuple[Turn, Choice]] | None:
    """Breadth-first over good choices: the first good ending found is at the least depth."""
    turns = {t.id: t for t in conv.turns}
    good_endings = {e.id for e in conv.endings if e.outcome == "good"}
    came: dict[str, tuple[str, Choice] | None] = {conv.start.id: None}
    queue = deque([conv.start.id])
    while queue:
        turn = turns[queue.popleft()]
        for choice in turn.choices:
            if choice.quality != "good":
                continue
            if choice.next in good_endings:
                steps = [(turn, choice)]
                back = came[turn.id]
                while back is not None:
                    steps.append((turns[back[0]], back[1]))
                    back = came[back[0]]
                return steps[::-1]
            if choice.next in turns and choice.next not in came:
                came[choice.next] = (turn.id, choice)
                queue.append(choice.next)
    return None


# ------------------------------------------------------------------ the folder
def conversation_files(directory: Path) -> list[Path]:
    """The conversation files in ``directory``. A file spelt otherwise (``x.yaml``,
    ``x.YML``) is refused: left out, it would vanish unnoticed."""
    if not directory.is_dir():
        raise DataError(directory, 0, "no such folder of conversations")
    files = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in (".yml", ".yaml"):
            continue
        if path.suffix != SUFFIX:
            raise DataError(path, 0, f"conversations are `*{SUFFIX}` files: rename it to {path.stem}{SUFFIX}")
        if not path.is_file():  # a folder, a dangling link, a device: left out, it would vanish unnoticed
            raise DataError(
                path, 0, "is not a regular file (a folder, a broken link or a device); conversations are plain files"
            )
        files.append(path)
    return files


def load_conversations(directory: Path) -> dict[str, Conversation]:
    """Every conversation in ``directory``, by ID (IDs equal file names, so they are unique)."""
    return {conv.id: conv for conv in map(load_conversation, conversation_files(directory))}


# ------------------------------------------------------------------ the course
def course_problems(conversations: dict[str, Conversation], labels: dict[str, str]) -> list[DataError]:
    """Rule 13, every problem found: each ``section`` is a label (``labels``: label -> page)
    of a chapter or case page; teaching notes (``cases/notes/``) are not in the learner
    edition, so a learner's feedback cannot link there."""
    problems = []
    for conv in conversations.values():
        refs = [(t.id, c.section, c.section_line) for t in conv.turns for c in t.choices]
        refs += [(e.id, e.section, e.section_line) for e in conv.endings if e.section]
        for node_id, section, line in refs:
            page = labels.get(section)
            if page is None:
                hint = s.suggestion(section, sorted(labels))
                message = f"section `{section}` does not exist (no heading has this label){hint}"
            elif not (page.startswith("book/") or page.startswith("cases/")) or page.startswith("cases/notes/"):
                message = f"section `{section}` is on {page}, not on a chapter or case page"
            else:
                continue
            problems.append(DataError(conv.path, line, message, node_id))
    return problems


def check_course(conversations: dict[str, Conversation], labels: dict[str, str]) -> None:
    """:func:`course_problems`, raising the first."""
    problems = course_problems(conversations, labels)
    if problems:
        raise problems[0]
