#!/usr/bin/env python3
"""Puts each Java file's imports in the order checkstyle's CustomImportOrder checks: static imports first, then the
others, each group sorted by dotted name and the groups separated by one blank line. Usage: sort_imports.py [root]."""
import os
import re
import sys

IMPORT = re.compile(r'^import\s+(static\s+)?([\w.*]+)\s*;\s*$')


def sort_file(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    first = next((i for i, l in enumerate(lines) if IMPORT.match(l)), None)
    if first is None:
        return False
    last = first
    for i in range(first, len(lines)):
        if IMPORT.match(lines[i]):
            last = i
        elif lines[i].strip():
            break
    statics, others = set(), set()
    for l in lines[first:last + 1]:
        m = IMPORT.match(l)
        if m:
            (statics if m.group(1) else others).add(m.group(2))
    key = lambda name: name.split('.')
    block = ['import static %s;' % n for n in sorted(statics, key=key)]
    if statics and others:
        block.append('')
    block += ['import %s;' % n for n in sorted(others, key=key)]
    start = first
    while start > 0 and not lines[start - 1].strip():
        start -= 1
    new = lines[:start] + ([''] if start > 0 else []) + block + lines[last + 1:]
    if new != lines:
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(new))
        return True
    return False


if __name__ == '__main__':
    root = sys.argv[1] if len(sys.argv) > 1 else '.'
    changed = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ('target', '.git', 'node_modules')]
        for name in filenames:
            if name.endswith('.java') and sort_file(os.path.join(dirpath, name)):
                changed += 1
    print('%d file(s) changed' % changed)
