"""Story clustering: features, the index and its state, the pair model, local regrouping.

The entry is :mod:`newsfuse.stories.cluster.index`, re-exported by :mod:`newsfuse.stories`; this
face imports nothing, so that a module of the package can be loaded alone.
"""

__all__: list[str] = []
