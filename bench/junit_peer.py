"""The peer for bench/junit.sh: Python's xml.etree.ElementTree (C-accelerated expat) parses the same
JUnit XML file and counts the cases by status, so both sides do comparable work. Prints read_ms."""
import sys
import time
import xml.etree.ElementTree as ET

t0 = time.perf_counter()
root = ET.parse(sys.argv[1]).getroot()
cases = failures = errors = skipped = 0
for case in root.iter("testcase"):
    cases += 1
    if case.find("failure") is not None:
        failures += 1
    elif case.find("error") is not None:
        errors += 1
    elif case.find("skipped") is not None:
        skipped += 1
t1 = time.perf_counter()
print(f"read_ms={(t1 - t0) * 1000:.1f}\ncases={cases}\nfailures={failures}\nerrors={errors}\nskipped={skipped}")
