#!/usr/bin/env python3
"""The slowest test classes and tests of a .trx, and how many tests ran at once over the run.

usage: dotnet test tests/X -c Release --no-build --logger "trx;LogFileName=x.trx" --results-directory DIR
       bench/scripts/slowest-tests.py DIR/x.trx [TOP=15]

"alone" is the time in which exactly one test of the project was running: a long test that starts late shows up there,
with a core idle in this project.
"""
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import datetime

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def seconds(duration):
    hours, minutes, secs = duration.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(secs)


def main(path, top):
    root = ET.parse(path).getroot()
    class_of = {u.get("id"): u.find("t:TestMethod", NS).get("className") for u in root.iterfind(".//t:UnitTest", NS)}
    results = []
    for r in root.iterfind(".//t:UnitTestResult", NS):
        results.append((seconds(r.get("duration", "0:0:0")), r.get("outcome"), r.get("testName"), class_of.get(r.get("testId"), ""),
                        datetime.fromisoformat(r.get("startTime")), datetime.fromisoformat(r.get("endTime"))))
    start, end = min(r[4] for r in results), max(r[5] for r in results)
    span = (end - start).total_seconds()
    running = Counter()
    for second in range(int(span)):
        at = start.timestamp() + second
        running[min(sum(1 for r in results if r[4].timestamp() <= at < r[5].timestamp()), 2)] += 1
    print(f"{path}: {len(results)} tests, {sum(r[0] for r in results):.0f} s of test time in {span:.0f} s from first start to last end;"
          f" none running {running[0]} s, one alone {running[1]} s, two or more {running[2]} s")
    by_class = defaultdict(float)
    for r in results:
        by_class[r[3]] += r[0]
    print("slowest classes (s):")
    for name, total in sorted(by_class.items(), key=lambda item: -item[1])[:top]:
        print(f"  {total:7.1f}  {name}")
    print("slowest tests (s, started at s):")
    for r in sorted(results, key=lambda r: -r[0])[:top]:
        print(f"  {r[0]:7.1f}  @{(r[4] - start).total_seconds():5.0f}  {r[1]:7}  {r[2][:140]}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15)
