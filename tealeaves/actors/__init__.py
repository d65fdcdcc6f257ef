"""Actors: who is acting in each sentence, as CAMEO codes (``RUSGOV``, ``IGOUNO``).

    kb.py       the knowledge base (package tables plus the user's file)
    cues.py     ``cue_phrases()`` for the prefilter, and the news agencies' names
    resolve.py  ``ActorResolver``: KB phrases -> actor phrases -> Mentions, per sentence (``actors_kb.v3``)
    compose.py  one actor phrase -> its Mentions: place, person, title and context-country steps
    coref.py    later mentions (surnames, a title alone, pronouns) -> earlier ones
    dateline.py "NAJAF, Iraq - ", "AFP - ": where a wire item was filed from; never an actor

The resolver works on parsed sentences; ``tealeaves.pipeline.lookup_actor`` parses a string for it.
"""
