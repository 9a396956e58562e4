"""The offline release: `make release` writes dist/ from a built site, for a USB stick or a mail attachment.

- `r2p-focal-points-manual-<edition>-site.zip`: the whole site in every language; unpacked, its
  index.html opens from disk with search working (the build is made for that);
- the PDF of each language, `r2p-focal-points-manual-<edition>[.<language>].pdf`;
- `r2p-focal-points-manual-<edition>-open-data.zip`: the open data of every language;
- `SHA256SUMS`, for `sha256sum -c`.

`<edition>` is the data's as-of date. The zip files list their entries in order, each dated the edition
day with the same permissions, so the same site gives the same bytes: two runs, or two machines, agree.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import shutil
import sys
import zipfile
from pathlib import Path

from macros.data.loader import load_manual

NAME = "r2p-focal-points-manual"
LANGUAGE_FOLDERS = ("fr", "es")


def edition(project_dir: Path) -> dt.date:
    return load_manual(project_dir / "data").data_as_of().as_date()


def write_zip(target: Path, files: list[tuple[str, Path]], day: dt.date) -> None:
    """A zip of `files` (name in the archive, file), in name order, every entry dated `day`."""
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, path in sorted(files):
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def tree(folder: Path, prefix: str) -> list[tuple[str, Path]]:
    return [(f"{prefix}/{p.relative_to(folder).as_posix()}", p) for p in folder.rglob("*") if p.is_file()]


def release(site_dir: Path, dist_dir: Path, day: dt.date) -> list[Path]:
    """Write the release into `dist_dir` (emptied first); returns the files written, in order."""
    if not (site_dir / "index.html").is_file():
        raise FileNotFoundError(f"{site_dir}/index.html is missing: build the site first (`make build`)")
    shutil.rmtree(dist_dir, ignore_errors=True)
    dist_dir.mkdir(parents=True)
    stem = f"{NAME}-{day.isoformat()}"
    written = []
    site_zip = dist_dir / f"{stem}-site.zip"
    write_zip(site_zip, tree(site_dir, f"{stem}-site"), day)
    written.append(site_zip)
    for pdf in sorted((site_dir / "pdf").glob(f"{NAME}*.pdf")):
        copy = dist_dir / pdf.name.replace(NAME, stem, 1)
        shutil.copyfile(pdf, copy)
        written.append(copy)
    open_data = []
    for folder in ("", *LANGUAGE_FOLDERS):
        source = site_dir / folder / "open-data"
        if source.is_dir():
            open_data += tree(source, f"{stem}-open-data/{folder or 'en'}")
    data_zip = dist_dir / f"{stem}-open-data.zip"
    write_zip(data_zip, open_data, day)
    written.append(data_zip)
    sums = "".join(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n" for path in written)
    (dist_dir / "SHA256SUMS").write_text(sums, encoding="utf-8")
    return [*written, dist_dir / "SHA256SUMS"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--dist-dir", type=Path, default=Path("dist"))
    args = parser.parse_args(argv)
    try:
        files = release(args.site_dir, args.dist_dir, edition(Path.cwd()))
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    for path in files:
        print(f"{path}  {path.stat().st_size / 1024 / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
