#!/usr/bin/env python3
"""Draws the demo content's schematic plans of the Fauvettes neighbourhood.

    scripts/make-demo-plans.py [OUT_DIR]      (default: config/content/plans/images)

No real plans of the programme are available to the project, so the demo content uses
these: schematic plans (streets, buildings, the future park, the school, legend, north
arrow, scale bar) drawn as SVG by this script and rasterised with rsvg-convert (Debian
package librsvg2-bin). Street names and figures are invented; every plan says in its title
block that it is an example. Output is deterministic: the same script gives the same PNGs.

Plan coordinates in the kiosk are the PNGs' pixels; the hotspots in
config/content/plans/*.toml were placed with the world → pixel mapping printed at the end.
"""

import math
import os
import random
import subprocess
import sys
import tempfile

# The neighbourhood, in metres: 800 m across, 550 m down, north up.
WORLD_W, WORLD_H = 800, 550

COLORS = {
    "land": "#f3efe6",
    "street": "#ffffff",
    "street_edge": "#b9b2a5",
    "path": "#8a8478",
    "existing": "#c9c2b5",
    "existing_edge": "#6f695f",
    "demolished": "#d9534f",
    "new_housing": "#e8a25c",
    "new_housing_edge": "#9c5a1c",
    "facility": "#5b8dd6",
    "facility_edge": "#1d4e89",
    "shops": "#9b6bc4",
    "shops_edge": "#5b3a8e",
    "green": "#b5dba8",
    "green_edge": "#5f9a52",
    "tree": "#6baf64",
    "tree_edge": "#3e7a37",
    "play": "#f2d16b",
    "water": "#9cc9e6",
    "sport": "#d98f6b",
    "parking": "#dcd8cf",
    "perimeter": "#1d4e89",
    "bus": "#c0392b",
    "bike": "#1c6b3a",
    "text": "#1a1a1a",
    "muted": "#4d4a45",
}

FONT = "DejaVu Sans"


