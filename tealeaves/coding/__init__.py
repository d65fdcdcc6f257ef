"""Event coding: who did what to whom, from parsed sentences and their actor mentions.

    patterns   the pattern files, their ranking and matching, trigger words, the dictionary version
    lexicon    the word lists (data/events/lexicon.tsv) and recoding tables (recoding.csv)
    syntax     walks over the dependency tree: subjects, passives, clauses
    arguments  sources and targets: which actor mentions fill an event's slots
    readings   the codebook's readings of a matched pattern (intentions, refusals, claims ...)
    guards     when a matched pattern is not coded (off-topic, no source ...)
    coder      the rule coder (``cameo_rules.v4``): heads, readings in order, events
    modality, dates, places, salience: how sure, when, where, and whether in the foreground

Importing this package loads nothing: data files are read on first use.
"""
