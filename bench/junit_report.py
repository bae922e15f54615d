"""Writes the JUnit ingestion section of docs/benchmarks.md from bench/junit.sh's raw results:
replaces what lies between the junit-benchmark markers, or appends the section.
Usage: junit_report.py RESULTS_DIR DOC"""
import csv
import statistics
import sys
from pathlib import Path

BEGIN, END = "<!-- junit-benchmark:begin -->", "<!-- junit-benchmark:end -->"
TARGET_MS = 2000

results, doc = Path(sys.argv[1]), Path(sys.argv[2])
facts = dict(line.split("=", 1) for line in (results / "machine.properties").read_text().splitlines() if "=" in line)
rows = list(csv.DictReader((results / "runs.tsv").open(), delimiter="\t"))


def median(tool, column):
    return statistics.median(float(r[column]) for r in rows if r["tool"] == tool)


def runs(tool, column):
    return ", ".join(r[column] for r in rows if r["tool"] == tool)


mb = int(facts["bytes"]) / 1e6
bw_read, py_read = median("breakwater", "read_ms"), median("python-etree", "read_ms")
bw_wall, py_wall = median("breakwater", "wall_ms"), median("python-etree", "wall_ms")
verdict = "met" if bw_read < TARGET_MS else "NOT met"
lines = [
    BEGIN,
    "## JUnit XML ingestion: `JunitReader` vs Python's ElementTree",
    "",
    f"Issue 15's target: a 50 MB JUnit XML report read in **under 2 s**. Measured by `bench/junit.sh` on "
    f"{facts['date']}: a generated Surefire-style report of {int(facts['bytes']):,} bytes "
    f"({int(facts['cases']):,} test cases; 3% failures and 1% errors with 20-40 frame stack traces, 2% skipped, "
    f"1% passing after a `flakyFailure`, a `system-out` block in about one case in five), "
    f"{facts['runs']} runs per tool, each in a fresh process, the file in the page cache. Medians.",
    "",
    "| Tool | Read (ms, median) | Whole process (ms, median) | MB/s (read) | Peak RSS (MB, median) | Runs: read ms |",
    "|---|---:|---:|---:|---:|---|",
]
for tool, label in (("breakwater", "Breakwater `JunitReader` (JDK StAX, default JVM options)"),
                    ("python-etree", "Python `xml.etree.ElementTree.parse` + count")):
    read = median(tool, "read_ms")
    lines.append(f"| {label} | {read:,.0f} | {median(tool, 'wall_ms'):,.0f} | {mb / (read / 1000):,.1f} | "
                 f"{median(tool, 'rss_kb') / 1024:,.0f} | {runs(tool, 'read_ms')} |")
lines += [
    "",
    f"**Target {verdict}**: Breakwater reads the report in {bw_read:,.0f} ms (target {TARGET_MS:,} ms); "
    f"{py_read / bw_read:.2f}x the peer's speed on the read alone (peer {py_read:,.0f} ms), "
    f"{py_wall / bw_wall:.2f}x on the whole process (JVM start included).",
    "",
    "Both sides do comparable work: parse everything and count cases by status; Breakwater also builds a "
    "record per case with its message, stack trace and output (capped). \"Read\" is timed inside the process "
    "around the read; \"whole process\" is the wall time of the command (JVM or interpreter start included).",
    "",
    f"Machine: {facts['nproc']} cores ({facts['cpu']}), {facts['memory']} memory, {facts['kernel']}; "
    f"{facts['java']}; {facts['python']}. Breakwater: {facts['breakwater_commit']}.",
    f"Load average (1, 5, 15 min) at the start: {facts['load_start']}; before Breakwater's runs: "
    f"{facts['load_before_breakwater']}; before Python's: {facts['load_before_python-etree']}; at the end: "
    f"{facts['load_end']}. Quiet machine reached: {facts['quiet_reached']} (waited {facts['waited_seconds']} s). "
    "A load above the core count means other builds shared the CPU: the figures are upper bounds.",
    END,
]
section = "\n".join(lines) + "\n"
text = doc.read_text() if doc.exists() else ""
begin, end = text.find(BEGIN), text.find(END)
if begin >= 0 and end >= 0:
    text = text[:begin] + section + text[end + len(END):].lstrip("\n")
else:
    text = text.rstrip("\n") + "\n\n" + section
doc.write_text(text)
print(f"breakwater read {bw_read:.0f} ms, python {py_read:.0f} ms: target {verdict}")
