// Runs calls into the widgets' Python under MicroPython (the interpreter the browser uses),
// for the parity tests: `node mp_runner.mjs JOB.json` prints a JSON array of results.
// JOB = {"modules": {"tools/widgets/api.py": "<source>", ...},
//        "calls": [["module", "function", [args...]], ...]}
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const entry = require.resolve("@micropython/micropython-webassembly-pyscript/micropython.mjs", {
  paths: [process.cwd()],
});
const { loadMicroPython } = await import(entry);

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const mp = await loadMicroPython({ heapsize: 8 * 1024 * 1024 });
for (const [path, source] of Object.entries(job.modules)) {
  const parts = path.split("/");
  for (let i = 1; i < parts.length; i++) {
    const dir = "/" + parts.slice(0, i).join("/");
    try { mp.FS.mkdir(dir); } catch (e) { /* exists */ }
  }
  mp.FS.writeFile("/" + path, source);
}
mp.runPython("import sys\nsys.path.insert(0, '/')");
const results = [];
for (const [module, fn, args] of job.calls) {
  const mod = mp.pyimport(module);
  try {
    results.push({ ok: mod[fn](...args) });
  } catch (error) {
    results.push({ error: String(error.message || error) });
  }
}
process.stdout.write(JSON.stringify(results));
