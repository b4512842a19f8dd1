"""Build-time packaging of the browser runtime (CPython only).

- ``micropython.js``: npm's ES module turned into a classic script, so it runs from
  file:// (browsers refuse module scripts and ``fetch`` there). The changes are few and
  each is checked to apply exactly once, so a different package version fails loudly.
- ``micropython-wasm.js``: the WebAssembly binary as base64 in a classic script, compiled
  as soon as it runs and handed to the loader instead of being fetched.
- ``course-widgets-py.js``: the widgets' Python sources (``BROWSER_MODULES``), written into
  MicroPython's file system before import: the very files CPython runs.
- ``micropython.wasm``: the binary itself, a quarter smaller than as text, which a page
  served over http(s) fetches instead of ``micropython-wasm.js`` (file:// refuses fetch).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from tools.widgets import BROWSER_MODULES

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript"
WIDGETS = Path(__file__).resolve().parent


class BundleError(RuntimeError):
    """The runtime cannot be bundled (missing or unexpected npm package)."""


# (what the ES module says, what the classic script says instead)
PATCHES = (
    ("export default _createMicroPythonModule;", ""),
    ("export async function loadMicroPython(", "async function loadMicroPython("),
    # The loader builds its own Module object; let it take the wasm we pass: the bytes, and
    # a hook that instantiates the module the page compiled while it was still loading.
    (
        "let Module={locateFile:(path,scriptDirectory)=>url||scriptDirectory+path};",
        "let Module={locateFile:(path,scriptDirectory)=>url||scriptDirectory+path,"
        "wasmBinary:options.wasmBinary,instantiateWasm:options.instantiateWasm};",
    ),
    # An error message's link to emscripten's FAQ: shown only on failure, but it is a URL
    # to another host, and the site carries none.
    (
        "See https://emscripten.org/docs/getting_started/FAQ.html#how-do-i-run-a-local-webserver-for-testing-why-does-my-program-stall-in-downloading-or-preparing",
        "See the emscripten FAQ on local web servers",
    ),
)
NODE_ENTRY_START = "if(globalThis.loadMicroPython=loadMicroPython,"
NODE_ENTRY_END = "class PyProxy{"


def _package_file(name: str) -> Path:
    path = PACKAGE / name
    if not path.is_file():
        raise BundleError(f"{path} is missing: the MicroPython runtime comes from npm; run `make setup` (npm ci) first")
    return path


def classic_script() -> str:
    """micropython.mjs as a classic script defining ``globalThis.loadMicroPython``."""
    source = _package_file("micropython.mjs").read_text(encoding="utf-8")
    for old, new in PATCHES:
        if source.count(old) != 1:
            raise BundleError(f"micropython.mjs: expected `{old[:60]}` once, found it {source.count(old)} times")
        source = source.replace(old, new)
    # The command-line entry for Node uses top-level await, which a classic script cannot.
    start = source.find(NODE_ENTRY_START)
    end = source.find(NODE_ENTRY_END, start)
    if start < 0 or end < 0:
        raise BundleError("micropython.mjs: the Node entry point is not where it was expected")
    source = source[:start] + "globalThis.loadMicroPython=loadMicroPython;" + source[end:]
    if "import.meta" in source.replace("import.meta.url", ""):
        raise BundleError("micropython.mjs: unexpected use of import.meta")
    source = source.replace("import.meta.url", "__courseScriptUrl")
    return (
        "/* MicroPython 1.27 WebAssembly (MIT licence), converted to a classic script for file:// use. */\n"
        "(function(){var __courseScriptUrl=(document.currentScript&&document.currentScript.src)||location.href;\n"
        + source
        + "\n})();\n"
    )


def wasm_script() -> str:
    """The wasm bytes, and their compilation started at once (off the main thread), so the
    interpreter is ready sooner after the page has loaded."""
    data = base64.b64encode(_package_file("micropython.wasm").read_bytes()).decode("ascii")
    return (
        "(function(){"
        f'var text="{data}";'
        "var bytes;"
        "if(Uint8Array.fromBase64){bytes=Uint8Array.fromBase64(text);}"
        "else{var raw=atob(text);bytes=new Uint8Array(raw.length);"
        "for(var i=0;i<raw.length;i++){bytes[i]=raw.charCodeAt(i);}}"
        "globalThis.courseMicroPythonWasm=bytes;"
        "globalThis.courseMicroPythonCompiled=WebAssembly.compile(bytes);"
        "globalThis.courseMicroPythonCompiled.catch(function(){});"
        "})();\n"
    )


def python_sources() -> dict[str, str]:
    """Relative path in MicroPython's file system -> source, for every browser module."""
    files = {
        "tools/__init__.py": "",
        "tools/widgets/__init__.py": (WIDGETS / "__init__.py").read_text(encoding="utf-8"),
    }
    for name in BROWSER_MODULES:
        files[f"tools/widgets/{name}.py"] = (WIDGETS / f"{name}.py").read_text(encoding="utf-8")
    return files


def python_script() -> str:
    payload = json.dumps(python_sources(), ensure_ascii=False).replace("</", "<\\/")
    return f"globalThis.courseWidgetSources={payload};\n"


# The runtime's files: its scripts, and the WebAssembly binary.
RUNTIME_FILES = ("micropython.js", "micropython-wasm.js", "course-widgets-py.js", "micropython.wasm")


def write_runtime(target: Path) -> list[Path]:
    """Write the runtime's files (``RUNTIME_FILES``) into ``target``; returns their paths."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    makers = {
        "micropython.js": classic_script,
        "micropython-wasm.js": wasm_script,
        "course-widgets-py.js": python_script,
    }
    for name in RUNTIME_FILES:
        path = target / name
        if name in makers:
            path.write_text(makers[name](), encoding="utf-8")
        else:
            path.write_bytes(_package_file(name).read_bytes())
        written.append(path)
    return written
