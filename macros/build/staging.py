"""Build the manual into a staging folder, then swap it in: `python -m macros.build [--site-dir site]`.

MkDocs cleans its output folder early in a build, so a build that fails later (a strict-mode warning,
a PDF error) would leave a half-written site. Building next to it and renaming only on success keeps
the published folder exactly as it was until a complete new one is ready.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

from macros.data.loader import DataError, load_manual
from macros.data.manual import Manual


def source_date_epoch(manual: Manual) -> str:
    """The clock for every date the build writes (sitemap.xml.gz, the PDF): the data's as-of date, so that
    two builds of the same sources are byte-identical on any day (reproducible-builds.org)."""
    day = manual.data_as_of().as_date()
    return str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))


def language_configs(config_file: Path) -> dict[str, Path]:
    """The configuration of each language of the manual, relative to the site: English (mkdocs.yml) at its root,
    each other language (mkdocs.<language>.yml, which inherits mkdocs.yml) in its folder."""
    others = sorted(config_file.parent.glob(f"{config_file.stem}.*{config_file.suffix}"))
    return {"": config_file, **{path.stem.split(".", 1)[1]: path for path in others}}


def build(site_dir: Path, config_file: Path) -> int:
    project_dir = config_file.resolve().parent
    try:
        manual = load_manual(project_dir / "data", display_root=project_dir)
    except DataError as error:
        print(error, file=sys.stderr)
        print(f"Build stopped before writing anything; {site_dir} is unchanged.", file=sys.stderr)
        return 1
    staging = site_dir.with_name(site_dir.name + ".new")
    previous = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(staging, ignore_errors=True)
    environment = {**os.environ}
    environment.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(manual))
    # English first: its build empties the folder it writes, the other languages' builds their own only.
    for folder, language_config in language_configs(config_file).items():
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(language_config),
            "--site-dir",
            str((staging / folder).resolve()),
        ]
        if subprocess.run(command, env=environment).returncode != 0:
            shutil.rmtree(staging, ignore_errors=True)
            print(f"Build failed ({language_config.name}); {site_dir} is unchanged.", file=sys.stderr)
            return 1
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Built into {site_dir}/")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    return build(args.site_dir, args.config_file)
