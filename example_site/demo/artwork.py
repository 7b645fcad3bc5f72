"""Simple illustrations and a flyer for the demo, drawn with Pillow (nothing is downloaded).

Illustrations carry no words, so one picture serves every language. The flyer, a Japanese document,
is lettered with Noto Sans CJK when the system has it (Debian: ``fonts-noto-cjk``); without it the
lines are drawn as bars. The drawings are deterministic.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 675

FONT_FILES = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
    "/System/Library/Fonts/ヒラギノ角ゴシック W6.ttc",
]


@cache
def _font_location() -> tuple[str, int] | None:
    """The file and face index of a font with Japanese glyphs (the JP face of a CJK collection)."""
    for path in FONT_FILES:
        if not Path(path).exists():
            continue
        fallback = None
        for index in range(16):
            try:
                font = ImageFont.truetype(path, 20, index=index)
            except OSError:
                break
            fallback = fallback or (path, index)
            if "JP" in font.getname()[0]:
                return path, index
        if fallback:
            return fallback
    return None


def japanese_font(size: int) -> ImageFont.FreeTypeFont | None:
    location = _font_location()
    if location is None:
        return None
    path, index = location
    return ImageFont.truetype(path, size, index=index)


# Colours of a soft, flat palette.
SKY_TOP, SKY_BOTTOM = (151, 203, 236), (226, 241, 250)
NIGHT_TOP, NIGHT_BOTTOM = (28, 37, 82), (72, 66, 128)
MOUNTAIN_FAR, MOUNTAIN_NEAR = (128, 160, 190), (86, 135, 110)
FIELD_LIGHT, FIELD_DARK = (170, 208, 112), (128, 180, 86)
WATER, WATER_LIGHT = (72, 142, 200), (140, 190, 230)
ROAD = (205, 190, 160)
WHITE, INK = (255, 255, 255), (40, 48, 60)


def _gradient(draw: ImageDraw.ImageDraw, top: tuple, bottom: tuple, height: int) -> None:
    for y in range(height):
        t = y / max(height - 1, 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (WIDTH, y)], fill=colour)


def _mountains(draw: ImageDraw.ImageDraw, base: int, peaks: list[tuple[int, int]], colour: tuple) -> None:
    points = [(0, base)]
    for x, height in peaks:
        points.append((x, base - height))
    points += [(WIDTH, base), (WIDTH, HEIGHT), (0, HEIGHT)]
    draw.polygon(points, fill=colour)


def _sun(draw: ImageDraw.ImageDraw, x: int, y: int, r: int, colour=(255, 214, 102)) -> None:
    draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)


def _bus(draw: ImageDraw.ImageDraw, x: int, y: int, body=(244, 132, 95), scale: float = 1.0) -> None:
    w, h = int(220 * scale), int(90 * scale)
    draw.rounded_rectangle([x, y, x + w, y + h], radius=int(18 * scale), fill=body)
    for i in range(4):
        wx = x + int((18 + i * 48) * scale)
        draw.rounded_rectangle(
            [wx, y + int(14 * scale), wx + int(36 * scale), y + int(44 * scale)],
            radius=4,
            fill=(222, 240, 250),
        )
    for wx in (x + int(45 * scale), x + w - int(45 * scale)):
        r = int(17 * scale)
        draw.ellipse([wx - r, y + h - r, wx + r, y + h + r], fill=INK)
        draw.ellipse([wx - r // 2, y + h - r // 2, wx + r // 2, y + h + r // 2], fill=(190, 190, 190))


def _house(draw: ImageDraw.ImageDraw, x: int, y: int, wall: tuple, roof: tuple, size: int = 70) -> None:
    draw.rectangle([x, y, x + size, y + int(size * 0.7)], fill=wall)
    draw.polygon([(x - 10, y), (x + size // 2, y - int(size * 0.5)), (x + size + 10, y)], fill=roof)
    draw.rectangle(
        [x + size // 2 - 9, y + int(size * 0.35), x + size // 2 + 9, y + int(size * 0.7)], fill=roof
    )


def _person(draw: ImageDraw.ImageDraw, x: int, y: int, colour: tuple) -> None:
    draw.ellipse([x - 18, y - 70, x + 18, y - 34], fill=(250, 214, 180))
    draw.rounded_rectangle([x - 28, y - 32, x + 28, y + 40], radius=20, fill=colour)


def _scene_fields(draw: ImageDraw.ImageDraw) -> None:
    _gradient(draw, SKY_TOP, SKY_BOTTOM, 380)
    _sun(draw, 980, 110, 55)
    _mountains(draw, 380, [(180, 140), (420, 210), (700, 120), (960, 190), (1150, 110)], MOUNTAIN_FAR)
    for i, y in enumerate(range(380, HEIGHT, 45)):
        draw.rectangle([0, y, WIDTH, y + 45], fill=FIELD_LIGHT if i % 2 else FIELD_DARK)
    draw.rectangle([0, 520, WIDTH, 560], fill=ROAD)
    _bus(draw, 640, 438)


def _scene_river(draw: ImageDraw.ImageDraw) -> None:
    _gradient(draw, SKY_TOP, SKY_BOTTOM, 360)
    _sun(draw, 200, 100, 45)
    _mountains(draw, 360, [(250, 230), (520, 150), (820, 250), (1100, 160)], MOUNTAIN_FAR)
    _mountains(draw, 420, [(150, 90), (480, 60), (900, 100)], MOUNTAIN_NEAR)
    draw.polygon([(520, HEIGHT), (640, 420), (700, 420), (900, HEIGHT)], fill=WATER)
    for x, colour in [(120, (250, 240, 220)), (260, (240, 228, 205)), (980, (250, 240, 220))]:
        _house(draw, x, 500, colour, (150, 80, 70))


def _scene_lake(draw: ImageDraw.ImageDraw, with_bus: bool = False) -> None:
    _gradient(draw, SKY_TOP, SKY_BOTTOM, 330)
    _mountains(draw, 330, [(300, 250), (560, 120), (900, 180)], MOUNTAIN_FAR)
    draw.rectangle([0, 330, WIDTH, 520], fill=WATER)
    for y in range(350, 520, 30):
        draw.line([(80 + (y % 90), y), (260 + (y % 90), y)], fill=WATER_LIGHT, width=4)
        draw.line([(700 - (y % 70), y), (860 - (y % 70), y)], fill=WATER_LIGHT, width=4)
    draw.rectangle([0, 520, WIDTH, HEIGHT], fill=FIELD_DARK)
    draw.rectangle([0, 560, WIDTH, 600], fill=ROAD)
    if with_bus:
        _bus(draw, 460, 478, body=(76, 170, 140), scale=1.2)


def _scene_market(draw: ImageDraw.ImageDraw) -> None:
    _gradient(draw, SKY_TOP, SKY_BOTTOM, 400)
    _mountains(draw, 400, [(600, 280), (1000, 160)], MOUNTAIN_NEAR)
    draw.rectangle([0, 400, WIDTH, HEIGHT], fill=FIELD_LIGHT)
    for i, colour in enumerate([(235, 94, 85), (250, 183, 70), (90, 160, 210), (235, 94, 85)]):
        x = 80 + i * 280
        draw.polygon([(x, 470), (x + 110, 400), (x + 220, 470)], fill=colour)
        draw.rectangle([x + 10, 470, x + 210, 560], fill=(255, 248, 235))
        for j, fruit in enumerate([(230, 80, 60), (250, 160, 40), (120, 180, 60)]):
            draw.ellipse([x + 30 + j * 60, 520, x + 70 + j * 60, 556], fill=fruit)


def _scene_festival(draw: ImageDraw.ImageDraw) -> None:
    _gradient(draw, NIGHT_TOP, NIGHT_BOTTOM, HEIGHT)
    for x, y in [(150, 80), (420, 140), (760, 60), (1040, 120), (600, 200)]:
        draw.ellipse([x - 3, y - 3, x + 3, y + 3], fill=WHITE)
    draw.line([(0, 230), (WIDTH, 270)], fill=(30, 30, 30), width=3)
    for i in range(9):
        x = 70 + i * 130
        y = 236 + int(40 * x / WIDTH)
        draw.rounded_rectangle([x - 30, y, x + 30, y + 80], radius=22, fill=(240, 90, 70))
        draw.rectangle([x - 30, y + 34, x + 30, y + 44], fill=(255, 214, 102))
    draw.rectangle([0, 540, WIDTH, HEIGHT], fill=(50, 46, 80))
    for x in range(120, WIDTH, 200):
        _person(draw, x, 560, (90, 120, 200))


def _scene_workshop(draw: ImageDraw.ImageDraw) -> None:
    _gradient(draw, SKY_TOP, SKY_BOTTOM, 380)
    draw.ellipse([650, 180, 1350, 700], fill=MOUNTAIN_NEAR)
    draw.rectangle([0, 380, WIDTH, HEIGHT], fill=(236, 226, 206))
    colours = [(90, 150, 210), (235, 120, 100), (110, 180, 120), (250, 180, 70), (160, 120, 200)]
    for i, colour in enumerate(colours):
        _person(draw, 340 + i * 130, 470, colour)
    draw.rounded_rectangle([300, 470, 900, 560], radius=20, fill=(190, 140, 90))
    for i, colour in enumerate([(255, 240, 140), (180, 230, 250), (250, 200, 220)]):
        draw.rectangle([420 + i * 130, 490, 490 + i * 130, 535], fill=colour)


SCENES = {
    "fields": _scene_fields,
    "river": _scene_river,
    "lake": _scene_lake,
    "lake-bus": lambda draw: _scene_lake(draw, with_bus=True),
    "market": _scene_market,
    "festival": _scene_festival,
    "workshop": _scene_workshop,
}


def illustration(scene: str) -> bytes:
    """A JPEG illustration of ``scene`` (one of SCENES). No words are drawn in: a picture serves every
    language, and its alt text says what it shows."""
    image = Image.new("RGB", (WIDTH, HEIGHT), SKY_BOTTOM)
    draw = ImageDraw.Draw(image)
    SCENES[scene](draw)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def flyer_pdf(heading: str, lines: list[str]) -> bytes:
    """A one-page A5 flyer as PDF: a picture header, then the heading and lines when a font exists."""
    width, height = 874, 1240  # A5 at 150 dpi
    page = Image.new("RGB", (width, height), (255, 252, 244))
    draw = ImageDraw.Draw(page)
    header = Image.new("RGB", (WIDTH, HEIGHT))
    _scene_workshop(ImageDraw.Draw(header))
    page.paste(header.resize((width, round(HEIGHT * width / WIDTH))), (0, 0))
    top = round(HEIGHT * width / WIDTH) + 40
    title_font, body_font = japanese_font(44), japanese_font(28)
    if title_font and body_font:
        draw.text((50, top), heading, font=title_font, fill=INK)
        y = top + 90
        for line in lines:
            draw.text((50, y), line, font=body_font, fill=INK)
            y += 52
    else:
        for i in range(len(lines) + 1):
            draw.rounded_rectangle(
                [50, top + i * 52, width - 50, top + i * 52 + 26], radius=8, fill=(220, 214, 200)
            )
    draw.rectangle([0, height - 30, width, height], fill=MOUNTAIN_NEAR)
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150.0)
    return buffer.getvalue()
