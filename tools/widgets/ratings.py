"""Reading raw input values (from a form, a JSON file or a URL) into clean ones.

Each reader returns ``(value, error)``: the clean value or ``None``, and ``None`` or an
error code with its parameters. Nothing here raises on bad input.
"""

RATING_MIN = 1
RATING_MAX = 5
MAX_NAME = 30
# Echoed back in messages; longer input is shortened so a message stays readable.
ECHO_LIMIT = 20
DIGITS = "0123456789"
# "Don't know yet": a gap to find out, never a score. The form sends ``unknown``; a file or
# a link may also say it in these words.
UNKNOWN = "unknown"
UNKNOWN_WORDS = ("unknown", "?", "？", "不知道", "不清楚")
TRUE_WORDS = ("1", "true", "on", "yes")


def echo(value) -> str:
    """A short printable form of a raw value, for error messages."""
    if isinstance(value, str):
        text = value
    elif value is None:
        text = ""
    else:
        text = str(value)
    text = clean_text(text)
    if len(text) > ECHO_LIMIT:
        text = text[:ECHO_LIMIT] + "…"
    return text


def clean_text(text: str) -> str:
    """Control characters become spaces; ends are trimmed."""
    out = []
    for ch in text:
        out.append(" " if ord(ch) < 32 or ord(ch) == 127 else ch)
    return "".join(out).strip()


def read_rating(value):
    """A rating is a whole number from 1 to 5, given as a number or as digits."""
    # bool first: CPython counts True as an int, MicroPython does not.
    if isinstance(value, bool):
        return None, ("rating_not_number", {"value": echo(value)})
    if value is None:
        return None, ("rating_missing", {})
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None, ("rating_not_number", {"value": echo(value)})
        if value != int(value):
            return None, ("rating_not_integer", {"value": echo(value)})
        number = int(value)
    elif isinstance(value, str):
        text = value.strip()
        if text == "":
            return None, ("rating_missing", {})
        sign = ""
        if text[0] in "+-":
            sign, text = text[0], text[1:]
        if text and len(text) <= 6 and all_in(text, DIGITS):
            number = int(text)
            if sign == "-":
                number = -number
        elif is_decimal(text):
            return None, ("rating_not_integer", {"value": echo(value)})
        else:
            return None, ("rating_not_number", {"value": echo(value)})
    else:
        return None, ("rating_not_number", {"value": echo(value)})
    if number < RATING_MIN or number > RATING_MAX:
        return None, ("rating_range", {"value": echo(number)})
    return number, None


def all_in(text: str, allowed: str) -> bool:
    return all(ch in allowed for ch in text)


def is_decimal(text: str) -> bool:
    """Digits with one decimal point, e.g. ``3.5``."""
    if text.count(".") != 1 or len(text) > 12:
        return False
    whole, part = text.split(".")
    return (whole or part) != "" and all_in(whole + part, DIGITS)


def read_name(value):
    """A contact's name: text, not empty, at most ``MAX_NAME`` characters."""
    if not isinstance(value, str):
        if value is None:
            return None, ("name_empty", {})
        return None, ("name_not_text", {})
    name = clean_text(value)
    if name == "":
        return None, ("name_empty", {})
    if len(name) > MAX_NAME:
        return None, ("name_too_long", {"max": MAX_NAME, "length": len(name)})
    return name, None


def read_choice(value, codes):
    """One of ``codes`` (a tuple of strings), or None."""
    if isinstance(value, str) and value in codes:
        return value
    return None


def is_unknown(value) -> bool:
    return isinstance(value, str) and value.strip().lower() in UNKNOWN_WORDS


def read_rating_or_unknown(value):
    """A rating, or ``UNKNOWN`` when the reader says they do not know yet."""
    if is_unknown(value):
        return UNKNOWN, None
    return read_rating(value)


def read_text(value, limit):
    """Optional free text (a rival's name, what a contact said): ``""`` when absent;
    ``(None, error)`` when it is not text or longer than ``limit``."""
    if value is None:
        return "", None
    if not isinstance(value, str):
        return None, ("text_not_text", {})
    text = clean_text(value)
    if len(text) > limit:
        return None, ("text_too_long", {"max": limit, "length": len(text)})
    return text, None


def read_flag(value) -> bool:
    """A yes/no field: true, or a form's checked value; anything else is no."""
    if isinstance(value, bool):
        return value
    return isinstance(value, str) and value.strip().lower() in TRUE_WORDS
