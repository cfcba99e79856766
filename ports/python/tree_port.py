#!/usr/bin/env python3
"""The smallest daxcheck port (PROTOCOL.md): the resource tree suite only, in plain
python3. It answers `new dax` with `err EINVAL`, the way a port says it implements
one suite only. Behaviour: docs/SPECIFICATION.md section 1 (the resource tree suite).
"""
import sys
from urllib.parse import unquote_to_bytes

U64 = (1 << 64) - 1


class Resource:
    def __init__(self, rid, start, end, name, busy):
        self.id, self.start, self.end, self.name, self.busy = rid, start, end, name, busy
        self.parent, self.children = None, []


class Forest:
    def __init__(self):
        self.created, self.roots = [], []

    def new(self, start, end, name, busy=False):
        return Resource(len(self.created), start, end, name, busy)

    def take(self, res):
        self.created.append(res)
        return 'ok %d' % res.id

    def live(self, rid):
        if not 0 <= rid < len(self.created):
            return None
        res = top = self.created[rid]
        while top.parent is not None:
            top = top.parent
        return res if top in self.roots else None

    def request_resource(self, root, res):
        """Inserts res under root; returns None or the conflict."""
        if res.end < res.start or res.start < root.start or res.end > root.end:
            return root
        for c in root.children:
            if c.start <= res.end and c.end >= res.start:
                return c
        at = sum(1 for c in root.children if c.start < res.start)
        root.children.insert(at, res)
        res.parent = root
        return None

    def unlink(self, res):
        res.parent.children.remove(res)
        res.parent = None

    # --- the operations ---

    def addRoot(self, start, end, name):
        if end < start:
            return 'err EINVAL'
        root = self.new(start, end, name)
        self.roots.append(root)
        return self.take(root)

    def requestResource(self, parent, start, end, name):
        root = self.live(parent)
        if root is None:
            return 'err ENXIO'
        res = self.new(start, end, name)
        conflict = self.request_resource(root, res)
        return self.take(res) if conflict is None else 'err EBUSY %d' % conflict.id

    def requestRegion(self, parent, start, n, name):
        p = self.live(parent)
        if p is None:
            return 'err ENXIO'
        res = self.new(start, (start + n - 1) & U64, name, busy=True)
        while True:
            conflict = self.request_resource(p, res)
            if conflict is None:
                return self.take(res)
            if conflict is p or conflict.busy:
                return 'err EBUSY'
            p = conflict

    def releaseRegion(self, parent, start, n):
        p = self.live(parent)
        if p is None:
            return 'err ENXIO'
        end = (start + n - 1) & U64
        while True:
            res = next((c for c in p.children if c.start <= start and c.end >= end), None)
            if res is None:
                return 'err ENOENT'
            if not res.busy:
                p = res
                continue
            if res.start != start or res.end != end:
                return 'err ENOENT'
            self.unlink(res)
            return 'ok'

    def adjustResource(self, rid, start, size):
        res = self.live(rid)
        if res is None:
            return 'err ENXIO'
        end = start + size - 1
        if size == 0 or end > U64:
            return 'err EINVAL'
        parent = res.parent
        if parent is not None:
            i = parent.children.index(res)
            if start < parent.start or end > parent.end:
                return 'err EBUSY'
            if i + 1 < len(parent.children) and parent.children[i + 1].start <= end:
                return 'err EBUSY'
            if i > 0 and start <= parent.children[i - 1].end:
                return 'err EBUSY'
        if any(c.start < start or c.end > end for c in res.children):
            return 'err EBUSY'
        res.start, res.end = start, end
        return 'ok'

    def releaseResource(self, rid):
        res = self.live(rid)
        if res is None:
            return 'err ENXIO'
        if res in self.roots:
            return 'err EINVAL'
        self.unlink(res)
        return 'ok'

    def observe(self):
        return 'snap {"roots":[%s]}' % ','.join(node(r) for r in self.roots)


def json_string(s):
    out = []
    for ch in s:
        if ch in '"\\':
            out.append('\\' + ch)
        elif ord(ch) < 0x20:
            out.append('\\u%04x' % ord(ch))
        else:
            out.append(ch)
    return '"%s"' % ''.join(out)


def node(r):
    return '{"id":%d,"start":"%s","end":"%s","name":%s,"busy":%s,"children":[%s]}' % (
        r.id, hex(r.start), hex(r.end), json_string(r.name), 'true' if r.busy else 'false',
        ','.join(node(c) for c in r.children))


def u64(token):
    if not token.startswith('0x') or len(token) > 18:
        raise ValueError('expected a u64 as 0x + hex, got ' + token)
    return int(token[2:], 16)


def string(token):
    return '' if token == '~' else unquote_to_bytes(token).decode('utf-8', 'replace')


# operation: argument parsers, in order
OPS = {
    'addRoot': (u64, u64, string),
    'requestResource': (int, u64, u64, string),
    'requestRegion': (int, u64, u64, string),
    'releaseRegion': (int, u64, u64),
    'adjustResource': (int, u64, u64),
    'releaseResource': (int,),
}

forest = None


def handle(words):
    global forest
    op, args = words[0], words[1:]
    if op == 'quit':
        return None
    if op == 'new':
        if args == ['tree']:
            forest = Forest()
            return 'ok'
        return 'err EINVAL'  # this port implements the tree suite only
    if op == 'fault':
        return 'err EINVAL'  # the tree suite has no faults
    if forest is None:
        return 'error no instance: send new tree first'
    if op == 'observe' and not args:
        return forest.observe()
    parsers = OPS.get(op)
    if parsers is None or len(parsers) != len(args):
        return 'error unknown request ' + op
    try:
        values = [parse(a) for parse, a in zip(parsers, args)]
    except ValueError as e:
        return 'error %s: %s' % (op, e)
    return getattr(forest, op)(*values)


def main():
    if sys.stdin.readline().rstrip('\n') != 'daxcheck 1':
        print('error unsupported protocol version', flush=True)
        return
    print('daxcheck 1 python-tree', flush=True)
    for line in sys.stdin:
        answer = handle(line.rstrip('\n').split(' '))
        if answer is None:
            break
        print(answer, flush=True)


if __name__ == '__main__':
    main()
