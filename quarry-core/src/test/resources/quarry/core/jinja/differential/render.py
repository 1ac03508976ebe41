"""Renders Quarry's differential Jinja corpus with Python's Jinja2, configured as dbt does.

Usage: python3 render.py cases.txt [more-cases.txt ...] > expected.json

Each case in cases.txt starts with a line "=== <name>"; its template is the text up to the
next such line (a blank line before it is a trailing newline of the template). Output: a JSON object mapping each case name to
{"output": <rendered text>} or {"error": "<ExceptionType>: <message>"}.

dbt's return() is emulated as dbt does it: return raises an exception that the innermost
macro call (not a call block's caller) catches, making its value the macro's result.
"""
import datetime
import json
import re
import sys

import jinja2.runtime
import jinja2.sandbox


class MacroReturn(Exception):
    def __init__(self, value):
        self.value = value


def _return(value=None):
    raise MacroReturn(value)


_invoke = jinja2.runtime.Macro._invoke


def _invoke_catching_return(self, arguments, autoescape):
    if self.name in ("caller", None):  # a call block's caller is a plain Jinja macro in dbt
        return _invoke(self, arguments, autoescape)
    try:
        return _invoke(self, arguments, autoescape)
    except MacroReturn as ret:
        return ret.value


jinja2.runtime.Macro._invoke = _invoke_catching_return


def read_cases(path):
    cases = []
    name = None
    lines = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f.read().split("\n"):
            if line.startswith("=== "):
                if name is not None:
                    cases.append((name, "\n".join(lines)))
                name = line[4:].strip()
                lines = []
            elif name is not None:
                lines.append(line)
    if name is not None:
        cases.append((name, "\n".join(lines)))
    return cases


def main():
    env = jinja2.sandbox.SandboxedEnvironment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])
    env.globals["return"] = _return
    env.globals["modules"] = {"datetime": datetime, "re": re}  # as dbt's context has them (pytz aside)
    results = {}
    cases = [case for path in sys.argv[1:] for case in read_cases(path)]
    for name, template in cases:
        try:
            results[name] = {"output": env.from_string(template).render()}
        except Exception as e:  # every failure is a result to compare
            results[name] = {"error": "%s: %s" % (type(e).__name__, e)}
    json.dump(results, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