class Svg:
    """A tiny SVG writer in world coordinates (metres)."""

    def __init__(self, width_px, height_px, world=(0, 0, WORLD_W, WORLD_H)):
        self.width_px, self.height_px = width_px, height_px
        self.world = world
        self.items = []
        self.defs = []

    def add(self, text):
        self.items.append(text)

    def rect(self, x, y, w, h, fill, stroke="none", width=0.6, extra=""):
        self.add(f'<rect x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" fill="{fill}" '
                 f'stroke="{stroke}" stroke-width="{width}" {extra}/>')

    def poly(self, points, fill, stroke="none", width=0.6, extra=""):
        p = " ".join(f"{x:.2f},{y:.2f}" for x, y in points)
        self.add(f'<polygon points="{p}" fill="{fill}" stroke="{stroke}" stroke-width="{width}" '
                 f'stroke-linejoin="round" {extra}/>')

    def line(self, points, stroke, width, extra=""):
        p = " ".join(f"{x:.2f},{y:.2f}" for x, y in points)
        cap = "" if "stroke-linecap" in extra else 'stroke-linecap="round" '
        self.add(f'<polyline points="{p}" fill="none" stroke="{stroke}" stroke-width="{width}" '
                 f'{cap}stroke-linejoin="round" {extra}/>')

    def circle(self, x, y, r, fill, stroke="none", width=0.4):
        self.add(f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}" fill="{fill}" stroke="{stroke}" '
                 f'stroke-width="{width}"/>')

    def text(self, x, y, s, size, fill=COLORS["text"], weight="normal", anchor="middle", extra=""):
        s = s.replace("&", "&amp;").replace("<", "&lt;")
        self.add(f'<text x="{x:.2f}" y="{y:.2f}" font-family="{FONT}" font-size="{size}" '
                 f'font-weight="{weight}" fill="{fill}" text-anchor="{anchor}" {extra}>{s}</text>')

    def halo_text(self, x, y, s, size, fill=COLORS["text"], weight="bold", anchor="middle"):
        # White outline under the text so labels stay readable over any colour.
        halo = (f'stroke="#ffffff" stroke-width="{size * 0.28:.2f}" stroke-linejoin="round" '
                f'paint-order="stroke"')
        self.text(x, y, s, size, fill, weight, anchor, halo)

    def street_name(self, points, s, size):
        """The name written along a straight street, centred on `points`' middle."""
        (x0, y0), (x1, y1) = points
        x, y = (x0 + x1) / 2, (y0 + y1) / 2
        angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
        self.text(x, y + size * 0.35, s, size, COLORS["muted"], extra=f'font-style="italic" '
                  f'transform="rotate({angle:.1f} {x:.2f} {y:.2f})"')

    def save(self, path):
        x, y, w, h = self.world
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width_px}" '
                f'height="{self.height_px}" viewBox="{x} {y} {w} {h}">')
        hatch = ('<pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" '
                 'patternTransform="rotate(45)"><rect width="4" height="4" fill="#f6d5d3"/>'
                 f'<line x1="0" y1="0" x2="0" y2="4" stroke="{COLORS["demolished"]}" stroke-width="1.6"/>'
                 '</pattern>')
        grass = ('<pattern id="grass" width="6" height="6" patternUnits="userSpaceOnUse">'
                 f'<rect width="6" height="6" fill="{COLORS["green"]}"/>'
                 '<circle cx="1.5" cy="1.5" r="0.35" fill="#8fc382"/>'
                 '<circle cx="4.5" cy="4.5" r="0.35" fill="#8fc382"/></pattern>')
        with open(path, "w", encoding="utf-8") as f:
            f.write(head + "<defs>" + hatch + grass + "".join(self.defs) + "</defs>\n")
            f.write(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{COLORS["land"]}"/>\n')
            f.write("\n".join(self.items))
            f.write("\n</svg>\n")


# ---------------------------------------------------------------------------------------
# The neighbourhood's pieces

STREETS = [
    # (name, points, width m)
    ("Avenue du Val Coteau", [(0, 120), (800, 120)], 20),
    ("Rue des Fauvettes", [(260, 0), (260, 550)], 14),
    ("Avenue des Coteaux", [(720, 0), (720, 550)], 18),
    ("Rue des Mésanges", [(0, 425), (720, 425)], 12),
]
NEW_STREET = ("Rue Nouvelle (nom à choisir)", [(260, 275), (720, 275)], 12)


def draw_streets(svg, with_new_street, names=True):
    streets = STREETS + ([NEW_STREET] if with_new_street else [])
    # Streets that leave the neighbourhood run on to the picture's edge.
    wx, wy, ww, wh = svg.world
    def extended(pts):
        (x0, y0), (x1, y1) = pts
        if y0 == y1 and (x0, x1) == (0, 800):
            return [(wx, y0), (wx + ww, y1)]
        if x0 == x1 and (y0, y1) == (0, 550):
            return [(x0, wy), (x1, wy + wh)]
        return pts
    for _, pts, w in streets:
        svg.line(extended(pts), COLORS["street_edge"], w + 1.5, 'stroke-linecap="butt"')
    for _, pts, w in streets:
        svg.line(extended(pts), COLORS["street"], w, 'stroke-linecap="butt"')
    if names:
        for i, (name, pts, w) in enumerate(streets):
            (x0, y0), (x1, y1) = pts
            if y0 == y1:  # horizontal: label on a stretch clear of crossings
                xs = (x0 + 20, x0 + 240) if i != 4 else (400, 640)
                if name == "Avenue du Val Coteau":
                    xs = (300, 620)
                svg.street_name([(xs[0], y0), (xs[1], y1)], name, 6.5)
            else:
                ys = (150, 400) if name == "Rue des Fauvettes" else (300, 520)
                svg.street_name([(x0, ys[0]), (x1, ys[1])], name, 6.5)


def pavilions(svg, rng, x0, y0, x1, y1):
    """Detached houses with gardens: the low-rise streets around the estate."""
    y = y0 + 6
    while y + 14 < y1:
        x = x0 + 6
        while x + 12 < x1:
            w, h = rng.uniform(9, 13), rng.uniform(8, 11)
            svg.rect(x, y, w, h, COLORS["existing"], COLORS["existing_edge"], 0.4)
            if rng.random() < 0.5:
                svg.circle(x + w + 4, y + h + 3, 2.2, COLORS["tree"], COLORS["tree_edge"])
            x += rng.uniform(20, 25)
        y += rng.uniform(22, 26)


def trees_along(svg, rng, points, spacing, offset):
    (x0, y0), (x1, y1) = points
    length = math.hypot(x1 - x0, y1 - y0)
    n = int(length / spacing)
    dx, dy = (x1 - x0) / length, (y1 - y0) / length
    for i in range(1, n):
        for side in (-1, 1):
            x = x0 + dx * i * spacing - dy * offset * side
            y = y0 + dy * i * spacing + dx * offset * side
            svg.circle(x, y, rng.uniform(2.6, 3.4), COLORS["tree"], COLORS["tree_edge"])


def tree_cluster(svg, rng, x0, y0, x1, y1, count, avoid=()):
    """`count` trees in the rectangle, none on the rectangles of `avoid` (x, y, w, h)."""
    placed = 0
    for _ in range(count * 20):
        if placed == count:
            break
        x, y, r = rng.uniform(x0, x1), rng.uniform(y0, y1), rng.uniform(2.8, 4.5)
        if any(ax - r - 1 < x < ax + aw + r + 1 and ay - r - 1 < y < ay + ah + r + 1 for ax, ay, aw, ah in avoid):
            continue
        svg.circle(x, y, r, COLORS["tree"], COLORS["tree_edge"])
        placed += 1


def building(svg, x, y, w, h, kind, label=None, size=6):
    fill, edge = {
        "existing": (COLORS["existing"], COLORS["existing_edge"]),
        "demolished": ("url(#hatch)", COLORS["demolished"]),
        "new": (COLORS["new_housing"], COLORS["new_housing_edge"]),
        "facility": (COLORS["facility"], COLORS["facility_edge"]),
        "shops": (COLORS["shops"], COLORS["shops_edge"]),
    }[kind]
    svg.rect(x, y, w, h, fill, edge, 0.8 if kind != "demolished" else 1.2)
    if label:
        svg.halo_text(x + w / 2, y + h / 2 + size * 0.35, label, size)


def common_surroundings(svg, rng):
    # North of the avenue and east of the Avenue des Coteaux: detached houses.
    pavilions(svg, rng, 0, 0, 250, 108)
    pavilions(svg, rng, 270, 0, 710, 108)
    pavilions(svg, rng, 730, 0, 800, 550)
    # West block: bars renovated by the first programme (2008-2021).
    for i, (x, y, w, h) in enumerate([(25, 150, 190, 16), (25, 215, 16, 120), (80, 215, 150, 16),
                                      (80, 290, 150, 16), (25, 360, 200, 16)]):
        building(svg, x, y, w, h, "existing")
    svg.rect(60, 245, 150, 34, "url(#grass)", COLORS["green_edge"], 0.4)
    tree_cluster(svg, rng, 65, 250, 205, 275, 10)
    # South strip: a bar kept and renovated, the gym, detached houses.
    building(svg, 30, 445, 170, 18, "existing", "Résidence du Coteau", 6)
    building(svg, 300, 445, 70, 40, "facility", "Gymnase", 6)
    pavilions(svg, rng, 400, 437, 710, 550)
    pavilions(svg, rng, 0, 480, 260, 550)


def legend(svg, x, y, entries, scale=1.0):
    s = scale
    row = 11 * s
    w, h = 150 * s, (len(entries) * row + 20 * s)
    svg.rect(x, y, w, h, "#ffffff", COLORS["muted"], 0.6 * s, 'fill-opacity="0.94" rx="3"')
    svg.text(x + 8 * s, y + 12 * s, "Légende", 7 * s, weight="bold", anchor="start")
    for i, (kind, label) in enumerate(entries):
        ey = y + 18 * s + i * row
        if kind == "street":
            svg.rect(x + 8 * s, ey, 16 * s, 7 * s, COLORS["street"], COLORS["street_edge"], 0.8 * s)
        elif kind == "path":
            svg.line([(x + 8 * s, ey + 3.5 * s), (x + 24 * s, ey + 3.5 * s)], COLORS["path"], 1.2 * s,
                     f'stroke-dasharray="{2 * s},{1.5 * s}"')
        elif kind == "perimeter":
            svg.rect(x + 8 * s, ey, 16 * s, 7 * s, "none", COLORS["perimeter"], 1.4 * s,
                     f'stroke-dasharray="{3 * s},{1.5 * s}"')
        elif kind == "tree":
            svg.circle(x + 16 * s, ey + 3.5 * s, 3.2 * s, COLORS["tree"], COLORS["tree_edge"])
        elif kind == "bus":
            svg.line([(x + 8 * s, ey + 3.5 * s), (x + 24 * s, ey + 3.5 * s)], COLORS["bus"], 2.2 * s)
            svg.circle(x + 16 * s, ey + 3.5 * s, 2.6 * s, "#ffffff", COLORS["bus"], 1.2 * s)
        elif kind == "bike":
            svg.line([(x + 8 * s, ey + 3.5 * s), (x + 24 * s, ey + 3.5 * s)], COLORS["bike"], 1.8 * s,
                     f'stroke-dasharray="{3 * s},{1.2 * s}"')
        else:
            fill = {"existing": COLORS["existing"], "demolished": "url(#hatch)", "new": COLORS["new_housing"],
                    "facility": COLORS["facility"], "shops": COLORS["shops"], "green": "url(#grass)",
                    "play": COLORS["play"], "water": COLORS["water"], "sport": COLORS["sport"],
                    "parking": COLORS["parking"]}[kind]
            edge = COLORS["demolished"] if kind == "demolished" else COLORS["muted"]
            svg.rect(x + 8 * s, ey, 16 * s, 7 * s, fill, edge, 0.6 * s)
        svg.text(x + 30 * s, ey + 6 * s, label, 6 * s, anchor="start")


def north_arrow(svg, x, y, size):
    svg.circle(x, y, size, "#ffffff", COLORS["muted"], size * 0.06)
    svg.poly([(x, y - size * 0.8), (x + size * 0.32, y + size * 0.45), (x, y + size * 0.2)], COLORS["text"])
    svg.poly([(x, y - size * 0.8), (x - size * 0.32, y + size * 0.45), (x, y + size * 0.2)], "#ffffff",
             COLORS["text"], size * 0.05)
    svg.text(x, y - size * 1.08, "N", size * 0.55, weight="bold")


def scale_bar(svg, x, y, metres, unit_label, height=3.0):
    """A bar `metres` long in world units, split in four, labels sized to the bar."""
    step = metres / 4
    for i in range(4):
        svg.rect(x + i * step, y, step, height, COLORS["text"] if i % 2 == 0 else "#ffffff", COLORS["text"],
                 height * 0.13)
    size = height * 1.8
    for i, label in ((0, "0"), (2, f"{int(metres / 2)}"), (4, f"{int(metres)} {unit_label}")):
        svg.text(x + i * step, y + height + size * 1.15, label, round(size, 2))


def title_block(svg, x, y, w, title, subtitle, scale_metres, size=1.0):
    s = size
    h = 62 * s
    svg.rect(x, y, w, h, "#ffffff", COLORS["muted"], 0.6 * s, 'fill-opacity="0.95" rx="3"')
    svg.text(x + 8 * s, y + 13 * s, title, 8.5 * s, weight="bold", anchor="start")
    svg.text(x + 8 * s, y + 23 * s, subtitle, 5.8 * s, fill=COLORS["muted"], anchor="start")
    svg.text(x + 8 * s, y + 32 * s, "Plan d’exemple : ne représente pas le projet réel", 5.2 * s,
             fill=COLORS["demolished"], weight="bold", anchor="start")
    svg.text(x + 8 * s, y + 40 * s, "Quartier des Fauvettes · Neuilly-sur-Marne (93)", 5.2 * s,
             fill=COLORS["muted"], anchor="start")
    scale_bar(svg, x + 10 * s, y + 46 * s, scale_metres, "m", 3.0 * s)
    north_arrow(svg, x + w - 20 * s, y + 36 * s, 12 * s)


# ---------------------------------------------------------------------------------------
# The plans

def plan_before(path, width_px):
    rng = random.Random(17)
    svg = Svg(width_px, round(width_px * WORLD_H / WORLD_W))
    draw_streets(svg, with_new_street=False)
    common_surroundings(svg, rng)
    trees_along(svg, rng, [(0, 120), (800, 120)], 18, 13)
    # The heart of the estate today: two long bars and a tower to be demolished, the old
    # shopping centre, the school, car parks.
    building(svg, 300, 160, 200, 18, "demolished", "Barre des Mésanges (démolition)", 6)
    building(svg, 290, 330, 220, 18, "demolished", "Barre des Pinsons (démolition)", 6)
    building(svg, 600, 160, 36, 36, "demolished", "Tour 7", 6)
    building(svg, 300, 210, 90, 55, "existing", "École (ancienne)", 6)
    building(svg, 560, 345, 110, 45, "existing", "Centre commercial", 6)
    svg.rect(420, 210, 150, 70, COLORS["parking"], COLORS["muted"], 0.5)
    for i in range(14):
        svg.line([(425 + i * 10.5, 212), (425 + i * 10.5, 228)], "#ffffff", 0.8)
        svg.line([(425 + i * 10.5, 262), (425 + i * 10.5, 278)], "#ffffff", 0.8)
    svg.halo_text(495, 248, "Parking", 6)
    svg.rect(420, 365, 110, 45, COLORS["parking"], COLORS["muted"], 0.5)
    svg.halo_text(475, 391, "Parking", 6)
    svg.rect(640, 210, 65, 110, "url(#grass)", COLORS["green_edge"], 0.4)
    tree_cluster(svg, rng, 645, 215, 700, 315, 12)
    svg.line([(330, 300), (560, 300), (590, 340)], COLORS["path"], 1.4, 'stroke-dasharray="3,2"')
    legend(svg, 8, 8, [("existing", "Bâtiment existant"), ("demolished", "Bâtiment à démolir"),
                       ("facility", "Équipement public"), ("green", "Espace vert"), ("parking", "Parking"),
                       ("street", "Rue"), ("path", "Cheminement piéton")])
    title_block(svg, 575, 470, 220, "Le cœur du quartier aujourd’hui", "État actuel (2024)", 100)
    svg.save(path)


def plan_after(path, width_px):
    rng = random.Random(17)
    svg = Svg(width_px, round(width_px * WORLD_H / WORLD_W))
    draw_streets(svg, with_new_street=True)
    common_surroundings(svg, rng)
    trees_along(svg, rng, [(0, 120), (800, 120)], 18, 13)
    trees_along(svg, rng, [(270, 275), (715, 275)], 16, 10)
    # The park where the Pinsons bar stood, the new school group, housing along the streets,
    # the market square with shops.
    svg.poly([(290, 295), (555, 295), (555, 335), (530, 410), (290, 410)], "url(#grass)", COLORS["green_edge"], 0.6)
    tree_cluster(svg, rng, 295, 300, 545, 405, 45, [(345, 325, 55, 40), (425, 355, 85, 35), (380, 305, 120, 22)])
    svg.rect(350, 330, 45, 30, COLORS["play"], "#a4831c", 0.6, 'rx="4"')
    svg.halo_text(372, 349, "Jeux", 5.5)
    svg.poly([(430, 370), (470, 360), (505, 372), (470, 385)], COLORS["water"], "#5b8db0", 0.5)
    svg.line([(290, 352), (360, 372), (450, 345), (555, 330)], COLORS["path"], 1.4, 'stroke-dasharray="3,2"')
    svg.halo_text(440, 320, "Square des Fauvettes", 8)
    building(svg, 295, 150, 110, 65, "facility", "Groupe scolaire", 7)
    svg.rect(295, 220, 110, 40, COLORS["sport"], "#8c4d2c", 0.5)
    svg.halo_text(350, 243, "Cour et plateau sportif", 5.2)
    for x in (425, 490, 555):
        building(svg, x, 150, 50, 22, "new")
        building(svg, x, 172, 18, 40, "new")
    building(svg, 630, 150, 70, 22, "new")
    building(svg, 425, 230, 60, 30, "new")
    building(svg, 500, 230, 60, 30, "new")
    svg.halo_text(520, 205, "Logements neufs", 6)
    svg.rect(575, 295, 130, 60, "#e6dfd2", COLORS["muted"], 0.5)
    svg.halo_text(640, 322, "Place du marché", 7)
    building(svg, 575, 360, 130, 38, "shops", "Commerces et logements", 6)
    building(svg, 580, 230, 120, 30, "new")
    tree_cluster(svg, rng, 580, 298, 700, 352, 8, [(595, 305, 90, 25)])
    legend(svg, 8, 8, [("existing", "Bâtiment existant"), ("new", "Logements neufs"),
                       ("facility", "Équipement public"), ("shops", "Commerces"), ("green", "Square, espace vert"),
                       ("play", "Aire de jeux"), ("street", "Rue"), ("path", "Cheminement piéton")])
    title_block(svg, 575, 470, 220, "Le cœur du quartier en 2030", "Projet (état futur envisagé)", 100)
    svg.save(path)


def plan_park(path, width_px):
    """The future square, at a larger scale (the park's 270 × 120 m)."""
    rng = random.Random(5)
    world = (270, 272, 300, 150)
    svg = Svg(width_px, round(width_px * world[3] / world[2]), world)
    svg.rect(*world, COLORS["land"])
    svg.line([(270, 282), (570, 282)], COLORS["street_edge"], 13.5)
    svg.line([(270, 282), (570, 282)], COLORS["street"], 12)
    svg.street_name([(300, 282), (420, 282)], "Rue Nouvelle (nom à choisir)", 3.4)
    svg.poly([(290, 295), (555, 295), (555, 335), (530, 410), (290, 410)], "url(#grass)", COLORS["green_edge"], 0.5)
    features = {  # x, y, w, h
        "jeux_petits": (345, 312, 38, 26),
        "jeux_grands": (388, 375, 44, 26),
        "city_stade": (300, 375, 60, 30),
        "jardins": (505, 300, 40, 27),
        "noue": (425, 340, 80, 26),
        "titre": (385, 296, 80, 10),
        "cartouche": (488, 386, 82, 34),
        "legende": (270, 296, 64, 33),
    }
    tree_cluster(svg, rng, 293, 298, 550, 406, 70, features.values())
    # Paths: a loop and two crossings.
    for pts, w in [([(290, 352), (330, 365), (360, 372), (410, 360), (450, 345), (500, 338), (555, 330)], 4),
                   ([(330, 295), (335, 330), (360, 372), (375, 410)], 3),
                   ([(470, 295), (480, 330), (500, 338), (515, 380), (520, 410)], 3)]:
        svg.line(pts, "#e9e1cf", w)
    # Play areas by age, the water garden, the sports court, shared gardens, benches.
    x, y, w, h = features["jeux_petits"]
    svg.rect(x, y, w, h, COLORS["play"], "#a4831c", 0.4, 'rx="3"')
    svg.halo_text(x + w / 2, y + h / 2 + 1.2, "Jeux 2-6 ans", 3.4)
    x, y, w, h = features["jeux_grands"]
    svg.rect(x, y, w, h, COLORS["play"], "#a4831c", 0.4, 'rx="3"')
    svg.halo_text(x + w / 2, y + h / 2 + 1.2, "Jeux 6-12 ans", 3.4)
    svg.poly([(425, 353), (470, 340), (505, 352), (470, 366)], COLORS["water"], "#5b8db0", 0.4)
    svg.halo_text(465, 354.5, "Noue plantée", 3.2)
    x, y, w, h = features["city_stade"]
    svg.rect(x, y, w, h, COLORS["sport"], "#8c4d2c", 0.5)
    svg.line([(x + w / 2, y), (x + w / 2, y + h)], "#ffffff", 0.5)
    svg.halo_text(x + w / 2, y + h / 2 + 1.2, "City stade", 3.6)
    for i in range(4):
        for j in range(3):
            svg.rect(505 + i * 10, 300 + j * 9, 8, 7, "#cfe3b3", "#6b8e4e", 0.3)
    svg.halo_text(525, 331, "Jardins partagés", 3.2)
    for x, y in [(350, 360), (420, 368), (455, 330), (500, 350), (385, 346)]:
        svg.rect(x, y, 4, 1.4, "#8a5a2b")
    svg.halo_text(425, 304, "Square des Fauvettes", 5.5)
    legend(svg, 272, 297, [("green", "Pelouse, prairie"), ("tree", "Arbre planté"), ("play", "Aire de jeux"),
                           ("water", "Noue (eau de pluie)"), ("sport", "Terrain de sport")], 0.42)
    svg.rect(488, 386, 80, 33, "#ffffff", COLORS["muted"], 0.3, 'fill-opacity="0.95" rx="1.5"')
    svg.text(491, 392.5, "Le futur square des Fauvettes", 3.6, weight="bold", anchor="start")
    svg.text(491, 397.5, "Plan d’exemple : ne représente pas le projet réel", 2.3, fill=COLORS["demolished"],
             weight="bold", anchor="start")
    svg.text(491, 401.5, "Quartier des Fauvettes · Neuilly-sur-Marne (93)", 2.3, fill=COLORS["muted"], anchor="start")
    scale_bar(svg, 492, 405, 40, "m", 1.6)
    north_arrow(svg, 558, 405, 5.5)
    svg.save(path)


def plan_mobility(path, width_px):
    rng = random.Random(17)
    svg = Svg(width_px, round(width_px * WORLD_H / WORLD_W))
    draw_streets(svg, with_new_street=True)
    common_surroundings(svg, rng)
    for x, y, w, h in [(295, 150, 110, 65), (575, 360, 130, 38)]:
        svg.rect(x, y, w, h, COLORS["existing"], COLORS["existing_edge"], 0.6)
    svg.poly([(290, 295), (555, 295), (555, 335), (530, 410), (290, 410)], "url(#grass)", COLORS["green_edge"], 0.5)
    # Bus line along the avenue and the new street, with stops.
    svg.line([(0, 116), (716, 116), (716, 271), (264, 271), (264, 550)], COLORS["bus"], 3.2)
    for x, y, name in [(120, 116, "Val Coteau"), (420, 116, "Fauvettes"), (640, 271, "Place du marché"),
                       (400, 271, "Square"), (264, 480, "Mésanges")]:
        svg.circle(x, y, 5, "#ffffff", COLORS["bus"], 1.6)
        svg.halo_text(x, y - 8, f"Arrêt {name}", 5.5, COLORS["bus"])
    # Cycle paths.
    svg.line([(0, 127), (800, 127)], COLORS["bike"], 2, 'stroke-dasharray="5,2"')
    svg.line([(729, 0), (729, 550)], COLORS["bike"], 2, 'stroke-dasharray="5,2"')
    svg.line([(290, 352), (360, 372), (450, 345), (555, 330), (600, 300)], COLORS["bike"], 2, 'stroke-dasharray="5,2"')
    # Pedestrian paths and the 30 km/h zone.
    svg.line([(330, 300), (335, 330), (360, 372), (375, 425)], COLORS["path"], 1.4, 'stroke-dasharray="3,2"')
    svg.rect(262, 130, 455, 288, "none", "#9c3d12", 1.2, 'stroke-dasharray="6,3" rx="6"')
    svg.halo_text(690, 145, "Zone 30", 7, "#9c3d12")
    svg.rect(420, 365, 60, 35, COLORS["parking"], COLORS["muted"], 0.5)
    svg.halo_text(450, 386, "P résidents", 5.5)
    legend(svg, 8, 8, [("bus", "Ligne de bus et arrêt"), ("bike", "Piste cyclable"), ("path", "Cheminement piéton"),
                       ("street", "Rue"), ("parking", "Stationnement"), ("green", "Square")])
    title_block(svg, 575, 470, 220, "Se déplacer dans le quartier", "Projet (état futur envisagé)", 100)
    svg.save(path)


def plan_perimeter(path, width_px):
    rng = random.Random(17)
    world = (-100, -60, 1000, 687.5)
    svg = Svg(width_px, round(width_px * world[3] / world[2]), world)
    svg.rect(-100, -60, 1000, 687.5, COLORS["land"])
    # Detached houses all around, in the blocks between the streets.
    for x0, x1 in ((-95, 250), (270, 710), (730, 895)):
        pavilions(svg, rng, x0, -55, x1, 0)
        pavilions(svg, rng, x0, 560, x1, 622)
    for x0, x1 in ((-95, 0), (800, 895)):
        pavilions(svg, rng, x0, 0, x1, 108)
        pavilions(svg, rng, x0, 132, x1, 417 if x0 < 0 else 622)
    pavilions(svg, rng, -95, 433, 0, 622)
    draw_streets(svg, with_new_street=False)
    common_surroundings(svg, rng)
    for x, y, w, h in [(300, 160, 200, 18), (290, 330, 220, 18), (600, 160, 36, 36), (300, 210, 90, 55),
                       (560, 345, 110, 45)]:
        svg.rect(x, y, w, h, COLORS["existing"], COLORS["existing_edge"], 0.8)
    # Sectors of the programme: the north (renewed by the first programme), the heart and the
    # south (priority of the new one).
    svg.rect(5, 135, 245, 280, "#1d4e89", "none", 0, 'fill-opacity="0.10"')
    svg.rect(272, 135, 440, 280, "#9c3d12", "none", 0, 'fill-opacity="0.14"')
    svg.rect(5, 437, 700, 110, "#5b3a8e", "none", 0, 'fill-opacity="0.12"')
    svg.halo_text(128, 300, "Secteur ouest", 10, "#1d4e89")
    svg.halo_text(128, 313, "rénové (2008-2021)", 7, "#1d4e89", "normal")
    svg.halo_text(490, 300, "Cœur de quartier", 12, "#9c3d12")
    svg.halo_text(490, 315, "priorité du nouveau projet", 7, "#9c3d12", "normal")
    svg.halo_text(560, 500, "Secteur sud", 10, "#5b3a8e")
    svg.rect(0, 130, 712, 420, "none", COLORS["perimeter"], 2.5, 'stroke-dasharray="10,5"')
    legend(svg, -92, -52, [("perimeter", "Périmètre du projet"), ("existing", "Bâtiment"), ("green", "Espace vert"),
                           ("street", "Rue")], 1.2)
    title_block(svg, 640, 540, 250, "Le périmètre du projet", "Val Coteau / Les Fauvettes", 200, 1.1)
    svg.save(path)


# ---------------------------------------------------------------------------------------

def render(svg_path, png_path):
    subprocess.run(["rsvg-convert", "--background-color=white", "-o", png_path, svg_path], check=True)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "config", "content", "plans", "images")
    os.makedirs(out, exist_ok=True)
    after_w, before_w = 3200, 2400  # different sizes on purpose: aligned by `area` in the .toml
    jobs = [
        ("fauvettes-avant", lambda p: plan_before(p, before_w)),
        ("fauvettes-apres", lambda p: plan_after(p, after_w)),
        ("square-des-fauvettes", lambda p: plan_park(p, 2800)),
        ("deplacements", lambda p: plan_mobility(p, 3200)),
        ("perimetre", lambda p: plan_perimeter(p, 2400)),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for name, draw in jobs:
            svg = os.path.join(tmp, name + ".svg")
            draw(svg)
            png = os.path.join(out, name + ".png")
            render(svg, png)
            print(f"{png}: {os.path.getsize(png) // 1024} KiB")
    print(f"world → pixels: x_px = x_m × {after_w / WORLD_W:g}, y_px = y_m × {after_w / WORLD_W:g} "
          f"(the 3200 px plans); park: x_px = (x_m - 270) × {2800 / 300:g}, y_px = (y_m - 272) × {2800 / 300:g}")


if __name__ == "__main__":
    main()
