"""The ``eventwire`` command line. Only this package prints or exits."""
