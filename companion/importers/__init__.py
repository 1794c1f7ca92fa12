"""Programs in other formats: frab/Pentabarf XML and c3voc JSON (see `importers.pipeline`)."""
