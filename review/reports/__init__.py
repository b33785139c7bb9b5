"""Exports for authors: the PRISMA flow diagram, Table 3.1, the included-studies table, Vedlegg 1,
the search log and hand-offs. Each exporter takes plain data (a ``Flow``, the dataclasses from
``collect``) and writes one file; ``registry`` maps what × file suffix to the exporter."""
