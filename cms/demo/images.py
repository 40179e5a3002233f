"""Demo pictures drawn locally with Pillow: simple, recognisable motifs, no downloads."""

from __future__ import annotations

import hashlib
import io
import random

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1280, 860

PALETTES = [
    ((32, 72, 120), (120, 170, 210), (235, 200, 120)),
    ((40, 90, 60), (140, 190, 120), (240, 230, 180)),
    ((110, 50, 40), (215, 150, 110), (250, 230, 200)),
    ((60, 50, 100), (160, 140, 210), (245, 220, 150)),
    ((20, 90, 100), (110, 190, 190), (250, 210, 140)),
]
STONE = (150, 140, 130)
DARK = (45, 40, 40)
BRICK = (160, 70, 50)


def _sky(draw: ImageDraw.ImageDraw, top, bottom) -> None:
    for y in range(HEIGHT):
        t = y / HEIGHT
        colour = tuple(int(top[i] * (1 - t) + bottom[i] * t) for i in range(3))
        draw.line([(0, y), (WIDTH, y)], fill=colour)


def _ground(draw, colour, level=0.72) -> int:
    y = int(HEIGHT * level)
    draw.rectangle([0, y, WIDTH, HEIGHT], fill=colour)
    return y


def _tower(draw, x, ground, w=180, h=420, colour=STONE, roof=True):
    draw.rectangle([x, ground - h, x + w, ground], fill=colour, outline=DARK, width=4)
    for i in range(0, w, 40):
        draw.rectangle([x + i, ground - h - 30, x + i + 22, ground - h], fill=colour, outline=DARK, width=3)
    if roof:
        draw.polygon(
            [(x - 10, ground - h - 30), (x + w // 2, ground - h - 170), (x + w + 10, ground - h - 30)],
            fill=BRICK,
        )
    draw.rectangle([x + w // 2 - 30, ground - 110, x + w // 2 + 30, ground], fill=DARK)
    draw.ellipse([x + w // 2 - 30, ground - 140, x + w // 2 + 30, ground - 80], fill=DARK)


def _building(draw, x, ground, w, h, colour, windows=(3, 2), roof_colour=BRICK):
    draw.rectangle([x, ground - h, x + w, ground], fill=colour, outline=DARK, width=3)
    draw.polygon(
        [(x - 15, ground - h), (x + w // 2, ground - h - h // 3), (x + w + 15, ground - h)], fill=roof_colour
    )
    cols, rows = windows
    for c in range(cols):
        for r in range(rows):
            wx = x + (c + 0.5) * w / cols - 18
            wy = ground - h + (r + 0.5) * h / (rows + 0.6) - 10
            draw.rectangle([wx, wy, wx + 36, wy + 50], fill=(250, 240, 200), outline=DARK, width=2)


def _statue(draw, ground, colour=(200, 190, 170)):
    draw.rectangle([520, ground - 120, 760, ground], fill=STONE, outline=DARK, width=4)
    draw.ellipse([540, ground - 330, 760, ground - 180], fill=colour, outline=DARK, width=4)  # horse body
    draw.polygon(
        [(740, ground - 300), (820, ground - 380), (840, ground - 330), (770, ground - 250)],
        fill=colour,
        outline=DARK,
    )
    for lx in (560, 610, 690, 730):
        draw.rectangle([lx, ground - 200, lx + 18, ground - 120], fill=colour, outline=DARK)
    draw.rectangle([620, ground - 430, 670, ground - 300], fill=colour, outline=DARK, width=3)  # rider
    draw.ellipse([618, ground - 480, 672, ground - 426], fill=colour, outline=DARK, width=3)
    draw.line([(680, ground - 420), (700, ground - 560)], fill=DARK, width=8)  # sword


def _church(draw, ground, colour):
    _building(draw, 380, ground, 420, 260, colour, windows=(4, 1))
    _tower(draw, 790, ground, w=150, h=460, colour=colour)


def _trees(draw, ground, n, seed, colour=(50, 110, 60)):
    rng = random.Random(seed)
    for _ in range(n):
        x = rng.randint(0, WIDTH)
        s = rng.randint(50, 110)
        draw.rectangle([x - 8, ground - s, x + 8, ground], fill=(90, 60, 40))
        draw.ellipse([x - s, ground - 2 * s - 40, x + s, ground - s + 20], fill=colour)


def _stones(draw, ground, seed):
    rng = random.Random(seed)
    for i in range(9):
        x = 200 + i * 100 + rng.randint(-20, 20)
        h = rng.randint(60, 140)
        draw.ellipse(
            [x, ground - h, x + rng.randint(90, 140), ground + 20], fill=STONE, outline=DARK, width=3
        )
    draw.rectangle([330, ground - 190, 960, ground - 140], fill=(130, 120, 115), outline=DARK, width=3)


def _bike(draw, ground, colour):
    for cx in (470, 790):
        draw.ellipse([cx - 120, ground - 250, cx + 120, ground - 10], outline=DARK, width=12)
    draw.line(
        [
            (470, ground - 130),
            (620, ground - 130),
            (790, ground - 130),
            (700, ground - 300),
            (560, ground - 300),
            (470, ground - 130),
        ],
        fill=colour,
        width=14,
    )
    draw.rectangle([580, ground - 320, 660, ground - 300], fill=DARK)


def _wifi(draw, colour):
    cx, cy = WIDTH // 2, HEIGHT // 2 + 120
    for r in (90, 190, 290):
        draw.arc([cx - r, cy - r, cx + r, cy + r], start=225, end=315, fill=colour, width=40)
    draw.ellipse([cx - 30, cy - 30, cx + 30, cy + 30], fill=colour)


def _music(draw, colour):
    for i, x in enumerate((420, 640, 860)):
        y = 300 + (i % 2) * 80
        draw.ellipse([x - 60, y + 150, x + 40, y + 220], fill=colour)
        draw.rectangle([x + 28, y - 40, x + 40, y + 185], fill=colour)
    draw.line([(468, 260), (900, 260 + 80)], fill=colour, width=28)


def _market(draw, ground, palette):
    for i, x in enumerate(range(120, WIDTH - 200, 260)):
        stripe = palette[i % 3]
        draw.rectangle([x, ground - 200, x + 220, ground - 40], fill=(240, 235, 225), outline=DARK, width=3)
        draw.polygon(
            [(x - 10, ground - 200), (x + 110, ground - 280), (x + 230, ground - 200)],
            fill=stripe,
            outline=DARK,
        )


def _people(draw, ground, palette):
    for i, x in enumerate(range(220, WIDTH - 150, 170)):
        colour = palette[i % 3]
        draw.ellipse(
            [x - 35, ground - 330, x + 35, ground - 260], fill=(230, 200, 170), outline=DARK, width=2
        )
        draw.rounded_rectangle(
            [x - 55, ground - 255, x + 55, ground - 60], radius=30, fill=colour, outline=DARK, width=2
        )


def _news(draw, palette):
    draw.rounded_rectangle([260, 140, 1020, 760], radius=20, fill=(250, 250, 245), outline=DARK, width=5)
    draw.rectangle([300, 190, 980, 270], fill=palette[0])
    for i in range(8):
        draw.rectangle([300, 310 + i * 52, 980 - (i % 3) * 90, 330 + i * 52], fill=(120, 120, 120))


def draw_motif(motif: str, seed: str) -> bytes:
    """A JPEG of a motif; the same motif and seed always give the same picture."""
    digest = int(hashlib.sha256(f"{motif}:{seed}".encode()).hexdigest(), 16)
    palette = PALETTES[digest % len(PALETTES)]
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _sky(draw, palette[1], palette[2])
    ground = _ground(
        draw, (95, 140, 80) if motif in {"park", "garden", "stones", "ruin", "castle"} else (170, 160, 150)
    )
    if motif == "statue":
        _building(draw, 80, ground, 340, 330, (230, 215, 190), windows=(3, 3))
        _statue(draw, ground)
    elif motif == "tower":
        _tower(draw, 540, ground)
        draw.rectangle([0, ground - 150, 540, ground], fill=STONE, outline=DARK, width=3)
        draw.rectangle([720, ground - 150, WIDTH, ground], fill=STONE, outline=DARK, width=3)
    elif motif == "church":
        _church(draw, ground, (205, 190, 170))
    elif motif in {"museum", "school", "building", "info"}:
        colour = {
            "museum": (225, 205, 175),
            "school": (200, 90, 70),
            "building": (215, 210, 200),
            "info": (230, 230, 240),
        }[motif]
        _building(draw, 260, ground, 760, 330, colour, windows=(5, 2))
        if motif == "info":
            draw.ellipse([560, 120, 720, 280], fill=palette[0])
            draw.rectangle([628, 180, 652, 255], fill=(255, 255, 255))
            draw.ellipse([626, 140, 654, 168], fill=(255, 255, 255))
    elif motif == "castle":
        _building(draw, 250, ground, 780, 300, (240, 225, 190), windows=(7, 2), roof_colour=(90, 90, 100))
        _tower(draw, 560, ground - 300, w=160, h=120, colour=(240, 225, 190))
    elif motif in {"garden", "park"}:
        _trees(draw, ground, 14 if motif == "park" else 8, seed)
        if motif == "garden":
            for i in range(6):
                draw.ellipse(
                    [150 + i * 180, ground + 30, 290 + i * 180, ground + 110],
                    fill=(60, 130, 70),
                    outline=DARK,
                )
    elif motif == "stones":
        _trees(draw, ground, 6, seed, colour=(40, 90, 50))
        _stones(draw, ground, seed)
    elif motif == "factory":
        _building(draw, 200, ground, 700, 260, BRICK, windows=(6, 1), roof_colour=(80, 60, 50))
        draw.rectangle([960, ground - 520, 1020, ground], fill=BRICK, outline=DARK, width=3)
    elif motif == "ruin":
        _tower(draw, 520, ground, w=220, h=360, colour=(180, 165, 140), roof=False)
        draw.ellipse([0, ground + 20, WIDTH, HEIGHT + 200], fill=(70, 120, 170))
    elif motif == "bike":
        _bike(draw, ground, palette[0])
    elif motif == "wifi":
        _wifi(draw, palette[0])
    elif motif == "market":
        _market(draw, ground, palette)
    elif motif == "music":
        _music(draw, DARK)
    elif motif == "people":
        _people(draw, ground, palette)
    else:
        _news(draw, palette)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()
