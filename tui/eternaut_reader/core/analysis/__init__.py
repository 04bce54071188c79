"""Cross-source analysis: clause units, values, names, similarity, alignment, verdicts."""

from eternaut_reader.core.analysis.align import (
    AlignCancelled,
    Alignment,
    Conflict,
    Match,
    Suggestion,
    align,
)
from eternaut_reader.core.analysis.units import Unit

__all__ = ["AlignCancelled", "Alignment", "Conflict", "Match", "Suggestion", "Unit", "align"]
