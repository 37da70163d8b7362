"""Layer 1, the rules: pure functions over DataFrames, no file read or written, nothing drawn.

``numbers`` (Indonesian numbers), ``config`` (rule choices and scales),
``vocabulary`` (the domain's words and keys), ``model`` (the unit, many units,
the problems), ``scoring``, ``budget``, ``efficiency``, ``formula``,
``tables`` (the analysis of a unit-year, each table computed once), ``whatif``,
``rollup`` (a kabupaten's tables), ``teks`` (shared Indonesian words),
``serial`` (deterministic office-file bytes), ``paths`` (the project's folders).
Imports nothing else of lakip.
"""
