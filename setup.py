"""Build hook: ship the bundled review (review.toml, queries/, exports/, decisions/) inside the wheel.

The files stay at the top of the checkout, where the project's layout puts them and where a reader of the
repository looks for them; the build copies them into ``review/bundled_data/`` so that `review example`,
`review init` and `review app` work after a plain `pip install .` or from a wheel. The generator of the
data, ``fafo_data/`` beside it, stays in the repository: a user's review needs the data, not its maker.
Everything else is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED_PARTS = ("review.toml", "queries", "exports", "decisions")


class BuildWithBundledReview(build_py):
    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads the checkout itself
            return
        target = Path(self.build_lib) / "review" / "bundled_data"
        for part in BUNDLED_PARTS:
            source = HERE / part
            if source.is_dir():
                shutil.copytree(
                    source, target / part, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
                )
            elif source.is_file():
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / part)


setup(cmdclass={"build_py": BuildWithBundledReview})
