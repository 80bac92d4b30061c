"""The 自评表 as a spreadsheet: read what units file, write what the reviewer returns."""
