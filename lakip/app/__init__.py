"""Layer 4, runs and files out: atomic writes and the output folder's lock (``files``), chart files
(``grafik``), the papermill runner (``notebooks``), worker processes (``proses``), ``lakip run``
(``run``), batches (``batch``) and Dask (``dask``), the rollup files (``rollup``), the what-if files
(``skenario``), the template file (``isian``) and the command line (``cli``). Imports every layer.
"""
