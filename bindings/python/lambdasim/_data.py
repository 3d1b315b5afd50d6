# SPDX-License-Identifier: MIT
"""Paths to the data shipped inside the package (models/ and the recorded data/)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_path(*parts: str) -> Path:
    """Path of a file in the recorded data shipped with lambdasim.

    >>> data_path("powertuning", "aws_docs_prime_example.json").name
    'aws_docs_prime_example.json'
    """
    return Path(str(files("lambdasim").joinpath("data", *parts)))


def models_path(*parts: str) -> Path:
    """Path of a file in lambdasim's model data (platform and price tables)."""
    return Path(str(files("lambdasim").joinpath("models", *parts)))
