#!/usr/bin/env python3
"""Checks that no include runs back up the engine's stages (docs/architecture.md).

core/src/<stage>/ may include its own stage and the ones before it; the
public headers (core/include/bbb/) sit on top and may include any stage;
stage code includes a public header only in the file that implements it.
Prints each include that breaks the rule; exits 1 if any does.
"""
import pathlib
import re
import sys

STAGES = ['values', 'fast', 'text', 'workbook', 'rows', 'finance', 'session', 'report']
# Where each public header's code lives (it may include its own header).
PUBLIC_IMPL = {'session': 'session', 'settings': 'session', 'report_size': 'report',
               'report_json': 'report', 'vocabulary': 'report', 'compare_json': 'report'}
INCLUDE = re.compile(r'#include "([a-z_]+)/([a-z_0-9]+)\.h"')

core = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent / 'core')
broken = []
for path in sorted((core / 'src').glob('*/*')) + sorted((core / 'include' / 'bbb').glob('*.h')):
    public = path.parent.name == 'bbb'
    rank = len(STAGES) if public else STAGES.index(path.parent.name)
    for folder, name in INCLUDE.findall(path.read_text()):
        if folder == 'bbb':
            if public or PUBLIC_IMPL.get(name) == path.parent.name:
                continue
            broken.append(f'{path}: includes the public bbb/{name}.h')
        elif folder not in STAGES:
            broken.append(f'{path}: includes {folder}/{name}.h, not a stage')
        elif STAGES.index(folder) > rank:
            broken.append(f'{path}: includes {folder}/{name}.h, a later stage')
for line in broken:
    print(line)
sys.exit(1 if broken else 0)
