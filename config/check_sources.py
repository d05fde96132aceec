#!/usr/bin/env python3
"""Source rules checkstyle cannot express. Fails (exit 1) listing each violation:
  - a fully qualified type name written inline where an import would do (allowed only when the simple name
    clashes: imported from another package, declared in the file, or a type of the file's own package);
  - a main source file over 600 lines.
Usage: check_sources.py [--fix] [root]. --fix replaces such names by an import and sorts the imports."""
import os
import re
import sys

ROOTS = ('java', 'javax', 'jakarta', 'org', 'com', 'io', 'net', 'reactor', 'dev', 'tools', 'redis', 'kotlin')
FQN = re.compile(r'(?<![\w.@])((?:%s)(?:\.[a-z_][\w]*)+)\.([A-Z]\w*)' % '|'.join(ROOTS))
IMPORT = re.compile(r'^import\s+(static\s+)?([\w.]+)\s*;', re.M)
DECLARED = re.compile(r'\b(?:class|interface|enum|record|@interface)\s+([A-Z]\w*)')
MAX_MAIN_LINES = 600


def blank_out(code):
    """Comments, strings and character literals replaced by spaces (line breaks kept), so names in them are skipped."""
    out = []
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if code.startswith('//', i):
            j = code.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i)); i = j
        elif code.startswith('/*', i):
            j = code.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', code[i:j])); i = j
        elif code.startswith('"""', i):
            j = code.find('"""', i + 3)
            j = n if j < 0 else j + 3
            out.append(re.sub(r'[^\n]', ' ', code[i:j])); i = j
        elif c in '"\'':
            j = i + 1
            while j < n and code[j] != c and code[j] != '\n':
                j += 2 if code[j] == '\\' else 1
            out.append(' ' * (min(j + 1, n) - i)); i = j + 1
        else:
            out.append(c); i += 1
    return ''.join(out)


def own_package_types(path, package):
    d = os.path.dirname(path)
    return {f[:-5] for f in os.listdir(d) if f.endswith('.java')}


def violations(path, code):
    clean = blank_out(code)
    pkg = re.search(r'^package\s+([\w.]+)\s*;', clean, re.M)
    package = pkg.group(1) if pkg else ''
    imported = {}
    for m in IMPORT.finditer(clean):
        if not m.group(1):
            name = m.group(2)
            imported[name.rsplit('.', 1)[1]] = name.rsplit('.', 1)[0]
    declared = set(DECLARED.findall(clean)) | own_package_types(path, package)
    found = []
    body_start = max([m.end() for m in IMPORT.finditer(clean)] + [pkg.end() if pkg else 0])
    packages_by_name = {}
    for m in FQN.finditer(clean, body_start):
        packages_by_name.setdefault(m.group(2), set()).add(m.group(1))
    for m in FQN.finditer(clean, body_start):
        prefix, name = m.group(1), m.group(2)
        if re.search(r'\.[A-Z]', prefix):  # Outer.Inner written with its package: treat the outer type
            continue
        clash = (name in imported and imported[name] != prefix) or (name in declared and prefix != package) \
            or len(packages_by_name[name]) > 1 or (prefix != 'java.lang' and name in JAVA_LANG)
        if not clash:
            line = clean.count('\n', 0, m.start()) + 1
            found.append((line, prefix, name, m.start(), m.end()))
    return found


JAVA_LANG = {'Object', 'String', 'Class', 'Record', 'Override', 'Deprecated', 'Thread', 'Runtime', 'System',
             'Module', 'Process', 'Compiler', 'Package', 'Error', 'Exception', 'Iterable', 'Comparable'}


def fix(path, code, found):
    for _, prefix, name, start, end in sorted(found, key=lambda f: -f[3]):
        code = code[:start] + name + code[end:]
    imports = {'import %s.%s;' % (p, n) for _, p, n, _, _ in found if p != 'java.lang'}
    new = [i for i in sorted(imports) if i not in code]
    if new:
        m = re.search(r'^package\s+[\w.]+\s*;\n', code, re.M)
        code = code[:m.end()] + '\n' + '\n'.join(new) + '\n' + code[m.end():]
    with open(path, 'w', encoding='utf-8') as f:
        f.write(code)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import sort_imports
    sort_imports.sort_file(path)


def main(argv):
    do_fix = '--fix' in argv
    args = [a for a in argv if a != '--fix']
    root = args[0] if args else '.'
    problems = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ('target', '.git', 'node_modules')]
        for fname in filenames:
            if not fname.endswith('.java'):
                continue
            path = os.path.join(dirpath, fname)
            with open(path, encoding='utf-8') as f:
                code = f.read()
            if '/src/main/java/' in path and code.count('\n') > MAX_MAIN_LINES:
                print('%s: %d lines (at most %d)' % (path, code.count('\n'), MAX_MAIN_LINES))
                problems += 1
            found = violations(path, code)
            if found and do_fix:
                fix(path, code, found)
                print('%s: %d name(s) imported' % (path, len(found)))
            else:
                for line, prefix, name, _, _ in found:
                    print('%s:%d: %s.%s written inline; import it' % (path, line, prefix, name))
                    problems += 1
    if problems:
        print('%d problem(s)' % problems)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
