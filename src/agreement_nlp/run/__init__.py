"""Running the pipeline over a stream of articles: locally, in worker processes, on Dask."""
