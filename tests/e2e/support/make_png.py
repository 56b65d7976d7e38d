#!/usr/bin/env python3
"""Writes the PNG files the image checks are tested with, streamed so that a 144-megapixel
image costs a row of memory.

  make_png.py OUT.png WIDTH HEIGHT [--depth 8|16] [--channels 1|3|4] [--noise] [--header-only]

Pixels are zero unless --noise (random bytes: a file that does not compress, to cut it in
half); --header-only writes the signature, IHDR and IEND but no image data.
"""
import argparse
import os
import struct
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("width", type=int)
    p.add_argument("height", type=int)
    p.add_argument("--depth", type=int, default=8, choices=[8, 16])
    p.add_argument("--channels", type=int, default=3, choices=[1, 3, 4])
    p.add_argument("--noise", action="store_true")
    p.add_argument("--header-only", action="store_true")
    a = p.parse_args()
    color_type = {1: 0, 3: 2, 4: 6}[a.channels]
    row_bytes = a.width * a.channels * a.depth // 8
    with open(a.out, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", a.width, a.height, a.depth, color_type, 0, 0, 0)))
        if not a.header_only:
            z = zlib.compressobj(1)
            zero_row = b"\0" * (row_bytes + 1)
            parts = []
            for _ in range(a.height):
                parts.append(z.compress(b"\0" + os.urandom(row_bytes) if a.noise else zero_row))
            parts.append(z.flush())
            f.write(chunk(b"IDAT", b"".join(parts)))
        f.write(chunk(b"IEND", b""))


if __name__ == "__main__":
    main()
