# SPDX-License-Identifier: MIT
"""A result with one row per memory size, held as 1-D numpy arrays (curves, bill curves)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from ._result import Result

if TYPE_CHECKING:
    from numpy.typing import NDArray


class MemoryColumns(Result):
    """Copies the columns named in ``COLUMNS`` from a ``_core`` result as numpy arrays;
    ``memory_mb`` must be one of them."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    memory_mb: NDArray[np.float64]

    def _take_columns(self, result: Any) -> None:
        for name in self.COLUMNS:
            setattr(self, name, np.asarray(getattr(result, name)))

    def __len__(self) -> int:
        return len(self.memory_mb)

    def to_dict(self) -> dict[str, NDArray[Any]]:
        """The columns as a dict of 1-D arrays."""
        return {name: getattr(self, name) for name in self.COLUMNS}
