"""Optional integrations with other libraries, each imported only when used.

* :mod:`gongwen.integrations.dask`: a corpus as Dask DataFrames of metrics and headings
  (``pip install 'gongwen[dask]'``).
"""
