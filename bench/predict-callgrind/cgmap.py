#!/usr/bin/env python3
"""Self instruction counts per function from a callgrind file written with --dump-instr=yes, JIT code named through
the .NET perf map (/tmp/perf-PID.map, DOTNET_PerfMapEnabled=1).
Usage: cgmap.py OUT MAP [top]              the functions that cost most
       cgmap.py OLD_OUT OLD_MAP NEW_OUT NEW_MAP [top]   the functions whose count differs most (namespaces folded)"""
import sys, bisect, re, collections


def counts(out, mapf):
    ranges = []
    for line in open(mapf, errors='replace'):
        a, s, name = line.rstrip('\n').split(' ', 2)
        ranges.append((int(a, 16), int(s, 16), name))
    ranges.sort()
    starts = [r[0] for r in ranges]
    def jitname(addr):
        i = bisect.bisect_right(starts, addr) - 1
        if i >= 0 and addr < ranges[i][0] + ranges[i][1]: return ranges[i][2]
        return None
    names = {}
    fn = obj = None
    objs = {}
    cost = collections.Counter()
    positions = ['instr']
    pos = {}
    skip_next = False
    def parse_pos(tok, kind):
        if tok.startswith('0x'): return int(tok, 16)
        if tok == '*': return pos.get(kind, 0)
        if tok[0] in '+-': return pos.get(kind, 0) + int(tok)
        return int(tok)
    def compressed(spec, table):
        m = re.match(r'\((\d+)\)(?:\s+(.*))?', spec)
        if not m: return spec
        if m.group(2) is not None: table[m.group(1)] = m.group(2)
        return table.get(m.group(1), '?')
    for line in open(out, errors='replace'):
        line = line.rstrip('\n')
        if not line: continue
        if line.startswith('positions:'): positions = line.split()[1:]; continue
        if line.startswith('ob='): obj = compressed(line[3:], objs); continue
        if line.startswith('fn='): fn = compressed(line[3:], names); continue
        if line.startswith(('cob=', 'cfi=', 'cfn=', 'fl=', 'fi=', 'fe=')):
            if line.startswith('cfn='): compressed(line[4:], names)
            if line.startswith('cob='): compressed(line[4:], objs)
            continue
        if line.startswith('calls='): skip_next = True; continue
        c = line[0]
        if not (c.isdigit() or c in '+-*'): continue
        toks = line.split()
        p = {}
        for k, kind in enumerate(positions):
            p[kind] = parse_pos(toks[k], kind)
        pos.update(p)
        if skip_next: skip_next = False; continue
        ir = int(toks[len(positions)]) if len(toks) > len(positions) else 0
        addr = p['instr']
        name = jitname(addr) if (fn or '').startswith('0x') or obj is None or '???' in (fn or '') or True else None
        if name is None: name = f'{fn} [{(obj or "").split("/")[-1]}]'
        cost[name] += ir
    return cost


def key(name):
    """A method's name without its namespaces (the folders moved between the builds), parameters or address."""
    name = re.sub(r'NotebookNN\.((Kernels|Compute|Gemm|Threading|Drivers|Ops|Tensors|Autodiff|Models|Layers|Activations)\.)+', 'NotebookNN.', name)
    m = re.search(r'(\S+::[^(]+)\(', name)
    return m.group(1) if m else re.sub(r'0x[0-9a-f]+', 'ADDR', name)


if len(sys.argv) >= 5:
    top = int(sys.argv[5]) if len(sys.argv) > 5 else 40
    old, new = collections.Counter(), collections.Counter()
    for k, v in counts(sys.argv[1], sys.argv[2]).items(): old[key(k)] += v
    for k, v in counts(sys.argv[3], sys.argv[4]).items(): new[key(k)] += v
    print(f'total old {sum(old.values()):,} new {sum(new.values()):,} ({sum(new.values()) - sum(old.values()):+,})')
    for k in sorted(set(old) | set(new), key=lambda k: -abs(new[k] - old[k]))[:top]:
        if new[k] != old[k]: print(f'{old[k]:>15,} {new[k]:>15,} {new[k] - old[k]:>+12,}  {k[:120]}')
    sys.exit(0)
top = int(sys.argv[3]) if len(sys.argv) > 3 else 40
cost = counts(sys.argv[1], sys.argv[2])
total = sum(cost.values())
print(f'total {total:,}')
for name, ir in cost.most_common(top):
    print(f'{ir:>15,} {100*ir/total:5.1f}%  {name[:150]}')
