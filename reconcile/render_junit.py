"""Reports → JUnit XML (the Ant schema GitLab, Jenkins and Azure read).

One test suite per statement, one test case per edition checked against the
pivot; a case fails with the findings at or above the failure threshold, and
the findings below it are kept in the suite's ``system-out``, one line each
naming its test case (the Ant schema has no ``system-out`` inside a test
case). A statement that could not be checked is a suite whose one test case
has an ``error``. Property names carry the statement's name, so they are
unique in the whole file: readers such as xunitparser merge all suites'
properties into one table and refuse a repeated name. The timestamp is the
time of the run, or SOURCE_DATE_EPOCH when set (reproducible builds).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from typing import cast

from lxml import etree

from .errors import ConfigError
from .locations import Locator
from .model import SEVERITY_RANK, Finding, Problem, Report, Severity


def timestamp(now: datetime.datetime | None = None) -> str:
    """UTC, without a zone (the schema allows none): SOURCE_DATE_EPOCH if set, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        except (ValueError, OverflowError, OSError):
            raise ConfigError(f"SOURCE_DATE_EPOCH={epoch[:30]!r}: expected a whole number of seconds since "
                              "1970") from None
    else:
        moment = now or datetime.datetime.now(datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _line(finding: Finding, locate: Locator) -> str:
    where = locate(finding)
    return (f"{where.path}:{where.line}: {finding.severity} {finding.kind}: {finding.message} "
            f"(confidence {finding.confidence:.2f})")


def _suite(suites: etree._Element, index: int, name: str, when: str, tests: int, failures: int,
           errors: int) -> etree._Element:
    return etree.SubElement(suites, "testsuite", name=name, package=name, id=str(index), timestamp=when,
                            hostname="localhost", tests=str(tests), failures=str(failures), errors=str(errors),
                            time="0")


def _report_suite(suites: etree._Element, index: int, report: Report, threshold: int, when: str) -> None:
    """A statement: a test case per edition against the pivot; findings below the threshold in system-out."""
    name = report.name or "statement"
    others = [e.lang for e in report.editions if e.lang != report.pivot]
    mine = {lang: [f for f in report.findings if f.lang in (lang, report.pivot)] for lang in others}
    failures = sum(1 for found in mine.values() if any(SEVERITY_RANK[f.severity] >= threshold for f in found))
    suite = _suite(suites, index, name, when, len(others), failures, 0)
    properties = etree.SubElement(suite, "properties")
    etree.SubElement(properties, "property", name=f"{name} pivot", value=report.pivot)
    etree.SubElement(properties, "property", name=f"{name} signature", value=report.signature)
    locate = Locator(report)
    below: list[str] = []
    for lang in others:
        below += _case(suite, name, f"{lang} against {report.pivot}", mine[lang], threshold, locate)
    etree.SubElement(suite, "system-out").text = "\n".join(below)
    etree.SubElement(suite, "system-err").text = ""


def _case(suite: etree._Element, name: str, case_name: str, findings: list[Finding], threshold: int,
          locate: Locator) -> list[str]:
    """One edition's test case, failed by its findings at or above the threshold; the lines of the others."""
    failing = [f for f in findings if SEVERITY_RANK[f.severity] >= threshold]
    case = etree.SubElement(suite, "testcase", classname=name, name=case_name, time="0")
    if failing:
        kinds = sorted({f.kind for f in failing})
        failure = etree.SubElement(case, "failure", message=f"{len(failing)} finding(s): {', '.join(kinds)}",
                                   type=kinds[0])
        failure.text = "\n".join(_line(f, locate) for f in failing)
    return [f"{case_name}: {_line(f, locate)}" for f in findings if SEVERITY_RANK[f.severity] < threshold]


def _problem_suite(suites: etree._Element, index: int, problem: Problem, when: str) -> None:
    name = problem.statement or "statement"
    suite = _suite(suites, index, name, when, 1, 0, 1)
    properties = etree.SubElement(suite, "properties")
    etree.SubElement(properties, "property", name=f"{name} source", value=problem.source)
    case = etree.SubElement(suite, "testcase", classname=name, name="read the editions", time="0")
    error = etree.SubElement(case, "error", message=problem.message,
                             type="internal-error" if problem.internal else "input-error")
    error.text = problem.message
    etree.SubElement(suite, "system-out").text = ""
    etree.SubElement(suite, "system-err").text = problem.detail


def render_junit(reports: Sequence[Report], fail_on: str = "error", problems: Sequence[Problem] = ()) -> str:
    threshold = SEVERITY_RANK.get(cast(Severity, fail_on), 99)  # "never": above every severity
    when = timestamp()
    suites = etree.Element("testsuites")
    for index, report in enumerate(reports):
        _report_suite(suites, index, report, threshold, when)
    for index, problem in enumerate(problems, start=len(reports)):
        _problem_suite(suites, index, problem, when)
    document: bytes = etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return document.decode("utf-8")
