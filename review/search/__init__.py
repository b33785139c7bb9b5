"""Running a protocol's searches: the live Oria (Primo) client and Google Scholar query preparation.

``primo_query`` and ``scholar_query`` are pure functions from a query family to what each source
accepts; ``config`` reads ``[search.oria]``; ``primo_client`` does HTTP with retries and a rate limit;
``oria`` pages through one family's results, saves every raw page and hands the files to the import.
"""
