#!/usr/bin/env python3
"""Checks what a release would publish, after `mvn verify` has built the tree it runs in.

For every published module (one whose pom, or a parent pom in this repository, does not set
maven.deploy.skip): the jar, its sources and javadoc jars exist, the jar's manifest names its module
(Automatic-Module-Name), and the bill of materials (bom/pom.xml) lists it. Then the published modules
are built again from a second clone at another path, and every jar must be byte-identical to the
first build's (reproducible builds).

Usage: check_artifacts.py <built checkout> [maven options for the rebuild...]
Exit code 0 when everything holds, 1 with one line per problem otherwise.
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
import zipfile

NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def read_pom(path):
    return ElementTree.parse(path).getroot()


def text(root, path):
    node = root.find(path, NS)
    return node.text.strip() if node is not None and node.text else None


def skips_deploy(root):
    return text(root, "m:properties/m:maven.deploy.skip") == "true"


def published_modules(checkout):
    """(directory, artifactId, version) of each published jar module, walking the reactor from the root."""
    found = []

    def walk(directory, parent_skips):
        root = read_pom(os.path.join(directory, "pom.xml"))
        skips = parent_skips or skips_deploy(root)
        packaging = text(root, "m:packaging") or "jar"
        version = text(root, "m:version") or text(root, "m:parent/m:version")
        if packaging == "jar" and not skips:
            found.append((directory, text(root, "m:artifactId"), version))
        for module in root.findall("m:modules/m:module", NS):
            walk(os.path.join(directory, module.text.strip()), skips)

    walk(checkout, False)
    return found


def check_module(directory, artifact, version, bom_artifacts):
    problems = []
    target = os.path.join(directory, "target")
    jar = os.path.join(target, f"{artifact}-{version}.jar")
    for classifier in ("", "-sources", "-javadoc"):
        path = os.path.join(target, f"{artifact}-{version}{classifier}.jar")
        if not os.path.isfile(path):
            problems.append(f"{artifact}: {os.path.basename(path)} was not built")
    if os.path.isfile(jar):
        with zipfile.ZipFile(jar) as archive:
            manifest = archive.read("META-INF/MANIFEST.MF").decode("utf-8")
        names = [line.split(":", 1)[1].strip() for line in manifest.splitlines()
                 if line.startswith("Automatic-Module-Name:")]
        if not names or not names[0] or "$" in names[0] or "-" in names[0]:
            problems.append(f"{artifact}: no valid Automatic-Module-Name in its manifest ({names})")
    if artifact not in bom_artifacts:
        problems.append(f"{artifact}: not listed in bom/pom.xml")
    return problems


def jars_of(directory):
    target = os.path.join(directory, "target")
    return sorted(name for name in os.listdir(target) if name.endswith(".jar")) if os.path.isdir(target) else []


def rebuild_and_compare(checkout, modules, maven_options):
    problems = []
    with tempfile.TemporaryDirectory(prefix="strata-repro-") as work:
        second = os.path.join(work, "second-clone")
        subprocess.run(["git", "clone", "-q", checkout, second], check=True)
        selected = ",".join(os.path.relpath(directory, checkout) for directory, _, _ in modules)
        command = ["mvn", "-B", "-ntp", "-q", "package", "-DskipTests", "-Dcheckstyle.skip", "-Dspotbugs.skip",
                   "-Djacoco.skip", "-Denforcer.skip", "-Dmdep.analyze.skip", "-pl", selected, "-am", *maven_options]
        subprocess.run(command, cwd=second, check=True)
        for directory, artifact, _ in modules:
            relative = os.path.relpath(directory, checkout)
            for name in jars_of(directory):
                again = os.path.join(second, relative, "target", name)
                if not os.path.isfile(again):
                    problems.append(f"{artifact}: the second build made no {name}")
                    continue
                with open(os.path.join(directory, "target", name), "rb") as first_bytes, open(again, "rb") as second_bytes:
                    if first_bytes.read() != second_bytes.read():
                        problems.append(f"{artifact}: {name} differs between two builds of one commit")
                    else:
                        print(f"reproducible: {relative}/target/{name}")
    return problems


def main():
    checkout = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    bom = read_pom(os.path.join(checkout, "bom", "pom.xml"))
    bom_artifacts = {text(node, "m:artifactId") for node in bom.findall(
        "m:dependencyManagement/m:dependencies/m:dependency", NS)}
    modules = published_modules(checkout)
    problems = []
    for directory, artifact, version in modules:
        print(f"published: {artifact} ({os.path.relpath(directory, checkout)})")
        problems += check_module(directory, artifact, version, bom_artifacts)
    if not problems:
        problems += rebuild_and_compare(checkout, modules, sys.argv[2:])
    for problem in problems:
        print(f"ARTIFACT PROBLEM: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
