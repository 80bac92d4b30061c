"""The built-in plugins. Each module registers one kind of thing through the ``scoring``
entry-point group, exactly as an outside plugin does; the code behind them is imported inside
the hooks, so loading the plugins costs next to nothing.
"""
