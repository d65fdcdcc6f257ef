"""Readings: how a matched pattern becomes what CAMEO codes, one rule of the codebook each.

CAMEO codes what is said, not only what is done: "X said it would strike" is a threat by X (13x),
"X will not lift the ban" a refusal (12x), "Kyiv said Russian troops shelled the town" Kyiv's
accusation (112). Each reading takes a :class:`Draft` (code, sources, targets, modality, note) and
gives it back changed, or unchanged (the same object) when it does not apply; the coder applies
them in order (``tealeaves.coding.coder.FIRING``) and ``tealeaves explain`` names those that
changed the draft. The :class:`Clause` holds what a reading may read but not change.

The recoding tables are ``data/events/recoding.csv``, the word lists ``data/events/lexicon.tsv``
and the per-code flags (agentless, accusable ...) columns of ``data/ontology/cameo.csv``.
"""

from tealeaves.coding.readings.core import *  # noqa: F403
from tealeaves.coding.readings.force import *  # noqa: F403
from tealeaves.coding.readings.intentions import *  # noqa: F403
from tealeaves.coding.readings.sides import *  # noqa: F403
from tealeaves.coding.readings.speech import *  # noqa: F403
from tealeaves.coding.readings.unpatterned import *  # noqa: F403
