#!/usr/bin/env python3
"""Reads one value that a Strata cache stored with serialization.format json, with the standard
library only: a RESP GET over a plain socket, the two-byte envelope header, then json.loads.

Usage: read_strata_value.py HOST PORT KEY
Prints the value as JSON (sorted keys, UTF-8) on standard output. Exits 2 when Redis holds no value
under KEY, 3 when the value is not plain JSON in format 1 (compressed, encrypted, or another version).
"""
import json
import socket
import sys

FORMAT_VERSION = 1   # byte 0
FLAG_ZSTD = 1        # byte 1, bit 0: bytes 2.. are a zstd frame
FLAG_ENCRYPTED = 2   # byte 1, bit 1: bytes 2.. are key id, nonce, AES-GCM ciphertext


def send(sock, *parts):
    message = b"*%d\r\n" % len(parts)
    for part in parts:
        data = part.encode("utf-8")
        message += b"$%d\r\n%s\r\n" % (len(data), data)
    sock.sendall(message)


def reply(stream):
    line = stream.readline()
    if not line.endswith(b"\r\n"):
        raise IOError("Redis closed the connection")
    kind, rest = line[:1], line[1:-2]
    if kind == b"$":
        length = int(rest)
        if length < 0:
            return None
        data = stream.read(length + 2)
        if len(data) != length + 2:
            raise IOError("Redis closed the connection inside a reply")
        return data[:-2]
    if kind == b"-":
        raise IOError("Redis refused: " + rest.decode("utf-8", "replace"))
    raise IOError("unexpected reply type " + repr(kind))


def main(host, port, key):
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        send(sock, "GET", key)
        stored = reply(sock.makefile("rb"))
    if stored is None:
        print("no value under " + key, file=sys.stderr)
        return 2
    version, flags = stored[0], stored[1]
    if version != FORMAT_VERSION or flags & (FLAG_ZSTD | FLAG_ENCRYPTED):
        print("not plain JSON: format %d, flags %d" % (version, flags), file=sys.stderr)
        return 3
    value = json.loads(stored[2:].decode("utf-8"))
    sys.stdout.buffer.write(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
