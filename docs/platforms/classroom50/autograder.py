#!/usr/bin/env python3
"""racelab's Classroom 50 autograder.

Put this file, and the course (your racelab repository) as racelab/ beside
it, in CLASSROOM/autograders/ASSIGNMENT/ of your classroom50 repository;
give the assignment the runtime {"go": "1.26", "apt": ["bubblewrap"]}.
Classroom 50's runner starts it in the student's checkout with the
submission's identity in the environment; it grades the checkout with the
course's own tests and writes ./result.json (schema classroom50/result/v1)
for the runner to check, publish and collect.

A submission racelab could not read, or a lab it could not grade, is the
grader's fault, not the student's: it then exits non-zero or reports
status=error, and Classroom 50 records an error instead of a score.
"""

import glob
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
course = os.path.join(os.environ.get("CLASSROOM50_BUNDLE_DIR", here), "racelab")
workspace = os.getcwd()
out = tempfile.mkdtemp(prefix="racelab-")

# bubblewrap needs unprivileged user namespaces, which Ubuntu 24.04 runners
# keep from it unless told otherwise. Only on an Actions runner: a machine
# without the setting, or another machine, is left as it is.
sysctl = ["sysctl", "-q", "-w", "kernel.apparmor_restrict_unprivileged_userns=0"]
if os.environ.get("GITHUB_ACTIONS") == "true" and os.path.exists("/proc/sys/kernel/apparmor_restrict_unprivileged_userns"):
    if os.geteuid() != 0 and shutil.which("sudo"):
        sysctl = ["sudo"] + sysctl
    try:
        subprocess.run(sysctl, check=False)
    except OSError:
        pass

# A checker built into the runner's image saves compiling it per submission.
checker = ["racelab-checker"] if shutil.which("racelab-checker") else ["go", "run", "./checker"]
# More flags for checker grade, e.g. "-runs 5" or "-labs 1,2".
flags = shlex.split(os.environ.get("RACELAB_GRADE_FLAGS", ""))
grade = subprocess.run(
    checker + ["grade", "--classroom50", "--progress", "plain"] + flags + ["-o", out, workspace],
    cwd=course,
    check=False,
)
if grade.returncode != 0:
    print("::error::racelab could not grade this submission (see above)", file=sys.stderr)
    sys.exit(1)

(state,) = glob.glob(os.path.join(out, "*", "grade.json"))
with open(state, encoding="utf-8") as f:
    graded = json.load(f)
if graded["status"] != "graded":
    print("::error::racelab could not read this submission: " + graded.get("error", ""), file=sys.stderr)
    sys.exit(1)

shutil.copy(os.path.join(os.path.dirname(state), "classroom50.json"), "result.json")

errored = [lab["lab"] for lab in graded["labs"] if lab["status"] == "error"]
summary = "racelab: %d/%d" % (graded["score"], graded["max"])
status = "success" if all(lab["status"] == "pass" for lab in graded["labs"]) else "failure"
if errored:
    status, summary = "error", summary + " (not graded: %s)" % ", ".join(errored)
github_output = os.environ.get("GITHUB_OUTPUT")
if github_output:
    with open(github_output, "a", encoding="utf-8") as f:
        f.write("status=%s\nsummary=%s\n" % (status, summary))
print(summary)
