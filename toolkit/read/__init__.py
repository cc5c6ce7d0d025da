"""Reading inputs: files, YAML with line numbers, plain text helpers, amounts, Cerberus errors as problems."""
