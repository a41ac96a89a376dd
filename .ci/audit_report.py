"""Reads pip-audit's JSON report on stdin. `--canary`: exit 0 if any vulnerability was reported (the service
answered). Otherwise: print the findings; exit 1 on a vulnerability with a fixed version or a package that
could not be audited."""

import json
import sys

report = json.load(sys.stdin)
dependencies = report["dependencies"]
if "--canary" in sys.argv:
    sys.exit(0 if any(dep.get("vulns") for dep in dependencies) else 1)
fixable, unfixed, skipped = [], [], []
for dep in dependencies:
    if "skip_reason" in dep:
        skipped.append(f"{dep['name']}: {dep['skip_reason']}")
    for vuln in dep.get("vulns", []):
        fixes = ", ".join(vuln["fix_versions"]) or "-"
        line = f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixes})"
        (fixable if vuln["fix_versions"] else unfixed).append(line)
for title, lines in (("Not audited", skipped), ("Known, no fix yet", unfixed), ("FIX AVAILABLE", fixable)):
    if lines:
        print(f"{title}:", *lines, sep="\n  ")
print(f"Audited {len(dependencies) - len(skipped)} pinned packages: {len(fixable)} with a fix available.")
sys.exit(1 if fixable or skipped else 0)
