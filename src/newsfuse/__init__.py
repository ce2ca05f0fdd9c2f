"""newsfuse: cited multi-source news stories."""


def __getattr__(name: str) -> str:
    # __version__ is read from the installed package's metadata when first asked for:
    # importing importlib.metadata costs more than the rest of `newsfuse --help` together.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("newsfuse")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
