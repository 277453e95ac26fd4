"""Build the app for this operating system and zip it: `python release/build.py` (`make dist`).

Needs the packages of requirements-build.txt. Leaves `dist/Vooruitgang/` (the unzipped app,
to try at once) and `dist/vooruitgang-<version>-<os>.zip`, whose one folder holds:

    Vooruitgang/
        Vooruitgang            the game (Windows: Vooruitgang.exe and Vooruitgang-console.exe;
                               macOS: Vooruitgang.app)
        _internal/             the app's own files, shipped scenarios included (not on macOS)
        scenarios/             where a trainer puts scenario files of their own

PyInstaller's work files go to build/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "release" / "vooruitgang.spec"
NAME = "Vooruitgang"
SYSTEMS = {"win32": "windows", "darwin": "macos", "linux": "linux"}
TRAINER_README = ROOT / "release" / "scenarios-README.txt"


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def system() -> str:
    return SYSTEMS.get(sys.platform, sys.platform)


def zip_name(system_name: str | None = None) -> str:
    return f"vooruitgang-{version()}-{system_name or system()}.zip"


def draw_icon(path: Path, size: int = 256) -> Path:
    """The window's icon, drawn large: PyInstaller turns the PNG into .ico or .icns with Pillow."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.path.insert(0, str(ROOT))
    import pygame

    from game.ui.theme import load_theme
    from game.ui.window_icon import window_icon

    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(window_icon(load_theme(), size), str(path))
    return path


def freeze(work: Path, icon: Path) -> Path:
    """Run PyInstaller; the folder (or, on macOS, the .app) it made."""
    made = work / "dist"
    subprocess.run([sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(made), "--workpath", str(work / "work"),
                    "--", "--icon", str(icon), "--version", version()], check=True, cwd=ROOT)
    return made / f"{NAME}.app" if sys.platform == "darwin" else made / NAME


def assemble(made: Path, out: Path) -> Path:
    """dist/Vooruitgang/: the app and an empty `scenarios` folder with a note for trainers."""
    folder = out / NAME
    shutil.rmtree(folder, ignore_errors=True)
    if sys.platform == "darwin":
        folder.mkdir(parents=True)
        shutil.move(str(made), folder / made.name)
    else:
        shutil.move(str(made), folder)
    (folder / "scenarios").mkdir()
    shutil.copyfile(TRAINER_README, folder / "scenarios" / "README.txt")
    return folder


def zip_folder(folder: Path, archive: Path) -> Path:
    """The folder as one zip; macOS uses ditto, which keeps the bundle's links and signature intact."""
    archive.unlink(missing_ok=True)
    if sys.platform == "darwin":
        subprocess.run(["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(folder), str(archive)], check=True)
        return archive
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as packed:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder.parent).as_posix()
            if path.is_symlink():  # kept as a link, as unzip restores it, rather than a second copy
                entry = zipfile.ZipInfo.from_file(path, name)
                entry.external_attr = (0o120777 << 16)
                packed.writestr(entry, os.readlink(path))
            elif path.is_file():
                packed.write(path, name)  # the file's mode goes along: the program stays executable
    return archive


def build(out: Path = ROOT / "dist", work: Path = ROOT / "build") -> Path:
    icon = draw_icon(work / "icon.png")
    folder = assemble(freeze(work, icon), out)
    archive = zip_folder(folder, out / zip_name())
    print(f"{archive.relative_to(ROOT) if archive.is_relative_to(ROOT) else archive}: "
          f"{archive.stat().st_size / 1e6:.1f} MB; the app itself is in {folder}")
    return archive


if __name__ == "__main__":
    build()
