"""Reports → JUnit XML (the Ant schema GitLab, Jenkins and Azure read).

One test suite per statement, one test case per edition checked against the
pivot; a case fails with the findings at or above the failure threshold.
Timestamps come from SOURCE_DATE_EPOCH when set, else the epoch, so the file
is reproducible.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence

from lxml import etree

from .locations import locate
from .model import SEVERITY_RANK, Report


def _timestamp() -> str:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def render_junit(reports: Sequence[Report], fail_on: str = "error") -> str:
    threshold = SEVERITY_RANK.get(fail_on, 99)
    suites = etree.Element("testsuites")
    for index, report in enumerate(reports):
        others = [e for e in report.editions if e.lang != report.pivot]
        failing = {e.lang: [f for f in report.findings if f.lang in (e.lang, report.pivot) and SEVERITY_RANK[f.severity] >= threshold]
                   for e in others}
        suite = etree.SubElement(suites, "testsuite", name=report.name or "statement", package=report.name or "statement",
                                 id=str(index), timestamp=_timestamp(), hostname="localhost", tests=str(len(others)),
                                 failures=str(sum(1 for f in failing.values() if f)), errors="0", time="0")
        properties = etree.SubElement(suite, "properties")
        etree.SubElement(properties, "property", name="pivot", value=report.pivot)
        etree.SubElement(properties, "property", name="signature", value=report.signature)
        for edition in others:
            case = etree.SubElement(suite, "testcase", classname=report.name or "statement",
                                    name=f"{edition.lang} against {report.pivot}", time="0")
            findings = failing[edition.lang]
            if findings:
                kinds = sorted({f.kind for f in findings})
                failure = etree.SubElement(case, "failure", message=f"{len(findings)} finding(s): {', '.join(kinds)}",
                                           type=kinds[0])
                failure.text = "\n".join(
                    f"{where.path}:{where.line}: {f.severity} {f.kind}: {f.message} (confidence {f.confidence:.2f})"
                    for f, where in ((f, locate(f, report)) for f in findings))
        etree.SubElement(suite, "system-out").text = ""
        etree.SubElement(suite, "system-err").text = ""
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
