#!/usr/bin/env python3
"""Check Zeren's Camunda webapp translations against the English originals.

For every app that has a locales/zh.json under
src/main/resources/META-INF/resources/webjars/camunda/app/<app>/, compare it with
app/<app>/locales/en.json inside the camunda-webapp-webjar jar of the Camunda
version in pom.xml (read from the local Maven repository) and report:

  * keys missing from zh.json or not present in en.json (nested, arrays by length)
  * per key, {{ placeholders }}, moment.js %d/%s tokens and HTML tags/entities
    that differ from en.json
  * (warning only) labels whose value is still the English text
  * scripts/config.js that does not declare zh first and as the fallback locale

Exit status 1 on any error, so the script can run in CI and after a Camunda upgrade:

    python3 tools/check-webapp-locales.py            # uses ~/.m2 and pom.xml
    python3 tools/check-webapp-locales.py --jar path/to/camunda-webapp-webjar-7.x.jar
"""
import argparse
import json
import os
import re
import sys
import zipfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OURS = os.path.join(ROOT, "src/main/resources/META-INF/resources/webjars/camunda/app")
IN_JAR = "META-INF/resources/webjars/camunda/app/{app}/locales/en.json"

PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
PRINTF = re.compile(r"%[ds]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ENTITY = re.compile(r"&[a-zA-Z]+;")
# Values that are legitimately the same in Chinese (symbols, product names, empty).
SAME_OK = {"", "<", "<=", ">", ">=", "<null>", "<undefined>", "Camunda", "Optimize", "ID*", "L", "LT", "HH:mm", "ID", "JSON", "XML"}


def camunda_version():
    with open(os.path.join(ROOT, "pom.xml"), encoding="utf-8") as f:
        m = re.search(r"<camunda.version>([^<]+)</camunda.version>", f.read())
    if not m:
        sys.exit("camunda.version not found in pom.xml")
    return m.group(1)


def default_jar():
    v = camunda_version()
    return os.path.expanduser(
        f"~/.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar/{v}/camunda-webapp-webjar-{v}.jar")


def flatten(value, prefix=""):
    """Map 'a.b[3]' paths to leaf values."""
    out = {}
    if isinstance(value, dict):
        for k, v in value.items():
            out.update(flatten(v, f"{prefix}.{k}" if prefix else k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.update(flatten(v, f"{prefix}[{i}]"))
    else:
        out[prefix] = value
    return out


def tokens(text):
    if not isinstance(text, str):
        return {"value": text}
    return {
        "placeholders": Counter(PLACEHOLDER.findall(text)),
        "printf": Counter(PRINTF.findall(text)),
        "tags": Counter(TAG.findall(text)),
        "entities": Counter(ENTITY.findall(text)),
    }


def check_app(jar, app, errors, warnings):
    zh_path = os.path.join(OURS, app, "locales", "zh.json")
    with jar.open(IN_JAR.format(app=app)) as f:
        en = flatten(json.loads(f.read().decode("utf-8-sig")))
    with open(zh_path, encoding="utf-8") as f:
        raw = f.read()
    if raw.startswith("\ufeff"):
        warnings.append(f"{app}: zh.json starts with a BOM")
    zh = flatten(json.loads(raw.lstrip("\ufeff")))

    for key in sorted(en.keys() - zh.keys()):
        errors.append(f"{app}: missing in zh.json: {key} (en: {en[key]!r})")
    for key in sorted(zh.keys() - en.keys()):
        errors.append(f"{app}: not in en.json (removed upstream?): {key}")
    for key in sorted(en.keys() & zh.keys()):
        e, z = tokens(en[key]), tokens(zh[key])
        if key.startswith("dateLocales.week."):
            continue  # numbers (first day of week) may differ by locale
        for kind in e:
            if e[kind] != z[kind]:
                errors.append(f"{app}: {key}: {kind} differ: en {dict(e[kind]) if kind != 'value' else e[kind]}"
                              f" vs zh {dict(z[kind]) if kind != 'value' else z[kind]}")
        if key.startswith("labels.") and zh[key] == en[key] and en[key] not in SAME_OK:
            warnings.append(f"{app}: {key} still English: {en[key]!r}")

    config = os.path.join(OURS, app, "scripts", "config.js")
    if not os.path.exists(config):
        errors.append(f"{app}: no scripts/config.js overriding the webjar's (zh.json would never be loaded)")
    else:
        with open(config, encoding="utf-8") as f:
            js = f.read()
        if not re.search(r"availableLocales\s*:\s*\[\s*['\"]zh['\"]", js) or \
                not re.search(r"fallbackLocale\s*:\s*['\"]zh['\"]", js):
            errors.append(f"{app}: scripts/config.js must set availableLocales: ['zh', ...] and fallbackLocale: 'zh'")
    return len([k for k in en if k.startswith("labels.")]), len(en)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default=None, help="camunda-webapp-webjar jar (default: from ~/.m2 and pom.xml)")
    parser.add_argument("--strict", action="store_true", help="treat warnings (untranslated values) as errors")
    args = parser.parse_args()
    jar_path = args.jar or default_jar()
    if not os.path.exists(jar_path):
        sys.exit(f"{jar_path} not found; run ./mvnw -B -q dependency:resolve first or pass --jar")

    apps = sorted(a for a in os.listdir(OURS) if os.path.exists(os.path.join(OURS, a, "locales", "zh.json")))
    errors, warnings = [], []
    with zipfile.ZipFile(jar_path) as jar:
        for app in apps:
            labels, total = check_app(jar, app, errors, warnings)
            print(f"{app}: {labels} labels, {total} entries in total (en.json of {os.path.basename(jar_path)})")
    for w in warnings:
        print("WARNING " + w)
    for e in errors:
        print("ERROR " + e)
    if errors or (args.strict and warnings):
        print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
        return 1
    print(f"OK: {', '.join(apps)} match en.json ({len(warnings)} warning(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
